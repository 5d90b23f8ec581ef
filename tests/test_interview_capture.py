"""End to end with real audio: an interview recorded through the app from a PulseAudio null sink, and kill -9."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest

from audio_sink import null_sink, playable_wav  # noqa: F401 (fixture)
from conftest import SPEECH, word_error_rate
from interviewer.app import make_app
from interviewer.interview.running import LiveInterview
from interviewer.pipeline import transcribe_interview
from interviewer.schedule import find_schedule
from test_interview_app import add_participant, screen_name, wait_until

JFK = SPEECH / "jfk.flac"


@pytest.mark.audio
@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_interview_recorded_through_the_app_transcribes_like_the_original(null_sink, study, transcriber,
                                                                                    tmp_path):
    add_participant(study)
    reference = (SPEECH / "jfk.txt").read_text()

    def transcribe_only(worker_study, interview_id, progress):
        transcribe_interview(worker_study, interview_id, transcriber=transcriber)
        progress("done", 1.0)

    app = make_app(study, process=transcribe_only, check_seconds=0.5, live_model=None,
                   ahead_model=None)  # the batch path, all of it after the stop
    recorded_for: list[float] = []
    interview_id = await record_through_app(app, null_sink, tmp_path, recorded_for=recorded_for)

    (recording,) = study.recordings(interview_id)
    # All 11 s of speech, and no more than the time it could have recorded for (which a busy machine stretches).
    assert 11.0 <= recording.duration <= recorded_for[0], (recording.duration, recorded_for)
    assert study.recording_path(recording).read_bytes()[:8] == b"IVSEAL01"  # recorded straight into an encrypted part
    captured = " ".join(segment.text for segment in study.segments(interview_id))
    original = " ".join(segment.text for segment in transcriber.transcribe(JFK).segments)
    captured_wer, original_wer = word_error_rate(reference, captured), word_error_rate(reference, original)
    print(f"\nWER captured through the app {captured_wer:.3f}, original file {original_wer:.3f}")
    assert captured_wer <= original_wer + 0.05
    first_item = find_schedule("npt-key-informant").items[0].id
    assert {segment.item_id for segment in study.segments(interview_id)} == {first_item}, \
        "the speech was recorded while the first question was open"
    probe = next(e for e in study.events(interview_id) if e.kind == "probe")
    assert 0.0 < probe.offset < 3.0, "the probe is stamped with its place in the recording"


async def record_through_app(app, null_sink, tmp_path, speech=JFK, recorded_for: list[float] | None = None) -> int:
    """Interview KI-01 in `app` while `speech` (JFK's, unless given) plays into the null sink, the first question
    open; the id of the interview, its processing done. `recorded_for` gets the seconds, by the clock, from the key
    that starts the recording to the summary after the stop: longer than the recording can be."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        app.screen.query_one("#participant").value = "KI-01"
        await wait_until(pilot, lambda: app.screen.verdict is not None, timeout=20)
        started = time.monotonic()
        await pilot.press("ctrl+r", "ctrl+r")  # the room is silent before the speech: start anyway
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording",
                         timeout=20)
        live = app.screen.live
        await wait_until(pilot, lambda: live.offset > 0, timeout=10)
        player = null_sink.play(playable_wav(speech, tmp_path))
        await pilot.press("1")
        while player.poll() is None:
            await pilot.pause(0.1)
        await pilot.pause(0.5)
        await pilot.press("enter", "x", "y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen", timeout=20)
        if recorded_for is not None:
            recorded_for.append(time.monotonic() - started)
        interview_id = live.interview.id
        await wait_until(pilot, lambda: app.config.processing.get(interview_id, ("",))[0] in ("done", "failed"),
                         timeout=120)
        assert app.config.processing[interview_id][0] == "done", app.config.processing[interview_id]
    return interview_id


RECORD_AND_WAIT = textwrap.dedent("""
    import sys, time
    from interviewer.audio.capture import AudioBackend
    from interviewer.interview.running import LiveInterview
    from interviewer.schedule import find_schedule
    from interviewer.store import Study

    study = Study.open(sys.argv[1])
    live = LiveInterview.create(study, "KI-01", find_schedule("npt-key-informant"), AudioBackend())
    live.begin_part()
    time.sleep(1.0)
    live.act("next")
    live.writer.flush()
    print("recording", live.interview.id, flush=True)
    time.sleep(60)
""")


@pytest.mark.audio
def test_an_interview_killed_mid_recording_reopens_at_the_same_item_with_its_audio(null_sink, study, tmp_path):
    from interviewer.audio.capture import AudioBackend

    add_participant(study)
    seconds = 4.0
    player = null_sink.play(playable_wav(JFK, tmp_path))
    process = subprocess.Popen([sys.executable, "-c", RECORD_AND_WAIT, str(study.folder)], env=null_sink.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("recording"), line + process.stderr.read()
        interview_id = int(line.split()[1])
        time.sleep(seconds - 1.0)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        player.kill()
        player.wait()
        if process.poll() is None:
            process.kill()

    live = LiveInterview.reopen(study, interview_id, AudioBackend())
    (part,) = study.recordings(interview_id)
    print(f"\nkilled after {seconds} s: part 1 holds {part.duration:.2f} s (encrypted)")
    assert part.duration >= seconds - 1.5
    stored = study.recording_path(part)
    assert stored.name.endswith(".wav.enc") and not stored.read_bytes().startswith(b"RIFF")
    schedule = find_schedule("npt-key-informant")
    assert live.session.current_id == schedule.items[1].id
    live.begin_part()
    time.sleep(1.0)
    live.act("next")
    live.stop()
    live.close()
    assert [r.part for r in study.recordings(interview_id)] == [1, 2]
    assert study.interview(interview_id).status == "recorded"
