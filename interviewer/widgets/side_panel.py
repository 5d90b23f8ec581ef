"""Provides the interview side panel: recording state and level, time against plan, sections, NPT coverage."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interviewer.schedule import npt
from interviewer.interview.session import InterviewSession
from interviewer.widgets.level_meter import LevelMeter
from interviewer.widgets.reply import clock_text


def _lines_unwrapped(plain: str, width: int) -> int | None:
    """How many lines a text takes when none of them wraps at `width`; None when one may wrap."""
    lines = plain.split("\n")
    if not plain or width <= 0 or any(cell_len(line) > width for line in lines):
        return None
    return len(lines)


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f}"


class SidePanel(VerticalScroll):
    """Refreshed by the interview screen a few times a second; reads only what it is given."""

    DEFAULT_CSS = """
    SidePanel {
        width: 30;
        border-left: solid $primary;
        padding: 0 1;
        background: $panel;
    }
    SidePanel .heading { text-style: bold; color: $accent; margin-top: 1; }
    SidePanel #recording { height: auto; }
    """

    can_focus = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._shown: dict[str, tuple] = {}

    def _set(self, widget_id: str, text: Text) -> None:
        # An update that may change a widget's size lays out the whole screen, chat included: skip unchanged
        # text, and repaint without layout when the text keeps its shape (most ticks change only the clock).
        key = (text.plain, tuple(text.spans), str(text.style))
        before = self._shown.get(widget_id)
        if before == key:
            return
        self._shown[widget_id] = key
        widget = self.query_one(f"#{widget_id}", Static)
        width = widget.content_size.width
        shape = _lines_unwrapped(text.plain, width)
        same_shape = shape is not None and before is not None and shape == _lines_unwrapped(before[0], width)
        widget.update(text, layout=not same_shape)

    def compose(self) -> ComposeResult:
        yield Static(id="recording")
        yield LevelMeter(id="level")
        call_meter = LevelMeter(id="level-call")
        call_meter.display = False  # shown only when recording a call on this computer
        yield call_meter
        yield Static(id="disk")
        yield Static(id="live")  # shown only while live transcription runs
        yield Static("Sections", classes="heading")
        yield Static(id="sections")
        yield Static("NPT covered", classes="heading")
        yield Static(id="constructs")
        yield Static("Prompts heard", classes="heading", id="heard-heading")
        yield Static(id="heard")

    def show(self, session: InterviewSession, *, state: str, offset: float, part: int, dbfs: float,
             disk_seconds: float | None, live_text: str = "", call_dbfs: float | None = None) -> None:
        """`call_dbfs` is the call side's level when a call on this computer is recorded (`dbfs` is then the
        microphone's)."""
        marks = {"recording": ("● REC", "bold red"), "paused": ("⏸ PAUSED", "bold dark_orange3"),
                 "starting": ("… starting", "dark_orange3"), "stopped": ("■ stopped", "dim")}
        label, style = marks.get(state, (f"! {state}", "bold red"))
        elapsed = session.elapsed(offset)
        planned = session.schedule.planned_minutes * 60
        self._set("recording", Text.assemble(
            (label, style), f"  part {max(part, 1)}\n",
            ("Total ", "dim"), f"{clock_text(elapsed)} / {clock_text(planned)}"))
        meter = self.query_one("#level", LevelMeter)
        meter.dbfs, meter.active = dbfs, state == "recording"
        call_meter = self.query_one("#level-call", LevelMeter)
        if call_meter.display != (call_dbfs is not None):
            call_meter.display = call_dbfs is not None
            meter.label = "Mic" if call_dbfs is not None else ""
            call_meter.label = "Call"
        if call_dbfs is not None:
            call_meter.dbfs, call_meter.active = call_dbfs, state == "recording"
        disk = "" if disk_seconds is None else f"Disk: {disk_seconds / 3600:.1f} h left"
        self._set("disk", Text(disk, style="red" if disk_seconds and disk_seconds < 3600 else "dim"))
        self._set("live", Text(live_text, style="dark_orange3" if live_text.endswith("off") else "dim"))
        live = self.query_one("#live", Static)
        if live.display != bool(live_text):
            live.display = bool(live_text)
        self._set("sections", self._sections(session, offset))
        self._set("constructs", self._constructs(session))
        heard = self._heard(session)
        self._set("heard", heard)
        for widget_id in ("heard-heading", "heard"):
            widget = self.query_one(f"#{widget_id}", Static)
            if widget.display != bool(heard.plain):
                widget.display = bool(heard.plain)

    @staticmethod
    def _sections(session: InterviewSession, offset: float) -> Text:
        spent = session.section_seconds(offset)
        current = session.schedule.section_of(session.current_id).id if session.current_id else None
        text = Text()
        for number, (section, (section_id, handled, total)) in enumerate(
                zip(session.schedule.sections, session.section_progress()), 1):
            mark = "▸" if section_id == current else ("✓" if handled == total else " ")
            over = spent.get(section_id, 0.0) > section.planned_minutes * 60 > 0
            line = Text(f"{mark}{number:>2} {handled}/{total} ")
            line.append(f"{_minutes(spent.get(section_id, 0.0)):>2}/{_minutes(section.planned_minutes * 60)}m",
                        style="red" if over else "")
            line.append(f" {section.title}"[:12], style="bold" if section_id == current else "dim")
            text.append_text(line)
            text.append("\n")
        text.rstrip()
        return text

    @staticmethod
    def _heard(session: InterviewSession) -> Text:
        """How many prompts the participant covered, and the suggestions awaiting a verdict (newest first)."""
        marks = session.prompt_marks
        if not marks:
            return Text()
        total = sum(len(item.prompts) for item in session.items)
        covered = sum(mark.covered for mark in marks.values())
        confirmed = sum(mark.state == "confirmed" for mark in marks.values())
        text = Text(f"{covered}/{total} covered, {confirmed} confirmed")
        pending = session.suggestions()
        for number, mark in enumerate(reversed(pending[-4:])):
            text.append("\n▸ " if number == 0 else "\n  ", style="bold")
            text.append(f"≈ {mark.prompt}"[:25], style=f"italic {'dark_orange3' if number == 0 else 'dim'}")
        if pending:
            text.append("\nc ✓ confirm  C ✗ clear", style="dim")
        return text

    @staticmethod
    def _constructs(session: InterviewSession) -> Text:
        covered = set(session.constructs_covered())
        planned = set(session.schedule.constructs_covered())
        text = Text()
        for construct in npt.CONSTRUCTS:
            codes = [f"{construct.id}/{sub}" for sub, _ in construct.sub_constructs]
            wanted = [code for code in codes if code in planned]
            if not wanted and construct.id not in planned:
                continue
            dots = "".join("●" if code in covered else "○" for code in wanted)
            text.append(f"{construct.name[:18]:<18} ", style="bold" if any(c in covered for c in codes) else "dim")
            text.append(f"{dots}\n")
        text.rstrip()
        return text
