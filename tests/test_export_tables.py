"""Tests for the CSV and XLSX exports, read back with the csv module and openpyxl: one row per segment, and sheets."""

from __future__ import annotations

import csv

import openpyxl

from coding_study import ORIGINAL_ONLY, build
from interviewer.export.allocation import allocate
from interviewer.export.collection import collect
from interviewer.export.formats import write_study
from interviewer.pipeline import export_interview


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_segment_with_participant_item_constructs_and_timings(study, tmp_path):
    interview_id = build(study)[0]
    path = export_interview(study, interview_id, tmp_path, fmt="csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(path)
    assert len(rows) == 6
    second = rows[1]
    assert second["participant"] == "KI-01" and second["gender"] == "Female" and second["sector"] == "Academia"
    assert second["years"] == "11" and second["turn"] == "2" and second["segment"] == "2"
    assert (second["start"], second["end"], second["start_hms"]) == ("4.0", "9.25", "00:00:04")
    assert second["item"] == "meaning-of-involvement"
    assert second["npt_constructs"] == "coherence/differentiation; coherence/individual-specification"
    assert second["text"] == "For me it means Dr [PERSON 1] listening to people."
    assert rows[2]["turn"] == "2" and rows[2]["text"].startswith("It's about trust — café")
    assert rows[5]["item"] == "" and rows[5]["end_hms"] == "01:02:07"
    assert not any(word in path.read_text(encoding="utf-8-sig") for word in ORIGINAL_ONLY)


def test_xlsx_holds_segments_participants_sample_codebook_and_allocation(study, tmp_path):
    build(study)
    allocate(study, ["A", "B", "C"], 2)
    path = write_study(collect(study), "xlsx", tmp_path / "study.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Segments", "Participants", "Sample", "Codebook", "Allocation"]

    segments = list(book["Segments"].values)
    header = segments[0]
    assert len(segments) == 1 + 4 * 6
    row = dict(zip(header, segments[8]))
    assert row["participant"] == "KI-02" and row["start"] == 4.0 and row["end"] == 9.25
    assert row["speaker"] == "KI-02" and row["item"] == "meaning-of-involvement"

    sheet = list(book["Participants"].values)
    participants = [dict(zip(sheet[0], values)) for values in sheet[1:]]
    assert [p["participant"] for p in participants] == ["KI-01", "KI-02", "KI-03", "KI-04"]
    assert participants[1]["quote_label"] == "Participant 2 (Male, Consultant psychiatrist, NHS)"
    assert participants[1]["quotation_consent"] == "no" and participants[0]["quotation_consent"] == "yes"
    assert participants[0]["coders"] == "A, B"

    sample = list(book["Sample"].values)
    assert ("Gender", "Female", 3, 75.0) in sample and ("Employment sector", "NHS", 2, 50.0) in sample
    assert ("Interview mode", "phone", 2, 50.0) in sample

    codebook = list(book["Codebook"].values)
    codes = [row[0] for row in codebook[1:]]
    assert codes[:5] == ["coherence", "coherence/differentiation", "coherence/communal-specification",
                         "coherence/individual-specification", "coherence/internalisation"]
    assert "policy-drivers" in codes and len([c for c in codes if "/" in c]) == 16

    allocation = list(book["Allocation"].values)
    assert allocation[0] == ("interview", "participant", "coder_1", "coder_2")
    assert allocation[1:] == [(1, "KI-01", "A", "B"), (2, "KI-02", "B", "C"), (3, "KI-03", "A", "C"), (4, "KI-04", "A", "B")]
    cells = " ".join(str(value) for sheet in book for row in sheet.values for value in row)
    assert not any(word in cells for word in ORIGINAL_ONLY)
