"""Tests for the Word transcript, read back with python-docx: header, bold speakers, timestamps, anonymised text."""

from __future__ import annotations

import docx

from coding_study import ORIGINAL_ONLY, build
from interviewer.pipeline import export_interview


def test_docx_has_the_header_and_one_paragraph_per_turn_with_bold_speaker(study, tmp_path):
    interview_id = build(study)[0]
    path = export_interview(study, interview_id, tmp_path, fmt="docx")
    assert path.name == "KI-01-interview-0001.docx"
    document = docx.Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "KI-01 — Participant 1 (Female, Professor, Academia)"
    header = texts[1].splitlines()
    assert "Participant: KI-01" in header and "Mode: phone" in header and "Duration: 01:02:07" in header
    assert "DRAFT — NOT REVIEWED" not in texts[1]
    turns = texts[2:]
    assert turns == [
        "[00:00:00] Interviewer: When you hear about involvement in care, what does that mean to you?",
        "[00:00:04] KI-01: For me it means Dr [PERSON 1] listening to people. "
        "It's about trust — café conversations at [HOSPITAL 1], really.",
        "[00:00:15] Interviewer: What pushes services towards this?",
        "[00:00:17] KI-01: The national guidance matters, and [PERSON 2] pushed it hard.",
        "[01:02:06] KI-01: Thanks, that's all.",
    ]
    second = document.paragraphs[3]
    bold = [run.text for run in second.runs if run.bold]
    assert bold == ["KI-01:"]
    assert second.runs[0].text == "[00:00:04] "
    everything = "\n".join(texts)
    assert not any(word in everything for word in ORIGINAL_ONLY)


def test_docx_of_an_unreviewed_transcript_says_draft(study, tmp_path):
    interview_id = build(study)[0]
    study.update_interview(interview_id, status="anonymised")
    document = docx.Document(str(export_interview(study, interview_id, tmp_path, fmt="docx")))
    assert "DRAFT — NOT REVIEWED" in document.paragraphs[1].text
    assert "DRAFT — NOT REVIEWED" in document.sections[0].footer.paragraphs[0].text
