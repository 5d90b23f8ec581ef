"""Provides `interviewer participant` and `interviewer consent`: the study's register of participants."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option


def _parse_attributes(pairs: tuple[str, ...]) -> dict[str, str]:
    attributes = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--attribute '{pair}' must look like KEY=VALUE, e.g. --attribute years=12")
        attributes[key.strip()] = value.strip()
    return attributes


_participant_options = [
    click.option("--name", default=None, help="Real name (kept in the study only; always anonymised)."),
    click.option("--workplace", default=None, help="Workplace (kept in the study only; always anonymised)."),
    click.option("--gender", default=None, help="Gender, as reported in the sample table."),
    click.option("--role", default=None, help="Role, e.g. Professor, Care coordinator."),
    click.option("--sector", default=None, help="Employment sector, e.g. Academia, NHS, Third sector."),
    click.option("--referred-by", default=None, help="Code of the participant who referred them (snowball sampling)."),
    click.option("--attribute", "attributes", multiple=True, help="Any other attribute as KEY=VALUE (repeatable)."),
    click.option("--notes", default=None, help="Free-text notes."),
]


def participant_options(command):
    for option in reversed(_participant_options):
        command = option(command)
    return command


@click.group()
def participant() -> None:
    """Add, list and edit the study's participants.

    Example:

        interviewer participant add KI-08 --gender Female --role Professor --sector Academia
    """


@participant.command("add")
@click.argument("code")
@participant_options
@study_option
def add(study, code, attributes, referred_by, **fields) -> None:
    """Add a participant under a pseudonymous CODE such as KI-08.

    Example:

        interviewer participant add KI-09 --role "Care coordinator" --sector NHS --referred-by KI-08
    """
    from interviewer.store import StoreError

    opened = open_study(study, create=True)
    values = {k: v for k, v in fields.items() if v is not None}
    try:
        added = opened.add_participant(code, referred_by=referred_by, attributes=_parse_attributes(attributes), **values)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"Added participant {added.code}")


@participant.command("edit")
@click.argument("code")
@click.option("--code", "new_code", default=None, help="Give the participant a new code.")
@participant_options
@study_option
def edit(study, code, new_code, attributes, referred_by, **fields) -> None:
    """Change a participant's details; only the options given are changed.

    Example:

        interviewer participant edit KI-08 --role "Senior lecturer" --attribute years=12
    """
    from interviewer.store import StoreError

    opened = open_study(study)
    values = {k: v for k, v in fields.items() if v is not None}
    if new_code:
        values["code"] = new_code
    if attributes:
        values["attributes"] = _parse_attributes(attributes)
    try:
        edited = opened.edit_participant(code, referred_by=referred_by, **values)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"Updated participant {edited.code}")


@participant.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@study_option
def list_(study, as_json) -> None:
    """List participants with their attributes and consent.

    Example:

        interviewer participant list --json
    """
    import json
    from dataclasses import asdict

    opened = open_study(study)
    rows = []
    for p in opened.participants():
        consent = opened.consent(p.code)
        consent_text = "none"
        if consent:
            granted = [what for what, ok in (("audio", consent.audio_recording), ("quotation", consent.quotation)) if ok]
            consent_text = ", ".join(granted) or "declined"
        rows.append({**asdict(p), "consent": consent_text})
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No participants yet. Add one with: interviewer participant add KI-01")
        return
    columns = ("code", "gender", "role", "sector", "referred_by", "consent")
    widths = {c: max(len(c), *(len(str(r[c] or "")) for r in rows)) for c in columns}
    click.echo("  ".join(c.replace("_", " ").ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c] or "").ljust(widths[c]) for c in columns).rstrip())


@participant.command("withdraw")
@click.argument("code")
@click.option("--reason", default="participant withdrew from the study", show_default=True,
              help="Why, for the audit log.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@study_option
def withdraw(study, code, reason, yes) -> None:
    """Remove a participant's recordings and transcripts from the study, for good.

    Their interviews stay listed as withdrawn, their consent is marked withdrawn (so every later export
    leaves them out), their originals are dropped from the re-identification key (its passphrase from
    INTERVIEWER_KEY_PASSPHRASE or a prompt), and one audit entry records what was removed, when and why.

    Example:

        interviewer participant withdraw KI-08 --reason "withdrew by email, 2026-12-01"
    """
    import sys

    from interviewer.cli._passphrase import ask_passphrase
    from interviewer.protection.retention import withdraw_participant
    from interviewer.store import StoreError

    opened = open_study(study)
    try:
        found = opened.participant(code)
    except StoreError as error:
        raise UserError(str(error)) from None
    interviews = opened.interviews(found.code)
    recordings = sum(1 for i in interviews for r in opened.recordings(i.id) if r.deleted_at is None)
    question = (f"Remove {found.code}'s {recordings} recording(s) and the transcripts of {len(interviews)} "
                "interview(s) for good?")
    if not yes:
        if not sys.stdin.isatty():
            raise UserError(f"{question} Run this in a terminal to confirm, or pass --yes.")
        if not click.confirm(question, default=False, err=True):
            raise UserError("Nothing was changed.")
    try:
        done = withdraw_participant(opened, found.code, reason, ask_passphrase())
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"Withdrew {done.code}: {done.recordings} recording(s) and {done.segments} transcript segment(s) "
               f"of {len(done.interviews)} interview(s) removed; later exports leave {done.code} out.")
    if done.key_entries_removed is None:
        click.echo("The re-identification key still holds originals from these transcripts: run this again with "
                   "INTERVIEWER_KEY_PASSPHRASE set (or in a terminal) to remove them.", err=True)


@click.group()
def consent() -> None:
    """Record participants' consent.

    Example:

        interviewer consent record KI-08 --audio --quotation --information-sheet-sent 2026-11-01
    """


@consent.command("record")
@click.argument("code")
@click.option("--audio/--no-audio", "audio_recording", default=False, help="Consented to audio recording.")
@click.option("--quotation/--no-quotation", default=False, help="Consented to anonymised quotation.")
@click.option("--information-sheet-sent", default=None, help="Date the information sheet was sent (YYYY-MM-DD).")
@click.option("--received", "consent_received", default=None, help="Date consent was received (default: now).")
@click.option("--method", default=None, help="How consent was given, e.g. 'signed form', 'verbal, recorded'.")
@click.option("--notes", default=None)
@study_option
def record(study, code, **fields) -> None:
    """Record what a participant consented to (a new record; earlier ones are kept).

    Example:

        interviewer consent record KI-08 --audio --quotation --method "signed form"
    """
    from datetime import date

    from interviewer.store import StoreError

    for key in ("information_sheet_sent", "consent_received"):
        if fields[key]:
            try:
                date.fromisoformat(fields[key][:10])
            except ValueError:
                raise UserError(f"--{key.replace('_', '-')} '{fields[key]}' is not a date; use YYYY-MM-DD.") from None
    opened = open_study(study)
    try:
        saved = opened.record_consent(code, **fields)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(
        f"Recorded consent for {code}: audio recording {'yes' if saved.audio_recording else 'no'}, "
        f"quotation {'yes' if saved.quotation else 'no'}"
    )


COMMANDS = [participant, consent]
