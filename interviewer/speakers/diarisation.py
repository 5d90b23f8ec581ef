"""Provides who spoke when: stereo channel attribution, mono diarisation, and naming the interviewer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Protocol, Sequence

import numpy as np

from interviewer.speakers import clustering
from interviewer.speakers import voice_encoder as ve
from interviewer.speakers.scoring import read_rttm, speech_time_accuracy

__all__ = [
    "SpeakerTurn",
    "attribute_stereo",
    "merge_channel_words",
    "speech_regions",
    "diarise_mono",
    "assign_words",
    "label_interviewer",
    "label_by_enrolment",
    "speech_time_accuracy",
    "read_rttm",
]

FRAME_S = ve.HOP_SAMPLES / ve.SAMPLE_RATE  # 10 ms, the encoder's frame step
MAX_CLUSTERED_WINDOWS = 600
VAD_BLOCK_S = 10 * 60
"""Seconds of audio given to the voice activity detector at a time."""


class TimedWord(Protocol):
    start: float
    end: float


@dataclass(frozen=True)
class SpeakerTurn:
    """One stretch of speech by one speaker, in seconds from the start of the recording."""

    start: float
    end: float
    speaker: str


# ---------------------------------------------------------------- stereo


def _channel_power(audio: np.ndarray, sample_rate: int, start: float, end: float, pad_s: float) -> np.ndarray:
    a = max(0, int((start - pad_s) * sample_rate))
    b = min(len(audio), max(int((end + pad_s) * sample_rate), a + 1))
    span = audio[a:b].astype(np.float64)
    return (span**2).mean(axis=0) if len(span) else np.zeros(audio.shape[1])


def attribute_stereo(
    audio_stereo: np.ndarray,
    sample_rate: int,
    words: Sequence[TimedWord],
    labels: Sequence[str] | Mapping[int, str] = ("left", "right"),
    pad_s: float = 0.05,
) -> list[str]:
    """The label of the louder channel in each word's time span (padded by pad_s each side).

    Meant for a transcript of the mixed-down recording with one speaker per channel. Where both
    speakers talk at once the louder one wins; transcribe each channel instead and use
    merge_channel_words when overlap matters.
    """
    audio = np.asarray(audio_stereo)
    if audio.ndim != 2 or audio.shape[1] != 2:
        raise ValueError(f"expected audio of shape (samples, 2), got {audio.shape}")
    names = [labels[0], labels[1]]
    return [names[int(np.argmax(_channel_power(audio, sample_rate, w.start, w.end, pad_s)))] for w in words]


def merge_channel_words(
    channel_words: Sequence[Sequence[TimedWord]],
    audio_stereo: np.ndarray,
    sample_rate: int,
    labels: Sequence[str] = ("left", "right"),
    crosstalk_db: float = 15.0,
) -> list[tuple[TimedWord, str]]:
    """Words transcribed from each channel separately, in time order, each with its channel's label.

    A word is dropped as crosstalk (the other person's voice leaking into this microphone) when its
    own channel is more than crosstalk_db quieter than another channel over the word.
    """
    audio = np.asarray(audio_stereo)
    merged = []
    for channel, words in enumerate(channel_words):
        for word in words:
            power = _channel_power(audio, sample_rate, word.start, word.end, 0.0) + 1e-12
            if 10 * np.log10(power.max() / power[channel]) <= crosstalk_db:
                merged.append((word, labels[channel]))
    merged.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return merged


# ---------------------------------------------------------------- mono diarisation


def speech_regions(audio: np.ndarray, min_silence_s: float = 0.15, pad_s: float = 0.05) -> list[tuple[float, float]]:
    """Speech stretches (seconds) in 16 kHz mono audio, from faster-whisper's bundled Silero VAD."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(
        threshold=0.5,
        min_speech_duration_ms=100,
        min_silence_duration_ms=int(min_silence_s * 1000),
        speech_pad_ms=int(pad_s * 1000),
    )
    audio = np.asarray(audio, np.float32)
    # Silero's working memory grows with its input (~700 MB for two hours): run it block by block, and
    # join a stretch cut by a block boundary.
    block = VAD_BLOCK_S * ve.SAMPLE_RATE
    regions: list[tuple[float, float]] = []
    for offset in range(0, len(audio), block):
        boundary = offset / ve.SAMPLE_RATE
        for stamp in get_speech_timestamps(audio[offset:offset + block], options, sampling_rate=ve.SAMPLE_RATE):
            start, end = boundary + stamp["start"] / ve.SAMPLE_RATE, boundary + stamp["end"] / ve.SAMPLE_RATE
            joins = regions and offset and regions[-1][1] >= boundary - pad_s - 0.05 and start <= boundary + pad_s + 0.05
            if joins:
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
    return regions


