"""Provides `interviewer allocate`: give each transcript to N coders, balanced and repeatable, stored in the study."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option


@click.command("allocate")
@click.option("--coders", default=None, help="Coders' names or initials, separated by commas, e.g. A,B,C.")
@click.option("--per-transcript", type=int, default=2, show_default=True, help="How many coders code each transcript.")
@click.option("--redo", is_flag=True, help="Discard the stored allocation and allocate every transcript afresh.")
@click.option("--show", is_flag=True, help="Only show the stored allocation.")
@study_option
def allocate(study, coders, per_transcript, redo, show) -> None:
    """Allocate transcribed interviews to coders, each to --per-transcript of them.

    Coders get equal shares (within one transcript) and pairs come round evenly. Interviews already
    allocated keep their coders, so running it again after new interviews only allocates those.

    Examples:

        interviewer allocate --coders A,B,C --per-transcript 2

        interviewer allocate --show
    """
    from interviewer.export.allocation import allocate as allocate_interviews
    from interviewer.export.allocation import allocations, coder_loads, parse_coders
    from interviewer.store import StoreError

    opened = open_study(study)
    try:
        if show:
            result = allocations(opened)
        else:
            if not coders:
                raise UserError("Name the coders: --coders A,B,C (or --show to see the stored allocation).")
            result = allocate_interviews(opened, parse_coders(coders), per_transcript, redo=redo)
    except StoreError as error:
        raise UserError(str(error)) from None
    if not result:
        click.echo("No allocation yet.")
        return
    for allocation in result:
        click.echo(f"#{allocation.interview_id}\t{allocation.participant_code}\t{', '.join(allocation.coders)}")
    loads = coder_loads(result)
    click.echo("Transcripts per coder: " + ", ".join(f"{coder} {count}" for coder, count in sorted(loads.items())))


COMMANDS = [allocate]
