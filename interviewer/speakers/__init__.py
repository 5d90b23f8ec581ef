"""Provides the who-spoke-when stage: channels, the voice encoder, clustering, scoring, attribution and speaker roles."""
