"""Provides helpers shared by the CLI modules: the --study option, opening a study (its passphrase prompt) and
error reporting."""

from __future__ import annotations

import functools
import sys
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


def ask_study_passphrase(label: str | None = None):
    """A prompt function for the study passphrase: asks only on a terminal; a new one is typed twice."""

    def ask(new: bool = False) -> str:
        if not sys.stdin.isatty():
            return ""
        text = label or ("Choose a passphrase for the new encrypted study (at least 8 characters)" if new
                         else "Study passphrase")
        return click.prompt(text, hide_input=True, confirmation_prompt=new, default="", show_default=False, err=True)

    return ask


def open_study(study: str | None, create: bool = False):
    """Open the chosen study (asking for its passphrase on a terminal when the environment has none), turning a
    missing, locked or unreadable study into a clear user error."""
    from interviewer.store import Study, StoreError

    try:
        return Study.open(study, create=create, passphrase=ask_study_passphrase())
    except StoreError as error:
        raise UserError(str(error)) from None
