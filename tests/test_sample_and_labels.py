"""Tests for the sample table (Markdown report) and the study's quote-label template."""

from __future__ import annotations

from click.testing import CliRunner

from coding_study import build
from interviewer.cli import main
from interviewer.pipeline import export_interview
from interviewer.export.sample_table import for_study


def run(*args):
    return CliRunner().invoke(main, [*args, "--study", "test-study"])


def test_sample_table_counts_gender_sector_and_mode_and_summarises_durations(study):
    build(study)
    study.add_participant("KI-09", gender="Male")
    study.add_interview("KI-09", mode="phone")  # planned, never held: not in the sample
    table = for_study(study)
    assert (table.participants, table.interviews) == (4, 4)
    assert ("Gender", "Female", 3, 75.0) in table.rows and ("Gender", "Male", 1, 25.0) in table.rows
    assert ("Employment sector", "Third sector", 1, 25.0) in table.rows
    assert ("Interview mode", "video", 1, 25.0) in table.rows
    summary = table.duration_summary()
    assert round(summary["mean"], 3) == round(3727.5 / 60, 3) and round(summary["total"], 1) == round(4 * 3727.5 / 60, 1)


def test_report_sample_prints_markdown_and_can_write_it(study, tmp_path):
    build(study)
    out = tmp_path / "sample.md"
    result = run("report", "sample", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "| Gender | Female | 3 | 75 |" in result.output
    assert "| Employment sector | NHS | 2 | 50 |" in result.output
    assert "| Interview mode | phone | 2 | 50 |" in result.output
    assert "| Mean | 62.1 |" in result.output
    assert out.read_text(encoding="utf-8") == result.output


def test_quote_label_template_set_from_the_command_line_reaches_the_exports(study, tmp_path):
    build(study)
    result = run("study", "set-quote-label", "Key informant {number} ({gender}, {role}, {sector})")
    assert result.exit_code == 0, result.output
    assert "KI-01: Key informant 1 (Female, Professor, Academia)" in result.output
    text = export_interview(study, 1, tmp_path).read_text(encoding="utf-8")
    assert "Quote label: Key informant 1 (Female, Professor, Academia)" in text


def test_quote_label_template_warns_about_unknown_fields_and_refuses_broken_ones(study):
    build(study)
    warned = run("study", "set-quote-label", "KI {number}, {band}")
    assert warned.exit_code == 0 and "no participant has {band}" in warned.output
    assert run("study", "set-quote-label", "KI {number").exit_code == 1
    assert run("study", "set-quote-label", "KI {0}").exit_code == 1
    assert study.quote_label_template == "KI {number}, {band}"
