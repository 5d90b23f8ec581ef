"""Provides the alignment of two capture streams on different clocks into one stereo timeline (drift, gaps)."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from typing import Callable

import numpy as np

GAP_SECONDS = 0.015
"""A block that arrives this much later than its stream's clock predicts means audio was dropped: the
missing stretch is filled with silence, so everything after it keeps its place in time."""
MAX_WAIT_SECONDS = 0.5
"""How long the microphone's audio waits for the call's; past this the call side is written as silence."""
FIT_SECONDS = 10.0
"""Each stream's clock is fitted to the capture times of its last blocks over this long."""
RATE_BASELINE_SECONDS = 600.0
"""A stream's true rate is measured over up to this long (drift of 100 ppm is 0.1 ms a second)."""
RATE_MIN_BASELINE_SECONDS = 10.0
"""Before this much audio the nominal rate is assumed."""
CORRECTION_SECONDS = 2.0
"""An offset between the call's read position and where it should be is worked off over this long ..."""
MAX_SLEW = 0.002
"""... but never faster than this relative change in speed (0.2 %: inaudible)."""
JUMP_SECONDS = 0.1
"""A larger offset (a start, a reset clock) is corrected at once."""
SETTLING_SECONDS = 3.0
"""While either clock has seen less than this, the call's read position follows its fit at once (a stream's
first timestamps are the least sure, and a slow follower would carry their error for seconds)."""
MAX_RATE_ERROR = 0.01
"""A measured rate further than 1 % from the nominal one is a timing fault, not drift: ignored."""


@dataclass(frozen=True)
class Gap:
    """Audio one side did not deliver, filled with silence: at which output frame, and how long."""

    side: int
    """0 for the first stream (the microphone), 1 for the second (the call)."""
    frame: int
    seconds: float


