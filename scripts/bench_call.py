"""Provides the call-input benchmark: a long call-mode interview recorded at real-time pace, then channel alignment.

Run:  .venv/bin/python scripts/bench_call.py [--minutes 60] [--call-drift-ppm 100] [--no-live] [--simulate]

Real-time run (needs PulseAudio): a private daemon with two null sinks, `mic` (its monitor is the default source,
the interviewer's microphone) and `call` (the default sink: its monitor is the call's sound). The interview
screen records in call mode for --minutes while a two-sided conversation plays into the sinks, a click plays
into both at once every 30 s, live transcription runs (unless --no-live), and a key is pressed every 2 s and
timed until the screen has repainted (as scripts/bench_tui.py does). --call-drift-ppm makes the call's device
clock run fast by that much: its blocks are stretched before they reach the aligner, as a device whose crystal
is off would deliver them. At the end the recording is read and each click's position is compared between the
channels. --simulate instead feeds the aligner simulated streams (drifting clocks, timestamp jitter, dropped
blocks) for --minutes in a few seconds.
Targets (issue 17): channels within 50 ms of each other at the end of an hour; key-press p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from bench_study import bench_study  # noqa: E402  (scripts/ is on the path when run)
from key_timing import KeyTimer, percentile  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CLICK_EVERY = 30.0


def stretch_call_side(ppm: float) -> None:
    """Make the call side's clock run `ppm` fast: each of its blocks is resampled to (1 + ppm/1e6) as many frames."""
    from interviewer.audio.call_align import StreamAligner

    original = StreamAligner.add
    carry = [0.0]

    def add(self, side, block, capture_time, arrival=None):
        if side == 1 and ppm:
            samples = np.asarray(block).reshape(len(block), -1)[:, 0].astype(np.float32)
            wanted = len(samples) * (1 + ppm * 1e-6) + carry[0]
            count = int(wanted)
            carry[0] = wanted - count
            positions = np.linspace(0, len(samples) - 1, count)
            block = np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
        original(self, side, block, capture_time, arrival)

    StreamAligner.add = add


def click_track(folder: Path, seconds: float) -> Path:
    import soundfile

    rate = 48000
    audio = np.zeros(int(seconds * rate), dtype=np.float32)
    for at in np.arange(5.0, seconds - 1, CLICK_EVERY):
        audio[int(at * rate):int(at * rate) + 96] = 0.9
    path = folder / "clicks.wav"
    soundfile.write(str(path), audio, rate, subtype="PCM_16")
    return path


def click_positions(channel: np.ndarray, rate: int) -> np.ndarray:
    """Sample index where each click starts: 20 samples in a row above 0.5 (a loud speech peak is not that flat)."""
    run = 20
    loud = np.convolve((channel > 0.5).astype(np.int32), np.ones(run, np.int32), "valid")
    starts = np.flatnonzero(loud == run)
    if not len(starts):
        return starts
    return starts[np.r_[True, np.diff(starts) > rate]]


