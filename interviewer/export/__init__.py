"""Provides exports for coders: one module per format, all rendered from a TranscriptDocument."""
