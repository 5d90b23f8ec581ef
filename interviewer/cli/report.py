"""Provides `interviewer report`: summaries of a study for papers and meetings, such as the sample table."""

from __future__ import annotations

from pathlib import Path

import click

from interviewer.cli._common import open_study, study_option


@click.group()
def report() -> None:
    """Summaries of a study for papers and meetings.

    Example:

        interviewer report sample
    """


@report.command("sample")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the table to this Markdown file.")
@study_option
def sample(study, out_file) -> None:
    """The sample table: participants by gender and employment sector, interviews by mode, durations.

    Every interview that took place counts (all but planned ones). Printed as Markdown.

    Example:

        interviewer report sample --out sample.md
    """
    from interviewer.export.sample_table import for_study, markdown

    text = markdown(for_study(open_study(study)))
    click.echo(text, nl=False)
    if out_file is not None:
        out_file.write_text(text, encoding="utf-8")


COMMANDS = [report]
