"""Provides the transcription stage: faster-whisper with words and confidences, the model catalogue, live transcription."""
