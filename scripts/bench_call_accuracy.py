"""Provides the call-mode accuracy benchmark: what the call path costs in words, against batch of each side alone.

Run:  .venv/bin/python scripts/bench_call_accuracy.py

Two sides of several conversations (the Harvard/JFK exchange of the call tests, then the two LibriSpeech
conversations of ../shared/eval/speech/conversations split into their speakers by the RTTM files, about
four minutes in all) are played into the `mic` and `call` null sinks while the interview screen records in call
mode (Pilot, the real recorder and sound server); after the stop the app's own processing makes the transcript
(final pass by channel). Each side's words in the stored transcript are then compared with batch transcription
of that side's track alone (same model): their word disagreement bounds how much worse the call path can be than
batch of the side alone (edit distances obey the triangle inequality), so disagreement <= 0.01 meets issue 17's
"WER no worse than batch of each side alone + 0.01". The LibriSpeech part has no word references here, so the
bigger Whisper `base` model's batch transcript of each side stands in for one: both tiny.en transcripts (batch of
the side alone, and the call path) get a WER against it, and their difference estimates what the call path costs.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench_study import bench_study  # noqa: E402  (scripts/ is on the path when run)

REPO = Path(__file__).resolve().parents[1]
RATE = 16000
GAP = 0.8


def librispeech_tracks(shared: Path) -> tuple[np.ndarray, np.ndarray]:
    """The two-speaker conversations split by their RTTM: the first speaker of each on side 0, the other on 1."""
    from faster_whisper import decode_audio

    sides: tuple[list, list] = ([], [])
    for flac in sorted((shared / "eval" / "speech" / "conversations").glob("*.flac")):
        audio = decode_audio(str(flac))
        speakers: list[str] = []
        for line in flac.with_suffix(".rttm").read_text().splitlines():
            fields = line.split()
            start, length, speaker = float(fields[3]), float(fields[4]), fields[7]
            if speaker not in speakers:
                speakers.append(speaker)
            side = speakers.index(speaker)
            turn = audio[int(start * RATE):int((start + length) * RATE)]
            gap = np.zeros(int(GAP * RATE), np.float32)
            sides[side].extend([turn, gap])
            sides[1 - side].extend([np.zeros(len(turn), np.float32), gap])
    return np.concatenate(sides[0]), np.concatenate(sides[1])


async def record(tracks: list[Path], seconds: float) -> list[str]:
    """Each side's words in the stored transcript of a call-mode interview that heard `tracks`."""
    from test_call_interview_app import record_call_interview
    from test_interview_app import SIZE

    from interviewer import pipeline
    from interviewer.app import default_live_model, make_app
    from interviewer.audio.capture import AudioBackend
    from interviewer.processing import process_interview

    with bench_study("bench-call-accuracy") as bench:
        study = bench.study
        pipeline.anonymise_interview = lambda study, interview_id: 0  # words as transcribed, not anonymised
        app = make_app(study, audio=AudioBackend(), process=process_interview, live_model=default_live_model,
                       model_status=lambda: (True, "bench"), check_seconds=0.5)
        async with app.run_test(size=SIZE) as pilot:
            interview_id = await record_call_interview(app, pilot, bench.sink, tracks, play_seconds=seconds + 60,
                                                       process_seconds=600)
            await pilot.pause(0.5)
        said: tuple[list, list] = ([], [])
        for segment in study.segments(interview_id):
            said[0 if segment.speaker == "Interviewer" else 1].append(segment.text)
        gaps = [event.text for event in study.events(interview_id) if event.kind == "gap"]
        if gaps:
            print(f"gaps in the recording: {gaps}")
        return [" ".join(words) for words in said]


def main() -> int:
    sys.path.insert(0, str(REPO / "tests"))
    os.environ.setdefault("INTERVIEWER_SHARED", str(REPO.parent / "shared"))
    import soundfile
    from call_conversation import conversation
    from conftest import SHARED, normalise_words, word_error_rate

    from interviewer.transcribe.whisper import Transcriber

    print(f"load before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    talk = conversation()
    more = librispeech_tracks(SHARED)
    lead = np.zeros(RATE, np.float32)
    sides = [np.concatenate([talk.tracks[side], lead, more[side]]) for side in (0, 1)]
    transcriber = Transcriber()
    alone = [" ".join(s.text for s in transcriber.transcribe(track).segments) for track in sides]
    stand_in = Transcriber("base")
    references = [" ".join(s.text for s in stand_in.transcribe(track, language="en").segments) for track in sides]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for side, track in enumerate(sides):
            paths.append(Path(folder) / f"side{side}.wav")
            soundfile.write(str(paths[-1]), track, RATE, subtype="PCM_16")
        recorded = asyncio.run(record(paths, len(sides[0]) / RATE))
    for side, name in enumerate(("interviewer (microphone)", "participant (call)")):
        words = len(normalise_words(alone[side]).split())
        disagreement = word_error_rate(alone[side], recorded[side])
        print(f"{name}: {words} words from batch of the side alone; call path disagrees on {disagreement:.3f}"
              f" of them (goal <= 0.01)")
        print(f"  against Whisper base's transcript of the side: tiny.en batch of the side alone"
              f" {word_error_rate(references[side], alone[side]):.3f}, call path"
              f" {word_error_rate(references[side], recorded[side]):.3f}")
    print(f"load after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    from interviewer.cli.tui import leave_now_if_threads_remain

    code = main()
    leave_now_if_threads_remain(code)
    sys.exit(code)
