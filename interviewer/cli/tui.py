"""Provides the interview screen entry point: `interviewer` with no command opens the Textual app."""

from __future__ import annotations

COMMANDS: list = []


def open_app(study: str | None) -> None:
    """Open the app on a study (the default study is created on first use). An encrypted study opens with
    $INTERVIEWER_STUDY_PASSPHRASE or an earlier unlock in this process; otherwise the app asks for it at start."""
    from interviewer.cli._common import UserError
    from interviewer.store import Study, StoreError, StudyLocked

    try:
        opened: Study | str | None = Study.open(study, create=study is None)
    except StudyLocked:
        opened = study
    except StoreError as error:
        raise UserError(str(error)) from None
    from interviewer.app import make_app

    try:
        app = make_app(opened)
    except StoreError as error:
        raise UserError(str(error)) from None
    app.run()
