"""The transcript review screen driven with Textual's Pilot at 80×24: opened from home, corrections by key."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from fake_audio import FakeAudio
from interviewer.app import make_app
from test_transcript_review import add_interview

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)


class FakePlayer:
    def __init__(self):
        self.played: list[tuple[int, int]] = []
        self.playing = False

    def play(self, samples, rate, on_finish=None):
        self.played.append((len(samples), rate))
        self.playing = True

    def stop(self):
        self.playing = False


def build(study, processed=None):
    audio = FakeAudio()
    process = (lambda s, i, progress: processed.append(i)) if processed is not None else (lambda *args: None)
    return make_app(study, audio=audio, clock=audio.clock, process=process,
                    model_status=lambda: (True, "model ready"), check_seconds=0.0, tick_seconds=0.1)


async def open_transcript(app, pilot, interview_id):
    table = app.screen.query_one("#interviews")
    table.move_cursor(row=[i.id for i in app.study.interviews()].index(interview_id))
    await pilot.press("e")
    await pilot.pause()
    assert type(app.screen).__name__ == "TranscriptReviewScreen"
    return app.screen


def detail(screen) -> str:
    return str(screen.query_one("#detail").render())


async def test_turns_show_unsure_words_and_u_moves_to_each(study):
    interview = add_interview(study)
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        table = screen.query_one("#turns")
        assert table.row_count == 3
        text = table.get_row_at(0)[3]
        assert [text.plain[s.start:s.end] for s in text.spans] == ["new"]
        await pilot.press("u")
        assert table.cursor_row == 0 and screen.unsure_index == 3
        await pilot.press("u")
        assert table.cursor_row == 1 and screen.unsure_index == 1
        await pilot.press("u", "u")
        assert table.cursor_row == 0
        await pilot.press("j", "j", "k")
        assert table.cursor_row == 1
        footer_keys = [key for key in screen.query("FooterKey") if key.region.width]
        assert footer_keys and all(key.region.right <= SIZE[0] for key in footer_keys)
        assert {key.description for key in footer_keys} >= {"Play", "Edit", "Speaker", "Swap", "Rename", "Item", "Unsure", "Move", "Back"}
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_text_is_corrected_in_a_prefilled_entry_keeping_the_original(study):
    interview = add_interview(study)
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        await pilot.press("j", "e")
        entry = screen.query_one("#entry")
        assert entry.has_focus and entry.value == "It began on the ward last spring"
        entry.value = "It began on Ward 4 last spring"
        await pilot.press("enter")
        await pilot.pause()
        second = study.segments(interview)[1]
        assert second.text == "It began on Ward 4 last spring"
        assert second.original_text == "It began on the ward last spring"
        assert "Model heard: It began on the ward" in detail(screen)
        await pilot.press("e")
        await pilot.press("escape")
        assert not screen.query_one("#entry").has_class("shown") and type(app.screen).__name__ == "TranscriptReviewScreen"


async def test_speakers_are_set_swapped_and_renamed_by_key(study):
    interview = add_interview(study)
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        await pilot.press("j", "j", "s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ChooseScreen"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [s.speaker for s in study.segments(interview)] == ["Interviewer", "KI-01", "Interviewer"]
        assert str(screen.query_one("#turns").get_row_at(2)[1]) == "Interviewer✎"
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [s.speaker for s in study.segments(interview)] == ["KI-01", "Interviewer", "KI-01"]
        await pilot.press("R")
        entry = screen.query_one("#entry")
        assert entry.value == "KI-01"
        entry.value = "Dr A"
        await pilot.press("enter")
        await pilot.pause()
        assert [s.speaker for s in study.segments(interview)] == ["Dr A", "Interviewer", "Dr A"]
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        app.screen.query_one("#entry").value = "Nurse B"
        await pilot.press("enter")
        await pilot.pause()
        assert study.segments(interview)[2].speaker == "Nurse B"


async def test_an_item_is_chosen_from_the_schedule(study):
    interview = add_interview(study, schedule_id="npt-key-informant")
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_transcript(app, pilot, interview)
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "ChooseScreen"
        await pilot.press("down", "enter")
        await pilot.pause()
        first = study.segments(interview)[0]
        assert first.item_source == "review" and first.item_id == "current-involvement"


async def test_space_plays_the_segment_and_stops_it(study, tmp_path):
    interview = add_interview(study)
    path = tmp_path / "part.wav"
    soundfile.write(str(path), np.zeros(16000 * 15, dtype="float32"), 16000)
    recording = study.add_recording(interview, path=path, sha256="0", format="wav", sample_rate=16000, channels=1,
                                    duration=15.0)
    study.db.execute("update transcript_segments set recording_id = ?", [recording.id])
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        screen.player = FakePlayer()
        await pilot.press("j", "space")
        await app.workers.wait_for_complete()
        assert screen.player.played == [(int(4.5 * 16000), 16000)] and screen.player.playing
        await pilot.press("space")
        assert not screen.player.playing


async def test_no_recording_to_play_is_said_plainly(study):
    interview = add_interview(study)
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        screen.player = FakePlayer()
        await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.player.played == []
        assert any("no recording to play" in str(n.message) for n in app._notifications)


async def test_transcribing_a_corrected_interview_again_asks_first(study, tmp_path):
    interview = add_interview(study)
    path = tmp_path / "part.wav"
    soundfile.write(str(path), np.zeros(16000, dtype="float32"), 16000)
    study.add_recording(interview, path=path, sha256="0", format="wav", sample_rate=16000, channels=1, duration=1.0)
    study.update_interview(interview, status="transcribed")
    from interviewer.review import transcript as tr

    tr.set_item(study, study.segments(interview)[0].id, None)
    processed = []
    app = build(study, processed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen" and processed == []
        await pilot.press("y")
        await app.workers.wait_for_complete()
        assert processed == [interview] and tr.corrections(study, interview) == []


async def test_a_correction_to_an_anonymised_transcript_is_anonymised_again_after_the_passphrase(study, monkeypatch):
    from anonymisation_study import PASSPHRASE, known_study
    from interviewer.pipeline import anonymise_interview
    from test_transcript_review import FakeAnonymiser

    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    interview, _ = known_study(study)
    anonymise_interview(study, interview)
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE")
    app = build(study)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview)
        screen.anonymiser = FakeAnonymiser("Dr Jones")
        await pilot.press("j", "e")
        screen.query_one("#entry").value = "Thanks Kate. I started there with Dr Jones in March 2019."
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        entry = screen.query_one("#entry")
        assert entry.has_class("shown") and entry.password and "Passphrase" in entry.placeholder
        assert "wait to be anonymised again" in detail(screen)
        await pilot.press(*PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        second = study.segments(interview)[1]
        assert second.anonymised_text is not None and "Dr Jones" not in second.anonymised_text
        assert "Kate" not in second.anonymised_text
        assert "wait to be anonymised" not in detail(screen)
