"""Provides a two-sided conversation for call-input tests: the interviewer's track, the participant's, and who spoke when."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from conftest import SPEECH, speech_references

RATE = 16000
GAP_SECONDS = 0.8
LEAD_SECONDS = 1.0
INTERVIEWER_FILES = [SPEECH / "harvard" / f"spk1_snt{n}.wav" for n in range(1, 5)]
PARTICIPANT_FILES = [SPEECH / "jfk.flac"] + [SPEECH / "harvard" / f"spk2_snt{n}.wav" for n in range(1, 5)]
TURNS = [(0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (1, 2), (0, 3), (1, 3), (1, 4)]
"""(side, file number): the interviewer (0) and the participant (1) take turns."""


@dataclass
class Conversation:
    tracks: tuple[np.ndarray, np.ndarray]
    """The interviewer's and the participant's audio (16 kHz float), equally long, each silent while the other speaks."""
    turns: list[tuple[int, float, float]]
    """(side, start, end) in seconds from the tracks' start."""
    references: tuple[str, str]
    """What each side says, in order."""

    @property
    def seconds(self) -> float:
        return len(self.tracks[0]) / RATE

    def side_at(self, moment: float) -> int | None:
        """Who was speaking at a moment of the tracks (with a little slack at turn edges)."""
        for side, start, end in self.turns:
            if start - 0.3 <= moment <= end + 0.3:
                return side
        return None

    def write(self, folder: Path, repeat: int = 1) -> tuple[Path, Path]:
        """The two tracks as 16-bit WAV files (played `repeat` times over), for paplay."""
        import soundfile

        paths = []
        for side, track in enumerate(self.tracks):
            path = Path(folder) / f"side{side}-x{repeat}.wav"
            soundfile.write(str(path), np.tile(track, repeat), RATE, subtype="PCM_16")
            paths.append(path)
        return paths[0], paths[1]


def conversation() -> Conversation:
    from faster_whisper import decode_audio

    files = (INTERVIEWER_FILES, PARTICIPANT_FILES)
    references = speech_references()
    pieces = ([np.zeros(int(LEAD_SECONDS * RATE), np.float32)], [np.zeros(int(LEAD_SECONDS * RATE), np.float32)])
    said = ([], [])
    turns = []
    at = LEAD_SECONDS
    for side, number in TURNS:
        audio = decode_audio(str(files[side][number]))
        gap = np.zeros(int(GAP_SECONDS * RATE), np.float32)
        pieces[side].extend([audio, gap])
        pieces[1 - side].extend([np.zeros(len(audio), np.float32), gap])
        turns.append((side, at, at + len(audio) / RATE))
        at += (len(audio) + len(gap)) / RATE
        said[side].append(references[str(files[side][number])])
    tracks = tuple(np.concatenate(piece) for piece in pieces)
    return Conversation(tracks, turns, (" ".join(said[0]), " ".join(said[1])))
