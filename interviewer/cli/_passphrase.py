"""Provides the CLI's passphrase prompt for the re-identification key (hidden input; the environment wins); the
study passphrase's prompt is `_common.ask_study_passphrase`."""

from __future__ import annotations

import sys

import click


def ask_passphrase(label: str | None = None):
    """A prompt function for the domain: asks only when needed and only on a terminal; a new key's
    passphrase is typed twice."""

    def ask(new: bool = False) -> str:
        if not sys.stdin.isatty():
            return ""
        text = label or ("Choose a passphrase for the study's new re-identification key" if new
                         else "Passphrase for the study's re-identification key")
        return click.prompt(text, hide_input=True, confirmation_prompt=new, default="", show_default=False, err=True)

    return ask


def key_errors(action):
    """Run an action, turning key, store and export refusals into clear CLI errors."""
    from interviewer.cli._common import UserError
    from interviewer.export.document import ExportRefused
    from interviewer.store import StoreError

    try:
        return action()
    except (StoreError, ExportRefused) as error:
        raise UserError(str(error)) from None
