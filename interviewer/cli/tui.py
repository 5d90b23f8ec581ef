"""Provides the interview screen entry point: `interviewer` with no command opens the Textual app."""

from __future__ import annotations

COMMANDS: list = []


def open_app(study: str | None) -> None:
    """Open the app on a study (the default study is created on first use)."""
    from interviewer.cli._common import UserError
    from interviewer.store import Study, StoreError

    try:
        opened = Study.open(study, create=study is None)
    except StoreError as error:
        raise UserError(str(error)) from None
    from interviewer.app import make_app

    make_app(opened).run()
