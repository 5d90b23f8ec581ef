"""Provides local speech-to-text with faster-whisper: models from the catalogue, words with timestamps."""

from __future__ import annotations

import copy
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from interviewer.transcribe import models

if TYPE_CHECKING:
    import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ProgressCallback = Callable[[float, float], None]
"""Called with (seconds transcribed, total seconds)."""


@dataclass(frozen=True)
class TranscriptionSettings:
    """The decoding settings; the same as a plain faster-whisper run so results can be compared."""

    compute_type: str = "int8"
    beam_size: int = 5
    vad_filter: bool = True
    word_timestamps: bool = True
    condition_on_previous_text: bool = True
    """Each 30-second window is decoded with the text of the one before. Whisper then skips passages more often (12.7%
    of the words of 20 spoken interviews in scripts/bench_dropped_speech.py, against 2.5% without), but once the gaps
    are listened to again (Transcriber._with_gaps_heard) almost none is lost either way (0.1%, 0.0%), and the word
    error rate is lower with it (0.234 against 0.242)."""
    gaps_heard_again: bool = True
    """A long gap between transcribed segments that has speech in it is transcribed on its own (see
    Transcriber._with_gaps_heard)."""
    cpu_threads: int = 0
    """0 lets CTranslate2 choose (one thread per core)."""
    num_workers: int = 1
    """Model replicas for calls from several threads at once (a Dask worker running several tasks)."""
    batch_size: int = 0
    """Above 0, audio of at least `batched_from` seconds is decoded with faster-whisper's batched pipeline,
    this many speech chunks at a time; 0 keeps sequential decoding everywhere."""
    batched_from: float = 120.0


@dataclass
class Word:
    start: float
    end: float
    word: str
    probability: float
    speaker: str | None = None


@dataclass
class TranscriptSegment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    speaker: str | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        if self.speaker is None:
            data.pop("speaker")
        for word in data["words"]:
            if word["speaker"] is None:
                word.pop("speaker")
        return data


@dataclass
class Transcript:
    model: str
    language: str
    duration: float
    segments: list[TranscriptSegment]

    def as_dict(self) -> dict:
        return {
            "model": self.model,
            "language": self.language,
            "duration": round(self.duration, 3),
            "segments": [segment.as_dict() for segment in self.segments],
        }


class _LoadedModel:
    """The model a Transcriber loaded, shared with the copies `Transcriber.with_hotwords` makes."""

    whisper = None
    batched = None


