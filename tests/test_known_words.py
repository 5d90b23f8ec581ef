"""The names a study knows for an interview (participant, workplace, interviewer, deny list) are given to Whisper as
hotwords: the transcript then spells them as the study does, and the anonymiser's known identifiers catch them."""

from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from interviewer.pipeline import anonymise_interview, import_recording, transcribe_interview
from interviewer.transcribe.known_words import (
    doubtful_name, interview_hotwords, known_name_words, with_mishearings_mended, with_names_in_place_of_doubt,
)
from interviewer.transcribe.whisper import Transcriber, TranscriptSegment, Word
from audio_sink import null_sink  # noqa: F401 (fixture)
from spoken_excerpts import speak
from test_interview_app import add_participant

NAME, WORKPLACE = "Adaeze Okonkwo", "Brightwater Logistics"
EXCERPT = (f"Participant: Well, my name is {NAME}, and I have worked at {WORKPLACE} for nine years. "
           "Adaeze is what my mother called me, and the lads at work say it right now.")


def test_the_participants_names_the_interviewer_and_deny_terms_are_the_hotwords(study):
    study.add_participant("P01", name=NAME, workplace=WORKPLACE)
    study.add_anonymisation_term("deny", "Kilbride Mill", entity_type="ORGANIZATION", note=None)
    study.add_anonymisation_term("deny", "adaeze okonkwo", entity_type="PERSON", note=None)
    interview = study.add_interview("P01", interviewer="Dr Ruth Mallory")
    assert interview_hotwords(study, interview) == f"{NAME}, {WORKPLACE}, Dr Ruth Mallory, Kilbride Mill"


def test_an_interview_the_study_knows_no_names_for_has_no_hotwords(study):
    study.add_participant("P02")
    interview = study.add_interview("P02", interviewer="RM")  # initials alone name no one Whisper could hear
    assert interview_hotwords(study, interview) is None


def said(start, end, text, probabilities):
    words = [SimpleNamespace(start=start + k * 0.3, end=start + k * 0.3 + 0.3, word=f" {word}", probability=p)
             for k, (word, p) in enumerate(zip(text.split(), probabilities))]
    return SimpleNamespace(start=start, end=end, text=f" {text}", words=words, avg_logprob=-0.2)


class MishearingModel:
    """Stands in for faster-whisper's model: mishears the name unless told it, and notes every call's options."""

    def __init__(self):
        self.calls = []

    def transcribe(self, audio, **options):
        self.calls.append(options)
        if options.get("hotwords"):
            heard = [said(0.0, 2.0, "My name is Adaeze Okonkwo.", [0.9] * 5)]
        elif len(audio) < 5 * 16000:  # heard again without the names: no different
            heard = []
        else:
            heard = [said(0.0, 2.0, "My name is Anima Kanko.", [0.9, 0.9, 0.9, 0.3, 0.5]),
                     said(3.0, 5.0, "It was a lovely day.", [0.9] * 5)]
        return iter(heard), SimpleNamespace(duration=len(audio) / 16000, language="en")


def test_a_doubtful_name_is_heard_again_with_the_known_names_and_the_rest_left_alone():
    transcriber = Transcriber()
    model = transcriber._loaded.whisper = MishearingModel()
    told = transcriber.with_hotwords(f"{NAME}, {WORKPLACE}")
    transcript = told.transcribe(np.zeros(6 * 16000, dtype=np.float32))
    assert [s.text for s in transcript.segments] == ["My name is Adaeze Okonkwo.", "It was a lovely day."]
    assert told.load() is model
    assert [call.get("hotwords") for call in model.calls] == [None, f"{NAME}, {WORKPLACE}"], \
        "the whole recording is heard without the names; only the doubtful stretch again with them"


def test_without_known_names_nothing_is_heard_again():
    transcriber = Transcriber()
    model = transcriber._loaded.whisper = MishearingModel()
    transcript = transcriber.transcribe(np.zeros(6 * 16000, dtype=np.float32))
    assert transcript.segments[0].text == "My name is Anima Kanko." and len(model.calls) == 1


