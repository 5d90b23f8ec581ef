"""Provides two simulated capture streams on drifting clocks with dropped blocks, to measure the call aligner
(tests and scripts/bench_call.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.audio.call_align import StreamAligner

CLICK = 20000.0
CLICK_FRAMES = 8


@dataclass(frozen=True)
class SimulatedStream:
    """A capture device: its clock's error, when it started, how its timestamps wobble, which blocks it drops."""

    ppm: float = 0.0
    """How fast its sample clock runs against real time, in parts per million."""
    start: float = 0.0
    """Real time (s) of its first frame."""
    jitter: float = 0.002
    """Standard deviation (s) of its blocks' capture timestamps."""
    drop_every: float = 0.0
    """Drop one block every so many seconds (0: never)."""
    block: int = 320


@dataclass(frozen=True)
class AlignmentRun:
    """Where each click landed in the output, per channel, and the gaps the aligner reported."""

    mic_clicks: np.ndarray
    call_clicks: np.ndarray
    gaps: list
    frames: int

    def offsets_ms(self) -> np.ndarray:
        """Call click minus microphone click (ms), for clicks found on both channels."""
        if not len(self.mic_clicks) or not len(self.call_clicks):
            return np.zeros(0)
        nearest = np.abs(self.call_clicks[:, None] - self.mic_clicks[None, :]).argmin(axis=1)
        offsets = (self.call_clicks - self.mic_clicks[nearest]) / 16.0
        return offsets[np.abs(offsets) < 1000]  # a click lost in a dropped block has no partner


def _blocks(stream: SimulatedStream, seconds: float, click_times: np.ndarray, rate: int, rng):
    """(arrival time, capture timestamp, samples) of every block the stream delivers."""
    speed = rate * (1 + stream.ppm * 1e-6)
    total = int((seconds - stream.start) * speed)
    frames = np.arange(0, total, stream.block)
    click_frames = np.rint((click_times - stream.start) * speed).astype(np.int64)
    dropped = set()
    if stream.drop_every:
        every = int(stream.drop_every * speed / stream.block)
        dropped = set(range(every, len(frames), every))
    for number, first in enumerate(frames):
        if number in dropped:
            continue
        samples = np.zeros(stream.block, dtype=np.int16)
        for click in click_frames[(click_frames >= first) & (click_frames < first + stream.block)]:
            samples[click - first:click - first + CLICK_FRAMES] = CLICK
        captured = stream.start + first / speed
        yield captured + stream.block / speed, captured + rng.normal(0, stream.jitter), samples


def simulate(seconds: float, mic: SimulatedStream, call: SimulatedStream, *, rate: int = 16000,
             click_every: float = 5.0, seed: int = 1) -> AlignmentRun:
    """Feed the aligner two streams that hear the same click every `click_every` seconds, in arrival order."""
    rng = np.random.default_rng(seed)
    click_times = np.arange(2.0, seconds - 1.0, click_every)
    events = [(arrival, 0, stamp, samples) for arrival, stamp, samples in _blocks(mic, seconds, click_times, rate, rng)]
    events += [(arrival, 1, stamp, samples) for arrival, stamp, samples in _blocks(call, seconds, click_times, rate, rng)]
    events.sort(key=lambda event: event[0])
    found = ([], [])
    written = [0]

    def emit(block, _gaps):
        for channel in (0, 1):
            loud = np.flatnonzero(block[:, channel] > CLICK / 2)
            if len(loud):
                position = written[0] + int(loud[0])
                if not found[channel] or position - found[channel][-1] > rate:
                    found[channel].append(position)
        written[0] += len(block)

    aligner = StreamAligner(rate, emit)
    for arrival, side, stamp, samples in events:
        aligner.add(side, samples, stamp, arrival)
    aligner.flush()
    return AlignmentRun(np.array(found[0]), np.array(found[1]), list(aligner.gaps), written[0])
