"""Provides the transcript review screen: turn by turn, play a segment's audio, correct its text, speaker and item."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from interviewer.review import transcript as tr
from interviewer.export.document import timestamp
from interviewer.anonymise.study.keyfile import PassphraseNeeded, WrongPassphrase
from interviewer.audio.playback import Player, PlaybackError, segment_audio
from interviewer.store import Segment, StoreError

UNSURE_STYLE = "bold underline dark_orange"
CORRECTED = "✎"
NEW_SPEAKER = "\x00new"
NO_ITEM = "\x00none"


@dataclass
class PlaybackEnded(Message):
    """The segment's audio finished playing, or could not be played (`error`)."""

    error: str | None = None


@dataclass
class Reanonymised(Message):
    """Corrected segments were anonymised again (`added` new detections), or why not (`error`, `needs_passphrase`)."""

    added: int = 0
    error: str | None = None
    needs_passphrase: bool = False


def highlighted(segment: Segment, below: float = tr.UNSURE_BELOW, mark: int | None = None) -> Text:
    """The segment's text with the words the model was unsure of marked (and word number `mark` reversed)."""
    words = segment.words
    if not words or "".join(w.get("word", "") for w in words).strip() != segment.text:
        return Text(segment.text)
    text = Text()
    for index, word in enumerate(words):
        spelled = word.get("word", "")
        bare = spelled.lstrip()
        if text:
            text.append(spelled[:len(spelled) - len(bare)])
        probability = word.get("probability")
        unsure = probability is not None and probability < below and not word.get("corrected")
        style = UNSURE_STYLE if unsure else ""
        text.append(bare, style=f"{style} reverse".strip() if index == mark else style)
    return text


