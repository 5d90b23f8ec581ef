"""Provides review: decisions on detected identifiers (redactions), and corrections of the transcript (speakers, items, words)."""
