"""Provides the chat message that presents a schedule item: question, NPT constructs, prompts, numbered probes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interviewer.schedule import npt
from interviewer.schedule import Item
from interviewer.widgets.reply import clock_text


def construct_labels(codes) -> str:
    labels = []
    for code in codes:
        try:
            labels.append(npt.label(code))
        except KeyError:
            labels.append(code)
    return "; ".join(labels)


SUGGESTED_STYLE = "italic dark_orange3"
"""The assistant's suggestion that a prompt was covered: never the interviewer's own tick."""


class ItemCard(Static):
    """One schedule item as the guide's message; probes already used are ticked, prompts the participant
    covered are marked (≈ suggested by the assistant, ✓ confirmed by the interviewer)."""

    DEFAULT_CSS = """
    ItemCard {
        background: $boost;
        border-left: thick $accent;
        padding: 0 1;
        margin: 1 4 0 0;
        height: auto;
    }
    ItemCard.-done { border-left: thick $success; }
    """

    def __init__(self, item: Item, section_title: str, used: set[int] | None = None,
                 prompts: dict[int, tuple[str, float]] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.item = item
        self.section_title = section_title
        self.used: set[int] = set(used or ())
        self.prompt_states: dict[int, tuple[str, float]] = dict(prompts or {})
        """0-based prompt index -> (state, interview seconds when it was said)."""

    def on_mount(self) -> None:
        self.update(self.compose_text())

    def mark_probe(self, number: int) -> None:
        self.used.add(number)
        self.update(self.compose_text())

    def mark_prompt(self, index: int, state: str, seconds: float) -> None:
        """Show a prompt as `suggested`, `confirmed` or `cleared`, said `seconds` into the interview."""
        self.prompt_states[index] = (state, seconds)
        self.update(self.compose_text())

    def compose_text(self) -> Text:
        item = self.item
        text = Text()
        text.append(f"{self.section_title}\n", style="dim")
        text.append(item.question, style="bold")
        if item.constructs:
            text.append(f"\nNPT: {construct_labels(item.constructs)}", style="italic dim")
        for index, prompt in enumerate(item.prompts):
            state, seconds = self.prompt_states.get(index, ("", 0.0))
            if state == "suggested":
                text.append("\n ≈ ", style=f"bold {SUGGESTED_STYLE}")
                text.append(prompt, style=SUGGESTED_STYLE)
                text.append(f"  heard {clock_text(seconds)}", style="dim")
            elif state == "confirmed":
                text.append("\n ✓ ", style="bold reverse")
                text.append(f" {prompt}", style="dim")
            else:
                text.append(f"\n  • {prompt}")
        for number, probe in enumerate(item.probes, 1):
            mark = "✓" if number in self.used else " "
            text.append(f"\n {mark} {number} ", style="bold reverse" if number in self.used else "bold")
            text.append(f" {probe}", style="dim" if number in self.used else "")
        return text
