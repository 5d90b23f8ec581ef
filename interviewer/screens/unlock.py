"""Provides the screen that asks for the study passphrase at start (typed twice for a new study) and unlocks it."""

from __future__ import annotations

from typing import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from interviewer.store import StoreError, Study


class UnlockScreen(ModalScreen[Study]):
    """Asks for the passphrase and returns the unlocked Study; a wrong passphrase is said and asked again."""

    BINDINGS = [Binding("escape", "app.quit", "Quit")]

    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    UnlockScreen > Vertical {
        width: 70; max-width: 100%; height: auto; border: thick $primary; background: $surface; padding: 1 2;
    }
    UnlockScreen Input { margin-top: 1; }
    UnlockScreen #error { color: $error; margin-top: 1; height: auto; }
    """

    def __init__(self, where: str, unlock: Callable[[str], Study], *, new: bool = False):
        super().__init__()
        self.where = where
        self.unlock = unlock
        self.new = new
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.new:
                yield Static(f"Choose a passphrase for the new study in {self.where}.\nIts database and recordings "
                             "are encrypted with it; without it the study cannot be opened, so keep it safe "
                             "(at least 8 characters).")
            else:
                yield Static(f"The study in {self.where} is encrypted.\nType its passphrase, then Enter "
                             "(Esc quits).")
            yield Input(password=True, placeholder="Study passphrase", id="passphrase")
            if self.new:
                yield Input(password=True, placeholder="The same passphrase again", id="again")
            yield Static("", id="error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        first = self.query_one("#passphrase", Input)
        if self.new and event.input is first:
            self.query_one("#again", Input).focus()
            return
        if self.busy or not first.value:
            return
        if self.new and self.query_one("#again", Input).value != first.value:
            self._show_error("The two passphrases differ; type them again.")
            return
        self.busy = True
        self.query_one("#error", Static).update("Unlocking…")
        self._unlock(first.value)

    @work(thread=True, exclusive=True, group="unlock")
    def _unlock(self, passphrase: str) -> None:
        try:
            study = self.unlock(passphrase)
        except StoreError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self.dismiss, study)

    def _show_error(self, message: str) -> None:
        self.busy = False
        self.query_one("#error", Static).update(message)
        for field in self.query(Input):
            field.value = ""
        self.query_one("#passphrase", Input).focus()
