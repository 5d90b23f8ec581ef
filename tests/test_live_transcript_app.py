"""Live transcription in the interview screen: real speech through the recorder's listener, shown and stored."""

from __future__ import annotations

import pytest

from conftest import SPEECH, normalise_words
from fake_audio import SpeakingFakeAudio
from interviewer import pipeline
from interviewer.app import make_app
from interviewer.processing import process_interview
from interviewer.widgets.spoken import Spoken
from test_interview_app import SIZE, add_participant, open_interview, screen_name, wait_until

pytestmark = pytest.mark.asyncio


def jfk_with_pauses():
    import numpy as np
    from faster_whisper import decode_audio

    silence = np.zeros(16000 * 2, dtype=np.float32)
    return np.concatenate([silence, decode_audio(str(SPEECH / "jfk.flac")), silence])


async def test_speech_appears_in_the_chat_while_recording_is_kept_as_the_draft_and_the_final_pass_follows(
        study, transcriber, monkeypatch):
    add_participant(study)
    anonymised, draft_when_final_pass_began = [], []
    batch = pipeline.transcribe_interview

    def final_pass(study, interview_id, progress, ahead=None):
        draft_when_final_pass_began.append(len(study.live_draft(interview_id)))
        return batch(study, interview_id, transcriber=transcriber, progress=progress, ahead=ahead)

    monkeypatch.setattr(pipeline, "transcribe_interview", final_pass)
    monkeypatch.setattr(pipeline, "anonymise_interview", lambda study, interview_id: anonymised.append(interview_id))
    audio = SpeakingFakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=process_interview, live_model=lambda: transcriber,
                   model_status=lambda: (True, "model ready"), check_seconds=0.0, tick_seconds=0.1)
    reference = set(normalise_words((SPEECH / "jfk.txt").read_text()).split())
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        screen = app.screen
        audio.recorders[-1].play(jfk_with_pauses())

        def spoken_words() -> set[str]:
            return {word for line in screen.query(Spoken) for word in normalise_words(line.text).split()}

        await wait_until(pilot, lambda: len(spoken_words() & reference) >= 5, timeout=60)
        assert all(line.speaker == "Speech" for line in screen.query(Spoken)), "mono: voices are told apart later"
        side = str(screen.query_one("#live").render())
        assert "behind" in side

        await pilot.press("t")
        assert not screen.query(Spoken).first().display
        await pilot.press("t")
        assert screen.query(Spoken).first().display

        await pilot.press("x")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen")
        interview_id = live.interview.id
        await wait_until(pilot, lambda: app.config.processing.get(interview_id, ("",))[0] in ("done", "failed"),
                         timeout=60)
        assert app.config.processing[interview_id][0] == "done"
        await pilot.pause(0.1)
        shown = str(app.screen.query_one("#stage").render())
        assert "Live draft:" in shown and "Final transcript:" in shown
        assert "Transcript (final pass)" in str(app.screen.query_one("#transcript").render())

    assert anonymised == [interview_id]
    (recording,) = study.recordings(interview_id)
    draft = study.live_draft(interview_id)
    assert draft_when_final_pass_began == [len(draft)] and draft, "the draft is stored before the final pass"
    assert all(line.recording_id == recording.id and line.speaker == "Speech" for line in draft)
    drafted = {word for line in draft for word in normalise_words(line.text).split()}
    assert len(drafted & reference) >= 0.8 * len(reference)
    segments = study.segments(interview_id)
    assert segments and all(s.recording_id == recording.id for s in segments)
    stored = {word for s in segments for word in normalise_words(s.text).split()}
    assert len(stored & reference) >= 0.8 * len(reference)
    assert all(s.words and s.speaker for s in segments)
    interview = study.interview(interview_id)
    assert interview.status == "transcribed" and interview.pending_stage == "anonymise", \
        "anonymising (faked here) is what is left"


async def test_a_model_that_fails_to_load_warns_and_the_recording_goes_on_to_a_batch_transcript(study):
    add_participant(study)
    given, processed = [], []

    def processing(study, interview_id, progress, ahead=None):
        processed.append(interview_id)
        progress("done", 1.0)

    def store_draft(study, interview_id, live, progress):
        given.append(live)

    def broken_model():
        raise RuntimeError("model.bin is damaged")

    audio = SpeakingFakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=processing, live_model=broken_model,
                   model_status=lambda: (True, "model ready"), check_seconds=0.0, tick_seconds=0.1)
    app.config.store_draft = store_draft
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        await wait_until(pilot, lambda: "off" in str(app.screen.query_one("#live").render()))
        assert app.screen.state == "recording"
        audio.recorders[-1].play(jfk_with_pauses()[:16000 * 3])
        await pilot.press("enter", "x")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: processed)
    assert given[0].failed, "no draft is stored from a failed live transcription; the final pass is the transcript"
    assert processed == [live.interview.id]
    assert study.recordings(live.interview.id)[0].duration == pytest.approx(3.0)


async def test_the_live_model_is_loaded_while_the_start_screen_is_open_and_not_again_for_the_interview(study):
    add_participant(study)
    loads = []

    class CountingModel:
        model_name = "counting"

        def load(self):
            loads.append("load")

    def make_model():
        loads.append("made")
        return CountingModel()

    audio = SpeakingFakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=lambda *args: None, live_model=make_model,
                   coverage=None, model_status=lambda: (True, "model ready"), check_seconds=0.0, tick_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        await wait_until(pilot, lambda: loads == ["made", "load"])
        app.screen.query_one("#participant").value = "KI-01"
        await wait_until(pilot, lambda: app.screen.verdict == "fine")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording")
        await pilot.pause(0.5)
    assert loads == ["made", "load"]


@pytest.mark.slow
async def test_the_chosen_schedules_prompts_are_read_into_the_coverage_cache_while_the_start_screen_is_open(study):
    from interviewer.app import default_coverage
    from interviewer.locations import cache_dir

    add_participant(study)
    audio = SpeakingFakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=lambda *args: None, live_model=None,
                   coverage=default_coverage, model_status=lambda: (True, "model ready"), check_seconds=0.0,
                   tick_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        await wait_until(pilot, lambda: list(cache_dir().glob("coverage-prompts-*.npz")), timeout=120)