def heard(start, text, probabilities):
    """A segment of words 0.3 s apart from `start`, with these probabilities."""
    words = [Word(start + k * 0.3, start + k * 0.3 + 0.3, f" {word}", p)
             for k, (word, p) in enumerate(zip(text.split(), probabilities))]
    return TranscriptSegment(start, words[-1].end, text, words)


KNOWN = known_name_words(f"{NAME}, {WORKPLACE}")


def test_only_the_name_heard_again_replaces_the_words_first_heard_at_its_time():
    first = heard(0.0, "I can work that right while I missed it for nine years.",
                  [0.9, 0.4, 0.9, 0.5, 0.7, 0.8, 0.3, 0.2, 0.7, 0.3, 0.5, 0.9])
    again = heard(0.0, "I have worked at Brightwater Logistics for nine years.", [0.9] * 9).words
    again[4:6] = [replace(again[4], start=1.2, end=2.0), replace(again[5], start=2.0, end=2.7)]
    mended, _ = with_names_in_place_of_doubt([first], again, KNOWN)
    assert mended[0].text == "I can work that Brightwater Logistics for nine years.", \
        "the name comes in over the words said at its time; the other words heard differently stay as first heard"


def test_words_spelled_like_the_name_are_replaced_though_whisper_was_fairly_sure_of_them():
    first = heard(0.0, "My name is Anima Kanko.", [0.9, 0.9, 0.9, 0.55, 0.45])
    again = heard(0.0, "My name is Adaeze Okonkwo.", [0.9, 0.9, 0.9, 0.1, 0.2]).words
    assert with_names_in_place_of_doubt([first], again, KNOWN)[0][0].text == "My name is Adaeze Okonkwo."


def test_a_name_not_spelled_like_words_whisper_was_fairly_sure_of_leaves_them():
    first = heard(0.0, "Neither did I, to be honest.", [0.46, 0.5, 0.9, 0.9, 0.9, 0.9])
    again = heard(0.0, "Ni Dhuibhir, to be honest.", [0.2, 0.2, 0.9, 0.9, 0.9]).words
    known = known_name_words("Siobhan Ni Dhuibhir")
    assert with_names_in_place_of_doubt([first], again, known)[0][0].text == "Neither did I, to be honest."


def test_a_capitalised_word_spelled_like_a_known_name_is_doubted_however_sure_whisper_was():
    assert doubtful_name(heard(0.0, "They call me Kanko at work.", [0.95] * 6), KNOWN)
    assert not doubtful_name(heard(0.0, "They sold me Bread at work.", [0.95] * 6), KNOWN)


def test_words_after_a_naming_cue_are_heard_again_however_sure_whisper_was_when_the_study_knows_names():
    assert doubtful_name(heard(0.0, "Everyone there just calls me a piece.", [0.95] * 7), KNOWN)
    assert doubtful_name(heard(0.0, "Well, my name's a piece.", [0.95] * 4), KNOWN)
    assert not doubtful_name(heard(0.0, "Everyone there just calls me a piece.", [0.95] * 7), set())


def test_words_after_a_naming_cue_spelled_like_the_name_are_replaced_however_sure_whisper_was():
    first = heard(0.0, "Everyone there just calls me a piece.", [0.95] * 7)
    again = heard(0.0, "Everyone there just calls me Adaeze.", [0.9] * 6).words
    again[5] = replace(again[5], start=1.5, end=2.1)
    assert with_names_in_place_of_doubt([first], again, KNOWN)[0][0].text == "Everyone there just calls me Adaeze."