@dataclass
class _Windows:
    starts: np.ndarray  # first frame of each window
    lengths: np.ndarray  # frames in each window


def _windows_in_regions(regions: list[tuple[int, int]], window: int, hop: int, shortest: int) -> _Windows:
    starts, lengths = [], []
    for a, b in regions:
        length = b - a
        if length < shortest:
            continue
        if length <= window:
            starts.append(a)
            lengths.append(length)
            continue
        count = int(np.ceil((length - window) / hop)) + 1
        for s in np.linspace(a, b - window, count).round().astype(int):
            starts.append(int(s))
            lengths.append(window)
    return _Windows(np.array(starts, dtype=int), np.array(lengths, dtype=int))


def _embed_windows(encoder: ve.VoiceEncoder, mel: np.ndarray, windows: _Windows) -> np.ndarray:
    out = np.zeros((len(windows.starts), ve.EMBEDDING_SIZE), np.float32)
    for length in np.unique(windows.lengths):
        chosen = np.flatnonzero(windows.lengths == length)
        out[chosen] = encoder.embed_mel_windows(mel, windows.starts[chosen], int(length))
    return out


def _runs(labels: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, end, value) of each run of equal values; -1 marks non-speech."""
    if len(labels) == 0:
        return []
    change = np.flatnonzero(np.diff(labels)) + 1
    bounds = np.concatenate([[0], change, [len(labels)]])
    return [(int(a), int(b), int(labels[a])) for a, b in zip(bounds[:-1], bounds[1:])]


def _absorb_short_runs(labels: np.ndarray, shortest: int) -> np.ndarray:
    """Relabel speech runs shorter than `shortest` frames with the label of a longer neighbour."""
    labels = labels.copy()
    for _ in range(3):
        changed = False
        runs = _runs(labels)
        for i, (a, b, value) in enumerate(runs):
            if value < 0 or b - a >= shortest:
                continue
            neighbours = [runs[j] for j in (i - 1, i + 1) if 0 <= j < len(runs) and runs[j][2] >= 0]
            if neighbours:
                longest = max(neighbours, key=lambda r: r[1] - r[0])
                if longest[2] != value:
                    labels[a:b] = longest[2]
                    changed = True
        if not changed:
            break
    return labels


def _bridge_pauses(labels: np.ndarray, longest: int) -> np.ndarray:
    """Fill non-speech runs of at most `longest` frames between two speech runs: a pause inside one
    speaker's turn joins it, a gap between two speakers is split at its middle."""
    labels = labels.copy()
    runs = _runs(labels)
    for i, (a, b, value) in enumerate(runs):
        if value >= 0 or b - a > longest or i == 0 or i == len(runs) - 1:
            continue
        before, after = runs[i - 1][2], runs[i + 1][2]
        middle = (a + b) // 2
        labels[a:middle] = before
        labels[middle:b] = after
    return labels


@dataclass
class EmbeddedVoices:
    """A stretch of mono audio's speech, embedded: what clustering needs to tell its voices apart.

    Frames count 10 ms from the start of the whole recording, so stretches embedded one after another
    (while an interview is recorded) join into one with `EmbeddedVoices.joined`.
    """

    regions: list[tuple[int, int]]
    """Speech regions, in frames."""
    windows: _Windows
    embeddings: np.ndarray
    frames: int
    """Frames up to the end of the stretch."""

    @classmethod
    def joined(cls, stretches: Sequence["EmbeddedVoices"]) -> "EmbeddedVoices":
        return cls(
            regions=[region for stretch in stretches for region in stretch.regions],
            windows=_Windows(np.concatenate([s.windows.starts for s in stretches] or [np.zeros(0, int)]),
                             np.concatenate([s.windows.lengths for s in stretches] or [np.zeros(0, int)])),
            embeddings=np.concatenate([s.embeddings for s in stretches] or [np.zeros((0, ve.EMBEDDING_SIZE))]),
            frames=max((s.frames for s in stretches), default=0),
        )


