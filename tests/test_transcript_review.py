"""Tests for correcting a transcript in review: speakers, items, text, unsure words, audit, and what survives."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from interviewer.review import transcript as tr
from interviewer.pipeline import CorrectionsWouldBeLost, align_interview, transcribe_interview
from interviewer.store import StoreError

TURNS = [
    ("Interviewer", "voice", "How did the new pathway start", [0.9, 0.95, 0.9, 0.3, 0.9, 0.8]),
    ("KI-01", "voice", "It began on the ward last spring", [0.9, 0.4, 0.9, 0.9, 0.9, 0.9, 0.2]),
    ("KI-01", "voice", "and the team liked it", [0.9, 0.9, 0.9, 0.9, 0.9]),
]


def words_of(text: str, start: float, probabilities, speaker: str) -> list[dict]:
    return [{"start": start + n * 0.5, "end": start + n * 0.5 + 0.4, "word": f" {word}", "probability": p,
             "speaker": speaker} for n, (word, p) in enumerate(zip(text.split(), probabilities))]


def add_interview(study, turns=TURNS, schedule_id: str | None = None) -> int:
    if not study.participants():
        study.add_participant("KI-01")
    interview = study.add_interview("KI-01", schedule_id=schedule_id)
    segments = [{"start": 5.0 * n, "end": 5.0 * n + 4, "speaker": speaker, "speaker_source": source, "text": text,
                 "words": words_of(text, 5.0 * n, probabilities, speaker)}
                for n, (speaker, source, text, probabilities) in enumerate(turns)]
    study.replace_segments(interview.id, segments, model="hand-written")
    return interview.id


@pytest.fixture
def interview(study):
    return add_interview(study)


def speakers_of(study, interview_id):
    return [s.speaker for s in study.segments(interview_id)]


def actions(study):
    return [entry["action"] for entry in study.audit_entries()]


def test_rename_changes_every_turn_and_word_of_that_speaker(study, interview):
    assert tr.rename_speaker(study, interview, "KI-01", "Participant") == 2
    segments = study.segments(interview)
    assert speakers_of(study, interview) == ["Interviewer", "Participant", "Participant"]
    assert {w["speaker"] for w in segments[1].words} == {"Participant"}
    assert segments[1].speaker_source == "review" and segments[0].speaker_source == "voice"
    assert "review rename speaker" in actions(study)
    with pytest.raises(StoreError, match="No segment"):
        tr.rename_speaker(study, interview, "Nobody", "X")


def test_swap_exchanges_two_speakers(study, interview):
    tr.swap_speakers(study, interview, "Interviewer", "KI-01")
    assert speakers_of(study, interview) == ["KI-01", "Interviewer", "Interviewer"]
    assert study.segments(interview)[0].words[0]["speaker"] == "KI-01"
    with pytest.raises(StoreError, match="two different"):
        tr.swap_speakers(study, interview, "KI-01", "KI-01")


def test_one_turn_gets_another_speaker(study, interview):
    third = study.segments(interview)[2]
    tr.set_speaker(study, third.id, "Interviewer")
    after = study.segments(interview)[2]
    assert after.speaker == "Interviewer" and after.speaker_source == "review"
    assert {w["speaker"] for w in after.words} == {"Interviewer"}
    assert tr.speakers(study, interview)[:2] == ["Interviewer", "KI-01"]


def test_items_set_in_review_survive_automatic_alignment(study):
    interview = add_interview(study, schedule_id="npt-key-informant")
    first = study.segments(interview)[0]
    study.add_event(interview, "item", item_id="meaning-of-involvement", offset=0.0)
    align_interview(study, interview)
    tr.set_item(study, first.id, "current-involvement")
    align_interview(study, interview)
    segments = study.segments(interview)
    assert (segments[0].item_id, segments[0].item_source, segments[0].item_confidence) == ("current-involvement", "review", 1.0)
    assert segments[1].item_id == "meaning-of-involvement" and segments[1].item_source == "timeline"
    entry = next(e for e in study.audit_entries() if e["action"] == "review set item")
    assert '"to": "current-involvement"' in entry["details"]
    with pytest.raises(StoreError, match="not an item"):
        tr.set_item(study, first.id, "no-such-item")


def test_correcting_text_keeps_the_models_text_and_word_timing(study, interview):
    second = study.segments(interview)[1]
    tr.correct_text(study, second.id, "It began on Ward 4 last spring.")
    tr.correct_text(study, second.id, "It began on Ward 5 last spring.")
    after = tr.segment(study, second.id)
    assert after.text == "It began on Ward 5 last spring."
    assert after.original_text == "It began on the ward last spring"
    words = after.words
    assert [w["word"].strip() for w in words] == after.text.split()
    assert words[0] == second.words[0]
    assert words[3] == {**second.words[4], "word": " Ward"}
    assert words[4]["corrected"] and words[4]["probability"] == 1.0 and words[4]["speaker"] == "KI-01"
    assert words[3]["end"] <= words[4]["start"] <= words[4]["end"] <= words[5]["start"]
    assert words[-1]["start"] == second.words[-1]["start"] and words[-1]["word"] == " spring."
    assert actions(study).count("review correct text") == 2
    with pytest.raises(StoreError, match="empty"):
        tr.correct_text(study, second.id, "   ")


def test_unsure_words_are_listed_in_order_and_corrections_clear_them(study, interview):
    found = tr.unsure_words(study, interview)
    assert [(w.word, w.probability) for w in found] == [("new", 0.3), ("began", 0.4), ("spring", 0.2)]
    assert [w.word for w in tr.unsure_words(study, interview, below=0.25)] == ["spring"]
    second = study.segments(interview)[1]
    tr.correct_text(study, second.id, "It started on the ward last spring")
    assert [w.word for w in tr.unsure_words(study, interview)] == ["new", "spring"]


class FakeAnonymiser:
    """Finds each listed name wherever it occurs."""

    def __init__(self, *names: str):
        self.names = names

    def detect(self, text):
        found = []
        for name in self.names:
            start = text.find(name)
            if start >= 0:
                found.append(SimpleNamespace(start=start, end=start + len(name), text=name, entity_type="PERSON"))
        return found


def test_a_correction_after_anonymisation_flags_the_segment_until_it_is_anonymised_again(study, monkeypatch):
    from anonymisation_study import PASSPHRASE
    from interviewer.pipeline import anonymise_interview

    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    study.add_participant("KI-01", name="Sarah Thompson")
    interview = add_interview(study, [("Interviewer", "voice", "Hello Sarah, welcome", [0.9] * 3),
                                      ("KI-01", "voice", "Thanks. I work with Jon at the clinic", [0.9] * 8)])
    anonymise_interview(study, interview, anonymiser=None)
    first, second = study.segments(interview)
    assert "Sarah" not in first.anonymised_text
    tr.correct_text(study, first.id, "Hello Sarah, you are welcome")
    tr.correct_text(study, second.id, "Thanks. I work with John Smith at the clinic")
    assert tr.needs_anonymisation(study, interview) == [first.id, second.id]
    moved = [r for r in study.redactions(interview) if r.segment_id == first.id]
    assert [tr.segment(study, first.id).text[r.start:r.end] for r in moved] == ["Sarah"]
    assert tr.reanonymise_segment(study, first.id, anonymiser=FakeAnonymiser("Sarah")) == 0
    assert tr.reanonymise_segment(study, second.id, anonymiser=FakeAnonymiser("John Smith")) == 1
    assert tr.needs_anonymisation(study, interview) == []
    first, second = study.segments(interview)
    assert first.anonymised_text.startswith("Hello [PERSON") and first.anonymised_text.endswith(", you are welcome")
    assert "John Smith" not in second.anonymised_text and "[PERSON" in second.anonymised_text


def test_retranscribing_a_corrected_transcript_is_refused_unless_corrections_are_discarded(study, interview,
                                                                                             tmp_path):
    import numpy as np
    import soundfile

    path = tmp_path / "quiet.wav"
    soundfile.write(str(path), np.zeros(16000, dtype="float32"), 16000)
    study.add_recording(interview, path=path, sha256="0", format="wav", sample_rate=16000, channels=1, duration=1.0)
    tr.set_speaker(study, study.segments(interview)[0].id, "KI-01")
    transcriber = SimpleNamespace(model_name="fake", transcribe=lambda *a, **k: SimpleNamespace(
        segments=[], language="en"))
    with pytest.raises(CorrectionsWouldBeLost, match="1 segment"):
        transcribe_interview(study, interview, transcriber=transcriber, speakers=1)
    assert len(study.segments(interview)) == 3
    transcribe_interview(study, interview, transcriber=transcriber, speakers=1, discard_corrections=True)
    assert study.segments(interview) == [] and "discard corrections" in actions(study)


def test_corrections_survive_anonymising_the_interview_again(study, monkeypatch):
    from anonymisation_study import PASSPHRASE
    from interviewer.pipeline import anonymise_interview

    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    interview = add_interview(study)
    first, second, _ = study.segments(interview)
    tr.correct_text(study, second.id, "It began on the ward with Sarah Thompson last spring")
    tr.set_speaker(study, first.id, "Dr A")
    tr.set_item(study, second.id, None)
    anonymise_interview(study, interview)
    first, second, _ = study.segments(interview)
    assert second.text.endswith("with Sarah Thompson last spring") and second.original_text
    assert "Sarah" not in second.anonymised_text and "[PERSON 1]" in second.anonymised_text
    assert (first.speaker, first.speaker_source, second.item_source) == ("Dr A", "review", "review")
