"""The call input in the app's screens: offered (or why not), preselected by the study, two meters, known channels."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fake_audio import FakeAudio, FakeCallInput
from interviewer.interview.running import CALL_INPUT_EVENT
from interviewer.speakers.roles import interviewer_channel_of
from test_interview_app import add_participant, build, screen_name, wait_until

pytestmark = pytest.mark.asyncio


async def open_start(app, pilot, code="KI-01"):
    await pilot.press("n")
    await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
    screen = app.screen
    screen.query_one("#participant").value = code
    await wait_until(pilot, lambda: screen.call_input is not None and screen.verdict is not None)
    return screen


async def test_choosing_the_call_input_records_stereo_with_a_meter_per_side_and_the_interviewer_on_the_left(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=(80, 24)) as pilot:
        start = await open_start(app, pilot)
        labels = [str(label) for label, _value in start.query_one("#device")._options]
        assert any("Call on this computer" in label for label in labels)
        assert not start.query_one("#meter-call").display
        start.query_one("#device").value = "call"
        await pilot.pause(0.1)
        assert start.query_one("#channels").value == 2 and start.query_one("#channels").disabled
        assert start.query_one("#meter-call").display
        await wait_until(pilot, lambda: start.verdict == "fine")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording")
        screen = app.screen
        assert audio.recorders[-1].device == "call" and audio.recorders[-1].channels == 2
        assert screen.live.is_call
        await pilot.pause(0.3)
        assert screen.query_one("#level-call").display
        assert str(screen.query_one("#level").render()).startswith("Mic")
        assert str(screen.query_one("#level-call").render()).startswith("Call")
        screen.live.writer.flush()
        interview_id = screen.live.interview.id
    events = study.events(interview_id)
    assert [event.text for event in events if event.kind == "input"] == [CALL_INPUT_EVENT]
    assert study.interview(interview_id).participant_code == "KI-01"


async def test_an_unavailable_call_input_is_listed_with_its_reason_and_cannot_be_started(study):
    add_participant(study)
    reason = "No PulseAudio or PipeWire sound server answers (Connection refused)."
    app, audio = build(study, audio=FakeAudio(call=FakeCallInput(False, reason)))
    async with app.run_test(size=(80, 24)) as pilot:
        start = await open_start(app, pilot)
        labels = [str(label) for label, _value in start.query_one("#device")._options]
        assert any("unavailable" in label for label in labels)
        start.query_one("#device").value = "call"
        await wait_until(pilot, lambda: start.verdict == "unavailable")
        assert reason in str(start.query_one("#verdict").render())
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.pause(0.2)
        assert screen_name(app) == "StartInterviewScreen" and not audio.recorders


async def test_the_studys_default_input_is_preselected(study):
    from interviewer.cli import main as cli_main

    add_participant(study)
    result = CliRunner().invoke(cli_main, ["study", "set-input", "call", "--study", study.name])
    assert result.exit_code == 0, result.output
    assert study.reopen().settings["default_input"] == "call"
    study = study.reopen()
    app, _audio = build(study)
    async with app.run_test(size=(80, 24)) as pilot:
        start = await open_start(app, pilot)
        assert start.query_one("#device").value == "call"
    study.set_setting("default_input", "phone adapter")
    app, _audio = build(study)
    async with app.run_test(size=(80, 24)) as pilot:
        start = await open_start(app, pilot)
        assert start.query_one("#device").value == 1


async def test_a_study_that_records_calls_falls_back_to_the_default_input_where_a_call_cannot_be_recorded(study):
    add_participant(study)
    study.set_setting("default_input", "call")
    app, _audio = build(study, audio=FakeAudio(call=FakeCallInput(False, "macOS needs a loopback device")))
    async with app.run_test(size=(80, 24)) as pilot:
        start = await open_start(app, pilot)
        assert start.query_one("#device").value == 0


async def test_a_part_recorded_from_the_call_has_the_interviewer_on_the_left_whatever_the_study_setting(study):
    add_participant(study)
    study.set_setting("interviewer_channel", "right")
    interview = study.add_interview("KI-01")
    study.add_event(interview.id, "part", text="part 1")
    study.add_event(interview.id, "input", text=CALL_INPUT_EVENT)
    study.add_event(interview.id, "part", text="part 2")
    from interviewer.store import Recording

    def part(number):
        return Recording(0, interview.id, number, "x.wav", None, "", "wav", 16000, 2, 1.0)

    assert interviewer_channel_of(study, interview, part(1)) == 0
    assert interviewer_channel_of(study, interview, part(2)) == 1  # a phone adapter: the study's setting


class GappyRecorder:
    """A fake recorder that, like the call recorder, reports audio a side lost."""

    def __init__(self, inner):
        self.inner = inner
        self.gap_listeners = []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def on_gap(self, listener):
        self.gap_listeners.append(listener)


async def test_audio_a_side_lost_is_written_into_the_timeline(study):
    from interviewer.interview.running import LiveInterview
    from interviewer.schedule import find_schedule

    add_participant(study)
    audio = FakeAudio()
    made = []
    plain = audio.recorder
    audio.recorder = lambda path, device, channels, key=None: made.append(GappyRecorder(plain(path, device, channels, key))) or made[-1]
    live = LiveInterview.create(study, "KI-01", find_schedule("npt-key-informant"), audio)
    live.open_part("call", 2)
    live.take_up()
    assert live.channels == 2 and live.is_call
    made[-1].gap_listeners[0](12.5, "call", 0.12)
    live.writer.flush()
    gaps = [event for event in study.events(live.interview.id) if event.kind == "gap"]
    assert [(event.offset, event.text) for event in gaps] == [(12.5, "call audio lost for 0.12 s; silence in its place")]
    live.finish_part()
    live.close()
