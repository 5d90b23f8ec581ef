"""Provides the audio stage: input devices, levels, crash-safe recording, WAV files, probing, playback, long-file decoding."""

CALL_DEVICE = "call"
"""The device value of the "call on this computer" input (the microphone and the computer's output, as two channels)."""
