"""Tests that `interviewer anonymise N` on a reviewed interview keeps the review decisions."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, known_study
from interviewer.review import redactions as review
from interviewer.review import transcript as transcript_review
from interviewer.cli import main


@pytest.fixture
def reviewed(study, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    first, _second = known_study(study)
    assert CliRunner().invoke(main, ["anonymise", str(first), "--study", "test-study"]).exit_code == 0
    review.accept_all(study, first)
    return first


def run(*args):
    return CliRunner().invoke(main, [*args, "--study", "test-study"])


def test_anonymising_a_reviewed_interview_again_needs_redo(study, reviewed):
    result = run("anonymise", str(reviewed))
    assert result.exit_code == 1 and "--redo" in result.output
    assert review.undecided(study, reviewed) == 0


def test_only_corrected_segments_are_anonymised_again_and_decisions_are_kept(study, reviewed):
    decided_before = {row.id: row.status for row in study.redactions(reviewed)}
    first = study.segments(reviewed)[0]
    transcript_review.correct_text(study, first.id, first.text + " I also talked to Margaret Okonkwo-Hale.")
    result = run("anonymise", str(reviewed))
    assert result.exit_code == 0, result.output
    assert "1 corrected segment" in result.output and "earlier decisions kept" in result.output
    after = {row.id: row.status for row in study.redactions(reviewed)}
    assert all(after.get(rid) == status for rid, status in decided_before.items() if rid in after)
    assert review.undecided(study, reviewed) >= 1
    assert "Okonkwo" not in study.segments(reviewed)[0].anonymised_text


def test_redo_anonymises_everything_from_scratch(study, reviewed):
    result = run("anonymise", str(reviewed), "--redo")
    assert result.exit_code == 0, result.output
    assert review.undecided(study, reviewed) == len(study.redactions(reviewed)) > 0
