"""Shared test fixtures: an isolated INTERVIEWER_HOME, the shared evaluation data, one loaded model."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INTERVIEWER_SHARED", REPO.parent / "shared"))
SPEECH = SHARED / "eval" / "speech"
ANON = SHARED / "eval" / "anon"
SAMPLE = REPO / "samples" / "sample-interview.flac"

STUDY_PASSPHRASE = "test-study-passphrase"
"""Studies are encrypted by default; tests unlock theirs through the environment, as a script would."""

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own INTERVIEWER_HOME so no test touches a real user's studies, and the study
    passphrase in the environment (subprocesses inherit it)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    monkeypatch.delenv("INTERVIEWER_STUDY", raising=False)
    monkeypatch.setenv("INTERVIEWER_STUDY_PASSPHRASE", STUDY_PASSPHRASE)
    return home


@pytest.fixture(autouse=True)
def quick_key_derivation(monkeypatch):
    """Scrypt at 1/32 of its cost in this process (files record their parameters, so they open anywhere):
    hundreds of studies are made in a run; subprocesses keep the real cost."""
    from interviewer import crypto

    monkeypatch.setitem(crypto.SCRYPT, "n", 2 ** 10)


@pytest.fixture
def study(isolated_home):
    from interviewer.store import Study

    opened = Study.create("test-study")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def transcriber():
    """The default model, loaded once for the whole run."""
    from interviewer.transcribe.whisper import Transcriber

    return Transcriber()


def normalise_words(text: str) -> str:
    """Lower case, no punctuation, single spaces: the form word error rates are computed on."""
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.replace("'", "").split())


def word_error_rate(reference: str, hypothesis: str) -> float:
    import jiwer

    return jiwer.wer(normalise_words(reference), normalise_words(hypothesis))


def speech_references() -> dict[str, str]:
    """Reference transcripts of the shared real-speech recordings, by file path."""
    references = {str(SPEECH / "jfk.flac"): (SPEECH / "jfk.txt").read_text().strip()}
    stm_words = [line.split(maxsplit=5)[5] for line in (SPEECH / "phone-call.stm").read_text().splitlines()
                 if line.strip() and not line.startswith(";;") and len(line.split(maxsplit=5)) == 6]
    references[str(SPEECH / "phone-call.wav")] = " ".join(stm_words)
    for line in (SPEECH / "harvard" / "references.tsv").read_text().splitlines():
        name, _, text = line.partition("\t")
        if name.strip():
            references[str(SPEECH / "harvard" / f"{name.strip()}.wav")] = text.strip()
    return references


@pytest.fixture(scope="session")
def anonymiser():
    """The rule-based anonymiser without the second model (cheap to create; tests that need the model ask for it)."""
    from interviewer.anonymise import Anonymiser

    return Anonymiser(second_model=False)
