"""Benchmark: the whole-study bundle with and without --include-audio, beside copying the same audio (the anchor).

Builds a throw-away study of N interviews, each a real FLAC of M minutes (the bundled sample repeated with sox)
with a hand-written transcript of one turn per 10 s, then writes the bundle as `interviewer export --all` does.

    python scripts/bench_export.py --interviews 4 --minutes 30
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "sample-interview.flac"


def long_recording(folder: Path, minutes: float) -> Path:
    """The sample repeated to `minutes` (sox), written once and reused."""
    target = folder / f"long-{minutes:g}min.flac"
    if not target.exists():
        repeats = max(1, int(minutes * 60 / 53.6))
        subprocess.run(["sox", str(SAMPLE), str(target), "repeat", str(repeats - 1)], check=True)
    return target


def build(study, recording: Path, interviews: int) -> None:
    from interviewer.pipeline import import_recording

    for number in range(1, interviews + 1):
        code = f"KI-{number:02d}"
        study.add_participant(code, gender="Female", role="Nurse", sector="NHS")
        imported = import_recording(study, recording, code, mode="phone", schedule_id="npt-key-informant",
                                    schedule_version="1")
        duration = imported.recording.duration
        segments = []
        for index, start in enumerate(range(0, int(duration) - 10, 10)):
            speaker = "Interviewer" if index % 2 == 0 else code
            item = "meaning-of-involvement" if index < 20 else "policy-drivers"
            segments.append({"start": float(start), "end": start + 9.5, "speaker": speaker, "item_id": item,
                             "text": f"Turn {index} of the interview, said by {speaker} about [PLACE 2].",
                             "recording_id": imported.recording.id})
        study.replace_segments(imported.interview.id, segments, model="bench")
        stored = study.segments(imported.interview.id)
        study.save_anonymisation(imported.interview.id, {s.id: s.text for s in stored}, [], {})
        study.update_interview(imported.interview.id, status="reviewed")


def timed(label: str, action) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{label:<44} {seconds:7.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interviews", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    os.environ["INTERVIEWER_HOME"] = str(work / "home")
    os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "benchmark passphrase")  # studies are encrypted
    sys.path.insert(0, str(REPO))
    from interviewer.export.bundle import write_bundle
    from interviewer.store import Study

    try:
        recording = long_recording(work, args.minutes)
        study = Study.create("bench")
        build(study, recording, args.interviews)
        audio_bytes = sum(study.recording_path(r).stat().st_size
                          for i in study.interviews() for r in study.recordings(i.id))
        print(f"load: {os.getloadavg()[0]:.2f} (1-min average); {args.interviews} interviews x {args.minutes:g} min, "
              f"{audio_bytes / 1e6:.0f} MB of FLAC")
        anchor = timed("anchor: copy the recordings twice", lambda: [
            shutil.copyfile(study.recording_path(r), work / f"copy-{i.id}-{n}.flac")
            for n in (1, 2) for i in study.interviews() for r in study.recordings(i.id)])
        plain = timed("bundle without audio", lambda: write_bundle(study, work / "plain"))
        audio = timed("bundle with --include-audio", lambda: write_bundle(study, work / "audio", include_audio=True))
        qdpx = next((work / "audio").glob("*.qdpx")).stat().st_size
        print(f"audio costs {audio - plain:.2f} s over the plain bundle ({(audio - plain) / anchor:.1f} x the anchor); "
              f".qdpx {qdpx / 1e6:.0f} MB; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
