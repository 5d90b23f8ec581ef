"""Provides `interviewer schedule`: list schedules, add one to a study, show one as an outline, validate a file."""

from __future__ import annotations

import textwrap

import click

from interviewer.cli._common import UserError, open_study, study_option


def _minutes(value: int | float) -> str:
    return f"{value:g}"


def _find(name_or_path: str):
    from interviewer.schedule import ScheduleError, find_schedule

    try:
        return find_schedule(name_or_path)
    except ScheduleError as error:
        raise UserError(f"{error}\nFix these lines and run `interviewer schedule validate` again.") from None
    except FileNotFoundError as error:
        raise UserError(f"{error}; see `interviewer schedule list`, or give the path to a .yaml file") from None
    except OSError as error:
        raise UserError(f"cannot read {name_or_path}: {error.strerror or error}") from None


@click.group()
def schedule() -> None:
    """Interview schedules: list them, add your own to a study, show one, validate a file.

    A schedule is a YAML file of sections and open questions, each tagged with the
    Normalisation Process Theory constructs it explores (see schedules/README.md).

    Example:

        interviewer schedule show npt-key-informant
    """


@schedule.command("list")
@study_option
def list_schedules(study: str | None) -> None:
    """List the schedules interviews can follow: the study's own (see `schedule add`), then the bundled
    ones, with id, version, items, planned minutes and title.

    Example:

        interviewer schedule list --study key-informants
    """
    from interviewer.schedule import ScheduleError, bundled_schedule_paths, load_schedule
    from interviewer.store import Study, StoreError
    from interviewer.schedule.study import study_schedules

    rows = [("FROM", "ID", "VERSION", "ITEMS", "MINUTES", "TITLE")]
    try:
        opened = Study.open(study)
    except StoreError:
        opened = None
    try:
        own = study_schedules(opened) if opened is not None else []
        bundled = [load_schedule(path) for path in bundled_schedule_paths()]
    except ScheduleError as error:
        raise UserError(f"a schedule is invalid:\n{error}") from None
    finally:
        if opened is not None:
            opened.close()
    for origin, found in [*(("study", s) for s in own), *(("bundled", s) for s in bundled)]:
        rows.append((origin, found.id, str(found.version), str(len(found.items)), _minutes(found.planned_minutes),
                     found.title))
    if len(rows) == 1:
        click.echo("No schedules found.")
        return
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[5])


@schedule.command("add")
@click.argument("path", metavar="PATH")
@study_option
def add(study: str | None, path: str) -> None:
    """Check a schedule file and keep a copy in the study, so interviews can follow it in the interview
    screen and are always resumed, aligned and exported with the exact questions they used.

    To change a schedule that interviews already follow, raise its `version` and add it again: earlier
    interviews keep their version.

    Example:

        interviewer schedule add my-schedule.yaml --study key-informants
    """
    from interviewer.schedule import ScheduleError
    from interviewer.schedule.study import ScheduleConflict, add_schedule

    opened = open_study(study, create=study is None)
    try:
        kept = add_schedule(opened, path)
    except ScheduleError as error:
        raise UserError(f"{error}\nFix these lines and run `interviewer schedule add` again.") from None
    except ScheduleConflict as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    click.echo(f"Study '{opened.name}' now has schedule '{kept.id}' version {kept.version} "
               f"({len(kept.items)} items): {kept.title}")


def _script(heading: str, text: str) -> None:
    if text:
        click.echo(click.style(heading, bold=True))
        click.echo(textwrap.indent(text, "    "))
        click.echo()


@schedule.command("show")
@click.argument("name_or_path", metavar="NAME|PATH")
@click.option("--intervention", default=None, help="Fill the [intervention] placeholder with this name.")
@click.option("--scripts/--no-scripts", default=True, show_default=True, help="Include introduction, consent and closing scripts.")
@click.option("--listen-for", is_flag=True, help="Under each prompt, the phrases the interview screen listens for.")
def show(name_or_path: str, intervention: str | None, scripts: bool, listen_for: bool) -> None:
    """Show a schedule as an outline: sections, questions, constructs, prompts, probes and minutes.

    NAME is a bundled schedule id (see `interviewer schedule list`); PATH is a schedule file.

    Example:

        interviewer schedule show npt-toolkit --intervention "the new triage pathway"
        interviewer schedule show npt-key-informant --listen-for --no-scripts
    """
    from interviewer.schedule import npt

    found = _find(name_or_path)
    if intervention:
        found = found.with_intervention(intervention)
    click.echo(click.style(found.title, bold=True) + f"  ({found.id}, version {found.version})")
    if found.source:
        click.echo(f"File: {found.source}")
    click.echo(
        f"{len(found.sections)} sections, {len(found.items)} items, {_minutes(found.planned_minutes)} planned minutes"
    )
    if found.has_placeholder:
        click.echo("Contains [intervention]: use --intervention NAME to fill it in.")
    click.echo()
    if found.description:
        click.echo(textwrap.indent(found.description, "  "))
        click.echo()
    if scripts:
        _script("Introduction", found.introduction)
        _script("Consent", found.consent)
    for section_number, section in enumerate(found.sections, start=1):
        click.echo(click.style(f"{section_number}. {section.title}", bold=True) + f"  [{section.id}, {_minutes(section.planned_minutes)} min]")
        for item_number, item in enumerate(section.items, start=1):
            minutes = f", {_minutes(item.minutes)} min" if item.minutes else ""
            click.echo(f"   {section_number}.{item_number} {item.question}  [{item.id}{minutes}]")
            click.echo(f"       Constructs: {'; '.join(npt.label(code) for code in item.constructs)}")
            for heading, entries in (("Prompts", item.prompts), ("Probes", item.probes)):
                if entries:
                    click.echo(f"       {heading}:")
                    for index, entry in enumerate(entries):
                        click.echo(f"         - {entry}")
                        for phrase in item.listen_for_prompt(index) if listen_for and heading == "Prompts" else ():
                            click.echo(click.style(f"             ~ {phrase}", dim=True))
        click.echo()
    if scripts:
        _script("Closing", found.closing)


@schedule.command("validate")
@click.argument("path", metavar="PATH")
def validate(path: str) -> None:
    """Check a schedule file; prints OK with counts, or every problem as FILE:LINE:COLUMN: message.

    Exits with status 1 when the file has problems.

    Example:

        interviewer schedule validate my-study-schedule.yaml
    """
    from interviewer.schedule import npt

    found = _find(path)
    covered = found.constructs_covered()
    subs = sum(1 for code in covered if code in npt.SUB_CONSTRUCT_IDS)
    constructs = {npt.construct_of(code) for code in covered}
    click.echo(
        f"OK: {path}: {found.id} version {found.version}: {len(found.sections)} sections, {len(found.items)} items, "
        f"{_minutes(found.planned_minutes)} planned minutes; {len(constructs)} of {len(npt.CONSTRUCT_IDS)} constructs "
        f"and {subs} of {len(npt.SUB_CONSTRUCT_IDS)} sub-constructs covered"
    )


COMMANDS = [schedule]
