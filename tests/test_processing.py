"""Background processing after an interview: the live draft first, then the final pass and anonymisation, resumable."""

from __future__ import annotations

import pytest

from interviewer import pipeline
from interviewer.anonymise.study.keyfile import PassphraseNeeded
from interviewer.processing import process_interview


@pytest.fixture
def recorded(study):
    """An interview stopped in the interview screen: recorded, its final pass due."""
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", status="recorded")
    study.update_interview(interview.id, pending_stage="final pass")
    return interview.id


def fake_final_pass(calls):
    def transcribe(study, interview_id, progress, ahead=None):
        calls.append("final pass")
        progress(5.0, 10.0)
        study.replace_segments(interview_id, [{"start": 0.0, "end": 1.0, "text": "hello"}], model="fake")
        study.update_interview(interview_id, status="transcribed", pending_stage="anonymise")

    return transcribe


def test_stages_are_reported_in_order_and_nothing_is_left_pending(study, recorded, monkeypatch):
    calls = []
    monkeypatch.setattr(pipeline, "transcribe_interview", fake_final_pass(calls))
    monkeypatch.setattr(pipeline, "anonymise_interview",
                        lambda study, iid: study.update_interview(iid, pending_stage=None) and 3)
    stages = []
    process_interview(study, recorded, lambda stage, fraction: stages.append((stage, fraction)))
    assert stages == [("transcribing", 0.0), ("transcribing", 0.5), ("anonymising", 0.0), ("done", 1.0)]
    assert study.interview(recorded).pending_stage is None


def test_a_pass_stopped_after_the_final_transcript_resumes_with_anonymising_only(study, recorded, monkeypatch):
    study.update_interview(recorded, pending_stage="anonymise")
    calls = []
    monkeypatch.setattr(pipeline, "transcribe_interview", fake_final_pass(calls))
    monkeypatch.setattr(pipeline, "anonymise_interview", lambda study, iid: calls.append("anonymise"))
    process_interview(study, recorded, lambda stage, fraction: None)
    assert calls == ["anonymise"]


def test_a_transcribed_interview_processed_again_is_marked_pending_until_its_pass_ends(study, recorded, monkeypatch):
    study.update_interview(recorded, status="reviewed", pending_stage=None)
    seen = []

    def transcribe(study, interview_id, progress, ahead=None):
        seen.append(study.interview(interview_id).pending_stage)
        raise RuntimeError("killed")

    monkeypatch.setattr(pipeline, "transcribe_interview", transcribe)
    with pytest.raises(RuntimeError):
        process_interview(study, recorded, lambda stage, fraction: None)
    assert seen == ["final pass"] and study.pending_interview_ids() == [recorded]


def test_a_missing_key_passphrase_leaves_the_transcript_waiting_for_anonymisation(study, recorded, monkeypatch):
    def needs_passphrase(study, iid):
        raise PassphraseNeeded("A passphrase is needed")

    monkeypatch.setattr(pipeline, "transcribe_interview", fake_final_pass([]))
    monkeypatch.setattr(pipeline, "anonymise_interview", needs_passphrase)
    stages = []
    process_interview(study, recorded, lambda stage, fraction: stages.append(stage))
    assert stages[-1] == "needs passphrase"
    assert study.interview(recorded).pending_stage == "anonymise", "tried again at the next start"


def test_interviews_being_recorded_or_interrupted_are_not_resumed(study, recorded):
    other = study.add_interview("KI-01", status="interrupted")
    study.update_interview(other.id, pending_stage="final pass")
    assert study.pending_interview_ids() == [recorded]
    with pytest.raises(Exception, match="Unknown pending stage"):
        study.update_interview(recorded, pending_stage="later")


def test_a_long_step_without_progress_of_its_own_can_be_stopped_while_it_runs():
    import threading

    from interviewer.pipeline import interruptible

    release = threading.Event()
    asked = []

    def stop_now():
        asked.append(1)
        raise KeyboardInterrupt("the app is closing")

    with pytest.raises(KeyboardInterrupt):
        interruptible(lambda: release.wait(30), stop_now, every=0.05)
    assert asked == [1]
    release.set()
    assert interruptible(lambda: 42, stop_now) == 42
    with pytest.raises(ValueError, match="bad audio"):
        interruptible(lambda: (_ for _ in ()).throw(ValueError("bad audio")), lambda: None)
