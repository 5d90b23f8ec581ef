"""Provides the final pass run ahead while an interview records: each finished stretch of a part is transcribed as
batch transcription does (a stereo part channel by channel, a mono one with its voices embedded), in the
background, so that little is left to do after the stop."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from interviewer.audio.long_audio import quietest_point
from interviewer.interview.block_queue import BlockQueue
from interviewer.speakers.attribution import segments_from_words, transcribe_stereo_audio
from interviewer.speakers.diarisation import EmbeddedVoices, embed_voices
from interviewer.speakers.voice_encoder import HOP_SAMPLES
from interviewer.transcribe.whisper import Transcript, TranscriptSegment, Word, shifted

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
STRETCH = 120.0
"""Seconds of recording transcribed at a time; each stretch ends at the quietest moment of its last SEARCH seconds."""
SEARCH = 20.0
NICENESS = 15
"""Lower than live transcription (10): the draft on screen comes first, this only uses what CPU is left."""


class ChannelsNotSeparate(RuntimeError):
    """A stereo part whose channels carry one mix: the final pass treats it as mono, from its recording."""


@dataclass
class PartAheadResult:
    """A recording part transcribed ahead: what the final pass needs of it (times from the start of the part)."""

    transcript: Transcript
    """Mono: as the model wrote it. Stereo: words on their channel ('left', 'right'), grouped into segments."""
    voices: EmbeddedVoices | None
    """Mono: every stretch's speech embedded, to tell the voices apart. Stereo: None."""
    seconds: float
    """The audio covered, to check against the part's recording before use."""
    channels: int = 1


@dataclass
class _Progress:
    segments: list[TranscriptSegment] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    voices: list[EmbeddedVoices] = field(default_factory=list)
    language: str = "en"
    done_samples: int = 0


