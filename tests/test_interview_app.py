"""The interview app driven with Textual's Pilot: a whole interview, the consent gate, a lost device, resuming."""

from __future__ import annotations

import time

import pytest

from interviewer.app import make_app
from interviewer.interview.running import LiveInterview
from interviewer.schedule import find_schedule
from fake_audio import FakeAudio

SIZE = (80, 24)
pytestmark = pytest.mark.asyncio


class FakeProcessing:
    """Stands in for transcription and anonymisation; remembers which interviews it was given."""

    def __init__(self):
        self.done: list[int] = []

    def __call__(self, study, interview_id, progress):
        progress("transcribing", 0.5)
        self.done.append(interview_id)
        progress("done", 1.0)


def build(study, audio=None, processing=None):
    audio = audio or FakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=processing or FakeProcessing(),
                   model_status=lambda: (True, "model tiny.en ready"), check_seconds=0.0, tick_seconds=0.1)
    return app, audio


async def wait_until(pilot, condition, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app did not reach the expected state in time")


def screen_name(app) -> str:
    return type(app.screen).__name__


def add_participant(study, code="KI-01", consent=True):
    study.add_participant(code, role="Service manager", sector="NHS", gender="Female")
    if consent:
        study.record_consent(code, audio_recording=True, quotation=True)
    return code


async def open_interview(app, pilot, code="KI-01"):
    await pilot.press("n")
    await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
    app.screen.query_one("#participant").value = code
    await wait_until(pilot, lambda: app.screen.verdict == "fine")
    await pilot.press("ctrl+r")
    await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording")
    return app.screen.live


async def test_a_whole_interview_through_the_npt_key_informant_schedule(study):
    add_participant(study)
    processing = FakeProcessing()
    app, audio = build(study, processing=processing)
    schedule = find_schedule("npt-key-informant")
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        for number, item in enumerate(schedule.items):
            assert live.session.current_id == item.id
            audio.clock.advance(60)
            if item.probes:
                await pilot.press("1")
            if number == 2:
                await pilot.press("n", *"sounds hesitant", "enter")
            if number == 3:
                await pilot.press("m", "p")
                audio.clock.advance(30)  # paused: not recorded
                await pilot.press("p")
            await pilot.press("s" if number == 4 else "enter")
        await pilot.pause()
        assert live.session.complete
        await pilot.press("g")  # go back out of order to the skipped item, and ask it after all
        await wait_until(pilot, lambda: screen_name(app) == "JumpScreen")
        app.screen.dismiss(schedule.items[4].id)
        await wait_until(pilot, lambda: live.session.current_id == schedule.items[4].id)
        audio.clock.advance(45)
        await pilot.press("enter", "x")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen")
        await wait_until(pilot, lambda: processing.done == [live.interview.id])
        summary = str(app.screen.query_one("#summary").render())
        assert "15 asked, 0 skipped" in summary and "sounds hesitant" in summary

    interview = study.interview(live.interview.id)
    assert interview.status == "recorded"
    (recording,) = study.recordings(interview.id)
    assert recording.duration == pytest.approx(60 * len(schedule.items) + 45)
    events = study.events(interview.id)
    asked = {e.item_id for e in events if e.kind == "asked"}
    assert asked == {item.id for item in schedule.items}
    assert [e.kind for e in events if e.kind in ("pause", "resume", "marker", "note")] == ["note", "marker", "pause", "resume"]
    first_asked = next(e for e in events if e.kind == "asked")
    assert first_asked.offset == pytest.approx(60.0)


async def test_recording_is_refused_without_consent_until_the_interviewer_confirms_it(study):
    add_participant(study, "KI-02", consent=False)
    app, _audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        app.screen.query_one("#participant").value = "KI-02"
        await wait_until(pilot, lambda: app.screen.verdict == "fine")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen_name(app) == "StartInterviewScreen" and study.interviews() == []
        app.screen.query_one("#consent-now").value = True
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen")
    assert study.consent("KI-02").audio_recording


async def test_a_silent_input_is_reported_and_needs_a_second_press(study):
    add_participant(study)
    app, _audio = build(study, audio=FakeAudio(verdict="silent"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        await wait_until(pilot, lambda: app.screen.verdict == "silent")
        assert "silent" in str(app.screen.query_one("#verdict").render())
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen_name(app) == "StartInterviewScreen"
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen")


async def test_a_lost_device_keeps_the_recording_and_continues_as_a_new_part(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        audio.clock.advance(20)
        await pilot.press("enter")
        audio.recorders[-1].lose_device()
        await wait_until(pilot, lambda: app.screen.state == "lost" and live.recorder is None)
        assert app.screen.query_one("#banner").has_class("-shown")
        await wait_until(pilot, lambda: study.interview(live.interview.id).status == "interrupted")  # the writer thread
        await pilot.press("d")
        await wait_until(pilot, lambda: screen_name(app) == "ChooseDeviceScreen")
        await wait_until(pilot, lambda: app.screen.query_one("OptionList").option_count == 3)  # 2 devices, the call
        app.screen.dismiss(1)
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording")
        assert audio.recorders[-1].device == 1 and live.part_number == 2
        assert live.session.current_id == find_schedule("npt-key-informant").items[1].id
    assert [r.part for r in study.recordings(live.interview.id)] == [1]


async def test_reopening_an_interrupted_interview_resumes_at_the_same_item_with_a_new_part(study):
    add_participant(study)
    audio = FakeAudio()
    schedule = find_schedule("npt-key-informant")
    crashed = LiveInterview.create(study, "KI-01", schedule, audio)
    crashed.begin_part()
    audio.clock.advance(40)
    crashed.act("next")
    crashed.act("next")
    where = crashed.session.current_id
    audio.recorders[-1].stop()  # the file a crash leaves; the study never heard the part finish
    crashed.writer.flush()
    crashed.close()

    app, _ = build(study, audio=audio)
    async with app.run_test(size=SIZE) as pilot:
        assert "interrupted" in str(app.screen.query_one("#attention").render())
        await pilot.press("r")
        await wait_until(pilot, lambda: screen_name(app) == "ChooseDeviceScreen")
        await wait_until(pilot, lambda: app.screen.query_one("OptionList").option_count == 3)  # 2 devices, the call
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording")
        live = app.screen.live
        assert live.session.current_id == where
        assert live.part_number == 2 and audio.recorders[-1].path.name.endswith("part-2.wav.enc")
        audio.clock.advance(5)
        await pilot.press("enter", "x", "y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen")
    assert [r.part for r in study.recordings(crashed.interview.id)] == [1, 2]
    assert study.interview(crashed.interview.id).status == "recorded"


async def test_home_lists_participants_with_consent_and_interviews_with_status(study):
    add_participant(study, "KI-01")
    add_participant(study, "KI-02", consent=False)
    study.add_interview("KI-01", status="transcribed")
    app, _ = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        participants = app.screen.query_one("#participants")
        assert [str(c) for c in participants.get_row("KI-02")][-1] == "no"
        interviews = app.screen.query_one("#interviews")
        assert str(interviews.get_row("1")[-1]) == "transcribed"


async def test_the_theme_toggles_between_dark_and_light(study):
    app, _ = build(study)
    async with app.run_test(size=SIZE) as pilot:
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != before and {before, app.theme} == {"textual-dark", "textual-light"}


async def test_quitting_while_recording_asks_and_keeps_the_interview_resumable(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        audio.clock.advance(12)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: not app.is_running)
    assert study.interview(live.interview.id).status == "interrupted"
    assert [r.duration for r in study.recordings(live.interview.id)] == [pytest.approx(12.0)]


async def test_closing_the_app_stops_background_processing_at_the_next_step(study):
    add_participant(study)
    interview = study.add_interview("KI-01", status="recorded")
    steps = []

    def endless(worker_study, interview_id, progress):
        for step in range(2000):
            steps.append(step)
            progress("transcribing", step / 2000)
            time.sleep(0.005)

    app, _ = build(study, processing=endless)
    async with app.run_test(size=SIZE) as pilot:
        app.start_processing(interview.id)
        await wait_until(pilot, lambda: len(steps) > 5)
    count = len(steps)
    time.sleep(0.1)
    assert len(steps) <= count + 1 and count < 2000


async def test_an_interrupted_interview_can_be_finished_without_resuming(study):
    add_participant(study)
    audio = FakeAudio()
    crashed = LiveInterview.create(study, "KI-01", find_schedule("npt-key-informant"), audio)
    crashed.begin_part()
    audio.clock.advance(25)
    audio.recorders[-1].stop()
    crashed.writer.flush()
    crashed.close()
    app, _ = build(study, audio=audio)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: study.interview(crashed.interview.id).status == "recorded")
    assert [r.duration for r in study.recordings(crashed.interview.id)] == [pytest.approx(25.0)]


async def test_a_new_participant_can_be_added_from_the_start_screen_and_is_chosen(study):
    add_participant(study, "KI-01")
    app, _ = build(study)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: screen_name(app) == "AddParticipantScreen")
        await pilot.press(*"KI-01", "tab", *"Nurse", "ctrl+s")
        assert screen_name(app) == "AddParticipantScreen", "a taken code is refused"
        assert "already exists" in str(app.screen.query_one("#problem").render())
        app.screen.query_one("#code").value = "KI-02"
        app.screen.query_one("#name").value = "Rose Okafor"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        assert app.screen.participant == "KI-02"
    added = study.participant("KI-02")
    assert added.role == "Nurse" and added.name == "Rose Okafor"


async def test_an_own_schedule_file_can_be_added_from_the_start_screen_and_is_chosen(study, tmp_path):
    from test_schedule import VALID

    broken = tmp_path / "broken.yaml"
    broken.write_text(VALID.replace("title: Demo schedule", "titel: Demo schedule"), encoding="utf-8")
    good = tmp_path / "mine.yaml"
    good.write_text(VALID, encoding="utf-8")
    add_participant(study, "KI-01")
    app, _ = build(study)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: screen_name(app) == "AddScheduleScreen")
        app.screen.query_one("#path").value = str(broken)
        await pilot.press("enter")
        assert screen_name(app) == "AddScheduleScreen", "an invalid file is refused"
        assert "broken.yaml:3" in str(app.screen.query_one("#problem").render())
        app.screen.query_one("#path").value = str(good)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        assert app.screen.query_one("#schedule").value == "demo"
    assert (study.folder / "schedules" / "demo@1.yaml").exists()


async def test_the_side_panel_clock_moves_on_without_laying_out_the_screen_again(study):
    from textual.widgets import Static

    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await open_interview(app, pilot)
        recording = app.screen.query_one("#recording", Static)
        layouts = []
        original = recording.refresh

        def counted_refresh(*args, layout=False, **kwargs):
            layouts.append(layout)
            return original(*args, layout=layout, **kwargs)

        recording.refresh = counted_refresh
        for seconds in (61, 1):
            audio.clock.advance(seconds)
            await pilot.pause(0.4)  # more than one tick
        assert "Total 01:02 /" in str(recording.render())
        assert layouts and not any(layouts)  # repainted, never laid out: the text kept its shape
