"""Provides live transcription: audio arrives in chunks, is cut at pauses, and is transcribed in the background."""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from interviewer.transcribe.live_guards import is_silence_filler, is_too_fast_to_be_said, without_repeats
from interviewer.transcribe.whisper import Transcriber, TranscriptSegment, from_faster_whisper, shifted

SAMPLE_RATE = 16000


@dataclass(frozen=True)
class LiveSettings:
    """How audio is cut into pieces; longer pieces give Whisper more context but show words later."""

    min_piece: float = 3.0
    """Seconds of audio gathered before a pause may end a piece."""
    max_piece: float = 12.0
    """A piece is cut at its longest pause once it reaches this length, pause or not."""
    min_pause: float = 0.8
    """Silence, in seconds, that counts as a pause between utterances."""
    check_every: float = 1.0
    """Seconds of new audio between voice-activity checks."""
    prompt_characters: int = 0
    """How much of the previous text is given to Whisper as context for the next piece (0: none). Measured
    (scripts/bench_live.py): a prompt made short pieces re-emit it and invent text in their closing pause,
    and slowed them down with fallback decodes; without one the draft had fewer errors."""
    tail_pause: float | None = None
    """Seconds of the closing pause kept at the end of a piece (None: half of it)."""
    condition_on_previous_text: bool = False
    """Whether Whisper conditions each window of a piece on its own earlier text (on: a piece's tail repeated
    what it had just written)."""
    hallucination_silence_threshold: float | None = None
    """faster-whisper skips silences longer than this (seconds) around a likely hallucination."""
    no_speech_threshold: float | None = 0.6
    """faster-whisper drops a window whose no-speech probability is above this and whose text is unlikely."""
    log_prob_threshold: float | None = -1.0
    """The average log probability under which a window's text counts as unlikely."""
    compression_ratio_threshold: float | None = 2.4
    """Text that compresses better than this (a loop) is decoded again at a higher temperature."""
    guards: bool = True
    """Drop filler made up in silence and exact repeats across piece joins (see live_guards)."""


@dataclass
class Piece:
    offset: float
    audio: np.ndarray
    final: bool = False


@dataclass
class LiveStats:
    pieces: int = 0
    audio_seconds: float = 0.0
    busy_seconds: float = 0.0
    piece_times: list[tuple[float, float, float]] = field(default_factory=list)
    """(audio offset at which the piece ended, its length, seconds spent transcribing it)."""


