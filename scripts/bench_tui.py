"""Provides the interview app's benchmark: cold start to the first screen, and key-press latency while busy.

Run:  .venv/bin/python scripts/bench_tui.py [--starts 5] [--presses 200] [--no-sink] [--no-transcribe] [--no-live]
                                          [--no-coverage]

Cold start: a fresh Python process builds the app on a new study and runs it headless until Textual reports the
first frame (events.Ready) with the home screen up; timed from just before the process is spawned.
Latency: in one process, an interview runs while recording (the real recorder on a PulseAudio null sink with
speech playing into it, when PulseAudio is installed), with live transcription of that speech running in the
interview screen (the default model; it is loaded before the first key), and while the transcriber works on a
recording in a background thread (as the previous interview's processing would), and with prompt coverage judging
the live transcript on its worker (its model loaded before the first key). Each key is handed to the app as the terminal driver hands it over, and timed until the
screen has been repainted with the action's result (Textual's call_after_refresh after the chat is updated).
Targets (issue 3): cold start <= 1.0 s, p95 key latency <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "benchmark passphrase")  # studies are encrypted

from key_timing import KeyTimer, percentile  # noqa: E402  (scripts/ is on the path when run)

REPO = Path(__file__).resolve().parents[1]
SPEECH = Path(os.environ.get("INTERVIEWER_SHARED", REPO.parent / "shared")) / "eval" / "speech"

COLD_START = """
from interviewer.app import InterviewerApp, make_app
from interviewer.store import Study
Study.create("bench").add_participant("KI-01")

class FirstScreen(InterviewerApp):
    def on_ready(self):
        self.call_after_refresh(lambda: self.exit(type(self.screen).__name__))