def alignment(audio: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """(time of each click in the recording, call channel minus microphone channel in ms)."""
    mic, call = click_positions(audio[:, 0], rate), click_positions(audio[:, 1], rate)
    times, offsets = [], []
    for position in mic:
        nearest = call[np.argmin(np.abs(call - position))] if len(call) else None
        if nearest is not None and abs(nearest - position) < rate:
            times.append(position / rate)
            offsets.append((nearest - position) / rate * 1000)
    return np.array(times), np.array(offsets)


async def record(minutes: float, live: bool, drift_ppm: float, keep: Path | None = None) -> dict:
    sys.path.insert(0, str(REPO / "tests"))
    from audio_sink import BOTH_SINK, CALL_SINK, MIC_SINK, play_into
    from call_conversation import conversation

    from interviewer.app import default_live_model, make_app
    from interviewer.audio.capture import AudioBackend

    stretch_call_side(drift_ppm)
    report: dict = {}
    with contextlib.ExitStack() as stack:
        bench = stack.enter_context(bench_study("bench-call"))
        home, study, sink = bench.home, bench.study, bench.sink
        talk = conversation()
        seconds = minutes * 60
        tracks = talk.write(home, repeat=int(np.ceil(seconds / talk.seconds)) + 1)
        clicks = click_track(home, seconds)

        def nothing_after(study, interview_id, progress, live=None):
            progress("done", 1.0)

        app = make_app(study, audio=AudioBackend(), process=nothing_after, model_status=lambda: (True, "bench"),
                       check_seconds=0.2, live_model=default_live_model if live else None)
        latencies: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            while type(app.screen).__name__ != "StartInterviewScreen":
                await pilot.pause(0.05)
            start = app.screen
            start.query_one("#participant").value = "KI-01"
            while start.call_input is None:
                await pilot.pause(0.05)
            if not start.call_input.available:
                raise SystemExit(f"call input unavailable: {start.call_input.reason}")
            start.query_one("#device").value = "call"
            await pilot.pause(0.5)
            await pilot.press("ctrl+r")  # a check that heard nothing asks for a second press
            await pilot.pause(1.0)
            if app.screen is start:
                await pilot.press("ctrl+r")
            while type(app.screen).__name__ != "InterviewScreen" or app.screen.state != "recording":
                await pilot.pause(0.05)
            screen = app.screen
            players = [play_into(sink, MIC_SINK, tracks[0]), play_into(sink, CALL_SINK, tracks[1]),
                       play_into(sink, BOTH_SINK, clicks)]
            for player in players:
                stack.callback(player.kill)
            timer = KeyTimer(app, screen)
            began = time.monotonic()
            while time.monotonic() - began < seconds:
                latency = await timer.press_next()
                if latency is not None:
                    latencies.append(latency)
                await asyncio.sleep(2.0)
                if timer.presses % 300 == 0:
                    print(f"  {(time.monotonic() - began) / 60:.0f} min: p95 {1000 * percentile(latencies, 0.95):.1f} ms,"
                          f" call offset {screen.live.recorder.alignment_offset * 1000:+.1f} ms", flush=True)
            timer.close()
            live_part = screen._live_part(screen.live.part_number)
            report["live"] = ("off" if live_part is None else
                              f"{live_part.error or 'ran'}, {live_part.seconds_behind or 0:.0f} s behind at the end")
            recorder = screen.live.recorder
            report["overflows"] = recorder.overflows
            report["gaps"] = list(recorder.gaps)
            await pilot.press("x", "y")
            while type(app.screen).__name__ != "SummaryScreen":
                await pilot.pause(0.05)
            await pilot.pause(0.5)  # let the summary finish mounting before the app closes
            interview_id = screen.live.interview.id
        (recording,) = study.recordings(interview_id)
        report["seconds"] = recording.duration
        report["gap events"] = [e.text for e in study.events(interview_id) if e.kind == "gap"]
        from interviewer.audio.source import read_audio, stored_audio

        report["times"], report["offsets"] = alignment(*read_audio(stored_audio(study, recording)))  # sealed
        report["gap offsets"] = [(e.offset, e.text) for e in study.events(interview_id) if e.kind == "gap"]
        if keep is not None:
            import shutil

            shutil.copy(study.recording_path(recording), keep)
        report["latencies"] = latencies
    return report


def simulated(minutes: float, drift_ppm: float) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from call_simulation import SimulatedStream, simulate

    started = time.perf_counter()
    run = simulate(minutes * 60, SimulatedStream(ppm=-drift_ppm / 2, start=0.25, drop_every=97),
                   SimulatedStream(ppm=drift_ppm / 2, drop_every=61, jitter=0.003), click_every=30.0)
    offsets = run.offsets_ms()
    print(f"simulated {minutes:.0f} min, clocks {drift_ppm:.0f} ppm apart, 3 ms timestamp jitter, a block dropped"
          f" every 61 s (call) and 97 s (microphone): {len(offsets)} clicks, call minus microphone max"
          f" {np.abs(offsets).max():.1f} ms, last {offsets[-1]:+.1f} ms; {len(run.gaps)} gaps reported;"
          f" {time.perf_counter() - started:.1f} s to run")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--call-drift-ppm", type=float, default=100.0,
                        help="how much faster the call device's clock runs (simulated on the real streams)")
    parser.add_argument("--no-live", action="store_true", help="no live transcription during the recording")
    parser.add_argument("--simulate", action="store_true", help="simulated streams instead of a real-time recording")
    parser.add_argument("--keep", type=Path, default=None, help="copy the recording here (for a closer look)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a kill still stops the sound server and the players
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}", flush=True)
    if args.simulate:
        simulated(args.minutes, args.call_drift_ppm)
        return 0
    report = asyncio.run(record(args.minutes, not args.no_live, args.call_drift_ppm, args.keep))
    ms = [value * 1000 for value in report["latencies"]]
    offsets, times = report["offsets"], report["times"]
    print(f"recorded {report['seconds'] / 60:.1f} min in call mode, call clock {args.call_drift_ppm:+.0f} ppm,"
          f" live transcription {report['live']}; {report['overflows']} overflows;"
          f" gaps: {len(report['gaps'])} ({report['gap events'][:5]})")
    if len(offsets):
        last = offsets[times >= times[-1] - 300]
        print(f"alignment (call minus microphone, {len(offsets)} clicks): first {offsets[0]:+.1f} ms, max |offset|"
              f" {np.abs(offsets).max():.1f} ms, last 5 min {last.min():+.1f}..{last.max():+.1f} ms (target within 50 ms)")
        worst = np.argsort(-np.abs(offsets))[:5]
        print("  worst clicks (s into the recording: ms): "
              + ", ".join(f"{times[i]:.0f}: {offsets[i]:+.1f}" for i in sorted(worst)))
    else:
        print("alignment: no clicks found in the recording")
    print(f"  gaps in the timeline: {[(round(offset, 1), text.split(' audio')[0]) for offset, text in report['gap offsets'][:20]]}")
    print(f"key-press latency over {len(ms)} presses: median {statistics.median(ms):.1f} ms,"
          f" p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms (target p95 <= 50 ms)")
    print(f"load after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    from interviewer.cli.tui import leave_now_if_threads_remain

    code = main()
    leave_now_if_threads_remain(code)  # as the app does: processing left running must not crash the exit
    sys.exit(code)
