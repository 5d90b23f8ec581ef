"""Provides `interviewer models`: the Whisper model catalogue and whether each model is installed."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError


@click.group("models")
def models_group() -> None:
    """List and check the Whisper models interviewer can use offline.

    Example:

        interviewer models list
    """


@models_group.command("list")
def list_() -> None:
    """List catalogue models and whether each is installed.

    Example:

        interviewer models list
    """
    from interviewer.transcribe import models

    for entry in models.catalogue():
        try:
            path = models.resolve(entry.name).path
            state = f"installed at {path}"
        except models.ModelError:
            state = f"not installed — {entry.install}"
        default = " (default)" if entry.default else ""
        click.echo(f"{entry.name}{default}: {entry.description}\n    {entry.language}; {state}")


@models_group.command("check")
@click.argument("name", required=False)
def check(name: str | None) -> None:
    """Verify an installed model's files against the catalogue checksums.

    Example:

        interviewer models check tiny.en
    """
    from interviewer.transcribe import models

    entries = {m.name: m for m in models.catalogue()}
    entry = entries.get(name or models.default_model_name())
    if entry is None:
        raise UserError(f"Unknown model '{name}': use one of {', '.join(entries)}.")
    try:
        problems = models.verify(entry)
    except models.ModelError as error:
        raise UserError(str(error)) from None
    if problems:
        raise UserError(f"{entry.name}: " + "; ".join(problems) + f". Reinstall with: {entry.install}")
    click.echo(f"{entry.name}: all files match their checksums.")


COMMANDS = [models_group]
