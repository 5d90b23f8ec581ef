"""Provides the chat message that presents a schedule item: question, NPT constructs, prompts, numbered probes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interviewer.schedule import npt
from interviewer.schedule import Item


def construct_labels(codes) -> str:
    labels = []
    for code in codes:
        try:
            labels.append(npt.label(code))
        except KeyError:
            labels.append(code)
    return "; ".join(labels)


class ItemCard(Static):
    """One schedule item as the guide's message; probes already used are ticked."""

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

    def __init__(self, item: Item, section_title: str, used: set[int] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.item = item
        self.section_title = section_title
        self.used: set[int] = set(used or ())

    def on_mount(self) -> None:
        self.update(self.compose_text())

    def mark_probe(self, number: int) -> None:
        self.used.add(number)
        self.update(self.compose_text())

    def compose_text(self) -> Text:
        item = self.item
        text = Text()
        text.append(f"{self.section_title}\n", style="dim")
        text.append(item.question, style="bold")
        if item.constructs:
            text.append(f"\nNPT: {construct_labels(item.constructs)}", style="italic dim")
        for prompt in item.prompts:
            text.append(f"\n  • {prompt}")
        for number, probe in enumerate(item.probes, 1):
            mark = "✓" if number in self.used else " "
            text.append(f"\n {mark} {number} ", style="bold reverse" if number in self.used else "bold")
            text.append(f" {probe}", style="dim" if number in self.used else "")
        return text
