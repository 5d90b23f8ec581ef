"""Provides live transcription of a running interview: one LivePart per recording part, fed by the recorder."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from interviewer.interview.block_queue import BlockQueue
from interviewer.speakers.channel_loudness import ChannelLoudness
from interviewer.transcribe.live import LiveSettings, LiveTranscriber
from interviewer.transcribe.whisper import TranscriptSegment

log = logging.getLogger(__name__)

NEUTRAL_SPEAKER = "Speech"
"""The label of live words whose speaker is not known yet (mono: voices are separated after the interview)."""
FEED_SECONDS = 1.0
"""Audio gathered before it is handed to the transcriber (it checks for pauses once a second anyway)."""
BUFFERED_BEFORE_MODEL = 120.0
"""Seconds of audio kept while the model loads; past this the oldest is dropped (the batch pass covers it)."""


@dataclass(frozen=True)
class SpokenLine:
    """One live transcript line for the screen: who (as far as known live), when, and what."""

    part: int
    start: float
    end: float
    speaker: str
    text: str


class LivePart:
    """Live transcription of one recording part.

    `listen` is the recorder's listener (its writer thread): it only queues the block. Audio waits until
    `start(transcriber)` is called with a loaded model (from a worker), then a feeding thread hands it to a
    LiveTranscriber. `on_lines` is called from the transcriber's thread with display lines; stereo words are
    put on a party by the louder channel (`channel_names`: names of the left and right channel).
    """

    def __init__(self, part: int, path: Path, channels: int, samplerate: int, *,
                 channel_names: tuple[str, str] = ("Interviewer", "Participant"),
                 on_lines: Callable[[list[SpokenLine]], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 settings: LiveSettings | None = None, seconds_before: float = 0.0):
        self.part = part
        self.seconds_before = seconds_before
        """Seconds recorded in the interview's earlier parts: where this part starts on the interview's clock."""
        self.path = Path(path)
        self.channels = channels
        self.samplerate = samplerate
        self.channel_names = channel_names
        self.on_lines = on_lines
        self.on_failure = on_failure
        self.settings = settings
        self.error: BaseException | None = None
        self.live: LiveTranscriber | None = None
        self.loudness = ChannelLoudness(samplerate, 2) if channels == 2 else None
        self._blocks = BlockQueue(samplerate)
        self._ready = threading.Event()
        self._feeder: threading.Thread | None = None

    # -- the recorder's side -----------------------------------------------------------------------

    def listen(self, block: np.ndarray, offset: float) -> None:
        if self.error is not None:
            return
        self._blocks.put(block, offset)
        if not self._ready.is_set():
            if self._blocks.queued_frames > BUFFERED_BEFORE_MODEL * self.samplerate:
                self.fail(RuntimeError("the transcription model took too long to load"))

    # -- the worker's side -------------------------------------------------------------------------

    def start(self, transcriber) -> None:
        """Begin transcribing with a loaded Transcriber; threads started here inherit the caller's priority."""
        if self.error is not None:
            return
        self.live = LiveTranscriber(transcriber, on_segments=self._transcribed, settings=self.settings,
                                    input_rate=self.samplerate)
        self._feeder = threading.Thread(target=self._feed, name=f"live-part-{self.part}", daemon=True)
        self._feeder.start()
        self._ready.set()

    def fail(self, error: BaseException) -> None:
        """Give up live transcription of this part (the recording goes on; the batch pass covers it)."""
        if self.error is None:
            self.error = error
            self._blocks.clear()
            self._ready.set()
            if self.on_failure:
                self.on_failure(error)

    def end(self) -> None:
        """No more audio will come (the part was stopped); returns at once."""
        self._blocks.end()

    def finish(self, timeout: float | None = None) -> list[TranscriptSegment]:
        """Wait for the rest of the part to be transcribed; the segments, times from the start of the part.

        Raises the error that stopped live transcription, if one did.
        """
        self.end()
        self._ready.wait(timeout)
        if self._feeder is not None:
            self._feeder.join(timeout)
        if self.error is not None:
            raise self.error
        if self.live is None:
            raise TimeoutError("the live transcription model was not ready")
        return list(self.live.segments)

    @property
    def seconds_behind(self) -> float | None:
        """How far the live transcript trails the recording (None before the model is ready)."""
        if self.live is None or self.error is not None:
            return None
        return self.live.seconds_behind + self._blocks.queued_frames / self.samplerate

    def _feed(self) -> None:
        try:
            # about a second at a time: the cutter copies its buffer on every feed, and the interview screen's
            # thread waits while it holds the interpreter, so feed it seldom
            while (block := self._blocks.gather(int(FEED_SECONDS * self.samplerate))) is not None:
                if self.loudness is not None:
                    self.loudness.add(block)
                self.live.feed(block)
                if self.live.error is not None:
                    raise self.live.error
            self.live.finish()
        except BaseException as error:  # the model failed: live transcription stops, the recording does not
            log.warning("live transcription of part %s stopped: %s", self.part, error)
            self.fail(error)

    def _transcribed(self, segments: list[TranscriptSegment]) -> None:
        if self.on_lines is None:
            return
        lines = []
        for segment in self.label(segments):
            lines.append(SpokenLine(self.part, segment.start, segment.end, segment.speaker or NEUTRAL_SPEAKER,
                                    segment.text))
        if lines:
            self.on_lines(lines)

    def label(self, segments: list[TranscriptSegment]) -> list[TranscriptSegment]:
        """Segments split where the speaker changes, each named by channel (stereo) or left neutral (mono)."""
        if self.loudness is None:
            return [replace(s, speaker=NEUTRAL_SPEAKER) for s in segments]
        from interviewer.speakers.attribution import segments_from_words

        labelled = []
        for segment in segments:
            if not segment.words:
                labelled.append(replace(segment, speaker=NEUTRAL_SPEAKER))
                continue
            words = []
            for word in segment.words:
                channel = self.loudness.louder(word.start, word.end)
                words.append(replace(word, speaker=NEUTRAL_SPEAKER if channel is None else self.channel_names[channel]))
            labelled += _joined_across_unsure(segments_from_words(words))
        return labelled


