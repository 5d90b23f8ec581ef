"""Provides the study the call benchmarks record into: a new study in a temporary home, one consented participant,
and a private sound server with the microphone and call sinks of the call tests."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
PARTICIPANT = "KI-01"


@dataclass
class BenchStudy:
    home: Path
    """INTERVIEWER_HOME for the run (deleted afterwards)."""
    study: object
    """The open `Study`."""
    sink: object
    """The running null-sink sound server (tests/audio_sink.py)."""


@contextlib.contextmanager
def bench_study(passphrase: str, call: bool = True) -> Iterator[BenchStudy]:
    """A new encrypted study (as users get them) named `bench` with participant KI-01 consented to recording;
    with `call`, the sound server also has the call's microphone and call sinks."""
    sys.path.insert(0, str(REPO / "tests"))
    os.environ.setdefault("INTERVIEWER_SHARED", str(REPO.parent / "shared"))
    os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", passphrase)
    from audio_sink import call_sinks, null_sink_running

    from interviewer.store import Study

    with contextlib.ExitStack() as stack:
        home = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        os.environ["INTERVIEWER_HOME"] = str(home)
        study = Study.create("bench")
        study.add_participant(PARTICIPANT)
        study.record_consent(PARTICIPANT, audio_recording=True, quotation=True)
        sink = stack.enter_context(null_sink_running(home / "pulse"))
        if call:
            stack.enter_context(call_sinks(sink))
        yield BenchStudy(home, study, sink)