class TranscriptReviewScreen(Screen):
    """Check a transcript against its recording and correct who spoke, which item, and what was said."""

    BINDINGS = [
        Binding("space", "play", "Play"),
        Binding("e", "edit", "Edit"),
        Binding("s", "speaker", "Speaker"),
        Binding("S", "swap", "Swap"),
        Binding("R", "rename", "Rename"),
        Binding("i", "item", "Item"),
        Binding("u", "unsure", "Unsure"),
        Binding("c", "covered", "Prompts heard", show=False),
        Binding("j", "move(1)", "Move", key_display="j/k"),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("a", "reanonymise", "Anonymise again", show=False),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    TranscriptReviewScreen #turns { height: 1fr; }
    TranscriptReviewScreen #detail { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; }
    TranscriptReviewScreen #entry { display: none; }
    TranscriptReviewScreen #entry.shown { display: block; }
    """

    def __init__(self, interview_id: int, player: Player | None = None):
        super().__init__()
        self.interview_id = interview_id
        self.player = player or Player()
        self.segments: list[Segment] = []
        self.unsure_segment: int | None = None
        self.unsure_index: int | None = None
        """Which word of which segment `u` landed on, to show it in the detail."""
        self.passphrase: str | None = None
        self.anonymiser = None
        """The study's anonymiser, loaded on first need (slow) and kept for later corrections."""
        self._entry_mode = ""
        self._entry_segment: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield DataTable(id="turns", cursor_type="row", zebra_stripes=True)
            yield Static(id="detail")
            yield Input(id="entry")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = f"Transcript of interview #{self.interview_id}"
        table = self.query_one("#turns", DataTable)
        text_width = max(20, self.app.size.width - 8 - 12 - 14 - 8)
        table.add_column("Time", width=8)
        table.add_column("Speaker", width=12)
        table.add_column("Item", width=14)
        table.add_column("Text", width=text_width)
        self.refresh_turns()
        table.focus()

    def on_unmount(self) -> None:
        self.player.stop()

    # -- showing -----------------------------------------------------------------------------------------

    def refresh_turns(self, keep: int | None = None) -> None:
        """Reload the segments; the cursor stays on segment `keep` (else on the same row)."""
        table = self.query_one("#turns", DataTable)
        row = table.cursor_row or 0
        table.clear()
        self.segments = self.app.study.segments(self.interview_id)
        for segment in self.segments:
            speaker = (segment.speaker or "?") + (CORRECTED if segment.speaker_source == tr.REVIEW else "")
            item = (segment.item_id or "-") + (CORRECTED if segment.item_source == tr.REVIEW else "")
            text = highlighted(segment)
            if segment.original_text is not None:
                text = Text(CORRECTED + " ") + text
            table.add_row(timestamp(segment.start), speaker, item, text, key=str(segment.id))
        ids = [segment.id for segment in self.segments]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        elif self.segments:
            table.move_cursor(row=min(row, len(self.segments) - 1))
        self.show_selected()

    def selected(self) -> Segment | None:
        table = self.query_one("#turns", DataTable)
        if not self.segments or table.cursor_row is None:
            return None
        return self.segments[min(table.cursor_row, len(self.segments) - 1)]

    def show_selected(self) -> None:
        segment = self.selected()
        detail = self.query_one("#detail", Static)
        if segment is None:
            detail.update("No transcript yet: transcribe the interview first (t on the home screen).")
            return
        text = Text()
        text.append(f"[{timestamp(segment.start)}–{timestamp(segment.end)}] ", style="dim")
        text.append(f"{segment.speaker or 'Speaker ?'}", style="bold")
        text.append(f" ({segment.speaker_source or 'unattributed'}) · item {segment.item_id or '-'}", style="dim")
        if segment.item_id and segment.item_source != tr.REVIEW and segment.item_confidence is not None:
            text.append(f" ({segment.item_source}, {segment.item_confidence:.2f})", style="dim")
        elif segment.item_source:
            text.append(f" ({segment.item_source})", style="dim")
        text.append("\n")
        mark = self.unsure_index if self.unsure_segment == segment.id else None
        text.append_text(highlighted(segment, mark=mark))
        if segment.original_text is not None:
            text.append(f"\nModel heard: {segment.original_text}", style="dim italic")
        waiting = tr.needs_anonymisation(self.app.study, self.interview_id)
        if waiting:
            text.append(f"\n{len(waiting)} corrected segment(s) wait to be anonymised again (a).", style="dark_orange")
        detail.update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_selected()

    def action_move(self, step: int) -> None:
        table = self.query_one("#turns", DataTable)
        if self.segments:
            table.move_cursor(row=max(0, min(len(self.segments) - 1, (table.cursor_row or 0) + step)))

    def action_unsure(self) -> None:
        """Go to the next word the model was unsure of, after the one shown (wrapping round)."""
        found = tr.unsure_words(self.app.study, self.interview_id)
        if not found:
            self.notify("No unsure words left.")
            return
        current = self.selected()
        on_word = current is not None and self.unsure_segment == current.id and self.unsure_index is not None
        here = (current.position if current else -1, self.unsure_index if on_word else -1)
        target = next((w for w in found if (w.position, w.index) > here), found[0])
        row = next(n for n, s in enumerate(self.segments) if s.id == target.segment_id)
        self.unsure_segment, self.unsure_index = target.segment_id, target.index
        self.query_one("#turns", DataTable).move_cursor(row=row)
        self.show_selected()

    def action_covered(self) -> None:
        """Jump to the moment a prompt was covered in the interview (as marked while it was recorded)."""
        from interviewer.coverage.interview import interview_prompt_marks, segment_at
        from interviewer.schedule.study import followed_schedule

        study = self.app.study
        schedule = followed_schedule(study, study.interview(self.interview_id))
        marks = interview_prompt_marks(study, self.interview_id, schedule) if schedule is not None else []
        if not marks or not self.segments:
            self.notify("No prompts were marked as covered in this interview.")
            return
        verdicts = {"confirmed": "confirmed", "cleared": "cleared", "suggested": "not confirmed"}
        options = [(str(n), f"[{timestamp(c.seconds)}] {c.mark.prompt} ({c.mark.item_id}, {verdicts[c.mark.state]})")
                   for n, c in enumerate(marks)]

        def chosen(number: str | None) -> None:
            if number is None:
                return
            segment = segment_at(self.segments, study, self.interview_id, marks[int(number)].mark)
            if segment is not None:
                row = next(n for n, s in enumerate(self.segments) if s.id == segment.id)
                self.query_one("#turns", DataTable).move_cursor(row=row)
                self.show_selected()

        self._choose("Go to the moment a prompt was covered", options, None, chosen)

    # -- playing -----------------------------------------------------------------------------------------

    def action_play(self) -> None:
        if self.player.playing:
            self.player.stop()
            return
        segment = self.selected()
        if segment is not None:
            self.play(segment)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False)
    def play(self, segment: Segment) -> None:
        study = self.app.study.reopen()
        try:
            samples, rate = segment_audio(study, segment)
            self.player.play(samples, rate, on_finish=lambda: self.post_message(PlaybackEnded()))
        except (PlaybackError, StoreError, OSError) as error:
            self.post_message(PlaybackEnded(str(error)))
        finally:
            study.close()

    def on_playback_ended(self, message: PlaybackEnded) -> None:
        if message.error:
            self.notify(message.error, severity="error", timeout=8)

    # -- correcting --------------------------------------------------------------------------------------

    def _change(self, change, keep: int | None = None) -> bool:
        try:
            change()
        except StoreError as error:
            self.notify(str(error), severity="warning")
            return False
        self.refresh_turns(keep)
        return True

    def _ask(self, mode: str, prompt: str, value: str = "", password: bool = False) -> None:
        entry = self.query_one("#entry", Input)
        self._entry_mode = mode
        selected = self.selected()
        self._entry_segment = selected.id if selected else None
        entry.password = password
        entry.placeholder = prompt
        entry.value = value
        entry.cursor_position = len(value)
        entry.add_class("shown")
        entry.focus()

    def _choose(self, title: str, options, current, then) -> None:
        from interviewer.screens.choose import ChooseScreen

        self.app.push_screen(ChooseScreen(title, options, current), then)

    def action_edit(self) -> None:
        segment = self.selected()
        if segment:
            self._ask("text", "Corrected text, then Enter (Esc cancels); the model's text is kept", segment.text)

    def action_rename(self) -> None:
        segment = self.selected()
        if segment and segment.speaker:
            self._ask("rename", f"New name for {segment.speaker} throughout, then Enter", segment.speaker)

    def action_speaker(self) -> None:
        segment = self.selected()
        if segment is None:
            return
        labels = tr.speakers(self.app.study, self.interview_id)
        options = [(label, label) for label in labels] + [(NEW_SPEAKER, "Someone else… (type a name)")]

        def chosen(label: str | None) -> None:
            if label == NEW_SPEAKER:
                self._ask("speaker", "Who spoke this turn? Type a name, then Enter")
            elif label and label != segment.speaker:
                self._change(lambda: tr.set_speaker(self.app.study, segment.id, label), keep=segment.id)

        self._choose(f"Who spoke at {timestamp(segment.start)}?", options, segment.speaker, chosen)

    def action_swap(self) -> None:
        segment = self.selected()
        if segment is None or not segment.speaker:
            return
        others = [label for label in tr.speakers(self.app.study, self.interview_id) if label != segment.speaker]

        def chosen(label: str | None) -> None:
            if label:
                self._change(lambda: tr.swap_speakers(self.app.study, self.interview_id, segment.speaker, label),
                             keep=segment.id)

        self._choose(f"Swap {segment.speaker} with whom, throughout?", [(label, label) for label in others], None,
                     chosen)

    def action_item(self) -> None:
        segment = self.selected()
        if segment is None:
            return
        items = tr.schedule_items(self.app.study, self.interview_id)
        if not items:
            self.notify("This interview has no schedule to take items from.", severity="warning")
            return
        options = [(item.id, f"{item.id}: {item.question}") for item in items] + [(NO_ITEM, "(no item)")]

        def chosen(item_id: str | None) -> None:
            if item_id:
                value = None if item_id == NO_ITEM else item_id
                self._change(lambda: tr.set_item(self.app.study, segment.id, value), keep=segment.id)

        self._choose(f"Which item is discussed at {timestamp(segment.start)}?", options, segment.item_id, chosen)

    def action_back(self) -> None:
        entry = self.query_one("#entry", Input)
        if entry.has_class("shown"):
            entry.remove_class("shown")
            self.query_one("#turns", DataTable).focus()
            return
        self.player.stop()
        self.app.pop_screen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.remove_class("shown")
        self.query_one("#turns", DataTable).focus()
        value, mode, segment_id = event.value.strip(), self._entry_mode, self._entry_segment
        if not value or segment_id is None:
            return
        study = self.app.study
        if mode == "passphrase":
            self.passphrase = value
            self.action_reanonymise()
        elif mode == "text":
            self.unsure_segment = None  # its words are renumbered
            if self._change(lambda: tr.correct_text(study, segment_id, value), keep=segment_id):
                self.action_reanonymise()
        elif mode == "speaker":
            self._change(lambda: tr.set_speaker(study, segment_id, value), keep=segment_id)
        elif mode == "rename":
            old = tr.segment(study, segment_id).speaker
            if old and value != old:
                self._change(lambda: tr.rename_speaker(study, self.interview_id, old, value), keep=segment_id)

    # -- anonymisation of corrected text -----------------------------------------------------------------

    def action_reanonymise(self) -> None:
        waiting = tr.needs_anonymisation(self.app.study, self.interview_id)
        if waiting:
            self.notify(f"Anonymising {len(waiting)} corrected segment(s) again…")
            self.reanonymise(waiting)

    @work(thread=True, exclusive=True, group="reanonymise", exit_on_error=False)
    def reanonymise(self, segment_ids: list[int]) -> None:
        from interviewer.anonymise.study.settings import study_anonymiser

        study = self.app.study.reopen()
        added = 0
        try:
            if self.anonymiser is None:
                self.anonymiser = study_anonymiser(study)
            for segment_id in segment_ids:
                added += tr.reanonymise_segment(study, segment_id, anonymiser=self.anonymiser,
                                                passphrase=self.passphrase)
        except PassphraseNeeded:
            self.post_message(Reanonymised(added, needs_passphrase=True))
        except (WrongPassphrase, StoreError) as error:
            self.post_message(Reanonymised(added, error=str(error)))
        else:
            self.post_message(Reanonymised(added))
        finally:
            study.close()

    def on_reanonymised(self, message: Reanonymised) -> None:
        if message.needs_passphrase:
            self._ask("passphrase", "Passphrase for the re-identification key, then Enter (Esc: later, with a)",
                      password=True)
        elif message.error:
            self.passphrase = None
            self.notify(message.error, severity="error")
        elif message.added:
            self.notify(f"{message.added} new identifier(s) in the corrected text: check them in the "
                        "anonymisation review (v on the home screen).", severity="warning", timeout=10)
        else:
            self.notify("The corrected text is anonymised again.")
        self.show_selected()
