"""Provides the help screen: every key of the interview screen and what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
[b]During the interview[/b]
  Enter / →   the current question was asked: tick it and go to the next open one
  ← / b       back to the item before
  s           skip the current item (not asked)
  1 … 9       the probe with that number was used
  g           go to any item (semi-structured interviews wander)
  n           type a note (Enter saves it, Esc cancels); stamped with the recording time
  m           put a marker at this moment
  p / space   pause or resume the recording
  d           continue on another input device (after a device was lost)
  x           stop the interview (asks first)

[b]Everywhere[/b]
  Ctrl+T      light / dark theme        ?  this help        Esc  close

Every action is saved to the study's timeline at once, with its place in the
recording. If the program is closed or crashes, select the interview on the
home screen and press r: it continues at the same question in a new part.
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(HELP)