class PartAhead:
    """The final pass of one recording part, run while it records.

    `listen` is the recorder's listener (its writer thread): it only queues the block. A thread at low
    priority makes the transcriber (`make_transcriber`, the batch model and settings) and works through the
    audio a stretch at a time. `finish()` after the part stopped does the last stretch and returns the result.
    """

    def __init__(self, part: int, path: Path, samplerate: int, make_transcriber: Callable[[], object],
                 channels: int = 1):
        self.part = part
        self.path = Path(path)
        self.samplerate = samplerate
        self.channels = channels
        self.make_transcriber = make_transcriber
        self.error: BaseException | None = None
        self._blocks = BlockQueue(samplerate)
        self._cancelled = False
        self._done = _Progress()
        self._transcriber = None
        self._thread = threading.Thread(target=self._work, name=f"pass-ahead-{part}", daemon=True)
        self._thread.start()

    # -- the recorder's side -----------------------------------------------------------------------

    def listen(self, block: np.ndarray, offset: float) -> None:
        if self.error is None:
            self._blocks.put(block, offset)

    # -- the interview's side ----------------------------------------------------------------------

    def end(self) -> None:
        """No more audio will come (the part stopped); returns at once."""
        self._blocks.end()

    def cancel(self) -> None:
        """Stop working (the interview was quit, not finished): the final pass will start from the recording."""
        self._cancelled = True
        self.end()

    def finish(self, timeout: float | None = None) -> PartAheadResult:
        """Wait for the last stretch; the part's transcript and embedded voices. Raises what stopped the work."""
        self.end()
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError(f"the final pass of part {self.part} did not finish in time")
        if self.error is not None:
            raise self.error
        if self._cancelled:
            raise RuntimeError(f"the final pass of part {self.part} was stopped ahead of time")
        done = self._done
        seconds = done.done_samples / SAMPLE_RATE
        model = getattr(self._transcriber, "model_name", "")
        if self.channels == 2:
            transcript = Transcript(model, done.language, seconds, segments_from_words(done.words))
            return PartAheadResult(transcript, None, seconds, channels=2)
        transcript = Transcript(model, done.language, seconds, done.segments)
        return PartAheadResult(transcript, EmbeddedVoices.joined(done.voices), seconds)

    # -- the worker --------------------------------------------------------------------------------

    def _work(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
        except (AttributeError, OSError):  # no per-thread priority here: run as is
            pass
        try:
            transcriber = self.make_transcriber()
            transcriber.load()  # its compute threads start here, at this thread's priority
            self._transcriber = transcriber
            pending: list[np.ndarray] = []  # blocks as recorded, at the recorder's rate
            waiting = 0
            rate = self.samplerate
            while not self._cancelled:
                block = self._blocks.get()
                if block is None:
                    break
                pending.append(block)
                waiting += len(block)
                if waiting >= (STRETCH + SEARCH) * rate:
                    audio = self._as_16k(np.concatenate(pending))
                    mix = audio if audio.ndim == 1 else audio.mean(axis=1)
                    cut = quietest_point(mix[:int(STRETCH * SAMPLE_RATE)], SEARCH) // HOP_SAMPLES * HOP_SAMPLES
                    self._do_stretch(audio[:cut])
                    recorded_cut = cut * rate // SAMPLE_RATE  # exact: a cut falls on a 10 ms boundary
                    rest = np.concatenate(pending)[recorded_cut:]
                    pending, waiting = [rest], len(rest)
            if waiting and not self._cancelled:
                self._do_stretch(self._as_16k(np.concatenate(pending)))
        except BaseException as error:  # reported by finish(); the final pass then reads the recording instead
            log.warning("final pass ahead of part %s stopped: %s", self.part, error)
            self.error = error

    def _as_16k(self, block: np.ndarray) -> np.ndarray:
        """Recorded audio as float32 at 16 kHz: one channel (a mono part) or two (a stereo one)."""
        audio = block.astype(np.float32) / 32768.0 if np.issubdtype(block.dtype, np.integer) else block
        if audio.ndim == 2 and (self.channels == 1 or audio.shape[1] == 1):
            audio = audio.mean(axis=1)
        if self.samplerate != SAMPLE_RATE:
            from interviewer.speakers.voice_encoder import resample

            if audio.ndim == 2:
                audio = np.stack([resample(audio[:, c], self.samplerate) for c in range(audio.shape[1])], axis=1)
            else:
                audio = resample(audio, self.samplerate)
        return np.asarray(audio, dtype=np.float32)

    def _do_stretch(self, audio: np.ndarray) -> None:
        offset = self._done.done_samples / SAMPLE_RATE
        if audio.ndim == 2:
            self._do_stereo_stretch(audio, offset)
            return
        # The language a multilingual model heard in the first stretch with speech holds for the rest of the part,
        # as when the whole part is transcribed at once: heard again in every stretch, it could change mid-interview.
        transcript = self._transcriber.transcribe(audio, language=self._done.language if self._done.segments else None)
        self._done.language = transcript.language
        self._done.segments += [shifted(segment, offset) for segment in transcript.segments]
        self._done.voices.append(embed_voices(audio.copy(), SAMPLE_RATE, offset_s=offset, scratch_audio=True))
        self._done.done_samples += len(audio)

    def _do_stereo_stretch(self, audio: np.ndarray, offset: float) -> None:
        by_channel = transcribe_stereo_audio(self._transcriber, np.ascontiguousarray(audio[:, 0]),
                                             np.ascontiguousarray(audio[:, 1]))
        if by_channel is None:
            raise ChannelsNotSeparate(f"the channels of part {self.part} carry one mix")
        self._done.language = by_channel.language
        self._done.words += [word for segment in by_channel.segments for word in shifted(segment, offset).words]
        self._done.done_samples += len(audio)


class PassAhead:
    """The parts of one interview run ahead, handed from the interview screen to the processing after the stop."""

    def __init__(self, make_transcriber: Callable[[], object]):
        self.make_transcriber = make_transcriber
        self.parts: list[PartAhead] = []

    def start_part(self, part: int, path: Path, channels: int, samplerate: int) -> PartAhead | None:
        """A PartAhead listening to a new part of one or two channels (None for more)."""
        if channels not in (1, 2):
            return None
        ahead = PartAhead(part, path, samplerate, self.make_transcriber, channels)
        self.parts.append(ahead)
        return ahead

    def cancel(self) -> None:
        for part in self.parts:
            part.cancel()

    def finish(self, timeout: float | None = None) -> dict[Path, PartAheadResult]:
        """The parts done ahead by recording file; a part whose work failed is left out (the pass reads its file)."""
        results = {}
        for part in self.parts:
            try:
                results[part.path] = part.finish(timeout)
            except Exception as error:
                log.warning("part %s is transcribed from its recording after all: %s", part.part, error)
        return results
