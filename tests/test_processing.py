"""Background processing after an interview: stages reported in order; a missing key passphrase is not a failure."""

from __future__ import annotations

from interviewer import pipeline
from interviewer.anonymise.study.keyfile import PassphraseNeeded
from interviewer.processing import process_interview


def test_stages_are_reported_in_order(monkeypatch):
    monkeypatch.setattr(pipeline, "transcribe_interview", lambda study, iid, progress: progress(5.0, 10.0))
    monkeypatch.setattr(pipeline, "anonymise_interview", lambda study, iid: 3)
    stages = []
    process_interview(None, 1, lambda stage, fraction: stages.append((stage, fraction)))
    assert stages == [("transcribing", 0.0), ("transcribing", 0.5), ("anonymising", 0.0), ("done", 1.0)]


def test_a_missing_key_passphrase_leaves_the_transcript_waiting_for_anonymisation(monkeypatch):
    def needs_passphrase(study, iid):
        raise PassphraseNeeded("A passphrase is needed")

    monkeypatch.setattr(pipeline, "transcribe_interview", lambda study, iid, progress: None)
    monkeypatch.setattr(pipeline, "anonymise_interview", needs_passphrase)
    stages = []
    process_interview(None, 1, lambda stage, fraction: stages.append(stage))
    assert stages[-1] == "needs passphrase"
