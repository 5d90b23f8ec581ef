"""Provides prompt coverage: which prompts of a schedule a participant's words have already covered."""