class StreamClock:
    """Where a stream's frames fall in time: frame / rate + an offset, fitted to (frame, capture time) of its blocks.

    The offset is the median over the last FIT_SECONDS, so the odd timestamps of a stream's first blocks
    (its buffers filling) and a late one now and then do not move it; the rate is measured over minutes.
    """

    REFIT_EVERY = 10
    """Blocks between recomputing the median once the fit has settled."""

    def __init__(self, nominal_rate: float):
        self.nominal = float(nominal_rate)
        self._recent: deque[tuple[float, float]] = deque()
        self._anchors: deque[tuple[float, float]] = deque()
        self._anchor_n = 0.0
        self._anchor_t = 0.0
        self._anchor_count = 0
        self._anchor_since: float | None = None
        self._offset = 0.0
        self._since_fit = 0
        self.rate = self.nominal

    @property
    def ready(self) -> bool:
        return bool(self._recent)

    @property
    def span(self) -> float:
        """Seconds of blocks the fit has seen (in its recent window)."""
        return self._recent[-1][1] - self._recent[0][1] if self._recent else 0.0

    def add(self, frame: float, time: float) -> None:
        self._recent.append((frame, time))
        while self._recent and time - self._recent[0][1] > FIT_SECONDS:
            self._recent.popleft()
        self._add_anchor(frame, time)
        self._since_fit += 1
        if len(self._recent) < 100 or self._since_fit >= self.REFIT_EVERY:
            self._refit()

    def _refit(self) -> None:
        points = np.array(self._recent)
        self._offset = float(np.median(points[:, 1] - points[:, 0] / self.rate))
        self._since_fit = 0

    def _add_anchor(self, frame: float, time: float) -> None:
        if self._anchor_since is None:
            self._anchor_since = time
        self._anchor_n += frame
        self._anchor_t += time
        self._anchor_count += 1
        if time - self._anchor_since < 1.0:
            return
        self._anchors.append((self._anchor_n / self._anchor_count, self._anchor_t / self._anchor_count))
        self._anchor_n = self._anchor_t = 0.0
        self._anchor_count = 0
        self._anchor_since = None
        while self._anchors and self._anchors[-1][1] - self._anchors[0][1] > RATE_BASELINE_SECONDS:
            self._anchors.popleft()
        if self._update_rate():
            self._refit()

    def _update_rate(self) -> bool:
        anchors = self._anchors
        if len(anchors) < 4 or anchors[-1][1] - anchors[0][1] < RATE_MIN_BASELINE_SECONDS:
            return False
        ends = max(1, min(5, len(anchors) // 4))
        first = np.mean([anchors[i] for i in range(ends)], axis=0)
        last = np.mean([anchors[-1 - i] for i in range(ends)], axis=0)
        rate = (last[0] - first[0]) / (last[1] - first[1])
        if abs(rate / self.nominal - 1.0) > MAX_RATE_ERROR:
            return False
        self.rate = float(rate)
        return True

    def time_of(self, frame: float) -> float:
        return self._offset + frame / self.rate

    def frame_at(self, time: float) -> float:
        return (time - self._offset) * self.rate


class _Side:
    """One stream's samples not yet written, on its own timeline (frames received plus silence for gaps)."""

    def __init__(self, rate: float):
        self.clock = StreamClock(rate)
        self.data = np.zeros(0, dtype=np.float32)
        self.base = 0
        """Timeline frame of data[0]."""
        self.started = False
        self.held: tuple[np.ndarray, float] | None = None
        """A block that came late, kept until the next one says whether audio was lost before it."""

    @property
    def end(self) -> int:
        return self.base + len(self.data)

    def append(self, samples: np.ndarray) -> None:
        self.data = np.concatenate([self.data, samples])

    def drop_before(self, frame: int) -> None:
        cut = min(len(self.data), max(0, frame - self.base))
        if cut:
            self.data = self.data[cut:]
            self.base += cut


Emit = Callable[[np.ndarray, list], None]
"""Called with each stereo int16 block (frames × 2) and the gaps (`Gap`) that begin in it."""


class StreamAligner:
    """Joins a microphone stream and a call stream into stereo frames on the microphone's timeline.

    Each `add` brings one block with the capture time of its first frame (seconds, one clock for both
    streams). The microphone's frames are written as they are; the call's are read at the position
    that was captured at the same moment (the nearest sample), so a call device whose clock runs a
    little fast or slow is resampled to the microphone's. A block arriving later than its clock
    predicts means audio was lost: silence fills it and a `Gap` is reported. Thread-safe: each stream's
    callback may call `add` from its own thread; `emit` runs under the lock, so keep it quick.
    """

    def __init__(self, samplerate: int, emit: Emit, *, max_wait: float = MAX_WAIT_SECONDS,
                 gap_seconds: float = GAP_SECONDS):
        self.samplerate = samplerate
        self.emit = emit
        self.max_wait = max_wait
        self.gap_seconds = gap_seconds
        self.sides = (_Side(samplerate), _Side(samplerate))
        self.emitted = 0
        """Output frames written so far (the microphone's timeline)."""
        self.gaps: list[Gap] = []
        self.call_waited = 0
        """Output frames written with silence on the call side because its audio had not arrived."""
        self._origin: float | None = None
        self._read: float | None = None
        self._step = 1.0
        self._pending_gaps: list[Gap] = []
        self._now = float("-inf")
        self._arrivals: deque[tuple[int, float]] = deque()
        """(microphone frame it ends at, when it was handed over) of each microphone block not yet written."""
        self._lock = threading.Lock()

    @property
    def offset_seconds(self) -> float:
        """How far the call's read position is from where its clock says it should be (seconds, signed)."""
        mic, call = self.sides
        with self._lock:
            if self._read is None or not call.clock.ready or not mic.clock.ready:
                return 0.0
            return (self._read - call.clock.frame_at(mic.clock.time_of(self.emitted))) / self.samplerate

    def add(self, side: int, block: np.ndarray, capture_time: float, arrival: float | None = None) -> None:
        """One block of a side, with the capture time of its first frame and when it was handed over
        (`arrival`, the same clock; default: the capture time). The microphone's audio waits for the call's
        until `max_wait` has passed since it was handed over, so a burst of late blocks loses nothing."""
        samples = np.asarray(block)
        if samples.ndim == 2:
            samples = samples[:, 0]
        samples = samples.astype(np.float32)
        with self._lock:
            if self._origin is None:
                self._origin = capture_time
            time = capture_time - self._origin
            self._now = max(self._now, (capture_time if arrival is None else arrival) - self._origin)
            stream = self.sides[side]
            if side == 0:
                self._arrivals.append((stream.end + len(samples), self._now))
            if stream.held is not None:
                self._confirm_gap(side, samples, time)
            elif stream.clock.ready and stream.clock.span >= 1.0 \
                    and time - stream.clock.time_of(stream.end) > self.gap_seconds:
                stream.held = (samples, time)  # late: a gap, or only a late timestamp? The next block tells.
                return
            else:
                self._take(stream, samples, time)
            self._write()

    def _take(self, stream: "_Side", samples: np.ndarray, time: float) -> None:
        stream.clock.add(stream.end, time)
        stream.append(samples)
        stream.started = True

    def _confirm_gap(self, side: int, samples: np.ndarray, time: float) -> None:
        """A block came late; if this next one is late too, audio was lost before it: fill that with silence."""
        stream = self.sides[side]
        held, held_time = stream.held
        stream.held = None
        late = min(held_time - stream.clock.time_of(stream.end),
                   time - stream.clock.time_of(stream.end + len(held)))
        if late > self.gap_seconds:
            missing = int(round(late * stream.clock.rate))
            self._note_gap(side, stream.end, missing)
            stream.append(np.zeros(missing, dtype=np.float32))
        self._take(stream, held, held_time)
        self._take(stream, samples, time)

    def flush(self) -> None:
        """Write whatever the microphone has delivered, the call's missing part as silence (at the stop)."""
        with self._lock:
            for stream in self.sides:
                if stream.held is not None:
                    (samples, time), stream.held = stream.held, None
                    self._take(stream, samples, time)
            self._write(force=True)

    # -- internals (called under the lock) ------------------------------------------------------------

    def _note_gap(self, side: int, frame: int, missing: int) -> None:
        mic, call = self.sides
        if side == 1:
            if self._read is not None:  # the part already written as silence while waiting was reported then
                missing = frame + missing - max(frame, int(np.ceil(self._read)))
                frame = max(frame, int(np.ceil(self._read)))
            if missing < self.gap_seconds * self.samplerate:
                return
            if mic.clock.ready:
                frame = int(round(mic.clock.frame_at(call.clock.time_of(frame))))
        self._report(Gap(side, max(frame, self.emitted), missing / self.samplerate))

    def _report(self, gap: Gap) -> None:
        """Keep a gap, joined to the previous one of the same side when it continues it."""
        last = self.gaps[-1] if self.gaps else None
        if last is not None and last.side == gap.side \
                and abs(last.frame + last.seconds * self.samplerate - gap.frame) <= 1:
            joined = Gap(last.side, last.frame, last.seconds + gap.seconds)
            self.gaps[-1] = joined
            if self._pending_gaps and self._pending_gaps[-1] == last:
                self._pending_gaps[-1] = joined
                return
            self._pending_gaps.append(Gap(gap.side, gap.frame, gap.seconds))
            return
        self.gaps.append(gap)
        self._pending_gaps.append(gap)

    def _target(self, frame: int) -> float:
        mic, call = self.sides
        return call.clock.frame_at(mic.clock.time_of(frame))

    def _write(self, force: bool = False) -> None:
        mic, call = self.sides
        pending = mic.end - self.emitted
        if pending <= 0:
            return
        while self._arrivals and self._arrivals[0][0] <= self.emitted:
            self._arrivals.popleft()
        too_old = bool(self._arrivals) and self._now - self._arrivals[0][1] > self.max_wait
        if not call.started or not call.clock.ready:
            if not (force or too_old):
                return
            self._output(pending, np.zeros(pending, dtype=np.float32))
            return
        self._steer()
        room = int(np.floor((call.end - 1 - self._read) / self._step)) if self._step > 0 else 0
        count = min(pending, max(0, room))
        if (force or too_old) and count < pending:
            count = pending
        if count <= 0:
            return
        positions = self._read + self._step * np.arange(count)
        # The nearest sample, not an interpolation: at a speed within 0.2 % of 1 that drops or repeats one sample
        # in several hundred at most (inaudible) and keeps the call's high frequencies, which linear
        # interpolation between samples would soften (half a sample off: -3 dB at 4 kHz), costing words.
        nearest = np.rint(positions - call.base).astype(np.int64)
        inside = (nearest >= 0) & (nearest < len(call.data))
        values = np.zeros(count, dtype=np.float32)
        values[inside] = call.data[nearest[inside]]
        missing = positions >= call.end
        if missing.any() and not force:  # at the stop the call's last blocks are simply not wanted
            self.call_waited += int(missing.sum())
            self._report(Gap(1, self.emitted + int(np.argmax(missing)), float(missing.sum()) / self.samplerate))
        self._read += self._step * count
        call.drop_before(int(np.floor(self._read)) - 2)
        self._output(count, values)

    def _steer(self) -> None:
        """Set the read position and speed through the call's audio for the next frames (a slow follower)."""
        mic, call = self.sides
        target = self._target(self.emitted)
        ratio = call.clock.rate / mic.clock.rate
        settling = min(mic.clock.span, call.clock.span) < SETTLING_SECONDS
        if self._read is None or settling or abs(target - self._read) > JUMP_SECONDS * self.samplerate:
            self._read, self._step = target, ratio
            return
        correction = (target - self._read) / (CORRECTION_SECONDS * self.samplerate)
        self._step = ratio + max(-MAX_SLEW, min(MAX_SLEW, correction))

    def _output(self, count: int, call_values: np.ndarray) -> None:
        mic = self.sides[0]
        start = self.emitted - mic.base
        mic_values = mic.data[start:start + count]
        stereo = np.empty((count, 2), dtype=np.int16)
        stereo[:, 0] = np.clip(np.rint(mic_values), -32768, 32767)
        stereo[:, 1] = np.clip(np.rint(call_values), -32768, 32767)
        end = self.emitted + count
        gaps = [gap for gap in self._pending_gaps if gap.frame < end]
        self._pending_gaps = [gap for gap in self._pending_gaps if gap.frame >= end]
        self.emitted = end
        mic.drop_before(self.emitted)
        self.emit(stereo, gaps)
