"""The interview screen asks for the passphrase of an encrypted study at start, says when it is wrong, and makes a
new study with a passphrase typed twice."""

from __future__ import annotations

import pytest

from conftest import STUDY_PASSPHRASE
from fake_audio import FakeAudio
from interviewer.app import make_app
from interviewer.store import Study, encryption
from test_interview_app import screen_name, wait_until

pytestmark = pytest.mark.asyncio


def build(study_name, audio=None):
    audio = audio or FakeAudio()
    return make_app(study_name, audio=audio, clock=audio.clock, process=lambda *args, **kwargs: None,
                    model_status=lambda: (True, "model tiny.en ready"), check_seconds=0.0, tick_seconds=0.1,
                    live_model=None)


async def type_into(pilot, app, selector: str, text: str) -> None:
    app.screen.query_one(selector).focus()
    await pilot.press(*text, "enter")


async def test_a_locked_study_asks_for_its_passphrase_and_a_wrong_one_is_said(study, monkeypatch):
    study.add_participant("KI-01")
    study.close()
    encryption.forget_unlocked()
    monkeypatch.delenv("INTERVIEWER_STUDY_PASSPHRASE")
    app = build("test-study")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "UnlockScreen")
        assert "is encrypted" in str(app.screen.query_one("Static").render())
        await type_into(pilot, app, "#passphrase", "not-the-passphrase")
        await wait_until(pilot, lambda: "Wrong passphrase" in str(app.screen.query_one("#error").render()))
        await type_into(pilot, app, "#passphrase", STUDY_PASSPHRASE)
        await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
        assert app.study.participant("KI-01").code == "KI-01" and app.sub_title == "test-study"


async def test_a_new_study_from_the_interview_screen_takes_its_passphrase_twice(isolated_home, monkeypatch):
    monkeypatch.delenv("INTERVIEWER_STUDY_PASSPHRASE")
    app = build(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "UnlockScreen")
        await type_into(pilot, app, "#passphrase", "first try here")
        await type_into(pilot, app, "#again", "a different one")
        await wait_until(pilot, lambda: "differ" in str(app.screen.query_one("#error").render()))
        await type_into(pilot, app, "#passphrase", "my study passphrase")
        await type_into(pilot, app, "#again", "my study passphrase")
        await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
    encryption.forget_unlocked()
    assert Study.open(None, passphrase="my study passphrase").encrypted
