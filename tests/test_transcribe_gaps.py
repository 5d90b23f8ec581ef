"""Speech in a long gap between transcribed segments is transcribed on its own: Whisper can jump its timestamps past
a passage and never transcribe it, and nothing said may be lost."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from conftest import SPEECH
from interviewer.transcribe.whisper import Transcriber

RATE = 16000


def segment(start, end, text, logprob=-0.3):
    words = [SimpleNamespace(word=f" {w}", start=start + k * 0.3, end=start + k * 0.3 + 0.25, probability=0.9)
             for k, w in enumerate(text.split())]
    return SimpleNamespace(start=start, end=end, text=f" {text}", words=words, avg_logprob=logprob)


class SkippingModel:
    """Stands in for faster-whisper's model: skips the middle of the whole recording, hears it when given alone."""

    def __init__(self, length: int, middle: list):
        self.length, self.middle, self.calls = length, middle, []

    def transcribe(self, audio, **options):
        self.calls.append((len(audio), options))
        if len(audio) == self.length:
            said = [segment(0.0, 2.0, "Where shall I start?"), segment(20.0, 22.0, "That is all, thank you.")]
        else:  # the gap, then what is left of it after the middle: nothing more
            said, self.middle = self.middle, []
        return iter(said), SimpleNamespace(duration=len(audio) / RATE, language="en")


@pytest.fixture(scope="module")
def speech():
    from faster_whisper import decode_audio

    return decode_audio(str(SPEECH / "jfk.flac"))


def recording(speech, with_speech_in_gap: bool) -> np.ndarray:
    audio = np.zeros(22 * RATE, dtype=np.float32)
    if with_speech_in_gap:
        audio[5 * RATE:5 * RATE + len(speech)] = speech
    return audio


def transcriber_with(model) -> Transcriber:
    transcriber = Transcriber()
    transcriber._loaded.whisper = model
    return transcriber


def test_speech_in_a_gap_is_transcribed_and_put_in_its_place(speech):
    audio = recording(speech, with_speech_in_gap=True)
    model = SkippingModel(len(audio), [segment(3.0, 9.0, "ask not what your country can do for you")])
    texts = [(s.start, s.text) for s in transcriber_with(model).transcribe(audio).segments]
    assert texts == [(0.0, "Where shall I start?"), (5.0, "ask not what your country can do for you"),
                     (20.0, "That is all, thank you.")]
    assert model.calls[1][1]["condition_on_previous_text"] is False


def test_a_silent_gap_is_not_transcribed_again(speech):
    audio = recording(speech, with_speech_in_gap=False)
    model = SkippingModel(len(audio), [segment(3.0, 9.0, "words nobody said")])
    texts = [s.text for s in transcriber_with(model).transcribe(audio).segments]
    assert texts == ["Where shall I start?", "That is all, thank you."]
    assert len(model.calls) == 1


def test_text_the_model_is_unsure_of_or_already_has_is_not_added_from_a_gap(speech):
    audio = recording(speech, with_speech_in_gap=True)
    model = SkippingModel(len(audio), [segment(1.0, 3.0, "That is all, thank you."),
                                       segment(4.0, 9.0, "made up from noise", logprob=-1.6)])
    texts = [s.text for s in transcriber_with(model).transcribe(audio).segments]
    assert texts == ["Where shall I start?", "That is all, thank you."]


@pytest.mark.slow
def test_a_spoken_interview_imported_and_transcribed_keeps_every_passage(study, transcriber, tmp_path):
    """Spoken, this excerpt made Whisper jump past 72 words of one answer before gaps were listened to again."""
    import json

    from spoken_excerpts import skipped_words, speak

    from interviewer.pipeline import import_recording, transcribe_interview

    corpus = Path(__file__).parent / "data" / "anon_dev_world4" / "world4.jsonl"
    excerpt = next(row for row in map(json.loads, corpus.read_text().splitlines()) if "galway" in row["id"])
    speak(excerpt["text"], tmp_path / "interview.wav")
    study.add_participant("P-01")
    interview = import_recording(study, tmp_path / "interview.wav", "P-01").interview
    transcribe_interview(study, interview.id, transcriber=transcriber)
    heard = " ".join(segment.text for segment in study.segments(interview.id))
    assert skipped_words(excerpt["text"], heard) == 0
