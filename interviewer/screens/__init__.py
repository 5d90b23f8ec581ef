"""Provides the app's screens, one per module."""
