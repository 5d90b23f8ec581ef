"""Tests for the second review queue, possible misses: stored with the anonymisation, listed riskiest first,
accepted (redacted, deny-listed) or dismissed (allow-listed), every decision audited."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, add_transcript
from interviewer.anonymise.study.settings import terms
from interviewer.cli import main
from interviewer.pipeline import anonymise_interview
from interviewer.review import misses
from interviewer.store import StoreError

TURNS = [
    ("Interviewer", "Where did you go for support after that?"),
    ("P-01", "We loved the Copper Kettle on a Friday, and my friend from Zorbington came with me."),
    ("P-01", "The 2019 move changed the group, and Copper Kettle closed."),
]


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def interview(study):
    study.add_participant("P-01", name="Ann Example", gender="Female", role="Carer", sector="Community")
    interview_id = add_transcript(study, "P-01", TURNS)
    anonymise_interview(study, interview_id)
    return interview_id


def by_text(study, interview_id, text):
    return next(entry for entry in misses.items(study, interview_id) if entry.text == text)


def test_anonymisation_stores_possible_misses_riskiest_first_with_reasons(study, interview):
    found = misses.items(study, interview)
    assert found and all(entry.reason and entry.status == "open" for entry in found)
    assert [e.risk for e in found] == sorted((e.risk for e in found), reverse=True)
    kettle = by_text(study, interview, "Copper Kettle")
    assert kettle.before.endswith("loved the ") and kettle.entity_type == "ORGANIZATION"
    assert "Copper Kettle" not in str(list(study.db["possible_misses"].rows))  # offsets only, never the words


def test_accepting_a_possible_miss_redacts_every_occurrence_and_deny_lists_it(study, interview):
    kettle = by_text(study, interview, "Copper Kettle")
    added = misses.accept(study, kettle.id)
    assert len(added) == 2
    text = " ".join(s.anonymised_text for s in study.segments(interview))
    assert "Copper Kettle" not in text and "[ORGANISATION" in text
    assert [(t.term, t.entity_type) for t in terms(study, "deny")] == [("Copper Kettle", "ORGANIZATION")]
    assert all(e.status == "accepted" for e in misses.items(study, interview) if e.text == "Copper Kettle")
    assert any(e["action"] == "review accept possible miss" for e in study.audit_entries())
    with pytest.raises(StoreError, match="already accepted"):
        misses.accept(study, kettle.id)


def test_dismissing_a_possible_miss_keeps_it_and_allow_lists_it(study, interview):
    year = next(e for e in misses.items(study, interview) if e.text == "2019")
    assert misses.dismiss(study, year.id) == [year.id]
    kettle = by_text(study, interview, "Copper Kettle")
    dismissed = misses.dismiss(study, kettle.id)
    assert kettle.id in dismissed and [t.term for t in terms(study, "allow")] == ["Copper Kettle"]
    assert "Copper Kettle" in " ".join(s.anonymised_text for s in study.segments(interview))
    assert any(e["action"] == "review dismiss possible miss" for e in study.audit_entries())


def test_review_list_shows_the_possible_misses_queue_and_decides_by_id(study, interview):
    runner = CliRunner()
    listed = runner.invoke(main, ["review", str(interview), "--list", "--study", str(study.folder)])
    assert listed.exit_code == 0, listed.output
    assert "Possible misses" in listed.output and "«Copper Kettle»" in listed.output
    kettle = by_text(study, interview, "Copper Kettle")
    accepted = runner.invoke(main, ["review", str(interview), "--accept-miss", str(kettle.id), "--type", "LOCATION",
                                    "--study", str(study.folder)])
    assert accepted.exit_code == 0, accepted.output
    assert "[PLACE" in " ".join(s.anonymised_text for s in study.segments(interview))
    wrong = runner.invoke(main, ["review", str(interview), "--dismiss-miss", "9999", "--study", str(study.folder)])
    assert wrong.exit_code == 1 and "No possible miss #9999" in wrong.output
