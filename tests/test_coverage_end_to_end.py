"""End to end: an answer spoken into a PulseAudio null sink while the interview screen records ends with its prompt marked."""

from __future__ import annotations

import subprocess

import pytest

from audio_sink import null_sink, playable_wav  # noqa: F401 (fixture)
from interviewer.app import default_coverage, make_app
from test_interview_app import add_participant, screen_name, wait_until

ANSWER = ("It has to include the families. The carers who look after someone every day should be asked,"
          " as well as the patients themselves.")
"""An answer to the first question of npt-key-informant that covers its prompt 'involvement of carers as well as
service users' in other words."""


@pytest.mark.audio
@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_answer_spoken_while_recording_is_marked_as_covering_its_prompt(null_sink, study, transcriber,
                                                                                 tmp_path):
    add_participant(study)
    spoken = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", str(spoken), ANSWER], check=True)
    app = make_app(study, process=lambda *args: None, check_seconds=0.5, live_model=lambda: transcriber,
                   coverage=default_coverage)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        app.screen.query_one("#participant").value = "KI-01"
        await wait_until(pilot, lambda: app.screen.verdict is not None, timeout=20)
        await pilot.press("ctrl+r", "ctrl+r")  # the room is silent before the answer: start anyway
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording",
                         timeout=20)
        screen = app.screen
        live = screen.live
        assert live.session.current_id == "meaning-of-involvement"
        part = screen._live_part(live.part_number)
        await wait_until(pilot, lambda: part.live is not None and screen.coverage is not None
                         and screen.coverage.detector is not None, timeout=120)  # both models loaded
        player = null_sink.play(playable_wav(spoken, tmp_path))
        await wait_until(pilot, lambda: ("meaning-of-involvement", 1) in live.session.prompt_marks, timeout=60)
        player.wait(timeout=30)
        mark = live.session.prompt_marks[("meaning-of-involvement", 1)]
        assert mark.state == "suggested" and "carers" in mark.evidence.lower()
        print(f"\nmarks {sorted(live.session.prompt_marks)}; from words shown to mark: "
              f"{', '.join(f'{d:.2f} s' for d in screen.coverage_delays)}")
        assert max(screen.coverage_delays) <= 2.0
        card = screen.chat.cards["meaning-of-involvement"]
        assert "≈ involvement of carers" in card.compose_text().plain
        await pilot.press("c")
        assert live.session.prompt_marks[("meaning-of-involvement", 1)].state in ("confirmed", "suggested")
        await pilot.press("x", "y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen", timeout=30)
        await pilot.pause(0.5)  # let the summary finish mounting before the app closes
        assert "meaning-of-involvement" in str(app.screen.query_one("#summary").render())
        interview_id = live.interview.id

    covered = [e for e in study.events(interview_id) if e.kind == "covered"]
    assert ("meaning-of-involvement", 2) in {(e.item_id, e.probe) for e in covered}
