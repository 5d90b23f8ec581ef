"""Offline interview assistant and transcript processor for qualitative researchers."""

__version__ = "0.1.0"
