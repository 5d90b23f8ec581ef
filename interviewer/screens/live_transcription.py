"""Provides live transcription for the interview screen: a LivePart per recording part, its model, its chat lines."""

from __future__ import annotations

from textual import work

from interviewer.audio.capture import ListeningRecorder
from interviewer.screens.messages import LiveLines, LiveTranscriptionFailed
from interviewer.widgets.reply import Reply


class LiveTranscriptionMixin:
    """Mixed into InterviewScreen, which provides `live`, `state`, `chat` and `tick`.

    The recorder worker attaches a LivePart as soon as a part opens, so no audio is missed; the model is
    loaded once recording has started. The LivePart's threads report back only by posting messages.
    """

    live_transcript = None
    """The `live_part.LiveTranscript` of this interview (None when live transcription is off)."""

    pass_ahead = None
    """The `pass_ahead.PassAhead` of this interview (None when the final pass runs after the stop only)."""

    def _attach_live_part(self) -> None:
        """Listen to the new part's audio at once (on the recorder worker); the model is loaded afterwards."""
        recorder = self.live.recorder
        if not isinstance(recorder, ListeningRecorder):
            return
        self._attach_pass_ahead(recorder)
        if self.app.config.live_model is None:
            return
        from interviewer.interview.live_part import LivePart, LiveTranscript
        from interviewer.speakers.roles import interviewer_channel

        if self.live_transcript is None:
            self.live_transcript = LiveTranscript()
        code = self.live.interview.participant_code
        left_is_interviewer = self.live.is_call or interviewer_channel(self.app.study) != 1
        names = ("Interviewer", code) if left_is_interviewer else (code, "Interviewer")
        number = self.live.part_number
        part = LivePart(number, recorder.path, recorder.channels, recorder.samplerate, channel_names=names,
                        on_lines=lambda lines: self.post_message(LiveLines(lines)),
                        on_failure=lambda error: self.post_message(LiveTranscriptionFailed(number, str(error))),
                        seconds_before=self.live.recorded_seconds)
        recorder.add_listener(part.listen)
        self.live_transcript.add(part)

    def _attach_pass_ahead(self, recorder) -> None:
        """Run the final pass ahead on the new part while it records (mono parts; it loads its own model)."""
        if self.app.config.ahead_model is None:
            return
        from functools import partial

        from interviewer.interview.pass_ahead import PassAhead
        from interviewer.transcribe.known_words import interview_hotwords
        from interviewer.transcribe.study_model import study_model

        if self.pass_ahead is None:  # the study's model and known names, as the final pass after the stop uses
            hotwords = interview_hotwords(self.app.study, self.live.interview)
            make = partial(self.app.config.ahead_model, study_model(self.app.study))
            self.pass_ahead = PassAhead(lambda: make().with_hotwords(hotwords))
        part = self.pass_ahead.start_part(self.live.part_number, recorder.path, recorder.channels, recorder.samplerate)
        if part is not None:
            recorder.add_listener(part.listen)

    def _start_live_part(self, number: int) -> None:
        """Recording of part `number` has started: load the model for its LivePart, if it has one."""
        part = self._live_part(number)
        if part is not None:
            self._load_live_model(part)
            self._start_coverage()

    @work(thread=True, group="live-model", exit_on_error=False)
    def _load_live_model(self, part) -> None:
        try:
            transcriber = self.app.live_transcriber()
        except Exception as error:  # no model, a broken model file: the interview goes on without live text
            part.fail(error)
            return
        self.live_transcript.model_name = transcriber.model_name
        part.start(transcriber)

    def _end_live_transcription(self, hand_over: bool, quitting: bool = False) -> None:
        """The recording stopped; with `hand_over`, processing after the interview takes the live transcript
        and the final pass run ahead; quitting, the pass run ahead stops (it starts again from the recording)."""
        if self.pass_ahead is not None:
            if quitting:
                self.pass_ahead.cancel()
            else:
                for part in self.pass_ahead.parts:
                    part.end()
                if hand_over:
                    self.app.passes_ahead[self.live.interview.id] = self.pass_ahead
        if self.live_transcript is None:
            return
        self.live_transcript.end()  # what is still queued goes on being transcribed
        if hand_over and self.live_transcript.parts:
            self.app.live_transcripts[self.live.interview.id] = self.live_transcript

    def on_live_lines(self, message: LiveLines) -> None:
        self.chat.add_spoken(message.lines, self._part_start)
        self._hear_for_coverage(message.lines)

    def on_live_transcription_failed(self, message: LiveTranscriptionFailed) -> None:
        self.notify(f"Live transcription stopped ({message.error}). Recording continues; the transcript is made"
                    " after the interview instead.", severity="warning", timeout=8)
        self.chat.add(Reply("warning", "live transcription stopped; recording continues"))
        self.tick()

    def _live_part(self, number: int):
        if self.live_transcript is None:
            return None
        return next((part for part in self.live_transcript.parts if part.part == number), None)

    def _part_start(self, number: int) -> float:
        part = self._live_part(number)
        return part.seconds_before if part is not None else 0.0

    def _live_side_text(self) -> str:
        """What the side panel says about live transcription: loading, so many seconds behind, off."""
        part = self._live_part(self.live.part_number) if self.live is not None else None
        if part is None or self.state in ("stopping", "stopped"):
            return ""
        if part.error is not None:
            return "Live transcript: off"
        behind = part.seconds_behind
        if behind is None:
            return "Live transcript: loading"
        return f"Live transcript: {behind:.0f} s behind" + ("" if self.chat.show_speech else " (hidden)")
