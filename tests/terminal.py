"""Provides the app in a real pseudo-terminal, as a user runs it: keys written to it, its screen read back as text."""

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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class Terminal:
    """`python -m interviewer ARGS` in a pseudo-terminal of `size` (columns, rows), its output kept as it came."""

    def __init__(self, env: dict[str, str], args: tuple[str, ...] = (), size: tuple[int, int] = (100, 30)):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.master = master
        self.process = subprocess.Popen([sys.executable, "-m", "interviewer", *args], stdin=slave, stdout=slave,
                                        stderr=slave, env={**env, "TERM": "xterm-256color"}, cwd=REPO,
                                        start_new_session=True)
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def text(self) -> str:
        return self.text_since(0)

    def text_since(self, since: int) -> str:
        """What the app wrote from byte `since` on, without the escape sequences."""
        return ESCAPES.sub(b"", bytes(self.output[since:])).decode("utf-8", errors="replace")

    def wait_for(self, words: str, timeout: float = 60, since: int = 0) -> None:
        """Wait until `words` show in what the app wrote after byte `since` of its output."""
        deadline = time.monotonic() + timeout
        while words not in self.text_since(since):
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


def python_path_env(env: dict[str, str]) -> dict[str, str]:
    """`env` with this checkout first on PYTHONPATH, so the terminal runs this copy of the package."""
    return {**env, "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)}
