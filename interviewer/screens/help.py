"""Provides the help screen: every key of the interview screen and what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
[b]During the interview[/b]
  Enter / →  asked: tick the question and go to the next open one
  ← / b      back to the item before        s  skip the item (not asked)
  1 … 9      the probe with that number was used
  g          go to any item (semi-structured interviews wander)
  n          type a note (Enter saves, Esc cancels), stamped with the time
  m          put a marker at this moment
  p / space  pause or resume the recording
  t          show or hide the live draft of what is being said
  c / C      confirm / clear the newest prompt the assistant heard covered
             (≈ on the item card: a suggestion; ✓ once you confirm it)
  d          continue on another input (after an input was lost)
  x          stop the interview (asks first)

[b]On the home screen[/b]
  n  new interview      r  resume an interrupted one
  f  finish an interrupted one without resuming it
  t  transcribe and anonymise the selected interview, in the background
  v  review its anonymisation
  e  edit its transcript: play a turn (space), correct text (e), speaker
     (s, S swap, R rename) and item (i); u goes to the next unsure word,
     c to the moment a prompt was heard covered

[b]Everywhere[/b]
  Ctrl+T  light / dark theme    ?  help    Esc  close    Ctrl+Q  quit

Every action is saved to the study's timeline at once, with its place in
the recording. After a crash, select the interview on the home screen and
press r: it continues at the same question, in a new recording part.

After x, the live draft is kept and the transcript is made by a final pass
over the whole recording, in the background: go on with the next interview
or quit; an unfinished pass resumes when interviewer starts again.
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
