"""Tests for who said each word: stereo by channel, mono by voice, speakers named by their role."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SAMPLE, SPEECH, normalise_words
from interviewer.speakers.attribution import find_interviewer, name_speakers, segments_from_words
from interviewer.cli import main
from interviewer.pipeline import import_recording, transcribe_interview
from interviewer.transcribe.whisper import Transcript, TranscriptSegment, Word


def word(text, start, end, speaker):
    return Word(start, end, f" {text}", 0.9, speaker)


def test_words_are_grouped_by_speaker_and_pauses():
    words = [word("Hello", 0, 0.4, "A"), word("there.", 0.5, 0.9, "A"), word("Hi.", 1.0, 1.3, "B"),
             word("Long", 5.0, 5.3, "B"), word("pause.", 5.4, 5.8, "B")]
    segments = segments_from_words(words)
    assert [(s.speaker, s.text) for s in segments] == [("A", "Hello there."), ("B", "Hi."), ("B", "Long pause.")]
    assert (segments[0].start, segments[0].end) == (0, 0.9)


def test_interviewer_is_who_talks_after_marked_questions_then_who_asks_schedule_questions():
    segments = [TranscriptSegment(0, 3, "What would you see as the purpose of this approach?", speaker="S2"),
                TranscriptSegment(3, 20, "Well, I think it is to help people plan their own care.", speaker="S1")]
    assert find_interviewer(segments, question_times=[0.5]) == ("S2", "timeline")
    assert find_interviewer(segments, questions=["What would you see as the purpose of the approach?"]) == ("S2", "questions")
    assert find_interviewer(segments) == ("S2", "less speech")


def test_renaming_speakers_reaches_every_word():
    transcript = Transcript("m", "en", 2, [TranscriptSegment(0, 1, "Hi.", [word("Hi.", 0, 1, "S1")], "S1")])
    renamed = name_speakers(transcript, {"S1": "Interviewer"})
    assert renamed.segments[0].speaker == "Interviewer" and renamed.segments[0].words[0].speaker == "Interviewer"


@pytest.mark.slow
def test_stereo_file_puts_every_word_on_its_own_channel():
    result = CliRunner().invoke(main, ["transcribe", str(SPEECH / "stereo-two-voices.wav"), "--json", "--speakers", "2"])
    assert result.exit_code == 0, result.output
    transcript = json.loads(result.output)
    reference = dict(line.split("\t", 1) for line in (SPEECH / "stereo-two-voices.tsv").read_text().splitlines() if "\t" in line)
    by_channel = {side: set(normalise_words(text).split()) for side, text in reference.items()}
    words = [w for s in transcript["segments"] for w in s["words"]]
    assert len(words) >= 20
    for w in words:
        token = normalise_words(w["word"])
        assert token in by_channel[w["speaker"]], f"{w['word']!r} was put on the {w['speaker']} channel"
    assert all(s["speaker"] in ("left", "right") for s in transcript["segments"])


@pytest.mark.slow
def test_mono_interview_is_split_into_interviewer_and_participant(study, transcriber):
    study.add_participant("KI-05")
    imported = import_recording(study, SPEECH / "phone-call.wav", "KI-05", mode="phone")
    transcribe_interview(study, imported.interview.id, transcriber=transcriber)
    segments = study.segments(imported.interview.id)
    assert {s.speaker for s in segments} == {"Interviewer", "KI-05"}
    assert {s.speaker_source for s in segments} == {"voice"}
    assert all(w["speaker"] == s.speaker for s in segments for w in s.words)


@pytest.mark.slow
def test_bundled_stereo_sample_names_the_interviewer_from_the_schedule(study, transcriber):
    study.add_participant("DEMO-01")
    imported = import_recording(study, SAMPLE, "DEMO-01", schedule_id="npt-key-informant", schedule_version="1")
    transcribe_interview(study, imported.interview.id, transcriber=transcriber)
    segments = study.segments(imported.interview.id)
    questions = [s for s in segments if s.text.endswith("?")]
    assert questions and all(s.speaker == "Interviewer" for s in questions)
    assert any(s.speaker == "DEMO-01" and "Riverside" in s.text for s in segments)
    assert {s.speaker_source for s in segments} == {"channel"}
    assert any(s.item_id for s in segments)


def test_a_stereo_mix_is_not_mistaken_for_one_party_per_channel():
    import numpy as np

    from interviewer.speakers.attribution import channels_are_separate

    rng = np.random.default_rng(1)
    voice, other = rng.normal(size=16000), rng.normal(size=16000)
    assert not channels_are_separate(voice, voice * 0.8)
    assert channels_are_separate(voice, other + 0.1 * voice)
    assert channels_are_separate(voice, np.zeros(16000))
