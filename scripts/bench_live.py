#!/usr/bin/env python3
"""Benchmark: live transcription of a long interview — stop-to-complete time, keeping up, peak memory.

Builds a recording of --minutes from the real speech in ../shared/eval/speech (with pauses), feeds it to
the live transcriber in 100 ms chunks as fast as it will take them, times every piece, and replays those
times on a real-time clock: each piece becomes available when its audio has been spoken, the worker takes
one at a time. Reports the seconds from the end of the interview to the complete transcript
(target <= 30 s at 60 minutes) and the peak resident memory (target <= 1 GB).

    .venv/bin/python scripts/bench_live.py --minutes 60
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from speech_source import REPO, speech_chunks

sys.path.insert(0, str(REPO))


def main() -> None:
    from interviewer.transcribe.live import LiveTranscriber, simulate_stop_to_complete
    from interviewer.transcribe.whisper import Transcriber

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    args = parser.parse_args()
    seconds = args.minutes * 60
    transcriber = Transcriber()
    transcriber.load()
    live = LiveTranscriber(transcriber)
    started = time.perf_counter()
    for block in speech_chunks(args.minutes):
        live.feed(block)
        while live.backlog > 2:  # the recorder never runs ahead of the clock by much; keep memory honest
            time.sleep(0.05)
    segments = live.finish()
    wall = time.perf_counter() - started
    stats = live.stats
    stop_to_complete = simulate_stop_to_complete(stats.piece_times, seconds)
    slowest = max(busy / length for _, length, busy in stats.piece_times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"audio: {seconds / 60:.1f} min in {stats.pieces} pieces; {len(segments)} segments")
    print(f"transcription busy {stats.busy_seconds:.0f} s (real-time factor {stats.busy_seconds / seconds:.3f}); "
          f"slowest piece at {slowest:.2f}x real time; wall {wall:.0f} s")
    print(f"stop-to-complete at real-time pace: {stop_to_complete:.1f} s (target <= 30 s)")
    print(f"peak RSS: {peak:.0f} MB (target <= 1024 MB)")


if __name__ == "__main__":
    main()
