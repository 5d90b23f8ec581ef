"""Provides the add-participant form: a modal that files a new participant and returns their code, or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

FIELDS = (
    ("code", "Code", "pseudonymous code, e.g. KI-08"),
    ("role", "Role", "e.g. Care coordinator"),
    ("gender", "Gender", "as reported in the sample table"),
    ("sector", "Sector", "e.g. NHS, Academia, Third sector"),
    ("name", "Real name", "kept in the study only; always anonymised"),
    ("workplace", "Workplace", "kept in the study only; always anonymised"),
)


class AddParticipantScreen(ModalScreen[str | None]):
    """Only the code is required; the real name and workplace join the study's known identifiers."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel"), Binding("ctrl+s", "save", "Add")]

    DEFAULT_CSS = """
    AddParticipantScreen { align: center middle; }
    AddParticipantScreen > Vertical {
        width: 72; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    AddParticipantScreen Horizontal { height: auto; }
    AddParticipantScreen Label { width: 12; padding-top: 0; }
    AddParticipantScreen Input { width: 1fr; }
    AddParticipantScreen #problem { height: auto; margin: 1 0 0 0; }
    AddParticipantScreen #buttons { align-horizontal: right; margin-top: 1; }
    AddParticipantScreen Button { margin-left: 2; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(" New participant (Ctrl+S adds, Esc cancels)")
            for field, label, hint in FIELDS:
                with Horizontal():
                    yield Label(label)
                    yield Input(placeholder=hint, id=field, compact=True)
            yield Static(id="problem")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Add participant", id="add", variant="success", compact=True)

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == FIELDS[-1][0]:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        from interviewer.store import StoreError

        values = {field: self.query_one(f"#{field}", Input).value.strip() for field, _, _ in FIELDS}
        code = values.pop("code")
        if not code:
            self._problem("Give the participant a code, such as KI-08.")
            return
        try:
            self.app.study.add_participant(code, **{key: value for key, value in values.items() if value})
        except StoreError as error:
            self._problem(str(error))
            return
        self.dismiss(code)

    def _problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(Text(message, style="bold red"))
        self.query_one("#code", Input).focus()
