"""Provides `interviewer interview`: list the study's interviews and their stage."""

from __future__ import annotations

import click

from interviewer.cli._common import open_study, study_option


@click.group()
def interview() -> None:
    """Inspect the study's interviews.

    Example:

        interviewer interview list
    """


@interview.command("list")
@study_option
def list_(study) -> None:
    """List interviews: number, participant, mode, schedule, status.

    Example:

        interviewer interview list --study key-informants
    """
    opened = open_study(study)
    rows = opened.interviews()
    if not rows:
        click.echo("No interviews yet. Import a recording with: interviewer import FILE --participant CODE")
        return
    for row in rows:
        duration = sum(r.duration for r in opened.recordings(row.id))
        click.echo(
            f"#{row.id:<4} {row.participant_code:<10} {row.mode:<13} {row.schedule_id or '-':<20} "
            f"{duration / 60:6.1f} min  {row.status}"
        )


COMMANDS = [interview]