def test_a_name_misheard_after_a_naming_cue_needs_less_likeness_to_be_replaced():
    first = heard(0.0, "Well, my name is Anima Conquo, and", [0.9, 0.9, 0.9, 0.9, 0.7, 0.7, 0.9])
    again = heard(0.0, "Well, my name is Adaeze Okonkwo, and", [0.9] * 7).words
    assert with_names_in_place_of_doubt([first], again, KNOWN)[0][0].text == "Well, my name is Adaeze Okonkwo, and"
    elsewhere = heard(0.0, "I saw Anima Conquo, and", [0.9, 0.9, 0.7, 0.7, 0.9])
    again = heard(0.0, "I saw Adaeze Okonkwo, and", [0.9] * 5).words
    assert with_names_in_place_of_doubt([elsewhere], again, KNOWN)[0][0].text == "I saw Anima Conquo, and", \
        "without a naming cue, words Whisper was fairly sure of must be spelled more like the name"


def test_a_sure_word_after_a_naming_cue_not_spelled_like_the_name_stays():
    first = heard(0.0, "They will call me back tomorrow.", [0.95] * 6)
    again = heard(0.0, "They will call me Adaeze tomorrow.", [0.9] * 6).words
    assert with_names_in_place_of_doubt([first], again, KNOWN)[0][0].text == "They will call me back tomorrow."


def test_a_name_misheard_once_is_mended_where_whisper_misheard_it_the_same_way_again():
    first = heard(0.0, "My name is Anima Kanko.", [0.9, 0.9, 0.9, 0.5, 0.3])
    again = heard(0.0, "My name is Adaeze Okonkwo.", [0.9] * 5).words
    mended, mishearings = with_names_in_place_of_doubt([first], again, KNOWN)
    later = heard(9.0, "Anima Kanko, that is what my mother called me, anima kanko.", [0.9] * 11)
    segments = with_mishearings_mended(mended + [later], mishearings)
    assert [s.text for s in segments] == [
        "My name is Adaeze Okonkwo.", "Adaeze Okonkwo, that is what my mother called me, anima kanko."]
    assert segments[1].words[1].end == pytest.approx(9.6), "the name takes the time of the words it replaces"


@pytest.mark.slow
def test_a_recorded_participant_is_spelled_as_the_study_knows_them_and_redacted(study, transcriber, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", "known words passphrase")
    audio = tmp_path / "intro.wav"
    speak(EXCERPT, audio)
    study.add_participant("P03", name=NAME, workplace=WORKPLACE)
    interview = import_recording(study, audio, "P03").interview
    transcribe_interview(study, interview.id, transcriber=transcriber, speakers=1)
    transcript = " ".join(segment.text for segment in study.segments(interview.id))
    assert NAME in transcript and WORKPLACE.lower() in transcript.lower()
    anonymise_interview(study, interview.id)
    redacted = " ".join(segment.anonymised_text or "" for segment in study.segments(interview.id))
    assert redacted and not {"Adaeze", "Okonkwo", "Brightwater"} & set(re.findall(r"\w+", redacted))


@pytest.mark.audio
@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_interview_recorded_through_the_app_spells_the_participant_as_the_study_knows_them(
        null_sink, study, tmp_path, monkeypatch):
    from interviewer.app import make_app
    from interviewer.processing import process_interview
    from test_interview_capture import record_through_app

    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", "known words passphrase")
    add_participant(study)
    study.edit_participant("KI-01", name=NAME, workplace=WORKPLACE)
    speech = tmp_path / "intro.wav"
    speak(EXCERPT, speech)
    app = make_app(study, process=process_interview, check_seconds=0.5, live_model=None)  # the final pass ahead too
    interview_id = await record_through_app(app, null_sink, tmp_path, speech)
    segments = study.segments(interview_id)
    heard = " ".join(segment.text for segment in segments)
    assert NAME in heard and WORKPLACE.lower() in heard.lower()
    redacted = " ".join(segment.anonymised_text or "" for segment in segments)
    assert redacted and not {"Adaeze", "Okonkwo", "Brightwater"} & set(re.findall(r"\w+", redacted))
