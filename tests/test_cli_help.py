"""Tests that every command is documented with help text and an example, as users learn from --help."""

from __future__ import annotations

import click
import pytest

from interviewer.cli import main


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from all_commands(command, path)


@pytest.mark.parametrize("path, command", list(all_commands(main)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_with_an_example(path, command):
    assert command.help, f"'interviewer {' '.join(path)}' has no help text"
    assert "Example" in command.help, f"'interviewer {' '.join(path)}' has no example in its help"


def test_help_does_not_import_heavy_libraries():
    import subprocess
    import sys

    code = ("import sys; from interviewer.cli import main; "
            "heavy = [m for m in ('faster_whisper', 'ctranslate2', 'presidio_analyzer', 'spacy', 'textual', 'torch') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