class Transcriber:
    """Loads a Whisper model once (lazily) and transcribes files or arrays with it."""

    def __init__(self, model: "str | models.ResolvedModel | None" = None, settings: TranscriptionSettings | None = None,
                 hotwords: str | None = None):
        self.resolved = model if isinstance(model, models.ResolvedModel) else models.resolve(model)
        self.settings = settings or TranscriptionSettings()
        self.hotwords = hotwords
        """Names the study knows (see `transcribe.known_words`): a stretch where Whisper may have misheard a name is
        heard again told them, and it then spells them so (see `_with_known_names_heard`)."""
        self._loaded = _LoadedModel()

    @property
    def model_name(self) -> str:
        return self.resolved.name

    def with_hotwords(self, hotwords: str | None) -> "Transcriber":
        """This transcriber, sharing its model (loaded or not), with `hotwords` in place of its own."""
        twin = copy.copy(self)
        twin.hotwords = hotwords
        return twin

    def load(self):
        if self._loaded.whisper is None:
            import ctranslate2
            from faster_whisper import WhisperModel

            # The model's decoding thread seeds its sampler (used when a plain decode fails Whisper's checks and it
            # falls back to sampling) when it starts: a fixed seed makes a run give the same transcript every time.
            ctranslate2.set_random_seed(SAMPLING_SEED)
            self._loaded.whisper = WhisperModel(
                str(self.resolved.path),
                device="cpu",
                compute_type=self.settings.compute_type,
                cpu_threads=self.settings.cpu_threads,
                num_workers=self.settings.num_workers,
                local_files_only=True,
            )
        return self._loaded.whisper

    def transcribe(self, audio, progress: ProgressCallback | None = None, language: str | None = None) -> Transcript:
        """Transcribe a file path, a sealed recording (`audio.source.SealedAudio`) or a 16 kHz mono float32 array."""
        audio = _samples(audio)  # decoded once, for the decoding and the gaps; a sealed one decrypted in memory
        segments, info = self._run(audio, language)
        collected = []
        for segment in segments:
            collected.append(segment)
            if progress:
                progress(min(segment.end, info.duration), info.duration)
        heard = self._with_gaps_heard(audio, [from_faster_whisper(s) for s in collected], info.duration, info.language)
        if self.hotwords:
            heard = self._with_known_names_heard(audio, heard, info.language)
        if progress:
            progress(info.duration, info.duration)
        return Transcript(model=self.model_name, language=info.language, duration=info.duration, segments=heard)

    def _with_gaps_heard(self, audio: np.ndarray, segments: list[TranscriptSegment], duration: float,
                         language: str) -> list[TranscriptSegment]:
        """`segments` with what was said in their long gaps: Whisper can jump its timestamps past a passage of
        speech and never transcribe it. A gap of GAP_SECONDS or more with speech in it is transcribed on its own."""
        ends = [0.0] + [s.end for s in segments]
        starts = [s.start for s in segments] + [duration]
        gaps = [(end, start) for end, start in zip(ends, starts) if start - end >= GAP_SECONDS]
        if not gaps or not self.settings.gaps_heard_again:
            return segments
        from faster_whisper.vad import get_speech_timestamps

        found: list[TranscriptSegment] = []
        known = {_said(s) for s in segments}
        for start, end in gaps:
            while end - start >= GAP_SECONDS:  # the model may stop early in the gap too: go on from where it stopped
                piece = audio[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)]
                if sum(t["end"] - t["start"] for t in get_speech_timestamps(piece)) < GAP_SPEECH_SECONDS * SAMPLE_RATE:
                    break
                said, _ = self.load().transcribe(piece, language=language, beam_size=self.settings.beam_size,
                                                 vad_filter=True, word_timestamps=self.settings.word_timestamps,
                                                 condition_on_previous_text=False)
                said = [shifted(from_faster_whisper(s), start) for s in said
                        if s.avg_logprob > LEAST_LOG_PROBABILITY and s.text.strip()]
                if not said or said[-1].end <= start + 0.5:
                    break
                start = said[-1].end
                for piece_said in said:
                    if _said(piece_said) not in known:  # not a segment Whisper heard but misplaced
                        known.add(_said(piece_said))
                        found.append(piece_said)
        return sorted(segments + found, key=lambda s: s.start)

    def _with_known_names_heard(self, audio: np.ndarray, segments: list[TranscriptSegment],
                                language: str) -> list[TranscriptSegment]:
        """`segments` with every stretch holding a doubtful name heard again with the study's known names
        (`hotwords`), and a known name then heard put in place of the doubted words. Told the names for the whole
        recording, Whisper misheard more of the rest (word error rate 0.093 -> 0.102 on the shared speech with two
        names it never heard, scripts/bench_known_names.py); heard again only where a name may be, the rest stays."""
        from interviewer.transcribe.known_words import (
            KNOWN_NAMES_STRETCH, doubtful_name, known_name_words, with_mishearings_mended, with_names_in_place_of_doubt,
        )

        segments = list(segments)
        known = known_name_words(self.hotwords)
        stretches: list[list[int]] = []
        for k, segment in enumerate(segments):
            if not doubtful_name(segment, known):
                continue
            if stretches and segment.end - segments[stretches[-1][0]].start <= KNOWN_NAMES_STRETCH:
                stretches[-1][1] = k
            else:
                stretches.append([k, k])
        mended = []
        for first, last in stretches:
            start = max(0.0, segments[first].start - 0.3)
            piece = audio[int(start * SAMPLE_RATE):int((segments[last].end + 0.3) * SAMPLE_RATE)]
            said, _ = self.load().transcribe(piece, language=language, beam_size=self.settings.beam_size,
                                             vad_filter=False, word_timestamps=True,
                                             condition_on_previous_text=False, hotwords=self.hotwords)
            again = [word for s in said for word in shifted(from_faster_whisper(s), start).words]
            segments[first:last + 1], mended_here = with_names_in_place_of_doubt(segments[first:last + 1], again, known)
            mended += mended_here
        return with_mishearings_mended(segments, mended)

    def transcribe_long(self, path, duration: float, progress: ProgressCallback | None = None) -> Transcript:
        """Transcribe a long file window by window, keeping only one window of audio in memory."""
        from interviewer.audio.long_audio import windows

        segments: list[TranscriptSegment] = []
        language = "en"
        for offset, audio in windows(path):
            part = self.transcribe(audio, language=None if self.resolved.multilingual else "en")
            language = part.language
            segments += [shifted(segment, offset) for segment in part.segments]
            if progress:
                progress(min(offset + len(audio) / SAMPLE_RATE, duration), duration)
        return Transcript(model=self.model_name, language=language, duration=duration, segments=segments)

    def _run(self, audio: np.ndarray, language: str | None):
        if not self.resolved.multilingual:
            language = "en"
        if self.settings.batch_size:
            if len(audio) / SAMPLE_RATE >= self.settings.batched_from:
                return self._batched_pipeline().transcribe(
                    audio, language=language, beam_size=self.settings.beam_size, vad_filter=self.settings.vad_filter,
                    word_timestamps=self.settings.word_timestamps, batch_size=self.settings.batch_size,
                    **BATCHED_OPTIONS)
        return self.load().transcribe(
            audio,
            language=language,
            beam_size=self.settings.beam_size,
            vad_filter=self.settings.vad_filter,
            word_timestamps=self.settings.word_timestamps,
            condition_on_previous_text=self.settings.condition_on_previous_text,
        )

    def _batched_pipeline(self):
        if self._loaded.batched is None:
            from faster_whisper import BatchedInferencePipeline

            self._loaded.batched = BatchedInferencePipeline(self.load())
        return self._loaded.batched


