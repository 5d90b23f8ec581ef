"""Measured end to end: after `process` of a real phone call for a participant registered with a real-looking name
and workplace, nothing under INTERVIEWER_HOME holds the name, the workplace or a place said in the call in plain
text, and no file there is playable audio."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SPEECH

NAME, WORKPLACE = "Sheila Brennan", "Lakeside Medical Practice"
SAID_IN_THE_CALL = ("Sheila", "Diane", "New Jersey", "Texas", "Chicago")
AUDIO_HEADERS = (b"RIFF", b"fLaC", b"OggS", b"ID3")


def interviewer(*args: str, env) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "interviewer", *args], env=env, capture_output=True, text=True,
                            timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.slow
def test_after_processing_a_real_call_no_file_holds_an_identifier_or_playable_audio(isolated_home):
    import os

    env = {**os.environ, "INTERVIEWER_KEY_PASSPHRASE": "key passphrase for the test"}
    interviewer("participant", "add", "KI-07", "--name", NAME, "--workplace", WORKPLACE, "--study", "calls", env=env)
    interviewer("consent", "record", "KI-07", "--audio", "--quotation", "--study", "calls", env=env)
    processed = interviewer("process", str(SPEECH / "phone-call.wav"), "-p", "KI-07", "--mode", "phone",
                            "--study", "calls", env=env)
    assert "Transcribed:" in processed.stderr and "Anonymised:" in processed.stderr
    files = [path for path in isolated_home.rglob("*") if path.is_file()]
    assert any(path.name.endswith(".wav.enc") for path in files) and any(path.suffix == ".txt" for path in files)
    wanted = [text.lower().encode() for text in (NAME, WORKPLACE, "Brennan", "Lakeside", *SAID_IN_THE_CALL)]
    found = []
    for path in files:
        data = path.read_bytes()
        lowered = data.lower()
        found += [f"{path.relative_to(isolated_home)}: {text.decode()}" for text in wanted if text in lowered]
        if data.startswith(AUDIO_HEADERS):
            found.append(f"{path.relative_to(isolated_home)}: starts with an audio header")
    print(f"\nscanned {len(files)} files under INTERVIEWER_HOME")
    assert found == []


@pytest.mark.slow
def test_the_demo_runs_without_a_terminal_or_passphrases_and_its_study_is_encrypted(isolated_home):
    import os

    from interviewer.store.connection import is_plaintext

    env = {key: value for key, value in os.environ.items()
           if key not in ("INTERVIEWER_STUDY_PASSPHRASE", "INTERVIEWER_KEY_PASSPHRASE")}
    result = interviewer("demo", env=env)
    assert "Participant: DEMO-01" in result.stdout
    assert "encrypted with the passphrase 'demo-study-passphrase'" in result.stderr
    folder = isolated_home / "studies" / "demo"
    assert (folder / "study.key").is_file() and not is_plaintext(folder / "study.db")
    again = interviewer("demo", "--once", env=env)  # the existing demo study opens again, unasked
    assert "Participant" not in again.stdout
