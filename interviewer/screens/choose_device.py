"""Provides the input-device chooser used to resume an interview or continue after a device was lost."""

from __future__ import annotations

from interviewer.audio.capture import CALL_DEVICE as CALL
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChooseDeviceScreen(ModalScreen[object]):
    """Returns the chosen device index, or None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    ChooseDeviceScreen { align: center middle; }
    ChooseDeviceScreen > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 90%; border: round $accent; background: $surface;
    }
    ChooseDeviceScreen OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, title: str = "Record from which input?"):
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f" {self.title_text} (Enter chooses, Esc cancels)")
            yield OptionList(id="devices")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        try:
            devices, error = self.app.config.audio.input_devices(), None
        except Exception as problem:  # RecorderError: no PortAudio, no devices
            devices, error = [], str(problem)
        call_input = self.app.config.audio.call_input()
        self.app.call_from_thread(self._show, devices, error, call_input)

    def _show(self, devices, error, call_input=None) -> None:
        options = self.query_one(OptionList)
        call_ready = call_input is not None and call_input.available
        if (error or not devices) and not call_ready:
            options.add_option(Option(error or "No input device found.", disabled=True))
            return
        options.add_options([Option(f"{d.name} ({d.hostapi})" + ("  [default]" if d.is_default else ""),
                                    id=str(d.index)) for d in devices])
        if call_input is not None:
            options.add_option(Option("Call on this computer: microphone + call audio" if call_ready else
                                      f"Call on this computer: unavailable ({call_input.reason})",
                                      id=CALL, disabled=not call_ready))
        options.highlighted = next((n for n, d in enumerate(devices) if d.is_default), 0)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(CALL if event.option.id == CALL else int(event.option.id))
