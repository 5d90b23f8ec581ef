"""Tests for a study's anonymisation settings: allow and deny lists and policy, stored, edited and applied."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, add_transcript, known_study
from interviewer.cli import main
from interviewer.pipeline import anonymise_interview
from interviewer.store import StoreError
from interviewer.anonymise.study.settings import add_term, policy, remove_term, set_policy, terms


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)


def run(*args):
    return CliRunner().invoke(main, [*args, "--study", "test-study"])


def anonymised_texts(study, interview_id):
    return [segment.anonymised_text for segment in study.segments(interview_id)]


def test_terms_are_kept_once_case_insensitively_and_audited(study):
    assert add_term(study, "allow", "Recovery  College") is True
    assert add_term(study, "allow", "recovery college") is False
    assert add_term(study, "deny", "Greyfriars", entity_type="hospital") is True
    assert [(t.term, t.entity_type) for t in terms(study, "allow")] == [("Recovery College", None)]
    assert [(t.term, t.entity_type) for t in terms(study, "deny")] == [("Greyfriars", "HOSPITAL")]
    assert remove_term(study, "allow", "RECOVERY COLLEGE") and terms(study, "allow") == []
    actions = [entry["action"] for entry in study.audit_entries()]
    assert {"allow add", "deny add", "allow remove"} <= set(actions)


def test_a_term_cannot_be_on_both_lists_nor_denied_as_an_unknown_type(study):
    add_term(study, "allow", "Greyfriars")
    with pytest.raises(StoreError, match="allow list"):
        add_term(study, "deny", "greyfriars")
    with pytest.raises(StoreError, match="policy replaces"):
        add_term(study, "deny", "Bluebell", entity_type="FLOWER")


def test_study_lists_and_known_names_apply_when_anonymising(study):
    first, _ = known_study(study)
    add_term(study, "deny", "Greyfriars", entity_type="WARD")
    add_term(study, "allow", "Recovery College")
    anonymise_interview(study, first)
    text = "\n".join(anonymised_texts(study, first))
    for gone in ("Sarah", "Riverside", "Kate", "Patel", "Greyfriars"):
        assert gone not in text
    for kept in ("GP", "CMHT", "Mental Health Act", "Recovery College"):
        assert kept in text
    assert "[WARD 1]" in text and "[ORGANISATION 1]" in text


def test_policy_file_errors_name_file_and_line_and_a_good_policy_is_used(study, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  PERSON: {label: NAME}\n  place: {label: PLACE}\n")
    result = run("anonymisation", "policy", "set", str(bad))
    assert result.exit_code == 1 and f"{bad}:3" in result.output and "upper case" in result.output
    good = tmp_path / "policy.yaml"
    good.write_text("version: 1\nentities:\n  PERSON: {label: NAME}\n  ORGANIZATION: {label: EMPLOYER}\n")
    result = run("anonymisation", "policy", "set", str(good))
    assert result.exit_code == 0, result.output
    assert policy(study).rule("PERSON").label == "NAME"
    assert run("anonymisation", "policy", "show").output == good.read_text()
    study.add_participant("KI-02", name="Ann Lee", workplace="Northgate Trust")
    interview = add_transcript(study, "KI-02", [("KI-02", "Ann Lee works at Northgate Trust in March 2019.")])
    anonymise_interview(study, interview)
    assert anonymised_texts(study, interview) == ["[NAME 1] works at [EMPLOYER 1] in March 2019."]


def test_policy_reset_returns_to_the_default(study, tmp_path):
    good = tmp_path / "policy.yaml"
    good.write_text("entities:\n  PERSON: {label: NAME}\n")
    set_policy(study, good)
    assert run("anonymisation", "policy", "reset").exit_code == 0
    assert policy(study).rule("PERSON").label == "PERSON"


def test_allow_and_deny_commands_edit_the_lists(study):
    assert run("anonymisation", "allow", "add", "Recovery College").exit_code == 0
    result = run("anonymisation", "deny", "add", "Greyfriars", "--type", "PERSON")
    assert result.exit_code == 0 and "PERSON" in result.output
    assert "Greyfriars  (PERSON)" in run("anonymisation", "deny", "list").output
    assert "Recovery College" in run("anonymisation", "allow", "list").output
    result = run("anonymisation", "deny", "remove", "Nowhere")
    assert result.exit_code == 1 and "not on the deny list" in result.output


def test_a_known_name_split_across_segments_is_replaced_once(study):
    study.add_participant("KI-03", workplace="Riverside Hospital")
    interview = add_transcript(study, "KI-03", [("KI-03", "I work at Riverside"), ("KI-03", "Hospital in the north.")])
    anonymise_interview(study, interview)
    assert anonymised_texts(study, interview) == ["I work at [ORGANISATION 1]", " in the north."]
    from interviewer.anonymise.study.key import open_key

    assert open_key(study).originals() == {"Riverside Hospital"}
