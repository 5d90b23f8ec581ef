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


def progress_bar(label: str):
    """A click progress bar driven by (done, total) seconds callbacks; silent when not on a terminal."""
    state = {"bar": None, "shown": 0}

    def update(done: float, total: float) -> None:
        if not sys.stderr.isatty() or total <= 0:
            return
        if state["bar"] is None:
            state["bar"] = click.progressbar(length=int(total), label=label, file=sys.stderr)
            state["bar"].__enter__()
        step = int(done) - state["shown"]
        if step > 0:
            state["bar"].update(step)
            state["shown"] += step
        if done >= total:
            state["bar"].__exit__(None, None, None)

    return update


def friendly_errors(action):
    """Run a pipeline step, turning the domain's expected errors into clear CLI errors."""
    from interviewer.audio.probe import AudioError
    from interviewer.export.document import ExportRefused
    from interviewer.transcribe.models import ModelError
    from interviewer.schedule import ScheduleError
    from interviewer.store import StoreError
    from interviewer.schedule.study import ScheduleConflict

    try:
        return action()
    except (AudioError, StoreError, ModelError, ExportRefused, ScheduleError, ScheduleConflict) as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"{error.filename or ''} {error.strerror or error}".strip()) from None
