"""Provides the `interviewer` command: a thin click group whose subcommands live one module each here.

Each module in this package exposes `COMMANDS`, a list of click commands or groups; they are found
and registered at start-up. Modules import heavy libraries (faster-whisper, Presidio, Textual) inside
the command bodies so that `interviewer --help` and the interview screen start fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from interviewer import __version__


class InterviewerGroup(click.Group):
    """The command group; a study database that turns out damaged mid-command gives a clear error, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as error:
            from interviewer.store.connection import database_errors, last_opened, unreadable

            if isinstance(error, database_errors()) and last_opened() is not None:
                from interviewer.cli._common import UserError

                raise UserError(str(unreadable(last_opened(), error))) from None
            raise


@click.group(cls=InterviewerGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="interviewer")
@click.option(
    "--study",
    "study",
    envvar="INTERVIEWER_STUDY",
    default=None,
    help="Study name (kept in the data folder) or path to a study folder. Default: 'default'.",
)
@click.pass_context
def main(ctx: click.Context, study: str | None) -> None:
    """Offline interview assistant and transcript processor.

    With no command, opens the interview screen.

    Example:

        interviewer --study my-study participant list
    """
    ctx.ensure_object(dict)
    ctx.obj["study"] = study
    if ctx.invoked_subcommand is None:
        from interviewer.cli.tui import open_app

        open_app(study)


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register_commands()