BATCH_SIZE = 8
BATCHED_OPTIONS: dict = {"vad_parameters": {"min_silence_duration_ms": 2000, "speech_pad_ms": 400}}
"""The batched pipeline's voice detection set as the sequential one's (pauses under 2 s stay inside a chunk):
of the settings tried with scripts/bench_batched.py the most accurate, yet still short of sequential decoding
on long recordings, so batched decoding is opt-in (`--batched`)."""


def batched_settings() -> TranscriptionSettings:
    """Sequential decoding's settings, with recordings of two minutes or more decoded in batches."""
    return TranscriptionSettings(batch_size=BATCH_SIZE)


BROKEN_CHARACTER = "\ufffd"
"""What a tokenizer decodes part of a character's bytes to: Whisper's byte-level tokens can split a character
(a curly quote, an accented letter) between two words, and neither half is readable on its own."""


SAMPLE_RATE = 16000
GAP_SECONDS = 4.0
"""A pause between transcribed segments this long is listened to again."""
GAP_SPEECH_SECONDS = 1.5
"""Speech the voice detector must find in such a gap before it is transcribed on its own."""
LEAST_LOG_PROBABILITY = -1.0
"""What a gap's text must average per token to be kept (Whisper's own bar for decoding again); below it, the text
is more likely made up from noise than heard."""


SAMPLING_SEED = 1234
"""Seed of the sampling Whisper falls back to: transcribing a recording again in a new run gives what coders got."""


def _samples(audio):
    """16 kHz mono samples of a file path, a sealed recording or an array (returned as it is)."""
    from faster_whisper import decode_audio

    from interviewer.audio.source import SealedAudio, opened_audio

    if isinstance(audio, SealedAudio):
        with opened_audio(audio) as handle:
            return decode_audio(handle)
    if isinstance(audio, (str, Path)):
        return decode_audio(str(audio))
    return audio


def _said(segment: TranscriptSegment) -> str:
    return " ".join(segment.text.lower().split())


def from_faster_whisper(segment) -> TranscriptSegment:
    words = []
    space = ""
    for w in segment.words or []:
        text = w.word.replace(BROKEN_CHARACTER, "")
        if not text.strip():  # nothing readable left: the word goes, its leading space passes to the next one
            space = space or text[:1]
            continue
        if space and not text[:1].isspace():
            text = space + text
        space = ""
        words.append(Word(round(w.start, 3), round(w.end, 3), text, round(w.probability, 4)))
    text = " ".join(segment.text.replace(BROKEN_CHARACTER, "").split())
    return TranscriptSegment(round(segment.start, 3), round(segment.end, 3), text, words)


def shifted(segment: TranscriptSegment, offset: float) -> TranscriptSegment:
    words = [Word(round(w.start + offset, 3), round(w.end + offset, 3), w.word, w.probability, w.speaker)
             for w in segment.words]
    return TranscriptSegment(round(segment.start + offset, 3), round(segment.end + offset, 3), segment.text, words,
                             segment.speaker)


def iter_words(transcript: Transcript) -> Iterator[Word]:
    for segment in transcript.segments:
        yield from segment.words
