"""Provides the interview itself: the pure session state machine, the running interview and its live transcription parts."""
