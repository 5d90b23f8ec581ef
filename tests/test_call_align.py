"""The call aligner on simulated streams: drifting clocks, wobbly timestamps, dropped blocks, late or dead sides."""

from __future__ import annotations

import numpy as np

from interviewer.audio.call_align import StreamAligner
from call_simulation import SimulatedStream, simulate


def test_clocks_drifting_apart_stay_aligned_within_a_few_milliseconds_over_five_minutes():
    run = simulate(300, SimulatedStream(ppm=100, start=0.3), SimulatedStream(ppm=-200, jitter=0.003))
    offsets = run.offsets_ms()
    assert len(offsets) >= 55
    assert np.abs(offsets).max() < 10.0, offsets
    assert not run.gaps


def test_dropped_blocks_are_filled_with_silence_reported_as_gaps_and_keep_the_rest_in_place():
    run = simulate(300, SimulatedStream(ppm=30, drop_every=41), SimulatedStream(ppm=-30, start=0.1, drop_every=29))
    offsets = run.offsets_ms()
    assert np.abs(offsets).max() < 15.0, offsets
    by_side = [[gap for gap in run.gaps if gap.side == side] for side in (0, 1)]
    assert len(by_side[0]) == 7 and len(by_side[1]) == 10, run.gaps
    assert all(0.015 <= gap.seconds <= 0.03 for gap in run.gaps)  # one 20 ms block each
    assert run.frames >= 300 * 16000 * 0.999 - 16000  # the microphone's timeline keeps real time


def test_timestamps_that_wobble_are_not_mistaken_for_gaps():
    run = simulate(120, SimulatedStream(jitter=0.004), SimulatedStream(jitter=0.004, start=0.05))
    assert len(run.gaps) <= 1
    assert np.abs(run.offsets_ms()).max() < 10.0


def feed(aligner: StreamAligner, side: int, seconds: float, start: float = 0.0, value: int = 1000):
    for number in range(int(seconds / 0.02)):
        at = start + number * 0.02
        aligner.add(side, np.full(320, value, np.int16), at, at + 0.02)


def test_a_call_side_that_never_delivers_becomes_silence_after_a_short_wait_and_the_microphone_goes_on():
    written = []
    aligner = StreamAligner(16000, lambda block, gaps: written.append(block.copy()))
    feed(aligner, 0, 3.0)
    audio = np.concatenate(written)
    assert len(audio) >= 16000 * 2.4  # at most the wait (0.5 s) is held back
    assert (audio[:, 0] == 1000).all() and (audio[:, 1] == 0).all()


def test_a_call_side_that_stops_is_reported_as_a_gap():
    written, gaps = [], []

    def keep(block, new_gaps):
        written.append(block.copy())
        gaps.extend(new_gaps)

    aligner = StreamAligner(16000, keep)
    for number in range(200):  # 4 s together, then the call goes quiet for good
        at = number * 0.02
        aligner.add(0, np.full(320, 1000, np.int16), at, at + 0.02)
        if number < 100:
            aligner.add(1, np.full(320, 2000, np.int16), at, at + 0.021)
    audio = np.concatenate(written)
    assert (audio[16000:30000, 1] == 2000).all()
    assert gaps and gaps[0].side == 1 and abs(gaps[0].frame / 16000 - 2.0) < 0.1
    assert sum(gap.seconds for gap in gaps) > 1.0
