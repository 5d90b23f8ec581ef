"""Provides the app's widgets, one per module."""
