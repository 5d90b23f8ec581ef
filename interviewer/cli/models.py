"""Provides `interviewer models`: the Whisper model catalogue, the team's registered models, and their checks."""

from __future__ import annotations

from pathlib import Path

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
    """List catalogue models and whether each is installed, then the models your team registered.

    Example:

        interviewer models list
    """
    from interviewer.transcribe import model_registry, models

    for entry in models.catalogue():
        try:
            path = models.resolve(entry.name).path
            state = f"installed at {path}"
        except models.ModelError:
            state = f"not installed — {entry.install}"
        default = " (default)" if entry.default else ""
        click.echo(f"{entry.name}{default}: {entry.description}\n    {entry.language}; {state}")
    try:
        registered = model_registry.registered()
    except models.ModelError as error:
        raise UserError(str(error)) from None
    for entry in registered:
        try:
            model_registry.usable_folder(entry)
            state = f"registered at {entry.path}"
        except models.ModelError as error:
            state = f"NOT USABLE — {error}"
        size = sum(entry.sizes.values()) / 1e6
        click.echo(f"{entry.name} (registered {entry.added[:10]}): your own CTranslate2 folder, {size:.0f} MB, "
                   f"{len(entry.sha256)} files checksummed\n    {entry.language}; {state}")


@models_group.command("add")
@click.argument("name")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Point an already registered NAME at this folder.")
def add(name: str, path: Path, replace: bool) -> None:
    """Register a CTranslate2 Whisper folder you already have under NAME, for --model NAME.

    The folder is checked (its files, that faster-whisper loads it and decodes a second of audio) and
    the SHA-256 of every file is recorded; nothing is copied or downloaded. Dask workers find the model
    by the same name when they see the same folder (a shared file system) or have registered an
    identical copy themselves.

    Example:

        interviewer models add large-v3-turbo /data/models/faster-whisper-large-v3-turbo
    """
    from interviewer.transcribe import model_registry, models

    reserved = {entry.name for entry in models.catalogue()}
    try:
        entry = model_registry.add(name, path, reserved=reserved, replace=replace)
    except models.ModelError as error:
        raise UserError(str(error)) from None
    click.echo(f"Registered {entry.name}: {entry.path} ({entry.language}, {len(entry.sha256)} files checksummed). "
               f"Use it with --model {entry.name}.")


@models_group.command("remove")
@click.argument("name")
def remove(name: str) -> None:
    """Forget a registered model (its folder is left untouched).

    Example:

        interviewer models remove large-v3-turbo
    """
    from interviewer.transcribe import model_registry, models

    try:
        model_registry.remove(name)
    except models.ModelError as error:
        raise UserError(str(error)) from None
    click.echo(f"Removed {name} from the registered models; its folder was not touched.")


@models_group.command("check")
@click.argument("name", required=False)
def check(name: str | None) -> None:
    """Verify an installed or registered model's files against their recorded checksums.

    Example:

        interviewer models check tiny.en
    """
    from interviewer.transcribe import model_registry, models

    entries = {m.name: m for m in models.catalogue()}
    entry = entries.get(name or models.default_model_name())
    if entry is None:
        registered = _friendly(lambda: model_registry.find(name))
        if registered is None:
            known = list(entries) + [m.name for m in model_registry.registered()]
            raise UserError(f"Unknown model '{name}': use one of {', '.join(known)}.")
        problems = _friendly(lambda: model_registry.verify(registered))
        if problems:
            raise UserError(f"{registered.name} ({registered.path}): " + "; ".join(problems)
                            + f". Restore the folder, or register it again with 'interviewer models add "
                            f"{registered.name} {registered.path} --replace'.")
        click.echo(f"{registered.name}: all {len(registered.sha256)} files match their checksums.")
        return
    try:
        problems = models.verify(entry)
    except models.ModelError as error:
        raise UserError(str(error)) from None
    if problems:
        raise UserError(f"{entry.name}: " + "; ".join(problems) + f". Reinstall with: {entry.install}")
    click.echo(f"{entry.name}: all files match their checksums.")


def _friendly(action):
    from interviewer.transcribe.models import ModelError

    try:
        return action()
    except ModelError as error:
        raise UserError(str(error)) from None


COMMANDS = [models_group]
