"""Tests for reviewing an interview's anonymisation: order, context, decisions, re-rendering, lists and audit."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, add_transcript, known_study
from interviewer.review import redactions as review
from interviewer.cli import main
from interviewer.pipeline import anonymise_interview
from interviewer.anonymise.study.key import open_key
from interviewer.store import StoreError
from interviewer.anonymise.study.settings import terms


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def reviewed(study):
    first, second = known_study(study)
    anonymise_interview(study, first)
    return first, second


def text_of(study, interview_id):
    return " ".join(segment.anonymised_text for segment in study.segments(interview_id))


def find(study, interview_id, text):
    return next(entry for entry in review.items(study, interview_id) if entry.text == text)


def test_items_come_in_context_lowest_confidence_first(study, reviewed):
    first, _ = reviewed
    found = review.items(study, first, context=20)
    scores = [entry.score for entry in found]
    assert scores == sorted(scores) and found
    sarah = find(study, first, "Sarah")
    assert sarah.before == "Hello " and sarah.after.startswith(", thank you for coming") and sarah.reason
    assert sarah.entity_type == "PERSON" and sarah.placeholder == "[PERSON 1]"


def test_reject_restores_the_text_forgets_the_original_and_can_allow_list(study, reviewed):
    first, _ = reviewed
    patel = find(study, first, "Patel")
    review.reject(study, patel.id, allow=True)
    assert "with Dr Patel in" in text_of(study, first)
    assert "Patel" not in open_key(study).originals()
    assert [t.term for t in terms(study, "allow")] == ["Patel"]
    assert review.item(study, patel.id).status == "rejected"


def test_widen_and_narrow_move_the_span_by_a_word(study, reviewed):
    first, _ = reviewed
    kate = find(study, first, "Kate")
    review.widen(study, kate.id, "left")
    assert review.item(study, kate.id).text == "Thanks Kate"
    assert "[PERSON 2]. I started" in text_of(study, first) and "Thanks Kate" in open_key(study).originals()
    review.narrow(study, kate.id, "left")
    assert review.item(study, kate.id).text == "Kate" and "Thanks [PERSON 2]." in text_of(study, first)
    with pytest.raises(StoreError, match="one word"):
        review.narrow(study, kate.id)


def test_widening_into_another_detection_is_refused(study, reviewed):
    first, _ = reviewed
    sarah = find(study, first, "Sarah")
    with pytest.raises(StoreError, match="overlap"):
        for _ in range(8):  # "Sarah, thank you for coming over from" then Riverside Hospital's detection
            review.widen(study, sarah.id)
    assert review.item(study, sarah.id).text == "Sarah, thank you for coming over from"


def test_a_missed_identifier_is_added_everywhere_and_denied_study_wide(study, reviewed):
    first, second = reviewed
    anonymise_interview(study, second)
    review.accept_all(study, second)
    review.finish(study, second)
    added = review.add_missed(study, first, "bluebell", "WARD", deny=True)
    assert len(added) == 1 and "says our [WARD 1] team" in text_of(study, first)
    assert review.item(study, added[0]).status == "added"
    assert [t.term for t in terms(study, "deny")] == ["bluebell"]
    assert "The [WARD 1] team" in text_of(study, second) and study.interview(second).status == "anonymised"
    assert review.undecided(study, second) == 1
    with pytest.raises(StoreError, match="does not occur"):
        review.add_missed(study, first, "Larkspur", "HOSPITAL")
    third = add_transcript(study, "KI-01", [("KI-01", "The bluebell team was busy.")])
    anonymise_interview(study, third)
    assert text_of(study, third) == "The [WARD 1] team was busy."


def test_done_needs_every_detection_decided_and_every_decision_is_audited(study, reviewed):
    first, _ = reviewed
    with pytest.raises(StoreError, match="still undecided"):
        review.finish(study, first)
    entries = review.items(study, first)
    review.reject(study, entries[0].id)
    review.accept(study, entries[1].id)
    review.accept_all(study, first)
    assert review.finish(study, first).status == "reviewed"
    actions = [e["action"] for e in study.audit_entries()]
    assert actions.count("review accept") == len(entries) - 1 and "review reject" in actions and "review done" in actions
    details = " ".join(e["details"] for e in study.audit_entries() if e["action"].startswith("review"))
    assert "Sarah" not in details and "Patel" not in details


def test_review_command_lists_decides_and_marks_done(study, reviewed):
    first, _ = reviewed
    run = lambda *args: CliRunner().invoke(main, ["review", str(first), *args, "--study", "test-study"])  # noqa: E731
    listing = run("--list")
    assert listing.exit_code == 0 and "«Sarah»" in listing.output and "undecided" in listing.output
    kate = find(study, first, "Kate")
    assert run("--reject", str(kate.id)).exit_code == 0
    result = run("--add", "bluebell", "--type", "WARD")
    assert result.exit_code == 0 and "[WARD 1]" in result.output
    assert run("--done").exit_code == 1
    result = run("--accept-all", "--done")
    assert result.exit_code == 0 and study.interview(first).status == "reviewed"
    other = CliRunner().invoke(main, ["review", "2", "--accept", str(kate.id), "--study", "test-study"])
    assert other.exit_code == 1 and "another interview" in other.output
