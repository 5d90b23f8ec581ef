"""Provides the review screen: an interview's detections in context, least certain first, and a second queue of
possible misses (identifiers the anonymiser suggests it left in the text), riskiest first, decided by key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from interviewer.review import misses
from interviewer.review import redactions as review
from interviewer.export.document import timestamp
from interviewer.anonymise.study.keyfile import PassphraseNeeded, WrongPassphrase
from interviewer.store import StoreError

MARKS = {"proposed": " ", "accepted": "✓", "added": "+", "rejected": "✗", "open": " ", "dismissed": "✗"}


class ReviewScreen(Screen):
    """Accept, reject, widen, narrow or add detections of one interview; p switches to the possible misses, where
    a accepts (redacts, asking the type) and x dismisses; d marks the interview reviewed."""

    BINDINGS = [
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("R", "reject(True)", "Reject+allow", show=False),
        Binding("w", "widen('right')", "Widen"),
        Binding("n", "narrow('right')", "Narrow"),
        Binding("W", "widen('left')", "Widen left", show=False),
        Binding("N", "narrow('left')", "Narrow left", show=False),
        Binding("m", "missed", "Add missed"),
        Binding("p", "switch_queue", "Possible misses"),
        Binding("x", "dismiss_miss", "Dismiss miss", show=False),
        Binding("enter", "jump", "Jump"),
        Binding("d", "done", "Done"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    ReviewScreen #detections { height: 2fr; }
    ReviewScreen #misses { height: 1fr; }
    ReviewScreen #misses-title { height: 1; padding: 0 1; background: $boost; }
    ReviewScreen #context { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; }
    ReviewScreen #entry { display: none; }
    ReviewScreen #entry.shown { display: block; }
    """

    def __init__(self, interview_id: int):
        super().__init__()
        self.interview_id = interview_id
        self.passphrase: str | None = None
        self._pending = None
        self._entry_mode = ""
        self._miss: misses.MissItem | None = None
        self._return_to = "#detections"
        self.misses: list[misses.MissItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield DataTable(id="detections", cursor_type="row", zebra_stripes=True)
            yield Static("Possible misses (p switches queue · a accept · x dismiss)", id="misses-title")
            yield DataTable(id="misses", cursor_type="row", zebra_stripes=True)
            yield Static(id="context")
            yield Input(id="entry")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"Review interview #{self.interview_id}"
        table = self.query_one("#detections", DataTable)
        table.add_columns(" ", "Score", "Type", "Placeholder", "In context")
        self.query_one("#misses", DataTable).add_columns(" ", "Risk", "Type", "Reason", "In context")
        self.refresh_items()
        table.focus()

    # -- showing -----------------------------------------------------------------------------------------

    def refresh_items(self, keep: int | None = None) -> None:
        """Reload the detections; the cursor stays on `keep`, else goes to the next undecided one."""
        table = self.query_one("#detections", DataTable)
        row = table.cursor_row
        table.clear()
        self.items = review.items(self.app.study, self.interview_id, context=40)
        for entry in self.items:
            context = Text(entry.before.replace("\n", " "))
            context.append(entry.text, style="bold reverse")
            context.append(entry.after.replace("\n", " "))
            table.add_row(MARKS.get(entry.status, "?"), f"{entry.score:.2f}", entry.entity_type, entry.placeholder,
                          context, key=str(entry.id))
        undecided = [i for i, e in enumerate(self.items) if not e.decided]
        if keep is not None and any(e.id == keep for e in self.items):
            table.move_cursor(row=next(i for i, e in enumerate(self.items) if e.id == keep))
        elif undecided:
            table.move_cursor(row=undecided[0])
        elif self.items:
            table.move_cursor(row=min(row or 0, len(self.items) - 1))
        self.refresh_misses()
        self.show_selected()

    def refresh_misses(self) -> None:
        table = self.query_one("#misses", DataTable)
        row = table.cursor_row
        table.clear()
        self.misses = misses.items(self.app.study, self.interview_id, context=40)
        for entry in self.misses:
            context = Text(entry.before.replace("\n", " "))
            context.append(entry.text, style="bold reverse")
            context.append(entry.after.replace("\n", " "))
            table.add_row(MARKS.get(entry.status, "?"), f"{entry.risk:.2f}", entry.entity_type, entry.reason, context,
                          key=f"m{entry.id}")
        if self.misses:
            table.move_cursor(row=min(row or 0, len(self.misses) - 1))
        self.query_one("#misses-title", Static).update(
            f"Possible misses: {misses.open_count(self.app.study, self.interview_id)} open "
            "(p switches queue · a accept · x dismiss)")

    def in_misses(self) -> bool:
        return self.query_one("#misses", DataTable).has_focus

    def selected_miss(self) -> misses.MissItem | None:
        table = self.query_one("#misses", DataTable)
        if not self.misses or table.cursor_row is None:
            return None
        return self.misses[min(table.cursor_row, len(self.misses) - 1)]

    def selected(self) -> review.ReviewItem | None:
        table = self.query_one("#detections", DataTable)
        if not self.items or table.cursor_row is None:
            return None
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def show_selected(self, whole_segment: bool = False) -> None:
        entry = self.selected()
        left = review.undecided(self.app.study, self.interview_id)
        status = self.app.study.interview(self.interview_id).status
        footer = f"{left} undecided · interview is {status}" + (" · press d to mark it reviewed" if not left and
                                                                   status != "reviewed" else "")
        if self.in_misses():
            self._show_miss(self.selected_miss(), footer)
            return
        if entry is None:
            self.query_one("#context", Static).update(f"No detections. {footer}")
            return
        if whole_segment:
            entry = review.item(self.app.study, entry.id, context=10_000)
        text = Text()
        text.append(f"[{timestamp(entry.at)}] {entry.speaker or 'Speaker'}: ", style="dim")
        text.append(entry.before)
        text.append(entry.text, style="bold reverse")
        text.append(entry.after)
        text.append(f"\n{entry.entity_type} → {entry.placeholder} · {entry.reason} · score {entry.score:.2f}"
                    f" · {entry.status}\n{footer}", style="dim")
        self.query_one("#context", Static).update(text)

    def _show_miss(self, entry: misses.MissItem | None, footer: str) -> None:
        if entry is None:
            self.query_one("#context", Static).update(f"No possible misses. {footer}")
            return
        text = Text()
        text.append(f"[{timestamp(entry.at)}] {entry.speaker or 'Speaker'}: ", style="dim")
        text.append(entry.before)
        text.append(entry.text, style="bold reverse")
        text.append(entry.after)
        text.append(f"\npossible {entry.entity_type} · {entry.reason} · risk {entry.risk:.2f} · {entry.status}\n{footer}",
                    style="dim")
        self.query_one("#context", Static).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_selected()

    def action_switch_queue(self) -> None:
        target = "#detections" if self.in_misses() else "#misses"
        self.query_one(target, DataTable).focus()
        self.show_selected()

    def action_dismiss_miss(self) -> None:
        entry = self.selected_miss() if self.in_misses() else None
        if entry:
            self._decide(lambda: misses.dismiss(self.app.study, entry.id))

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_jump()

    # -- deciding ----------------------------------------------------------------------------------------

    def _decide(self, action, keep: int | None = None) -> None:
        """Run a decision; ask for the key's passphrase when it needs one, then run it again."""
        try:
            action()
        except PassphraseNeeded:
            self._pending = (action, keep)
            self._return_to = "#misses" if self.in_misses() or self._entry_mode == "miss-type" else "#detections"
            self._ask("passphrase", "Passphrase for the re-identification key, then Enter (Esc cancels)", password=True)
            return
        except WrongPassphrase as error:
            self.passphrase = None
            self.notify(str(error), severity="error")
            return
        except StoreError as error:
            self.notify(str(error), severity="warning")
            return
        self.refresh_items(keep)

    def _ask(self, mode: str, prompt: str, password: bool = False) -> None:
        entry = self.query_one("#entry", Input)
        self._entry_mode = mode
        entry.password = password
        entry.placeholder = prompt
        entry.value = ""
        entry.add_class("shown")
        entry.focus()

    def action_accept(self) -> None:
        if self.in_misses():
            miss = self.selected_miss()
            if miss:
                self._miss = miss
                self._ask("miss-type", f"Redact as which type? Enter keeps {miss.entity_type} (PERSON, LOCATION, "
                                       "ORGANIZATION, DATE, OTHER …); Esc cancels")
            return
        entry = self.selected()
        if entry:
            self._decide(lambda: review.accept(self.app.study, entry.id, self.passphrase))

    def action_reject(self, allow: bool = False) -> None:
        if self.in_misses():
            self.action_dismiss_miss()
            return
        entry = self.selected()
        if entry:
            self._decide(lambda: review.reject(self.app.study, entry.id, allow=allow, passphrase=self.passphrase))

    def action_widen(self, side: str) -> None:
        entry = self.selected()
        if entry:
            self._decide(lambda: review.widen(self.app.study, entry.id, side, self.passphrase), keep=entry.id)

    def action_narrow(self, side: str) -> None:
        entry = self.selected()
        if entry:
            self._decide(lambda: review.narrow(self.app.study, entry.id, side, self.passphrase), keep=entry.id)

    def action_missed(self) -> None:
        self._ask("missed", "Missed identifier as written, e.g. Greyfriars or HOSPITAL: Greyfriars (PERSON if no "
                            "type; end with ! to deny it study-wide)")

    def action_jump(self) -> None:
        self.show_selected(whole_segment=True)

    def action_done(self) -> None:
        def finish() -> None:
            review.finish(self.app.study, self.interview_id)
            self.notify(f"Interview #{self.interview_id} is reviewed.")

        self._decide(finish)

    def action_back(self) -> None:
        entry = self.query_one("#entry", Input)
        if entry.has_class("shown"):
            entry.remove_class("shown")
            self.query_one("#misses" if self._entry_mode == "miss-type" else "#detections", DataTable).focus()
            return
        self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.remove_class("shown")
        value = event.value.strip()
        if self._entry_mode == "miss-type":
            self.query_one("#misses", DataTable).focus()
            miss, kind = self._miss, (value.upper() or None)
            self._decide(lambda: misses.accept(self.app.study, miss.id, kind, passphrase=self.passphrase))
            return
        self.query_one("#detections", DataTable).focus()
        if not value:
            return
        if self._entry_mode == "passphrase":
            self.query_one(self._return_to, DataTable).focus()
            self.passphrase = value
            if self._pending:
                action, keep = self._pending
                self._pending = None
                self._decide(action, keep)
            return
        deny = value.endswith("!")
        value = value.rstrip("!").strip()
        entity_type, _, term = value.partition(":")
        if not term or not entity_type.strip().isupper():
            entity_type, term = "PERSON", value
        self._decide(lambda: review.add_missed(self.app.study, self.interview_id, term.strip(), entity_type.strip(),
                                               deny=deny, passphrase=self.passphrase))