class PauseCutter:
    """Collects 16 kHz mono audio and hands out pieces that end in a pause (never mid-word)."""

    def __init__(self, settings: LiveSettings | None = None):
        from faster_whisper.vad import VadOptions

        self.settings = settings or LiveSettings()
        self._vad_options = VadOptions(min_silence_duration_ms=int(self.settings.min_pause * 1000), speech_pad_ms=200)
        self._buffer = np.zeros(0, dtype=np.float32)
        self._offset = 0.0
        self._unchecked = 0

    @property
    def offset(self) -> float:
        """Where the audio not yet handed out as a piece (or dropped as silence) begins."""
        return self._offset

    def feed(self, audio: np.ndarray) -> list[Piece]:
        self._buffer = np.concatenate([self._buffer, np.asarray(audio, dtype=np.float32)])
        self._unchecked += len(audio)
        pieces = []
        while self._unchecked >= self.settings.check_every * SAMPLE_RATE:
            self._unchecked = 0
            piece = self._cut()
            if piece is None:
                break
            pieces.append(piece)
        return pieces

    def flush(self) -> Piece | None:
        if len(self._buffer) < SAMPLE_RATE * 0.2:
            return None
        piece = Piece(self._offset, self._buffer, final=True)
        self._offset += len(self._buffer) / SAMPLE_RATE
        self._buffer = np.zeros(0, dtype=np.float32)
        return piece

    def _cut(self) -> Piece | None:
        from faster_whisper.vad import get_speech_timestamps

        length = len(self._buffer) / SAMPLE_RATE
        if length < self.settings.min_piece:
            return None
        speech = get_speech_timestamps(self._buffer, self._vad_options)
        if not speech:  # silence only: drop it, keeping the clock right
            return self._take(len(self._buffer), keep_audio=False)
        pause = self.settings.min_pause * SAMPLE_RATE
        tail_silence = len(self._buffer) - speech[-1]["end"]
        if tail_silence >= pause:
            kept = tail_silence // 2 if self.settings.tail_pause is None else \
                min(tail_silence, int(self.settings.tail_pause * SAMPLE_RATE))
            return self._take(speech[-1]["end"] + kept)
        if length >= self.settings.max_piece:
            gaps = [(speech[i + 1]["start"] - speech[i]["end"], i) for i in range(len(speech) - 1)]
            if gaps:
                _, index = max(gaps)
                return self._take((speech[index]["end"] + speech[index + 1]["start"]) // 2)
            return self._take(len(self._buffer))
        return None

    def _take(self, samples: int, keep_audio: bool = True) -> Piece | None:
        audio, self._buffer = self._buffer[:samples], self._buffer[samples:]
        piece = Piece(self._offset, audio) if keep_audio else None
        self._offset += samples / SAMPLE_RATE
        return piece


class LiveTranscriber:
    """Feeds recorder chunks through a PauseCutter and transcribes pieces on a background thread.

    `on_segments` is called from that thread with each piece's segments, times relative to the start
    of the recording. Call `finish()` when recording stops: it returns the complete transcript.
    """

    def __init__(self, transcriber: Transcriber, on_segments: Callable[[list[TranscriptSegment]], None] | None = None,
                 settings: LiveSettings | None = None, input_rate: int = SAMPLE_RATE):
        self.transcriber = transcriber
        self.settings = settings or LiveSettings()
        self.cutter = PauseCutter(self.settings)
        self.on_segments = on_segments
        self.input_rate = input_rate
        self.segments: list[TranscriptSegment] = []
        self.stats = LiveStats()
        self.error: BaseException | None = None
        self.fed_seconds = 0.0
        """Seconds of audio received so far (the recording offset of the newest chunk's end)."""
        self._queued_until = 0.0
        self._done_until = 0.0
        self._pieces: queue.Queue[Piece | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="live-transcriber", daemon=True)
        self._thread.start()

    def feed(self, chunk: np.ndarray) -> None:
        """Accept a chunk of audio (frames × channels or mono) at `input_rate`: float in [-1, 1], or int16 as
        the recorder hands it over."""
        mono = chunk.mean(axis=1) if chunk.ndim == 2 else chunk
        if np.issubdtype(chunk.dtype, np.integer):
            mono = np.asarray(mono, dtype=np.float32) / 32768.0
        if self.input_rate != SAMPLE_RATE:
            mono = _resample(mono, self.input_rate, SAMPLE_RATE)
        with self._lock:
            self.fed_seconds += len(chunk) / self.input_rate
            for piece in self.cutter.feed(mono):
                self._queued_until = piece.offset + len(piece.audio) / SAMPLE_RATE
                self._pieces.put(piece)

    def finish(self, timeout: float | None = None) -> list[TranscriptSegment]:
        with self._lock:
            last = self.cutter.flush()
            if last is not None:
                self._pieces.put(last)
            self._pieces.put(None)
        self._thread.join(timeout)
        if self.error:
            raise self.error
        return list(self.segments)

    @property
    def backlog(self) -> int:
        return self._pieces.qsize()

    @property
    def seconds_behind(self) -> float:
        """How far the shown transcript trails the audio: what waits for a pause, plus pieces not yet transcribed."""
        with self._lock:
            idle = self._done_until >= self._queued_until - 1e-6
            done = self.cutter.offset if idle else self._done_until
            return max(0.0, self.fed_seconds - done)

    def _work(self) -> None:
        finished = False
        while not finished:
            piece = self._pieces.get()
            if piece is None:
                return
            piece, finished = self._join_waiting(piece)
            try:
                self._transcribe(piece)
            except BaseException as error:  # reported by finish(); the recording itself is unaffected
                self.error = error
                return

    def _join_waiting(self, piece: Piece) -> tuple[Piece, bool]:
        """Join pieces that queued up while the worker was busy, up to `max_piece` of audio.

        Whisper pads every input to 30 s, so a backlog of short pieces costs far more than one longer
        piece: when the machine falls behind, pieces grow and the backlog clears.
        """
        limit = self.settings.max_piece * SAMPLE_RATE
        parts = [piece.audio]
        length = len(piece.audio)
        while True:
            try:
                following = self._pieces.queue[0]
            except IndexError:
                break
            if following is None:
                self._pieces.get()
                return Piece(piece.offset, np.concatenate(parts), piece.final), True
            contiguous = abs(piece.offset + length / SAMPLE_RATE - following.offset) < 0.01
            if not contiguous or length + len(following.audio) > limit:
                break
            self._pieces.get()
            parts.append(following.audio)
            length += len(following.audio)
        return Piece(piece.offset, np.concatenate(parts) if len(parts) > 1 else piece.audio, piece.final), False

    def _transcribe(self, piece: Piece) -> None:
        started = time.perf_counter()
        model = self.transcriber.load()
        settings = self.transcriber.settings
        characters = self.settings.prompt_characters
        prompt = (" ".join(s.text for s in self.segments)[-characters:] or None) if characters else None
        segments, _ = model.transcribe(
            piece.audio,
            language=None if self.transcriber.resolved.multilingual else "en",
            beam_size=settings.beam_size,
            vad_filter=True,
            word_timestamps=settings.word_timestamps,
            initial_prompt=prompt,
            condition_on_previous_text=self.settings.condition_on_previous_text,
            hallucination_silence_threshold=self.settings.hallucination_silence_threshold,
            no_speech_threshold=self.settings.no_speech_threshold,
            log_prob_threshold=self.settings.log_prob_threshold,
            compression_ratio_threshold=self.settings.compression_ratio_threshold,
        )
        new = [shifted(from_faster_whisper(segment), piece.offset) for segment in segments
               if not (self.settings.guards and (
                   is_silence_filler(segment.no_speech_prob, segment.avg_logprob)
                   or is_too_fast_to_be_said(segment.text, segment.start, segment.end, segment.avg_logprob)))]
        if self.settings.guards:
            new = without_repeats(self.segments, new)
        busy = time.perf_counter() - started
        length = len(piece.audio) / SAMPLE_RATE
        self.stats.pieces += 1
        self.stats.audio_seconds += length
        self.stats.busy_seconds += busy
        self.stats.piece_times.append((piece.offset + length, length, busy))
        self.segments.extend(new)
        with self._lock:
            self._done_until = piece.offset + length
        if new and self.on_segments:
            self.on_segments(new)


def _resample(audio: np.ndarray, source_rate: int, target_rate: int) -> np.ndarray:
    """Linear-interpolation resampling; enough for speech recognition at 16 kHz from 44.1/48 kHz input."""
    if len(audio) == 0:
        return audio.astype(np.float32)
    duration = len(audio) / source_rate
    target_times = np.arange(int(duration * target_rate)) / target_rate
    return np.interp(target_times, np.arange(len(audio)) / source_rate, audio).astype(np.float32)


def simulate_stop_to_complete(piece_times: list[tuple[float, float, float]], audio_end: float) -> float:
    """Seconds from the end of recording to the last piece transcribed, had audio arrived in real time.

    Each piece becomes available when its audio has been spoken; the worker handles one piece at a time.
    """
    finished = 0.0
    for available_at, _length, busy in piece_times:
        finished = max(finished, available_at) + busy
    return max(0.0, finished - audio_end)
