"""Provides `interviewer study`: create a study and show where it is and what it holds."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option


@click.group()
def study() -> None:
    """Create and inspect studies (one SQLite database per study).

    Example:

        interviewer study init --study brooks-2015 --title "User-led care planning"
    """


@study.command("init")
@click.option("--title", default=None, help="A readable title for the study.")
@study_option
def init(study: str | None, title: str | None) -> None:
    """Create a new, empty study.

    Example:

        interviewer study init --study key-informants
    """
    from interviewer.store import Study, StoreError

    try:
        created = Study.create(study, title=title)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"Created study '{created.name}' in {created.folder}")


@study.command("info")
@study_option
def info(study: str | None) -> None:
    """Show where a study lives and what it holds.

    Example:

        interviewer study info --study key-informants
    """
    opened = open_study(study)
    counts = {table: opened.db[table].count for table in ("participants", "interviews", "recordings", "transcript_segments")}
    click.echo(f"Study: {opened.name}\nFolder: {opened.folder}")
    for table, count in counts.items():
        click.echo(f"{table.replace('_', ' ').capitalize()}: {count}")


COMMANDS = [study]
