"""Provides the add-schedule form: a modal that checks a schedule file, keeps it in the study and returns its id, or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class AddScheduleScreen(ModalScreen[str | None]):
    """The file is validated first; every problem is listed with its line, and nothing is kept until it passes."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    AddScheduleScreen { align: center middle; }
    AddScheduleScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 90%; border: round $accent; background: $surface;
        padding: 0 1;
    }
    AddScheduleScreen #problems { height: auto; max-height: 14; margin-top: 1; }
    AddScheduleScreen #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    AddScheduleScreen Button { margin-left: 2; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(" Add your own schedule to this study (Enter adds, Esc cancels)")
            yield Input(placeholder="path to a schedule .yaml file, e.g. ~/my-schedule.yaml", id="path", compact=True)
            with VerticalScroll(id="problems"):
                yield Static(id="problem")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Add schedule", id="add", variant="success", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_add()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self.action_add()
        else:
            self.dismiss(None)

    def action_add(self) -> None:
        from interviewer.schedule import ScheduleError
        from interviewer.schedule.study import ScheduleConflict, add_schedule

        path = self.query_one("#path", Input).value.strip()
        if not path:
            self._problem("Give the path of a schedule file (see schedules/README.md for the format).")
            return
        try:
            kept = add_schedule(self.app.study, path)
        except ScheduleError as error:
            self._problem(f"{error}\nFix these lines and add the file again.")
        except ScheduleConflict as error:
            self._problem(str(error))
        except OSError as error:
            self._problem(f"Cannot read {path}: {error.strerror or error}")
        else:
            self.dismiss(kept.id)

    def _problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(Text(message, style="bold red"))
