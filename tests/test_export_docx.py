"""Tests for the Word transcript, read back with python-docx (and rendered by LibreOffice where it is installed):
header, bold speakers, timestamps, anonymised text, paper and language, page numbers, document properties."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import datetime, timedelta, timezone

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Inches

from coding_study import ORIGINAL_ONLY, build
from interviewer.cli import main
from interviewer.pipeline import export_interview

NBSP = "\u00a0"


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
        f"[00:00:04] KI-01: For me it means Dr [PERSON{NBSP}1] listening to people. "
        f"It's about trust — café conversations at [HOSPITAL{NBSP}1], really.",
        "[00:00:15] Interviewer: What pushes services towards this?",
        f"[00:00:17] KI-01: The national guidance matters, and [PERSON{NBSP}2] pushed it hard.",
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


def language_of(path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    default = re.search(r'<w:rPrDefault>.*?<w:lang w:val="([^"]+)"', styles, re.S).group(1)
    theme = re.search(r'<w:themeFontLang w:val="([^"]+)"', settings).group(1)
    return default, theme


def test_docx_is_a4_british_english_with_page_numbers_and_properties_of_this_export(study, tmp_path):
    interview_id = build(study)[0]
    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    path = export_interview(study, interview_id, tmp_path, fmt="docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # stored in twips
    assert language_of(path) == ("en-GB", "en-GB")

    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("KI-01 · interview 1\tPage ") and footer.text.endswith(" of 1")
    codes = [node.text.strip() for node in footer._p.iter() if node.tag.endswith("}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]

    properties = document.core_properties
    assert properties.title == "KI-01 — Participant 1 (Female, Professor, Academia)"
    assert before <= properties.created <= datetime.now(timezone.utc) and properties.modified == properties.created
    assert properties.author == properties.last_modified_by == "Research team"
    assert properties.language == "en-GB" and "python-docx" not in properties.comments
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode()
    assert not any("thumbnail" in name or "customXml" in name or "stylesWithEffects" in name for name in names)
    assert "Microsoft" not in app and "Normal.dotm" not in app and "interviewer" in app


def test_placeholders_cannot_break_across_lines(study, tmp_path):
    interview_id = build(study)[0]
    document = docx.Document(str(export_interview(study, interview_id, tmp_path, fmt="docx")))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert re.findall(r"\[[A-Z]+\s\d+\]", body) == [f"[PERSON{NBSP}1]", f"[HOSPITAL{NBSP}1]", f"[PERSON{NBSP}2]"]


def test_study_setting_gives_letter_paper_and_american_english(study, tmp_path):
    interview_id = build(study)[0]
    runner = CliRunner()
    result = runner.invoke(main, ["study", "set-document", "--paper", "Letter", "--language", "en_us",
                                  "--study", "test-study"])
    assert result.exit_code == 0, result.output
    assert "paper letter, language en-US" in result.output
    path = export_interview(study, interview_id, tmp_path, fmt="docx")
    section = docx.Document(str(path)).sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert language_of(path) == ("en-US", "en-US")


def test_a_bad_document_setting_is_refused_and_changes_nothing(study):
    runner = CliRunner()
    result = runner.invoke(main, ["study", "set-document", "--paper", "A3", "--language", "fr-FR",
                                  "--study", "test-study"])
    assert result.exit_code == 1 and "Unknown paper size 'A3'" in result.output and "a4, letter" in result.output
    result = runner.invoke(main, ["study", "set-document", "--language", "British", "--study", "test-study"])
    assert result.exit_code == 1 and "'British' is not a language tag" in result.output
    shown = runner.invoke(main, ["study", "set-document", "--study", "test-study"])
    assert "paper A4, language en-GB" in shown.output


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (libreoffice-writer-nogui) and pdftotext (poppler-utils) render the check")
def test_libreoffice_renders_a4_pages_numbered_and_placeholders_whole(study, tmp_path):
    interview_id = build(study)[0]
    path = export_interview(study, interview_id, tmp_path, fmt="docx")
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(path)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "pdf" / f"{path.stem}.pdf"
    width, height = map(float, re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes()).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert re.search(r"KI-01 · interview 1\s+Page 1 of 1", text)
    assert "[PERSON 1]" in text.replace(NBSP, " ") and "[HOSPITAL 1]" in text.replace(NBSP, " ")
