"""Provides the Word (.docx) transcript: the TXT content, with bold speaker names and timestamps, ready to print."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from interviewer.export import docx_parts
from interviewer.export.document import TEAM, TranscriptDocument, timestamp
from interviewer.export.txt import header_lines

EXTENSION = "docx"
BINARY = True


def title(document: TranscriptDocument) -> str:
    return f"{document.participant.code} — {document.quote_label}"


def write(document: TranscriptDocument, path: Path, *, created: datetime | None = None) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
    from docx.shared import Pt, RGBColor

    word = Document()
    setup = document.setup
    docx_parts.set_page(word, setup)
    docx_parts.set_language(word, setup.language)
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    docx_parts.set_properties(
        word, title=title(document), subject=f"Interview {document.interview.id} transcript",
        comments="Anonymised transcript" if document.anonymised else "IDENTIFIABLE transcript, research team only",
        language=setup.language, author=TEAM,
        created=(created or datetime.now(timezone.utc)).replace(microsecond=0))

    word.add_heading(title(document), level=1)
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
        paragraph.add_run(" " + docx_parts.unbreakable_placeholders(turn.text))

    section = word.sections[0]
    footer = section.footer.paragraphs[0]
    footer.text = f"{document.participant.code} · interview {document.interview.id}" + (
        " · DRAFT — NOT REVIEWED" if document.draft else "") + "\t"
    tab_stops = footer.paragraph_format.tab_stops
    for inherited in footer.style.paragraph_format.tab_stops:  # the template's, set for US Letter
        tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tab_stops.add_tab_stop(section.page_width - section.left_margin - section.right_margin, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("Page ")
    docx_parts.add_field(footer, "PAGE")
    footer.add_run(" of ")
    docx_parts.add_field(footer, "NUMPAGES")
    word.save(str(path))
