"""Tests for the plain-text transcript: header, one `[hh:mm:ss] Speaker: text` paragraph per turn, UTF-8, LF."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.export.document import ExportRefused, quote_label, timestamp
from interviewer.pipeline import export_interview


def transcribed_interview(study, anonymised=True):
    study.add_participant("KI-08", gender="Female", role="Professor", sector="Academia")
    interview = study.add_interview("KI-08", mode="phone", schedule_id="npt-key-informant", schedule_version="1",
                                    started_at="2026-11-20T10:00:00+00:00")
    segments = [
        {"start": 1.2, "end": 4.0, "text": "What is your role, Ms Jones?", "speaker": "Interviewer"},
        {"start": 4.5, "end": 9.0, "text": "I lead the team at St Anne's.", "speaker": "KI-08"},
        {"start": 9.1, "end": 3725.0, "text": "It is café culture, really.", "speaker": "KI-08"},
    ]
    study.replace_segments(interview.id, segments, model="tiny.en")
    if anonymised:
        replacements = ["What is your role, Ms [PERSON 1]?", "I lead the team at [HOSPITAL 1].", "It is café culture, really."]
        study.save_anonymisation(interview.id, {s.id: text for s, text in zip(study.segments(interview.id), replacements)}, [], {})
    return interview


def test_turns_are_paragraphs_with_timestamps_and_speakers(study, tmp_path):
    interview = transcribed_interview(study)
    path = export_interview(study, interview.id, tmp_path)
    raw = path.read_bytes()
    assert b"\r\n" not in raw
    text = raw.decode("utf-8")
    paragraphs = text.rstrip("\n").split("\n\n")
    assert paragraphs[1:] == [
        "[00:00:01] Interviewer: What is your role, Ms [PERSON 1]?",
        "[00:00:04] KI-08: I lead the team at [HOSPITAL 1]. It is café culture, really.",
    ]
    header = paragraphs[0].splitlines()
    assert header[0] == "DRAFT — NOT REVIEWED"
    assert "Participant: KI-08" in header and "Mode: phone" in header and "Date: 2026-11-20" in header
    assert "Quote label: Participant 8 (Female, Professor, Academia)" in header
    assert "Schedule: npt-key-informant v1" in header
    assert "Jones" not in text and "St Anne" not in text


def test_export_refuses_a_transcript_that_is_not_anonymised(study, tmp_path):
    interview = transcribed_interview(study, anonymised=False)
    with pytest.raises(ExportRefused, match="not been anonymised"):
        export_interview(study, interview.id, tmp_path)
    assert list(tmp_path.iterdir()) == []
    path = export_interview(study, interview.id, tmp_path, original=True)
    assert "IDENTIFIABLE" in path.name and "Ms Jones" in path.read_text()


@pytest.mark.parametrize("flags", [["--original"], ["--original", "--draft"]])
def test_original_export_is_the_identifiable_text_whether_or_not_the_anonymisation_is_reviewed(study, tmp_path,
                                                                                              flags):
    interview = transcribed_interview(study)  # anonymised, its review not done
    result = CliRunner().invoke(main, ["export", str(interview.id), "--out", str(tmp_path), "--study", "test-study",
                                       *flags])
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.iterdir()
    text = path.read_text()
    assert "IDENTIFIABLE" in path.name
    assert text.splitlines()[0] == "IDENTIFIABLE — THE RESEARCH TEAM'S OWN COPY, NOT ANONYMISED: NEVER GIVE IT TO CODERS"
    assert "Ms Jones" in text and "St Anne's" in text and "[PERSON 1]" not in text
    assert "DRAFT — NOT REVIEWED" not in text


def test_export_command_reports_refusal_clearly(study, tmp_path):
    interview = transcribed_interview(study, anonymised=False)
    result = CliRunner().invoke(main, ["export", str(interview.id), "--out", str(tmp_path), "--study", "test-study"])
    assert result.exit_code == 1 and "interviewer anonymise" in result.output


def test_quote_label_skips_missing_attributes(study):
    participant = study.add_participant("KI-12", gender="Male")
    assert quote_label("Key informant {number} ({gender}, {role}, {sector})", participant) == "Key informant 12 (Male)"


@pytest.mark.parametrize("seconds, text", [(0, "00:00:00"), (59.9, "00:00:59"), (3725, "01:02:05")])
def test_timestamps_are_hours_minutes_seconds(seconds, text):
    assert timestamp(seconds) == text
