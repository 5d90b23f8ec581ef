"""Provides the audio stage: input devices, levels, crash-safe recording, WAV files, probing, playback, long-file decoding."""