print(FirstScreen(make_app("bench").config).run(headless=True), flush=True)
"""


def cold_starts(count: int) -> list[float]:
    times = []
    for _ in range(count):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "INTERVIEWER_HOME": home}
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", COLD_START], env=env, capture_output=True, text=True,
                                    timeout=60)
            elapsed = time.perf_counter() - started
            if "HomeScreen" not in result.stdout:
                raise SystemExit(f"cold start did not reach the home screen:\n{result.stdout}\n{result.stderr}")
            times.append(elapsed)
    return times


def keep_transcribing(stop: threading.Event, counter: list[int]) -> None:
    from interviewer.processing import lower_thread_priority
    from interviewer.transcribe.whisper import Transcriber

    lower_thread_priority()  # as the app's processing worker does
    transcriber = Transcriber()
    while not stop.is_set():
        transcriber.transcribe(SPEECH / "jfk.flac")
        counter[0] += 1


def looped_wav(source: Path, folder: Path, times: int) -> Path:
    """The speech repeated, so the room is not silent for the whole run."""
    import numpy as np
    import soundfile

    samples, samplerate = soundfile.read(str(source), dtype="float32", always_2d=True)
    target = folder / f"{source.stem}.x{times}.wav"
    soundfile.write(str(target), np.concatenate([samples] * times), samplerate, subtype="PCM_16")
    return target


async def press_latencies(presses: int, use_sink: bool, transcribe: bool, live: bool,
                          coverage: bool = True) -> tuple[list[float], str]:
    sys.path.insert(0, str(REPO / "tests"))
    from fake_audio import FakeAudio
    from interviewer.app import default_coverage, default_live_model
    from interviewer.app import make_app
    from interviewer.audio.capture import AudioBackend
    from interviewer.store import Study

    setting = []
    with contextlib.ExitStack() as stack:
        home = stack.enter_context(tempfile.TemporaryDirectory())
        os.environ["INTERVIEWER_HOME"] = home
        study = Study.create("bench")
        study.add_participant("KI-01")
        study.record_consent("KI-01", audio_recording=True, quotation=True)
        audio = FakeAudio(clock=None)
        if use_sink:
            from audio_sink import null_sink_running, pulse_missing

            if pulse_missing():
                setting.append("fake recorder (no PulseAudio)")
            else:
                sink = stack.enter_context(null_sink_running(Path(home) / "pulse"))
                audio = AudioBackend()
                wav = looped_wav(SPEECH / "phone-call.wav", Path(home), 4)
                player = sink.play(wav)
                stack.callback(player.kill)
                setting.append("real recorder on a null sink with speech playing")
        else:
            setting.append("fake recorder")
        stop = threading.Event()
        done = [0]
        if transcribe:
            worker = threading.Thread(target=keep_transcribing, args=(stop, done), daemon=True)
            worker.start()
            stack.callback(stop.set)
            setting.append("transcriber busy in a background thread")
        app = make_app(study, audio=audio, model_status=lambda: (True, "bench"), check_seconds=0.2,
                       live_model=default_live_model if live else None,
                       coverage=default_coverage if coverage else None)
        latencies = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            while type(app.screen).__name__ != "StartInterviewScreen":
                await pilot.pause(0.05)
            app.screen.query_one("#participant").value = "KI-01"
            while app.screen.verdict is None:
                await pilot.pause(0.05)
            await pilot.press("ctrl+r", "ctrl+r")
            while type(app.screen).__name__ != "InterviewScreen" or app.screen.state != "recording":
                await pilot.pause(0.05)
            screen = app.screen
            part = screen._live_part(screen.live.part_number) if live else None
            if live and part is None:
                setting.append("no live transcription (the fake recorder has no listener)")
            elif live:
                while part.live is None and part.error is None:  # the model loads on a worker first
                    await pilot.pause(0.05)
                setting.append("live transcription running")
                if coverage:
                    while screen.coverage is None or (screen.coverage.detector is None
                                                      and screen.coverage.error is None):
                        await pilot.pause(0.05)
                    setting.append("prompt coverage running")
            behind: list[float] = []
            timer = KeyTimer(app, screen)
            for _ in range(presses):
                latency = await timer.press_next()
                if latency is None:
                    raise SystemExit("a key produced no screen update within 10 s")
                latencies.append(latency)
                if part is not None and part.seconds_behind is not None:
                    behind.append(part.seconds_behind)
                await asyncio.sleep(0.15)  # an interviewer does not type at machine speed
            timer.close()
            if part is not None:
                from interviewer.widgets.spoken import Spoken

                shown = sum(len(line.text.split()) for line in screen.query(Spoken))
                setting.append(f"live transcript: {shown} words in the chat, {max(behind, default=0):.0f} s behind"
                               f" at most, {part.error or 'no error'}")
            if screen.coverage is not None:
                delays = screen.coverage_delays
                setting.append(f"prompt coverage: {len(screen.live.session.prompt_marks)} prompts marked, from words"
                               f" shown to mark max {max(delays, default=0):.2f} s, {screen.coverage.error or 'no error'}")
            await pilot.press("x", "y")
            while type(app.screen).__name__ != "SummaryScreen":
                await pilot.pause(0.05)
            await pilot.pause(0.5)  # let the summary finish mounting before the app closes
            app.workers.cancel_group(app, "processing")
        stop.set()
        if transcribe:
            setting.append(f"{done[0]} transcriptions finished meanwhile")
    return latencies, "; ".join(setting)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="cold starts to time")
    parser.add_argument("--presses", type=int, default=200, help="key presses to time")
    parser.add_argument("--no-sink", action="store_true", help="use the fake recorder even if PulseAudio is here")
    parser.add_argument("--no-transcribe", action="store_true", help="no transcription in the background")
    parser.add_argument("--no-live", action="store_true", help="no live transcription in the interview screen")
    parser.add_argument("--no-coverage", action="store_true", help="no prompt coverage in the interview screen")
    args = parser.parse_args()

    starts = cold_starts(args.starts)
    print(f"cold start to first screen: median {statistics.median(starts):.3f} s, best {min(starts):.3f} s,"
          f" worst {max(starts):.3f} s over {len(starts)} runs (target <= 1.0 s)")
    latencies, setting = asyncio.run(press_latencies(args.presses, not args.no_sink, not args.no_transcribe,
                                                     not args.no_live, not args.no_coverage))
    ms = [value * 1000 for value in latencies]
    print(f"key-press latency ({setting}): median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms,"
          f" max {max(ms):.1f} ms over {len(ms)} presses (target p95 <= 50 ms)")
    return 0


if __name__ == "__main__":
    from interviewer.cli.tui import leave_now_if_threads_remain

    code = main()
    leave_now_if_threads_remain(code)  # as the app does: processing left running must not crash the exit
    sys.exit(code)
