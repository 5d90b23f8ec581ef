"""Provides the CSV export: one row per transcript segment, UTF-8 with a byte-order mark so Excel reads it right."""

from __future__ import annotations

import csv
from pathlib import Path

from interviewer.export import tables
from interviewer.export.collection import StudyExport

EXTENSION = "csv"


def write_table(table: tables.Table, path: Path) -> None:
    header, rows = table
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write(export: StudyExport, path: Path) -> None:
    write_table(tables.segments(export), path)
