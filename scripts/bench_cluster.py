#!/usr/bin/env python3
"""Benchmark: `transcribe --all` on the same recordings here, on a local Dask cluster and through a loopback scheduler.

Builds --recordings files of --minutes of real speech each (from ../shared/eval/speech, each starting at a
different recording), imports them into three scratch studies and times the real command, as a user runs it:
`transcribe --all` (one process, one interview after another), `transcribe --all --workers N`, and
`transcribe --all --cluster tcp://127.0.0.1:PORT` against a `dask scheduler` with N `dask worker`s started
beforehand. Then measures what the cost model needs: the scheduling and transfer overhead of one window
(5 minutes of samples) through the loopback scheduler, and the coordinator's decoding speed.

    .venv/bin/python scripts/bench_cluster.py --recordings 6 --minutes 2 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

from speech_source import SAMPLE_RATE, speech_chunks

PYTHON = sys.executable


def write_recordings(folder: Path, count: int, minutes: float) -> list[Path]:
    """`count` mono files of `minutes` each, cut from one long stream so each starts somewhere else."""
    stream = np.concatenate(list(speech_chunks(minutes * count, pause_seconds=0.5, chunk=SAMPLE_RATE * 30)))
    size = int(minutes * 60 * SAMPLE_RATE)
    paths = []
    for number in range(count):
        path = folder / f"recording-{number + 1}.wav"
        soundfile.write(path, stream[number * size:(number + 1) * size], SAMPLE_RATE, subtype="PCM_16")
        paths.append(path)
    return paths


def cli(*args: str, study: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([PYTHON, "-m", "interviewer", "--study", study, *args], capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"interviewer {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return took, done.stdout


def make_study(name: str, recordings: list[Path]) -> None:
    cli("study", "init", study=name)
    cli("participant", "add", "B-01", study=name)
    for path in recordings:
        cli("import", str(path), "--participant", "B-01", study=name)


def start_loopback(folder: Path, workers: int) -> tuple[str, list[subprocess.Popen]]:
    scheduler_file = folder / "scheduler.json"
    processes = [subprocess.Popen([PYTHON, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                                   "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    while not scheduler_file.is_file():
        time.sleep(0.1)
    time.sleep(0.2)
    address = json.loads(scheduler_file.read_text())["address"]
    for number in range(workers):
        processes.append(subprocess.Popen(
            [PYTHON, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-dashboard", "--host",
             "127.0.0.1", "--memory-limit", "0", "--local-directory", str(folder / f"w{number}")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def window_overhead(address: str, rounds: int = 10) -> tuple[float, float]:
    """Seconds for one task round trip through the scheduler: with 5 minutes of samples, and with none."""
    from distributed import Client

    samples = (np.random.default_rng(0).normal(0, 3000, SAMPLE_RATE * 300)).astype(np.int16)
    with Client(address, timeout=30) as client:
        client.submit(len, b"warm-up", pure=False).result()
        times = {}
        for name, payload in (("window", samples), ("empty", b"")):
            started = time.perf_counter()
            for _ in range(rounds):
                client.submit(len, payload, pure=False).result()
            times[name] = (time.perf_counter() - started) / rounds
    return times["window"], times["empty"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recordings", type=int, default=6)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--speakers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = tmp
        recordings = write_recordings(Path(tmp), args.recordings, args.minutes)
        audio = args.recordings * args.minutes * 60
        for name in ("local", "workers", "loopback"):
            make_study(name, recordings)
        print(f"{args.recordings} recordings x {args.minutes:.1f} min = {audio / 60:.1f} min of speech; "
              f"speakers {args.speakers}; cores {os.cpu_count()}; load before {os.getloadavg()[0]:.2f}")
        speakers = ["--speakers", str(args.speakers)]
        local, _ = cli("transcribe", "--all", *speakers, study="local")
        print(f"local, sequential:        {local:6.1f} s  (RTF {local / audio:.3f})  load {os.getloadavg()[0]:.2f}")
        workers, out = cli("transcribe", "--all", "--workers", str(args.workers), *speakers, study="workers")
        print(f"--workers {args.workers}:              {workers:6.1f} s  (RTF {workers / audio:.3f}, x{local / workers:.2f})"
              f"  load {os.getloadavg()[0]:.2f}\n    {out.strip().splitlines()[-1]}")
        address, processes = start_loopback(Path(tmp), args.workers)
        try:
            loop, out = cli("transcribe", "--all", "--cluster", address, *speakers, study="loopback")
            print(f"--cluster (loopback, {args.workers} workers): {loop:6.1f} s  (RTF {loop / audio:.3f}, "
                  f"x{local / loop:.2f})  load {os.getloadavg()[0]:.2f}\n    {out.strip().splitlines()[-1]}")
            window, empty = window_overhead(address)
            print(f"one task through the scheduler: {empty * 1000:.1f} ms empty, {window * 1000:.1f} ms carrying "
                  f"5 min of samples (9.6 MB)")
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from interviewer.audio.long_audio import read_pcm16

        started = time.perf_counter()
        for path in recordings:
            read_pcm16(path)
        decode = (time.perf_counter() - started) / audio
        print(f"coordinator decoding: {decode * 3600:.1f} s per audio-hour")
        print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
