"""The review screen driven with Textual's Pilot: opened from home, least certain first, decisions by key."""

from __future__ import annotations

import pytest

from anonymisation_study import PASSPHRASE, known_study
from fake_audio import FakeAudio
from interviewer.app import make_app
from interviewer.pipeline import anonymise_interview
from interviewer.anonymise.study.key import open_key
from interviewer.anonymise.study.settings import terms

pytestmark = pytest.mark.asyncio
SIZE = (100, 30)


def build(study):
    audio = FakeAudio()
    return make_app(study, audio=audio, clock=audio.clock, process=lambda *args: None,
                    model_status=lambda: (True, "model ready"), check_seconds=0.0, tick_seconds=0.1)


async def open_review(app, pilot, study, interview_id):
    table = app.screen.query_one("#interviews")
    table.move_cursor(row=[i.id for i in study.interviews()].index(interview_id))
    await pilot.press("v")
    await pilot.pause()
    assert type(app.screen).__name__ == "ReviewScreen"
    return app.screen


@pytest.fixture
def anonymised(study, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    first, _ = known_study(study)
    anonymise_interview(study, first)
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE")
    return first


async def test_review_from_home_decides_by_key_and_marks_reviewed(study, anonymised):
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "needs review" in str(app.screen.query_one("#attention").render())
        screen = await open_review(app, pilot, study, anonymised)
        scores = [entry.score for entry in screen.items]
        assert scores == sorted(scores)
        first = screen.selected()
        await pilot.press("a")
        assert next(e for e in screen.items if e.id == first.id).status == "accepted"
        kate = next(e for e in screen.items if e.text == "Kate")
        screen.query_one("#detections").move_cursor(row=screen.items.index(kate))
        await pilot.press("r")
        await pilot.pause()
        assert "Passphrase" in screen.query_one("#entry").placeholder
        await pilot.press(*PASSPHRASE, "enter")
        await pilot.pause()
        assert next(e for e in screen.items if e.id == kate.id).status == "rejected"
        assert "Kate" not in open_key(study, PASSPHRASE).originals()
        await pilot.press("m")
        await pilot.press(*"WARD: bluebell!", "enter")
        await pilot.pause()
        assert [t.term for t in terms(study, "deny")] == ["bluebell"]
        assert "[WARD 1] team" in " ".join(s.anonymised_text for s in study.segments(anonymised))
        await pilot.press("d")
        await pilot.pause()
        assert study.interview(anonymised).status == "anonymised"
        for _ in range(len(screen.items)):
            await pilot.press("a")
        await pilot.press("d")
        await pilot.pause()
        assert study.interview(anonymised).status == "reviewed"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_widen_narrow_and_jump_by_key(study, anonymised):
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_review(app, pilot, study, anonymised)
        screen.passphrase = PASSPHRASE
        kate = next(e for e in screen.items if e.text == "Kate")
        screen.query_one("#detections").move_cursor(row=screen.items.index(kate))
        await pilot.press("W")
        assert screen.selected().text == "Thanks Kate"
        await pilot.press("N")
        assert screen.selected().text == "Kate"
        await pilot.press("enter")
        assert "Dr Patel in March 2019" in str(screen.query_one("#context").render())


async def test_possible_misses_queue_is_reviewed_by_key(study, monkeypatch):
    from anonymisation_study import add_transcript

    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    study.add_participant("P-02", name="Ann Example", gender="Female", role="Carer", sector="Community")
    interview = add_transcript(study, "P-02", [
        ("Interviewer", "Where did you go for support?"),
        ("P-02", "We loved the Copper Kettle on a Friday, and the 2019 move changed it."),
    ])
    anonymise_interview(study, interview)
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE")
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_review(app, pilot, study, interview)
        await pilot.press("p")
        assert screen.in_misses() and screen.misses
        kettle = next(e for e in screen.misses if e.text == "Copper Kettle")
        screen.query_one("#misses").move_cursor(row=screen.misses.index(kettle))
        await pilot.press("a")
        await pilot.pause()
        assert "Redact as which type" in screen.query_one("#entry").placeholder
        await pilot.press("enter")
        await pilot.pause()
        assert "Passphrase" in screen.query_one("#entry").placeholder
        await pilot.press(*PASSPHRASE, "enter")
        await pilot.pause()
        assert "Copper Kettle" not in " ".join(s.anonymised_text for s in study.segments(interview))
        assert [t.term for t in terms(study, "deny")] == ["Copper Kettle"]
        year = next(e for e in screen.misses if e.text == "2019")
        assert screen.in_misses()
        screen.query_one("#misses").move_cursor(row=screen.misses.index(year))
        await pilot.press("x")
        await pilot.pause()
        assert next(e for e in screen.misses if e.id == year.id).status == "dismissed"
        assert any(e["action"] == "review dismiss possible miss" for e in study.audit_entries())
