"""Proves the whole pipeline runs with the network unplugged: every outgoing connection fails and none is tried."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow

NETWORK_GUARD = '''
import json, os, socket

_log = os.environ["NETWORK_ATTEMPTS_LOG"]


def _refuse(what, target):
    with open(_log, "a") as handle:
        handle.write(json.dumps({"call": what, "target": repr(target)}) + "\\n")
    raise OSError(101, f"network is unplugged for this test ({what} {target!r})")


_real_connect, _real_connect_ex = socket.socket.connect, socket.socket.connect_ex


def _connect(self, address):
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)
    _refuse("connect", address)


def _connect_ex(self, address):
    if self.family == socket.AF_UNIX:
        return _real_connect_ex(self, address)
    _refuse("connect_ex", address)


socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.getaddrinfo = lambda host, *a, **k: _refuse("getaddrinfo", host)
socket.gethostbyname = lambda host: _refuse("gethostbyname", host)
socket.create_connection = lambda address, *a, **k: _refuse("create_connection", address)
'''


def offline_environment(tmp_path: Path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NETWORK_GUARD)
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HUB_OFFLINE", "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "TRANSFORMERS_OFFLINE")}
    fresh_home = tmp_path / "user-home"  # empty caches: tldextract and the hub would have to fetch
    fresh_home.mkdir()
    env.update(
        PYTHONPATH=str(guard),
        NETWORK_ATTEMPTS_LOG=str(tmp_path / "attempts.jsonl"),
        HOME=str(fresh_home),
        XDG_CACHE_HOME=str(fresh_home / ".cache"),
        INTERVIEWER_HOME=str(tmp_path / "interviewer-home"),
        INTERVIEWER_KEY_PASSPHRASE="offline test passphrase",
    )
    return env


def run_pipeline(command_prefix: list[str], env: dict[str, str], out: Path) -> subprocess.CompletedProcess:
    interviewer = [sys.executable, "-m", "interviewer"]
    subprocess.run([*command_prefix, *interviewer, "participant", "add", "DEMO-01", "--name", "Sarah Thompson"],
                   env=env, check=True, capture_output=True, cwd=REPO)
    return subprocess.run(
        [*command_prefix, *interviewer, "process", str(SAMPLE), "--participant", "DEMO-01", "--out", str(out)],
        env=env, capture_output=True, text=True, cwd=REPO, timeout=600,
    )


def test_whole_pipeline_with_every_connection_refused_makes_no_attempt(tmp_path):
    env = offline_environment(tmp_path)
    result = run_pipeline([], env, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    attempts_log = Path(env["NETWORK_ATTEMPTS_LOG"])
    attempts = attempts_log.read_text().splitlines() if attempts_log.exists() else []
    assert attempts == [], f"the pipeline reached for the network: {[json.loads(a) for a in attempts]}"
    transcript = next((tmp_path / "out").glob("*.txt")).read_text()
    assert "Sarah Thompson" not in transcript and "Riverside Hospital" not in transcript
    assert "care planning" in transcript


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) is not installed")
def test_whole_pipeline_runs_in_a_namespace_without_network(tmp_path):
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"user namespaces are not available here: {probe.stderr.decode().strip()}")
    env = offline_environment(tmp_path)
    result = run_pipeline(["unshare", "-rn"], env, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert next((tmp_path / "out").glob("*.txt")).read_text().count("[") >= 2