def embed_voices(
    audio: np.ndarray,
    sample_rate: int,
    window_s: float = 1.2,
    hop_s: float = 0.2,
    encoder: ve.VoiceEncoder | None = None,
    scratch_audio: bool = False,
    offset_s: float = 0.0,
) -> EmbeddedVoices:
    """Speech regions from Silero VAD, and windows of window_s inside each embedded with the voice encoder.

    `offset_s` is where `audio` starts in the recording (a whole number of 10 ms frames); `scratch_audio`
    lets it rescale `audio` in place instead of copying it (an hour is ~230 MB).
    """
    encoder = encoder or ve.default_encoder()
    wav = ve.prepare_audio(audio, sample_rate, in_place=scratch_audio)
    first = int(round(offset_s / FRAME_S))
    n_frames = len(wav) // ve.HOP_SAMPLES + 1
    regions_s = speech_regions(wav)
    empty = _Windows(np.zeros(0, dtype=int), np.zeros(0, dtype=int))
    if not regions_s:
        return EmbeddedVoices([], empty, np.zeros((0, ve.EMBEDDING_SIZE), np.float32), first + n_frames)
    mel = ve.mel_spectrogram(wav)
    n_frames = len(mel)
    regions = [(int(a / FRAME_S), min(int(np.ceil(b / FRAME_S)), n_frames)) for a, b in regions_s]
    window = int(round(window_s / FRAME_S))
    hop = max(1, int(round(hop_s / FRAME_S)))
    windows = _windows_in_regions(regions, window, hop, shortest=10)
    embeddings = _embed_windows(encoder, mel, windows) if len(windows.starts) else \
        np.zeros((0, ve.EMBEDDING_SIZE), np.float32)
    return EmbeddedVoices([(a + first, b + first) for a, b in regions],
                          _Windows(windows.starts + first, windows.lengths), embeddings, first + n_frames)


def voice_turns(
    voices: EmbeddedVoices,
    num_speakers: int = 2,
    window_s: float = 1.2,
    shortest_turn_s: float = 0.3,
    bridge_s: float = 2.0,
) -> list[SpeakerTurn]:
    """Who spoke when, from embedded speech: the windows are clustered into num_speakers; every speech frame
    takes the speaker whose centroid best matches the windows covering it. Pauses up to bridge_s between
    speech are closed (a turn includes its speaker's pauses) and turns shorter than shortest_turn_s are
    merged into a neighbour. Turns are labelled "S1", "S2", ... in order of first speech."""
    windows, embeddings, n_frames, regions = voices.windows, voices.embeddings, voices.frames, voices.regions
    if len(windows.starts) == 0:
        return []
    window = int(round(window_s / FRAME_S))

    # Cluster only windows long enough to say who is speaking, then score every window.
    trusted = windows.lengths >= min(window, 60)
    if trusted.sum() < num_speakers:
        trusted[:] = True
    chosen = embeddings[trusted]
    # Clustering is cubic in the number of windows: on long recordings it sees an even sample of
    # them, and cosine k-means over all windows then settles the centroids.
    sample = np.linspace(0, len(chosen) - 1, min(len(chosen), MAX_CLUSTERED_WINDOWS)).round().astype(int)
    centres = clustering.centroids(
        chosen[sample], clustering.cluster_speakers(chosen[sample], num_speakers), num_speakers
    )
    labels = clustering.cosine_similarity(chosen, centres).argmax(axis=1)
    labels = clustering.refine_by_centroids(chosen, labels, num_speakers)
    centres = clustering.centroids(chosen, labels, num_speakers)
    scores = clustering.cosine_similarity(embeddings, centres)

    # Each frame sums the scores of the windows that cover it.
    frame_scores = np.zeros((n_frames, num_speakers))
    coverage = np.zeros(n_frames)
    for start, length, score in zip(windows.starts, windows.lengths, scores):
        frame_scores[start : start + length] += score
        coverage[start : start + length] += 1
    frame_labels = np.full(n_frames, -1)
    for a, b in regions:
        if coverage[a:b].any():  # windows cover a region whole, or not at all when it is too short
            frame_labels[a:b] = frame_scores[a:b].argmax(axis=1)
    frame_labels = _bridge_pauses(frame_labels, int(round(bridge_s / FRAME_S)))
    frame_labels = _absorb_short_runs(frame_labels, int(round(shortest_turn_s / FRAME_S)))

    order: dict[int, str] = {}
    turns = []
    for a, b, value in _runs(frame_labels):
        if value < 0:
            continue
        name = order.setdefault(value, f"S{len(order) + 1}")
        turns.append(SpeakerTurn(round(a * FRAME_S, 2), round(b * FRAME_S, 2), name))
    return turns


