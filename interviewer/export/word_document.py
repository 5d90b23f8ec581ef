"""Provides the Word (.docx) transcript: the TXT content, with bold speaker names and timestamps, ready to print."""

from __future__ import annotations

from pathlib import Path

from interviewer.export.document import TranscriptDocument, timestamp
from interviewer.export.txt import header_lines

EXTENSION = "docx"
BINARY = True


def write(document: TranscriptDocument, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt, RGBColor

    word = Document()
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    word.core_properties.title = f"{document.participant.code} interview {document.interview.id}"
    word.core_properties.subject = document.quote_label
    word.core_properties.author = ""
    word.core_properties.comments = "Anonymised transcript" if document.anonymised else "IDENTIFIABLE transcript"

    word.add_heading(f"{document.participant.code} — {document.quote_label}", level=1)
    header = word.add_paragraph()
    lines = header_lines(document)
    for index, line in enumerate(lines):
        run = header.add_run(line)
        if line.isupper():
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        if index < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)

    for turn in document.turns:
        paragraph = word.add_paragraph()
        stamp = paragraph.add_run(f"[{timestamp(turn.start)}] ")
        stamp.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        name = paragraph.add_run(f"{turn.speaker}:")
        name.bold = True
        paragraph.add_run(f" {turn.text}")

    footer = word.sections[0].footer.paragraphs[0]
    footer.text = f"{document.participant.code} · interview {document.interview.id}" + (
        " · DRAFT — NOT REVIEWED" if document.draft else "")
    word.save(str(path))
