"""The app run as a user runs it, in a real (pseudo) terminal: it draws, quits on a key, and ends cleanly."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from conftest import REPO, SPEECH

ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class Terminal:
    """`python -m interviewer` in a pseudo-terminal of 100 × 30, its output gathered as plain text."""

    def __init__(self, env: dict[str, str]):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.master = master
        self.process = subprocess.Popen([sys.executable, "-m", "interviewer"], stdin=slave, stdout=slave,
                                        stderr=slave, env={**env, "TERM": "xterm-256color"}, cwd=REPO,
                                        start_new_session=True)
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def text(self) -> str:
        return ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", errors="replace")

    def wait_for(self, words: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while words not in self.text:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{words!r} never appeared; the terminal shows:\n{self.text[-3000:]}")
            time.sleep(0.1)

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the child closed the terminal
                return
            if not data:
                return
            self.output += data

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._reader.join(5)
        os.close(self.master)


@pytest.fixture
def terminal_env(isolated_home):
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


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
