"""Prompt coverage in the interview screen, driven with Pilot: live lines injected, suggestions marked, verdicts stored."""

from __future__ import annotations

import pytest

from fake_audio import FakeAudio
from interviewer.app import make_app
from interviewer.coverage.detector import Hit
from interviewer.interview.live_part import SpokenLine
from interviewer.screens.messages import LiveLines
from interviewer.widgets.item_card import ItemCard
from interviewer.widgets.reply import Reply
from test_interview_app import FakeProcessing, SIZE, add_participant, open_interview, wait_until

pytestmark = pytest.mark.asyncio


class WordDetector:
    """Stands in for the embedding model: a prompt is covered when its key word is said."""

    WORDS = {"hours": ("resources-needed", 0), "copy": ("care-planning-now", 2)}

    def stream(self, asked_item):
        return self

    def add(self, text):
        return [Hit(*self.WORDS[word], 5.0, text, 0) for word in self.WORDS if word in text.lower()]


def build(study, detector=WordDetector):
    audio = FakeAudio()
    app = make_app(study, audio=audio, clock=audio.clock, process=FakeProcessing(), live_model=None,
                   coverage=lambda schedule: detector(), model_status=lambda: (True, "ready"), check_seconds=0.0,
                   tick_seconds=0.1)
    return app, audio


def line(text, speaker="Speech", start=3.0):
    return SpokenLine(1, start, start + 2.0, speaker, text)


async def test_participant_words_mark_a_prompt_of_any_item_and_the_verdict_goes_to_the_timeline(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        screen = app.screen
        assert live.schedule.id == "npt-key-informant"
        screen._start_coverage()
        audio.clock.advance(10)
        screen.post_message(LiveLines([line("we just don't have the hours", start=4.0)]))
        await wait_until(pilot, lambda: ("resources-needed", 0) in live.session.prompt_marks)
        assert live.session.current_id == "meaning-of-involvement", "a prompt of another item"
        assert any(reply.kind == "covered" for reply in screen.query(Reply))
        assert "staff time" in str(screen.query_one("#heard").render())
        assert screen.coverage_delays and max(screen.coverage_delays) < 2.0

        await pilot.press("g")  # the item taken up later shows the suggestion on its card
        await wait_until(pilot, lambda: type(app.screen).__name__ == "JumpScreen")
        app.screen.dismiss("resources-needed")
        await wait_until(pilot, lambda: "resources-needed" in screen.chat.cards)
        card = screen.chat.cards["resources-needed"]
        assert "≈ staff time" in card.compose_text().plain and "heard 00:04" in card.compose_text().plain

        screen.post_message(LiveLines([line("a copy never arrives", start=8.0)]))
        await wait_until(pilot, lambda: ("care-planning-now", 2) in live.session.prompt_marks)
        await pilot.press("C")  # clears the newest: the copy
        await pilot.press("c")  # confirms the one left: staff time
        assert live.session.prompt_marks[("care-planning-now", 2)].state == "cleared"
        assert live.session.prompt_marks[("resources-needed", 0)].state == "confirmed"
        assert "✓  staff time" in card.compose_text().plain
        live.writer.flush()

    kinds = [(e.kind, e.item_id, e.probe, e.offset) for e in study.events(live.interview.id)
             if e.kind in ("covered", "confirmed", "cleared")]
    assert kinds[:2] == [("covered", "resources-needed", 1, 4.0), ("covered", "care-planning-now", 3, 8.0)]
    assert [k[:3] for k in kinds[2:]] == [("cleared", "care-planning-now", 3), ("confirmed", "resources-needed", 1)]


async def test_the_interviewers_own_words_on_a_stereo_recording_mark_nothing(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        screen = app.screen
        live.channels = 2
        screen._start_coverage()
        screen.post_message(LiveLines([line("what about staff hours?", speaker="Interviewer"),
                                       line("a copy of the plan", speaker="Speech")]))
        await pilot.pause(0.5)
        assert live.session.prompt_marks == {}
        screen.post_message(LiveLines([line("a copy of the plan", speaker="KI-01")]))
        await wait_until(pilot, lambda: ("care-planning-now", 2) in live.session.prompt_marks)


async def test_reaching_the_last_item_lists_what_is_not_yet_covered(study):
    add_participant(study)
    app, audio = build(study)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        while live.session.current_id != "anything-else":
            await pilot.press("s")
        closing = [reply for reply in app.screen.query(Reply) if reply.kind == "closing"]
        assert len(closing) == 1
        text = str(closing[0].render())
        assert "Before closing" in text and "NPT Coherence: Differentiation" in text


async def test_a_detector_that_fails_to_load_warns_and_the_interview_goes_on(study):
    def broken():
        raise RuntimeError("model.safetensors is damaged")

    add_participant(study)
    app, audio = build(study, detector=broken)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_interview(app, pilot)
        app.screen._start_coverage()
        await wait_until(pilot, lambda: app.screen.coverage.error is not None)
        await pilot.press("enter")
        assert "meaning-of-involvement" in live.session.asked
