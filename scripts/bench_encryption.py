#!/usr/bin/env python3
"""Benchmark: what encryption at rest costs, measured in one run with and without it (target <= 10%).

1. Batch transcription of one --minutes recording of real speech (../shared/eval/speech), imported into an
   unencrypted and an encrypted study and transcribed as `interviewer transcribe N` does (speakers 2).
2. Exporting a study of --interviews reviewed interviews (each a one-hour-long transcript of ~450 segments
   and a one-minute recording) as the coders' bundle, without and with --include-audio.

3. Decoding the recording alone (what encryption adds to every reader), plain file against sealed copy.

Rounds alternate plain and encrypted, so load on the machine falls on both; the best round of each counts.
Wall time and CPU time (all threads) are both shown: on a shared machine CPU time is the steadier of the two.

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


def timed(action) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process's threads)."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--interviews", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = tmp
        from interviewer.audio.long_audio import read_mono
        from interviewer.audio.source import stored_audio
        from interviewer.export.bundle import write_bundle
        from interviewer.pipeline import import_recording, transcribe_interview
        from interviewer.store import Study
        from interviewer.transcribe.whisper import Transcriber

        long_file, minute = Path(tmp) / "long.wav", Path(tmp) / "minute.wav"
        seconds = write_speech(long_file, args.minutes)
        write_speech(minute, 1.0)
        transcriber = Transcriber()
        transcriber.load()
        results: dict[str, list[tuple[float, float]]] = {}
        for round_number in range(args.rounds):
            for encrypted in (False, True):
                mode = "encrypted" if encrypted else "plain"
                study = Study.create(f"t-{mode}-{round_number}", encrypted=encrypted)
                study.add_participant("L-01")
                imported = import_recording(study, long_file, "L-01")
                took = timed(lambda: transcribe_interview(study, imported.interview.id, transcriber=transcriber))
                results.setdefault(f"transcribe {mode}", []).append(took)
                print(f"round {round_number + 1}: transcription, {mode}: {took[0]:.1f} s (CPU {took[1]:.1f} s)",
                      flush=True)
                source = stored_audio(study, study.recordings(imported.interview.id)[0])
                took = min(timed(lambda: read_mono(source, seconds)) for _ in range(5))
                results.setdefault(f"decode {mode}", []).append(took)
        for round_number in range(args.rounds):
            for encrypted in (False, True):
                mode = "encrypted" if encrypted else "plain"
                study = export_study(f"e-{mode}-{round_number}", encrypted, args.interviews, minute)
                for audio in (False, True):
                    out = Path(tmp) / f"bundle-{mode}-{round_number}-{audio}"
                    took = timed(lambda: write_bundle(study, out, include_audio=audio))
                    label = f"export {mode}" + (" with audio" if audio else "")
                    results.setdefault(label, []).append(took)
                    print(f"round {round_number + 1}: {label}: {took[0]:.2f} s (CPU {took[1]:.2f} s)", flush=True)
        print(f"\n{args.minutes:g}-minute recording ({seconds:.0f} s); {args.interviews} interviews; "
              f"best of {args.rounds} round(s); load average {os.getloadavg()[0]:.2f}")
        for plain_label in ("transcribe plain", "decode plain", "export plain", "export plain with audio"):
            sealed_label = plain_label.replace("plain", "encrypted")
            line = f"{plain_label.replace(' plain', ''):<18}"
            for index, clock in ((0, "wall"), (1, "CPU")):
                plain = min(took[index] for took in results[plain_label])
                sealed = min(took[index] for took in results[sealed_label])
                line += f" {clock} {plain:7.2f} s -> {sealed:7.2f} s ({100 * (sealed / plain - 1):+5.1f}%)"
            print(line)


if __name__ == "__main__":
    main()
