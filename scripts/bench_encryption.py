#!/usr/bin/env python3
"""Benchmark: what encryption at rest costs, measured in one run with and without it (target <= 10%).

1. Batch transcription of one --minutes recording of real speech (../shared/eval/speech), imported into an
   unencrypted and an encrypted study and transcribed as `interviewer transcribe N` does (speakers 2).
2. Exporting a study of --interviews reviewed interviews (each a one-hour-long transcript of ~450 segments
   and a one-minute recording) as the coders' bundle, without and with --include-audio.

Rounds alternate plain and encrypted, so load on the machine falls on both; the best round of each counts.

    .venv/bin/python scripts/bench_encryption.py --minutes 8 --interviews 20 --rounds 2
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from speech_source import write_speech

os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "benchmark passphrase")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

WORDS = ("the care plan was written with the service user and their family over several weeks and "
         "the team met every month to look at what had changed and what still needed doing").split()


def transcript(code: str, segments: int = 450) -> list[dict]:
    rows, clock = [], 0.0
    for number in range(segments):
        text = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(18))
        speaker = "Interviewer" if number % 3 == 0 else code
        words = [{"start": clock + i * 0.4, "end": clock + i * 0.4 + 0.35, "word": f" {w}", "probability": 0.9}
                 for i, w in enumerate(text.split())]
        rows.append({"start": clock, "end": clock + 7.5, "speaker": speaker, "text": text, "words": words,
                     "item_id": None})
        clock += 8.0
    return rows


def export_study(name: str, encrypted: bool, interviews: int, minute: Path):
    from interviewer.pipeline import import_recording
    from interviewer.review.redactions import finish
    from interviewer.store import Study

    study = Study.create(name, encrypted=encrypted)
    for number in range(1, interviews + 1):
        code = f"KI-{number:02d}"
        study.add_participant(code, gender="Female", role="Service manager", sector="NHS")
        study.record_consent(code, audio_recording=True, quotation=True)
        interview_id = import_recording(study, minute, code).interview.id
        study.replace_segments(interview_id, transcript(code), model="bench")
        study.save_anonymisation(interview_id, {s.id: s.text for s in study.segments(interview_id)}, [], {})
        study.update_interview(interview_id, status="anonymised")
        finish(study, interview_id)
    return study


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--interviews", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = tmp
        from interviewer.export.bundle import write_bundle
        from interviewer.pipeline import import_recording, transcribe_interview
        from interviewer.store import Study
        from interviewer.transcribe.whisper import Transcriber

        long_file, minute = Path(tmp) / "long.wav", Path(tmp) / "minute.wav"
        seconds = write_speech(long_file, args.minutes)
        write_speech(minute, 1.0)
        transcriber = Transcriber()
        transcriber.load()
        results: dict[str, list[float]] = {}
        for round_number in range(args.rounds):
            for encrypted in (False, True):
                mode = "encrypted" if encrypted else "plain"
                study = Study.create(f"t-{mode}-{round_number}", encrypted=encrypted)
                study.add_participant("L-01")
                imported = import_recording(study, long_file, "L-01")
                took = timed(lambda: transcribe_interview(study, imported.interview.id, transcriber=transcriber))
                results.setdefault(f"transcribe {mode}", []).append(took)
                print(f"round {round_number + 1}: transcription, {mode}: {took:.1f} s", flush=True)
        for round_number in range(args.rounds):
            for encrypted in (False, True):
                mode = "encrypted" if encrypted else "plain"
                study = export_study(f"e-{mode}-{round_number}", encrypted, args.interviews, minute)
                for audio in (False, True):
                    out = Path(tmp) / f"bundle-{mode}-{round_number}-{audio}"
                    took = timed(lambda: write_bundle(study, out, include_audio=audio))
                    label = f"export {mode}" + (" with audio" if audio else "")
                    results.setdefault(label, []).append(took)
                    print(f"round {round_number + 1}: {label}: {took:.2f} s", flush=True)
        print(f"\n{args.minutes:.0f}-minute recording ({seconds:.0f} s); {args.interviews} interviews; "
              f"best of {args.rounds} round(s); load average {os.getloadavg()[0]:.2f}")
        for plain_label in ("transcribe plain", "export plain", "export plain with audio"):
            sealed_label = plain_label.replace("plain", "encrypted")
            plain, sealed = min(results[plain_label]), min(results[sealed_label])
            print(f"{plain_label.replace(' plain', ''):<20} plain {plain:7.2f} s   encrypted {sealed:7.2f} s   "
                  f"cost {100 * (sealed / plain - 1):+5.1f}%")


if __name__ == "__main__":
    main()