def _joined_across_unsure(segments: list[TranscriptSegment]) -> list[TranscriptSegment]:
    """A short unsure stretch (a word where both channels are level) inside one party's speech goes to that party."""
    for index in range(1, len(segments) - 1):
        middle = segments[index]
        if middle.speaker == NEUTRAL_SPEAKER and segments[index - 1].speaker == segments[index + 1].speaker \
                and len(middle.words) <= 2:
            segments[index] = replace(middle, speaker=segments[index - 1].speaker,
                                      words=[replace(w, speaker=segments[index - 1].speaker) for w in middle.words])
    merged: list[TranscriptSegment] = []
    for segment in segments:
        if merged and merged[-1].speaker == segment.speaker and segment.start - merged[-1].end < 1.5:
            last = merged[-1]
            merged[-1] = replace(last, end=segment.end, text=f"{last.text} {segment.text}".strip(),
                                 words=last.words + segment.words)
        else:
            merged.append(segment)
    return merged


class LiveTranscript:
    """The live parts of one interview, handed from the interview screen to the processing after the stop, which
    stores them as the interview's live draft."""

    def __init__(self, model_name: str = ""):
        self.parts: list[LivePart] = []
        self.model_name = model_name

    def add(self, part: LivePart) -> None:
        self.parts.append(part)

    @property
    def failed(self) -> bool:
        return any(part.error is not None for part in self.parts)

    def end(self) -> None:
        for part in self.parts:
            part.end()

    def finish(self, timeout: float | None = None) -> dict[Path, list[TranscriptSegment]]:
        """Every part's segments by its recording file; raises when a part's live transcription failed."""
        return {part.path: part.finish(timeout) for part in self.parts}

    def draft(self, timeout: float | None = None) -> dict[Path, list[TranscriptSegment]]:
        """The live draft by recording file: every part's segments, named by channel (stereo) or left neutral
        (mono), as the interview screen showed them; raises when a part's live transcription failed."""
        return {part.path: part.label(part.finish(timeout)) for part in self.parts}
