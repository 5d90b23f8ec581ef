"""Provides helpers shared by the CLI modules: the --study option and error reporting."""

from __future__ import annotations

import functools
from typing import Callable

import click


class UserError(click.ClickException):
    """An error the user can fix; printed without a traceback, exit status 1."""


def study_option(command: Callable) -> Callable:
    """Add `--study NAME|PATH` to a command; falls back to the group's --study or the default study."""

    @click.option("--study", "study_override", default=None, help="Study name or folder (overrides the global --study).")
    @click.pass_context
    @functools.wraps(command)
    def wrapper(ctx: click.Context, *args, study_override: str | None = None, **kwargs):
        chosen = study_override or (ctx.obj or {}).get("study")
        return ctx.invoke(command, *args, study=chosen, **kwargs)

    return wrapper


def open_study(study: str | None, create: bool = False):
    """Open the chosen study, turning a missing study into a clear user error."""
    from interviewer.store import Study, StoreError

    try:
        return Study.open(study, create=create)
    except StoreError as error:
        raise UserError(str(error)) from None
