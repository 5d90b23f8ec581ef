#!/usr/bin/env python3
"""Benchmark: an interview recorded through the recorder path, its live draft and its final pass.

Plays --minutes of real speech with pauses (../shared/eval/speech, the recordings with references) into a
private PulseAudio null sink in real time. The product records it as the interview screen does: a
LiveInterview whose recorder hands every block to a LivePart (live transcription on one core fewer than
the machine has), and the final pass runs ahead on finished stretches (`interview.pass_ahead`, one core,
lower priority). When the speech ends the interview is stopped, the live draft finished and stored, and
the final pass completed (`transcribe_interview`: VAD, word timings, speakers by voice, items from the
timeline; anonymising is not timed); `--no-ahead` runs all of the final pass after the stop. Reported:

- word error rate of the live draft, the final transcript and batch transcription of the same recording
  (what `interviewer transcribe FILE` does, after the peak memory is taken), and word sequences repeated
  three times running that the reference does not repeat;
- Stop -> complete draft and Stop -> final transcript (also as a fraction of the interview's length);
- peak resident memory of the process (recording + live transcription + final pass).

    scripts/bench_live.py --minutes 5
    scripts/bench_live.py --minutes 10 --model base     # the study chose Whisper base for its final passes
    nohup scripts/bench_live.py --minutes 60 > /tmp/bench_live_60.log 2>&1 &
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from speech_source import REPO, tripled_sequences, word_error_rate, write_interview

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the null sink the audio tests use


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--keep", type=Path, default=None, help="Copy the recording and transcripts here.")
    parser.add_argument("--no-ahead", action="store_true", help="Run the whole final pass after the stop.")
    parser.add_argument("--model", default=None,
                        help="The study's transcription model (interviewer study set-model), which the final pass and "
                             "the batch comparison use; live text stays on the default model.")
    parser.add_argument("--participant-name", default=None,
                        help="The participant's name the study records: the final pass then hears doubtful stretches "
                             "again told it (transcribe/known_words.py), as for any study that records names.")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a kill still stops the null sink and the player
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "bench-live")  # studies are encrypted, as users get them
    with tempfile.TemporaryDirectory(prefix="bench-live-") as folder:
        os.environ["INTERVIEWER_HOME"] = folder
        run(Path(folder), args.minutes, args.keep, ahead=not args.no_ahead, model=args.model,
            participant_name=args.participant_name)


def run(folder: Path, minutes: float, keep: Path | None, ahead: bool, model: str | None = None,
        participant_name: str | None = None) -> None:
    from audio_sink import null_sink_running

    from interviewer.app import default_ahead_model, default_live_model
    from interviewer.audio.source import stored_audio
    from interviewer.audio.capture import AudioBackend
    from interviewer.interview.live_part import LivePart, LiveTranscript
    from interviewer.interview.pass_ahead import PassAhead
    from interviewer.interview.running import LiveInterview
    from interviewer.pipeline import transcribe_interview
    from interviewer.processing import store_draft
    from interviewer.schedule import find_schedule
    from interviewer.store import Study
    from interviewer.transcribe.known_words import interview_hotwords
    from interviewer.transcribe.study_model import set_study_model

    speech = folder / "speech.wav"
    seconds, reference = write_interview(speech, minutes)
    print(f"speech: {seconds / 60:.1f} min, {len(reference.split())} reference words; load {os.getloadavg()}",
          flush=True)
    study = Study.create("bench")
    study.add_participant("KI-01", name=participant_name)
    study.record_consent("KI-01", audio_recording=True, quotation=True)
    final_model = set_study_model(study, model).name if model else None
    print(f"final pass model: {final_model or 'the default'}", flush=True)
    with null_sink_running() as sink:
        live = LiveInterview.create(study, "KI-01", find_schedule("npt-key-informant"), AudioBackend())
        live.begin_part()
        recorder = live.recorder
        while recorder.elapsed == 0:
            time.sleep(0.01)
        transcript = LiveTranscript()
        part = LivePart(1, recorder.path, recorder.channels, recorder.samplerate)
        recorder.add_listener(part.listen)
        transcript.add(part)
        hotwords = interview_hotwords(study, live.interview)
        passes = PassAhead(lambda: default_ahead_model(final_model).with_hotwords(hotwords))  # as the screen makes it
        if ahead:
            recorder.add_listener(passes.start_part(1, recorder.path, recorder.channels, recorder.samplerate).listen)
        transcriber = default_live_model()
        transcriber.load()
        transcript.model_name = transcriber.model_name
        part.start(transcriber)
        player = sink.play(speech)
        started = time.monotonic()
        behind = []
        next_item, next_report = 60.0, 300.0
        while player.poll() is None:
            time.sleep(1.0)
            if part.seconds_behind is not None:
                behind.append(part.seconds_behind)
            elapsed = time.monotonic() - started
            if elapsed >= next_item and not live.session.complete:
                live.act("next")  # an interviewer moving through the schedule: items on the timeline
                next_item += 120.0
            if elapsed >= next_report:
                next_report += 300.0
                print(f"  {elapsed / 60:.0f} min recorded, live {part.seconds_behind or 0:.0f} s behind,"
                      f" peak {peak_mb():.0f} MB, load {os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(0.5)
        stopped = time.monotonic()
        live.stop()
        live.close()  # as the interview screen does before its summary: the interview is free to process
        interview_id = live.interview.id
        draft_lines = store_draft(study, interview_id, transcript, lambda stage, fraction: None)
        draft_seconds = time.monotonic() - stopped
        print(f"draft stored: {draft_lines} lines, {draft_seconds:.1f} s after the stop", flush=True)
        memory = MemoryWatch()
        transcribe_interview(study, interview_id, ahead=passes.finish())
        final_seconds = time.monotonic() - stopped
        memory.stop()
    peak = peak_mb()
    recording = stored_audio(study, study.recordings(interview_id)[0])
    draft = " ".join(line.text for line in study.live_draft(interview_id))
    final = " ".join(segment.text for segment in study.segments(interview_id))
    batch = batch_transcript(recording, final_model)
    length = study.recordings(interview_id)[0].duration
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        for name, text in (("reference", reference), ("draft", draft), ("final", final), ("batch", batch)):
            (keep / f"{name}.txt").write_text(text + "\n")
    print(f"recorded: {length / 60:.1f} min; live transcription at most {max(behind, default=0):.0f} s behind")
    print(f"WER  draft {word_error_rate(reference, draft):.3f}   final {word_error_rate(reference, final):.3f}"
          f"   batch of the same file {word_error_rate(reference, batch):.3f}")
    print(f"tripled sequences not in the reference: draft {sorted(tripled_sequences(reference, draft))}"
          f"  final {sorted(tripled_sequences(reference, final))}")
    print(f"Stop -> complete draft {draft_seconds:.1f} s (goal <= 15 s)")
    print(f"Stop -> final transcript {final_seconds:.0f} s = {final_seconds / length:.3f} x the interview's length"
          " (goal <= 0.12)")
    print(f"peak RSS {peak:.0f} MB (recording + live + final pass; goal <= 1200 MB);"
          f" during the final pass {memory.peak:.0f} MB")
    print(f"load average at the end {os.getloadavg()}")


class MemoryWatch:
    """The largest resident set seen while it runs (sampled; ru_maxrss gives the whole run's peak)."""

    def __init__(self):
        self.peak = 0.0
        self._done = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while not self._done.wait(0.5):
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        self.peak = max(self.peak, int(line.split()[1]) / 1024)

    def stop(self) -> None:
        self._done.set()


def batch_transcript(recording, model: str | None = None) -> str:
    """What `interviewer transcribe FILE --model MODEL` makes of the recording (decrypted in memory if sealed)."""
    from interviewer.transcribe.whisper import Transcriber

    return " ".join(segment.text for segment in Transcriber(model).transcribe(recording).segments)


if __name__ == "__main__":
    main()
