"""The app run as a user runs it, in a real (pseudo) terminal: it draws, quits on a key, and ends cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import SPEECH
from terminal import Terminal, python_path_env


@pytest.fixture
def terminal_env(isolated_home):
    return python_path_env(dict(os.environ))


def test_quitting_while_a_transcript_is_finished_in_the_background_ends_the_process_cleanly_and_keeps_the_work(
        terminal_env):
    from interviewer.store import Study
    from interviewer.store.interviews import FINAL_PASS

    study = Study.create("default-study")
    study.add_participant("KI-01")
    study.close()
    imported = subprocess.run([sys.executable, "-m", "interviewer", "--study", "default-study", "import",
                               str(SPEECH / "phone-call.wav"), "--participant", "KI-01", "--mode", "phone"],
                              env=terminal_env, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    study = Study.open("default-study")
    (interview,) = study.interviews()
    study.update_interview(interview.id, pending_stage=FINAL_PASS)  # as a quit in the middle of the pass leaves it
    study.close()

    terminal = Terminal({**terminal_env, "INTERVIEWER_STUDY": "default-study"})
    try:
        terminal.wait_for("Finishing the transcript")  # the app took up the unfinished final pass at start
        time.sleep(2.0)  # well into decoding (native code) when the user quits
        quit_pressed = time.monotonic()
        terminal.press(b"\x11")  # ctrl+q
        code = terminal.process.wait(timeout=30)
        took = time.monotonic() - quit_pressed
    finally:
        terminal.close()
    shown = terminal.text
    assert code == 0, shown[-3000:]
    assert "Traceback" not in shown and "terminate called" not in shown, shown[-3000:]
    assert took < 15, f"quitting took {took:.1f} s"
    study = Study.open("default-study")
    assert study.interview(interview.id).pending_stage is not None  # taken up again at the next start
    assert study.recordings(interview.id)
    study.close()
