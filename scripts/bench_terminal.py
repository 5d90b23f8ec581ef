"""Provides the key-press benchmark through a real terminal: a note typed while a call-mode interview records.

Run:  .venv/bin/python scripts/bench_terminal.py [--minutes 10] [--device call|default]

The app runs as a user runs it, `python -m interviewer` in a pseudo-terminal (100 × 30), on a new encrypted study
whose default input is the call on this computer (a private PulseAudio daemon: the `mic` and `call` null sinks of
the call tests, a two-sided conversation playing into them for the whole run). The bench presses the keys an
interviewer would: `n` for a new interview, ctrl+r to check and start, then, while it records, types notes one
character every 0.5 s (a fresh random letter each time; Enter saves a note every 40 letters and `n` opens the next).
A key's latency runs from writing it to the terminal until the terminal has received the redrawn note field
showing it (the last six letters typed, so a note's first five letters are typed but not timed): input parsing, the app's work, rendering and the terminal write, with live transcription (both sides)
and prompt coverage running as they do for users. In call mode a click plays into both sides every 30 s; after the
stop the stored (sealed) recording is read and each click's position compared between the channels, as
scripts/bench_call.py does. Targets (issues 16 and 17): key p95 <= 50 ms; channels within 50 ms after an hour.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import string
import sys
import time
from pathlib import Path

import numpy as np

from bench_call import alignment, click_track  # noqa: E402  (scripts/ is on the path when run)
from bench_study import bench_study  # noqa: E402
from key_timing import percentile  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NOTE_LETTERS = 40
SHOWN = 6
"""Letters of the note's end looked for on the screen: random, so they show only once the key has been drawn."""


def start_interview(terminal, device: str, settle: float) -> None:
    terminal.wait_for("New interview")
    mark = len(terminal.output)
    terminal.press(b"n")
    terminal.wait_for("Start recording", since=mark)
    terminal.wait_for("Call on this computer" if device == "call" else "ALSA", since=mark, timeout=30)
    time.sleep(settle)
    for _ in range(3):  # the input check runs first; a check that heard little asks for a second press
        mark = len(terminal.output)
        terminal.press(b"\x12")  # ctrl+r
        time.sleep(4.0)
        if "REC" in terminal.text_since(mark):
            return
    raise SystemExit(f"the interview did not start recording; the terminal shows:\n{terminal.text[-3000:]}")


def type_notes(terminal, seconds: float) -> list[tuple[float, float]]:
    """(seconds since typing began, latency) of each timed key."""
    latencies: list[tuple[float, float]] = []
    letters = random.Random(7)
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        terminal.press(b"n")
        time.sleep(0.5)
        note = ""
        for _ in range(NOTE_LETTERS):
            note += letters.choice(string.ascii_lowercase)
            mark = len(terminal.output)
            pressed = time.perf_counter()
            terminal.press(note[-1].encode())
            while note[-SHOWN:] not in terminal.text_since(mark):
                if time.perf_counter() - pressed > 10:
                    raise SystemExit(f"a typed letter did not show within 10 s:\n{terminal.text_since(mark)[-2000:]}")
                time.sleep(0.0005)
            if len(note) >= SHOWN:  # a note's first letters are too few to tell their redraw from any other
                latencies.append((time.monotonic() - began, time.perf_counter() - pressed))
            time.sleep(0.5)
        terminal.press(b"\r")  # the note is saved to the timeline
        time.sleep(0.5)
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--device", choices=("call", "default"), default="call")
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds on the start screen before ctrl+r, as an interviewer reading the consent")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tests"))
    os.environ.setdefault("INTERVIEWER_SHARED", str(REPO.parent / "shared"))
    from audio_sink import BOTH_SINK, CALL_SINK, MIC_SINK, play_into
    from call_conversation import conversation
    from terminal import Terminal, python_path_env

    from interviewer.store import Study

    print(f"load before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    with contextlib.ExitStack() as stack:
        bench = stack.enter_context(bench_study("bench-terminal", call=args.device == "call"))
        home, sink = bench.home, bench.sink
        os.environ["INTERVIEWER_STUDY"] = "bench"
        bench.study.set_setting("default_input", "call" if args.device == "call" else None)
        bench.study.close()  # the app opens it in its own process
        talk = conversation()
        tracks = talk.write(home, repeat=int(np.ceil(args.minutes * 60 / talk.seconds)) + 2)
        terminal = Terminal(python_path_env(dict(os.environ)))
        stack.callback(terminal.close)
        start_interview(terminal, args.device, args.settle)
        if args.device == "call":
            clicks = click_track(home, args.minutes * 60 + 30)
            players = [play_into(sink, MIC_SINK, tracks[0]), play_into(sink, CALL_SINK, tracks[1]),
                       play_into(sink, BOTH_SINK, clicks)]
        else:
            players = [sink.play(tracks[1])]
        for player in players:
            stack.callback(player.kill)
        latencies = type_notes(terminal, args.minutes * 60)
        shown = terminal.text
        terminal.press(b"x")
        time.sleep(1.0)
        terminal.press(b"y")
        time.sleep(2.0)
        terminal.press(b"\x11")  # ctrl+q
        with contextlib.suppress(Exception):
            terminal.process.wait(timeout=30)
        times = offsets = np.zeros(0)
        if args.device == "call":
            from interviewer.audio.source import read_audio, stored_audio

            study = Study.open("bench")
            (interview,) = study.interviews()
            (recording,) = study.recordings(interview.id)
            times, offsets = alignment(*read_audio(stored_audio(study, recording)))
            gaps = [event.text for event in study.events(interview.id) if event.kind == "gap"]
            study.close()
    ms = [value * 1000 for _, value in latencies]
    first_minute = [value * 1000 for at, value in latencies if at < 60]
    print(f"{args.minutes:g} min recording ({args.device} input, live transcription and prompt coverage on),"
          f" {'live lines shown' if 'Interviewer' in shown else 'no live line seen'}")
    print(f"typed-key latency through the terminal over {len(ms)} keys: median {statistics.median(ms):.1f} ms,"
          f" p95 {percentile(ms, 0.95):.1f} ms, p99 {percentile(ms, 0.99):.1f} ms, max {max(ms):.1f} ms"
          f" (target p95 <= 50 ms)")
    if first_minute:
        print(f"  in the first minute of recording ({len(first_minute)} keys, {args.settle:g} s on the start screen"
              f" before): median {statistics.median(first_minute):.1f} ms, p95 {percentile(first_minute, 0.95):.1f} ms")
    if len(offsets):
        last = offsets[times >= times.max() - 300]
        print(f"alignment (call minus microphone, {len(offsets)} clicks): max |offset| {np.abs(offsets).max():.1f} ms,"
              f" last 5 min {last.min():+.1f}..{last.max():+.1f} ms (target within 50 ms); gaps: {gaps}")
    elif args.device == "call":
        print("alignment: no clicks found in the recording")
    print(f"load after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
