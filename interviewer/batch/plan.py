"""Provides the coordinator's plan for one interview: its recordings read once, cut into windows at pauses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.batch.worker import SAMPLE_RATE, WindowJob
from interviewer.store import Interview, Recording, Study, StoreError

CLUSTER_WINDOW = 5 * 60
"""Seconds of recording per task: short enough that one long interview keeps several workers busy."""


def recording_samples(study: Study, recording: Recording, *, stereo: bool) -> np.ndarray:
    """A recording's audio as 16 kHz 16-bit samples, (n,) or (n, 2): the one place the coordinator reads audio.

    A recording encrypted at rest is decrypted in memory as it is read: nothing is decrypted to disk, the
    study key stays with the coordinator, and workers only ever receive samples in memory.
    """
    from interviewer.audio.long_audio import read_pcm16
    from interviewer.audio.source import opened_audio, stored_audio

    with opened_audio(stored_audio(study, recording)) as stream:  # StoreError when missing or deleted
        return read_pcm16(stream, stereo=stereo)


@dataclass
class RecordingPlan:
    """How one recording part is transcribed: its windows and, for speaker attribution, the audio to use."""

    recording: Recording
    windows: list[WindowJob]
    speaker_audio: np.ndarray | None
    """(n, 2) samples when each channel is one party, (n,) for attribution by voice, None without speakers."""
    source: str | None
    """How speakers are found: 'channel', 'voice' or None."""

    @property
    def seconds(self) -> float:
        return self.recording.duration


def plan_recording(study: Study, recording: Recording, *, speakers: int, window_seconds: float,
                   hotwords: str | None = None) -> RecordingPlan:
    """Read a recording and cut it into window jobs, as the one-machine pipeline would transcribe it (with the
    interview's known names as `hotwords`)."""
    from interviewer.speakers.attribution import channels_are_separate

    if speakers == 2 and recording.channels == 2:
        stereo = recording_samples(study, recording, stereo=True)
        if channels_are_separate(stereo[:, 0], stereo[:, 1]):
            jobs = [job for channel in (0, 1)
                    for job in _jobs(recording, np.ascontiguousarray(stereo[:, channel]), channel, window_seconds,
                                     weight=0.5, hotwords=hotwords)]
            return RecordingPlan(recording, jobs, stereo, "channel")
    mono = recording_samples(study, recording, stereo=False)
    jobs = _jobs(recording, mono, None, window_seconds, weight=1.0, hotwords=hotwords)
    if speakers < 2:
        return RecordingPlan(recording, jobs, None, None)
    return RecordingPlan(recording, jobs, mono, "voice")


def _jobs(recording: Recording, samples: np.ndarray, channel: int | None, window_seconds: float,
          weight: float, hotwords: str | None) -> list[WindowJob]:
    from interviewer.audio.long_audio import pause_cuts

    return [WindowJob(recording.interview_id, recording.id, channel, number, start / SAMPLE_RATE, samples[start:end],
                      weight * (end - start) / SAMPLE_RATE, hotwords)
            for number, (start, end) in enumerate(pause_cuts(samples, window_seconds))]


def plan_interview(study: Study, interview: Interview, *, speakers: int,
                   window_seconds: float = CLUSTER_WINDOW) -> list[RecordingPlan]:
    recordings = study.recordings(interview.id)
    if not recordings:
        raise StoreError(f"Interview #{interview.id} has no recording to transcribe.")
    from interviewer.transcribe.known_words import interview_hotwords

    hotwords = interview_hotwords(study, interview)
    return [plan_recording(study, recording, speakers=speakers, window_seconds=window_seconds, hotwords=hotwords)
            for recording in recordings]
