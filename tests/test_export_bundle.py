"""Tests for `interviewer export --all`: a study of several interviews becomes one bundle in every format, checked."""

from __future__ import annotations

import hashlib
import json
import zipfile

import docx
import openpyxl
from click.testing import CliRunner

from coding_study import ORIGINAL_ONLY, add_interview, build
from interviewer.export.allocation import allocate
from interviewer.cli import main

FORMATS = ("txt", "docx", "srt", "vtt", "json")


def run(*args):
    return CliRunner().invoke(main, [*args, "--study", "test-study"])


def study_with_some_not_ready(study):
    ids = build(study)
    study.add_participant("KI-05", gender="Male", sector="NHS")
    unreviewed = add_interview(study, "KI-05", "phone", status="anonymised", day=5)
    study.add_participant("KI-06", gender="Male", sector="NHS")
    raw = add_interview(study, "KI-06", "phone", anonymise=False, day=6)
    recording = study.folder / "recordings" / "interview-0001-part-1.flac"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"fLaC not really audio")
    study.add_recording(ids[0], path=recording, sha256="0" * 64, format="FLAC", sample_rate=16000, channels=1,
                        duration=3727.5)
    return ids, unreviewed, raw


def test_export_all_writes_every_format_for_every_reviewed_interview_with_manifest(study, tmp_path):
    ids, unreviewed, raw = study_with_some_not_ready(study)
    out = tmp_path / "bundle"
    result = run("export", "--all", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "4 transcript(s)" in result.output

    for fmt in FORMATS:
        names = sorted(path.name for path in (out / "transcripts" / fmt).iterdir())
        assert names == [f"KI-0{n}-interview-000{n}.{fmt}" for n in range(1, 5)]
    assert {p.name for p in out.iterdir()} == {"transcripts", "csv", "test-study.xlsx", "test-study.qdpx",
                                               "test-study-codebook.qdc", "sample.md", "README.txt",
                                               "manifest.json", "SHA256SUMS"}
    assert not (out / "audio").exists()
    txt = (out / "transcripts" / "txt" / "KI-03-interview-0003.txt").read_text(encoding="utf-8")
    assert "[00:00:04] KI-03: For me it means Dr [PERSON 1]" in txt
    assert docx.Document(str(out / "transcripts" / "docx" / "KI-02-interview-0002.docx")).paragraphs[3].runs[1].bold
    assert len(list(openpyxl.load_workbook(out / "test-study.xlsx")["Segments"].values)) == 1 + 4 * 6
    with zipfile.ZipFile(out / "test-study.qdpx") as archive:
        assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 4

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["interview"] for entry in manifest["included"]] == ids
    excluded = {entry["interview"]: entry["reason"] for entry in manifest["excluded"]}
    assert excluded[unreviewed].startswith("anonymisation not reviewed") and excluded[raw] == "not anonymised"
    assert manifest["audio_included"] is False
    assert any(line.startswith("Audio recordings") for line in manifest["not_included"])
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
    listed = dict(line.split("  ", 1)[::-1] for line in (out / "SHA256SUMS").read_text().splitlines())
    assert set(listed) == {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert listed["manifest.json"] == hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "Not included:" in readme and f"Interview #{raw} (KI-06): not anonymised" in readme

    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".txt", ".srt", ".vtt", ".json", ".csv", ".md", ".qdc"):
            text = path.read_text(encoding="utf-8-sig")
            assert not any(word in text for word in ORIGINAL_ONLY), path


def test_draft_and_audio_only_when_asked(study, tmp_path):
    ids, unreviewed, _ = study_with_some_not_ready(study)
    out = tmp_path / "bundle"
    result = run("export", "--all", "--out", str(out), "--draft", "--include-audio")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    drafts = [entry["interview"] for entry in manifest["included"] if entry["draft"]]
    assert drafts == [unreviewed] and manifest["audio_included"] is True
    assert [p.name for p in (out / "audio").iterdir()] == ["KI-01-interview-0001-part-1.flac"]
    assert (out / "transcripts" / "txt" / f"KI-05-interview-000{unreviewed}.txt").read_text().startswith("DRAFT")


def test_bundle_splits_per_coder(study, tmp_path):
    build(study)
    allocate(study, ["A", "B", "C"], 2)
    result = run("export", "--all", "--per-coder", "--out", str(tmp_path / "coders"))
    assert result.exit_code == 0, result.output
    shares = {}
    for coder in "ABC":
        manifest = json.loads((tmp_path / "coders" / f"coder-{coder}" / "manifest.json").read_text())
        assert manifest["coder"] == coder
        shares[coder] = [entry["participant"] for entry in manifest["included"]]
    assert shares == {"A": ["KI-01", "KI-03", "KI-04"], "B": ["KI-01", "KI-02", "KI-04"], "C": ["KI-02", "KI-03"]}
    single = run("export", "--all", "--coder", "C", "--out", str(tmp_path / "c-only"))
    assert single.exit_code == 0 and "2 transcript(s)" in single.output


def test_bundle_refuses_a_folder_holding_other_files_and_replaces_an_earlier_bundle(study, tmp_path):
    build(study)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.docx").write_text("mine")
    result = run("export", "--all", "--out", str(busy))
    assert result.exit_code == 1 and "not empty" in result.output
    assert [p.name for p in busy.iterdir()] == ["thesis.docx"]
    out = tmp_path / "bundle"
    assert run("export", "--all", "--out", str(out)).exit_code == 0
    (out / "stale.txt").write_text("old")
    assert run("export", "--all", "--out", str(out)).exit_code == 0
    assert not (out / "stale.txt").exists()


def test_nothing_ready_is_explained(study, tmp_path):
    study.add_participant("KI-01")
    add_interview(study, "KI-01", "phone", anonymise=False)
    result = run("export", "--all", "--out", str(tmp_path / "b"))
    assert result.exit_code == 1 and "Nothing to export" in result.output and "not anonymised" in result.output


def test_one_interview_in_every_format_from_the_command_line(study, tmp_path):
    build(study)
    for fmt in (*FORMATS, "csv", "xlsx", "qdpx", "qdc"):
        result = run("export", "2", "--format", fmt, "--out", str(tmp_path))
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"KI-02-interview-0002.{fmt}").stat().st_size > 0


def test_command_line_offers_exactly_the_formats_the_exporters_write():
    from interviewer.cli.pipeline import EXPORT_FORMATS
    from interviewer.export.formats import ALL_FORMATS

    assert EXPORT_FORMATS == ALL_FORMATS
