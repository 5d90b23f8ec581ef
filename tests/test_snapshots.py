"""Snapshots of the main screens at 80×24, in the dark and the light theme (regenerate with --snapshot-update)."""

from __future__ import annotations

import pytest

from test_interview_app import SIZE, add_participant, build, open_interview, screen_name, wait_until


@pytest.fixture
def study_with_people(study):
    add_participant(study, "KI-01")
    add_participant(study, "KI-02", consent=False)
    study.add_interview("KI-01", status="transcribed", schedule_id="npt-key-informant")
    return study


def test_home_screen(snap_compare, study_with_people):
    app, _ = build(study_with_people)
    assert snap_compare(app, terminal_size=SIZE)


def test_start_interview_screen_light(snap_compare, study_with_people):
    app, _ = build(study_with_people)
    app.theme = "textual-light"

    async def choose(pilot):
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        app.screen.query_one("#participant").value = "KI-02"
        await wait_until(pilot, lambda: app.screen.verdict == "fine")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=choose)


def interview_in_progress(app, audio):
    async def run(pilot):
        await open_interview(app, pilot)
        audio.clock.advance(95)
        await pilot.press("enter", "1")
        audio.clock.advance(30)
        await pilot.press("n", *"mentions the crisis team", "enter")
        await pilot.pause(0.3)

    return run


def test_interview_screen_dark(snap_compare, study_with_people):
    app, audio = build(study_with_people)
    assert snap_compare(app, terminal_size=SIZE, run_before=interview_in_progress(app, audio))


def test_interview_screen_light(snap_compare, study_with_people):
    app, audio = build(study_with_people)
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, run_before=interview_in_progress(app, audio))


def test_summary_screen(snap_compare, study_with_people):
    app, audio = build(study_with_people)

    async def finish(pilot):
        await interview_in_progress(app, audio)(pilot)
        await pilot.press("s", "x", "y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen")
        await wait_until(pilot, lambda: app.config.processing.get(app.screen.live.interview.id, ("",))[0] == "done")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=finish)
