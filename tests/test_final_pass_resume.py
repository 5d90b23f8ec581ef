"""Faults: the app killed (SIGKILL) during the final pass; at its next start the pass resumes and completes, and
the recording and the live draft stay intact throughout."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import soundfile

from conftest import SPEECH
from interviewer.app import make_app
from interviewer.audio.probe import sha256_of
from interviewer.schedule import find_schedule
from test_interview_app import add_participant, wait_until

PASSPHRASE = "correct horse battery staple"
RATE = 16000

APP_RESUMING_THE_PASS = textwrap.dedent("""
    import asyncio, sys
    from interviewer.app import make_app
    from interviewer.processing import process_interview
    from interviewer.store import Study

    def telling(study, interview_id, progress):
        def tell(stage, fraction):
            print(stage, round(fraction, 3), flush=True)
            progress(stage, fraction)
        process_interview(study, interview_id, tell)

    async def run():
        app = make_app(Study.open(sys.argv[1]), process=telling, live_model=None)
        async with app.run_test() as pilot:
            while True:
                await pilot.pause(0.5)

    asyncio.run(run())
""")


def stopped_interview(study, tmp_path):
    """An interview as the interview screen leaves it at the stop: recorded, its live draft stored, its final
    pass pending, with the timeline the interviewer made."""
    from faster_whisper import decode_audio

    add_participant(study)
    interview = study.add_interview("KI-01", schedule_id="npt-key-informant", schedule_version="1", status="recording")
    speech = np.concatenate([decode_audio(str(SPEECH / "phone-call.wav")), decode_audio(str(SPEECH / "jfk.flac"))])
    path = study.recordings_dir / f"interview-{interview.id:04d}-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(str(path), speech, RATE, subtype="PCM_16")
    study.add_recording(interview.id, path=path, sha256=sha256_of(path), format="wav", sample_rate=RATE, channels=1,
                        duration=len(speech) / RATE)
    first, second = (item.id for item in find_schedule("npt-key-informant").items[:2])
    for kind, offset, item, text in [("part", 0.0, None, "part 1"), ("item", 0.0, first, None),
                                     ("note", 12.0, first, "mentions Chicago"), ("asked", 30.0, first, None),
                                     ("item", 30.0, second, None)]:
        study.add_event(interview.id, kind, item_id=item, text=text, offset=offset)
    study.update_interview(interview.id, status="recorded", pending_stage="final pass")
    study.replace_live_draft(interview.id, [
        {"start": 6.7, "end": 9.8, "text": "Hello. Hello. Oh, hello.", "speaker": "Speech"},
        {"start": 30.5, "end": 41.0, "text": "Ask not what your country can do for you.", "speaker": "Speech"},
    ], model="tiny.en")
    return study.interview(interview.id), path


@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_app_killed_during_the_final_pass_resumes_it_at_the_next_start(study, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    interview, path = stopped_interview(study, tmp_path)
    recording_sum = sha256_of(path)
    draft = study.live_draft(interview.id)
    events = study.events(interview.id)

    app_process = subprocess.Popen([sys.executable, "-c", APP_RESUMING_THE_PASS, str(study.folder)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ready, _, _ = select.select([app_process.stdout], [], [], 1.0)
            line = app_process.stdout.readline() if ready else ""
            if not line and app_process.poll() is not None:
                break
            seen.append(line.strip())
            stage, _, fraction = line.strip().rpartition(" ")
            if stage == "transcribing" and 0.0 < float(fraction) < 1.0:
                app_process.send_signal(signal.SIGKILL)  # mid-pass: part of the recording transcribed
                break
        app_process.wait(timeout=10)
    finally:
        if app_process.poll() is None:
            app_process.kill()
            app_process.wait()
    assert app_process.returncode == -signal.SIGKILL, (seen, app_process.stderr.read())

    killed = study.interview(interview.id)
    assert killed.pending_stage == "final pass" and killed.status == "recorded"
    assert study.segments(interview.id) == [], "no half transcript"
    assert sha256_of(path) == recording_sum and study.live_draft(interview.id) == draft

    app = make_app(study, live_model=None)
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: app.config.processing.get(interview.id, ("",))[0] in
                         ("done", "failed", "needs passphrase"), timeout=180)
        assert app.config.processing[interview.id][0] == "done", app.config.processing

    resumed = study.interview(interview.id)
    assert resumed.pending_stage is None and resumed.status == "anonymised"
    segments = study.segments(interview.id)
    text = " ".join(segment.text for segment in segments).lower()
    assert "chicago" in text and "country" in text
    assert all(segment.anonymised_text is not None for segment in segments)
    second = find_schedule("npt-key-informant").items[1].id
    first = find_schedule("npt-key-informant").items[0].id
    assert [segment.item_id for segment in segments if "chicago" in segment.text.lower()] == [first]
    assert [segment.item_id for segment in segments if "country" in segment.text.lower()] == [second], \
        "the items asked keep their place"
    assert sha256_of(path) == recording_sum and study.live_draft(interview.id) == draft
    assert study.events(interview.id) == events