def diarise_mono(
    audio: np.ndarray,
    sample_rate: int,
    num_speakers: int = 2,
    window_s: float = 1.2,
    hop_s: float = 0.2,
    shortest_turn_s: float = 0.3,
    bridge_s: float = 2.0,
    encoder: ve.VoiceEncoder | None = None,
    scratch_audio: bool = False,
) -> list[SpeakerTurn]:
    """Who spoke when in a mono recording, as turns labelled "S1", "S2", ... in order of first speech
    (`embed_voices`, then `voice_turns`)."""
    voices = embed_voices(audio, sample_rate, window_s, hop_s, encoder, scratch_audio)
    return voice_turns(voices, num_speakers, window_s, shortest_turn_s, bridge_s)


# ---------------------------------------------------------------- words and names


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def assign_words(words: Sequence[TimedWord], turns: Sequence[SpeakerTurn]) -> list[str | None]:
    """The speaker of each word: the turn it overlaps most, else the nearest turn (None if no turns)."""
    if not turns:
        return [None] * len(words)
    result = []
    for word in words:
        best = max(turns, key=lambda t: _overlap(word.start, word.end, t.start, t.end))
        if _overlap(word.start, word.end, best.start, best.end) <= 0:
            middle = (word.start + word.end) / 2
            best = min(turns, key=lambda t: max(t.start - middle, middle - t.end, 0.0))
        result.append(best.speaker)
    return result


def label_interviewer(
    turns: Sequence[SpeakerTurn], question_times: Sequence[float], listen_s: float = 5.0
) -> str | None:
    """The speaker label that is the interviewer: the one who talks most in the listen_s seconds after
    each moment the interviewer marked asking a question (None if nobody talks then)."""
    talk: dict[str, float] = {}
    for moment in question_times:
        for turn in turns:
            talk[turn.speaker] = talk.get(turn.speaker, 0.0) + _overlap(
                moment, moment + listen_s, turn.start, turn.end
            )
    talk = {k: v for k, v in talk.items() if v > 0}
    return max(talk, key=talk.get) if talk else None


def speaker_embeddings(
    turns: Sequence[SpeakerTurn],
    audio: np.ndarray,
    sample_rate: int,
    encoder: ve.VoiceEncoder | None = None,
    max_seconds: float = 60.0,
) -> dict[str, np.ndarray]:
    """One embedding per speaker label, from (up to max_seconds of) that speaker's turns."""
    encoder = encoder or ve.default_encoder()
    wav = ve.prepare_audio(audio, sample_rate)
    pieces: dict[str, list[np.ndarray]] = {}
    for turn in sorted(turns, key=lambda t: t.start - t.end):  # longest turns first
        taken = sum(len(p) for p in pieces.get(turn.speaker, [])) / ve.SAMPLE_RATE
        if taken < max_seconds:
            pieces.setdefault(turn.speaker, []).append(
                wav[int(turn.start * ve.SAMPLE_RATE) : int(turn.end * ve.SAMPLE_RATE)]
            )
    return {name: encoder.embed_utterance(np.concatenate(p)) for name, p in pieces.items()}


def label_by_enrolment(
    turns: Sequence[SpeakerTurn],
    audio: np.ndarray,
    sample_rate: int,
    enrolment_audio: np.ndarray,
    enrolment_rate: int | None = None,
    encoder: ve.VoiceEncoder | None = None,
) -> str | None:
    """The speaker label whose voice is closest to an enrolment clip (say, the interviewer reading a
    consent statement), or None when there are no turns."""
    encoder = encoder or ve.default_encoder()
    voices = speaker_embeddings(turns, audio, sample_rate, encoder)
    if not voices:
        return None
    enrolled = encoder.embed_utterance(ve.prepare_audio(enrolment_audio, enrolment_rate or sample_rate))
    return max(voices, key=lambda name: float(voices[name] @ enrolled))
