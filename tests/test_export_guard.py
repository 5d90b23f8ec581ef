"""Tests for the export guard: no export for coders may hold an original from the key; drafts only when asked."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, known_study
from interviewer.review import redactions as review
from interviewer.cli import main
from interviewer.export.bundle import write_bundle
from interviewer.export.document import ExportRefused
from interviewer.export.guard import guarded_terms
from interviewer.anonymise.study.keyfile import PassphraseNeeded
from interviewer.pipeline import anonymise_interview, export_interview

FORMATS = ("txt", "docx", "srt", "vtt", "json", "csv", "xlsx", "qdpx")


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def leaky(study):
    """A reviewed interview whose stored anonymised text still names Dr Patel (as a slipped edit would)."""
    first, _ = known_study(study)
    anonymise_interview(study, first)
    review.accept_all(study, first)
    review.finish(study, first)
    segment = study.segments(first)[1]
    study.db["transcript_segments"].update(segment.id, {"anonymised_text": segment.anonymised_text.replace(
        "[PERSON 3]", "dr PATEL's")})
    return first


def test_short_numbers_and_possessives_are_handled_in_the_guarded_terms():
    assert guarded_terms(["42", "Sarah's", "0161 496 0000", "St Anne's", "Al"]) == ["0161 496 0000", "st anne", "sarah"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_refused_when_an_original_remains(study, leaky, tmp_path, fmt):
    with pytest.raises(ExportRefused) as refusal:
        export_interview(study, leaky, tmp_path / "out", fmt=fmt)
    message = str(refusal.value)
    assert f"KI-01-interview-0001.{fmt} has 1 identifier(s) without a placeholder" in message
    assert "Patel" not in message and "patel" not in message
    assert not list((tmp_path / "out").iterdir())
    assert "Patel" not in study.audit_entries()[-1]["details"]


def test_the_bundle_is_refused_and_nothing_is_written(study, leaky, tmp_path):
    with pytest.raises(ExportRefused, match=r"transcripts/txt/KI-01-interview-0001.txt has 1"):
        write_bundle(study, tmp_path / "bundle")
    assert not (tmp_path / "bundle").exists() and not list(tmp_path.iterdir())


def test_a_clean_reviewed_export_passes_in_every_format(study, tmp_path):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    review.accept_all(study, first)
    review.finish(study, first)
    for fmt in FORMATS:
        path = export_interview(study, first, tmp_path, fmt=fmt)
        assert path.stat().st_size > 0
    with zipfile.ZipFile(tmp_path / "KI-01-interview-0001.docx") as archive:
        assert "Patel" not in archive.read("word/document.xml").decode()
    assert len(write_bundle(study, tmp_path / "bundle").export.documents) == 1


def test_unreviewed_exports_need_draft_and_then_say_so(study, tmp_path):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    run = lambda *args: CliRunner().invoke(main, ["export", str(first), "--out", str(tmp_path), *args,  # noqa: E731
                                                  "--study", "test-study"])
    refused = run()
    assert refused.exit_code == 1 and "--draft" in refused.output
    drafted = run("--draft")
    assert drafted.exit_code == 0, drafted.output
    assert (tmp_path / "KI-01-interview-0001.txt").read_text().startswith("DRAFT — NOT REVIEWED")


def test_without_the_passphrase_a_study_with_a_key_cannot_export(study, tmp_path, monkeypatch):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE")
    with pytest.raises(PassphraseNeeded, match="passphrase"):
        export_interview(study, first, tmp_path)
