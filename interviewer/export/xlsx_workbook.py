"""Provides the Excel workbook: segments, participants (the sample), sample table, codebook and coder allocation."""

from __future__ import annotations

from pathlib import Path

from interviewer.export import sample_table
from interviewer.export import tables
from interviewer.export.collection import StudyExport

EXTENSION = "xlsx"
WRAPPED_COLUMNS = {"text", "quote_label", "name", "description"}


def sample_of(export: StudyExport) -> sample_table.SampleTable:
    return sample_table.build(export.study_name, [
        sample_table.SampledInterview(document.participant, document.interview, document.duration)
        for document in export.documents
    ])


def write(export: StudyExport, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Segments", tables.segments(export))
    _sheet(book, "Participants", tables.participants(export))
    _sample_sheet(book, sample_of(export))
    _sheet(book, "Codebook", tables.codebook(export))
    _sheet(book, "Allocation", tables.allocation(export))
    book.properties.title = f"{export.study_name}: transcripts for coding"
    book.properties.creator = "interviewer"
    book.save(str(path))


def _sheet(book, title: str, table: tables.Table):
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header, rows = table
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        if name in WRAPPED_COLUMNS:
            sheet.column_dimensions[letter].width = 80 if name == "text" else 40
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            longest = max([len(str(name))] + [len(str(row[index - 1])) for row in rows[:200] if index - 1 < len(row)])
            sheet.column_dimensions[letter].width = min(max(8, longest + 2), 30)
    return sheet


def _sample_sheet(book, table: sample_table.SampleTable) -> None:
    rows = [[characteristic, category, n, round(percent, 1)] for characteristic, category, n, percent in table.rows]
    rows.append(["", "", None, None])
    rows.append(["Participants", "", table.participants, None])
    rows.append(["Interviews", "", table.interviews, None])
    for name, value in table.duration_summary().items():
        rows.append(["Interview duration (minutes)", name, round(value, 1), None])
    _sheet(book, "Sample", (["characteristic", "category", "n", "percent"], rows))
