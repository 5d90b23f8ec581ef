"""Prompt coverage: the numpy MiniLM encoder, the detector on real answers, marks on the timeline, closing gaps."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.coverage.marks import marks_from_events
from interviewer.interview.coverage_gaps import at_last_item, closing_gaps
from interviewer.interview.live_coverage import is_participant_speech
from interviewer.interview.session import InterviewSession, SessionError
from interviewer.schedule import find_schedule


@pytest.fixture(scope="module")
def encoder():
    from interviewer.coverage.encoder import shared_encoder

    return shared_encoder()


@pytest.fixture(scope="module")
def key_informant_detector(encoder):
    from interviewer.coverage.detector import CoverageDetector

    return CoverageDetector(find_schedule("npt-key-informant"), encoder)


# -- the encoder ---------------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_encoder_puts_paraphrases_near_and_unrelated_sentences_far(encoder):
    cat, kitten, markets = encoder.encode(["The cat sat on the mat.", "A kitten was sitting on the rug.",
                                           "Stock markets fell sharply today."])
    assert np.linalg.norm(cat) == pytest.approx(1.0, abs=1e-5)
    assert cat @ kitten == pytest.approx(0.65, abs=0.03)  # the published model's figure
    assert cat @ markets < 0.15


@pytest.mark.slow
def test_a_text_embeds_the_same_alone_and_padded_in_a_batch(encoder):
    short = "Staff time."
    alone = encoder.encode([short])[0]
    batched = encoder.encode([short, "A much longer sentence that makes the batch pad the short one with zeros."])[0]
    assert np.abs(alone - batched).max() < 1e-5


@pytest.mark.slow
def test_word_pieces_in_context_average_to_the_sentence_embedding(encoder):
    text = "We just haven't got the hours."
    read = encoder.encode_tokens([text, "Staff time."])[0]
    assert read.tokens[:3] == ["we", "just", "haven"]
    assert [text[start:start + 2] for start in read.starts[:2]] == ["We", "ju"]
    assert np.allclose(np.linalg.norm(read.vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(read.pooled - encoder.encode([text])[0]).max() < 1e-5


def test_the_talk_baseline_is_embedded_once_and_read_back_from_the_cache():
    from interviewer.coverage import baseline as talk
    from interviewer.coverage.encoder import TokenVectors

    class CountingEncoder:
        calls = 0

        def encode_tokens(self, texts):
            CountingEncoder.calls += 1
            vectors = np.eye(4, dtype=np.float32)[:2]
            return [TokenVectors(["a", "b"], [0, 2], vectors, vectors[0]) for _ in texts]

    first = talk._cached_baseline(CountingEncoder(), "test")
    again = talk._cached_baseline(CountingEncoder(), "test")
    assert CountingEncoder.calls == 1, "the second reading comes from the cache folder"
    assert np.array_equal(first.tokens, again.tokens) and np.array_equal(first.starts, again.starts)
    assert len(first.small_talk) == len(talk.background_sentences())


# -- the detector on real answers ----------------------------------------------------------------------

@pytest.mark.slow
def test_a_paraphrase_sharing_no_word_with_the_prompt_is_covered(key_informant_detector):
    hits = key_informant_detector.detect("The nurses would need whole afternoons freed up for it.", "resources-needed")
    assert ("resources-needed", 0) in {(hit.item_id, hit.index) for hit in hits}, "staff time"


@pytest.mark.slow
def test_the_evidence_is_the_sentence_that_covered_the_prompt(key_informant_detector):
    stream = key_informant_detector.stream("resources-needed")
    stream.add("It's a good question. Honestly the main thing is hours. Nobody on the ward has a spare hour to sit "
               "down with people.")
    hit = stream.covered[("resources-needed", 0)]
    assert (hit.evidence, hit.sentence) == ("Nobody on the ward has a spare hour to sit down with people.", 2)


@pytest.mark.slow
def test_a_paraphrase_of_the_asked_items_prompt_is_covered(key_informant_detector):
    hits = key_informant_detector.detect(
        "Honestly most people I see have never set eyes on their plan. A copy is supposed to be posted to them,"
        " but it never turns up, or it gets put in a drawer and forgotten.", "care-planning-now")
    assert ("care-planning-now", 2) in {(hit.item_id, hit.index) for hit in hits}


@pytest.mark.slow
def test_small_talk_covers_nothing(key_informant_detector):
    assert key_informant_detector.detect(
        "Sorry, the connection keeps dropping. Can you hear me now? I'm in the car park, it's the only place"
        " with a signal.", "resources-needed") == []


@pytest.mark.slow
def test_an_answer_fed_in_pieces_covers_what_it_covers_whole(key_informant_detector):
    text = ("It would lose every time when the beds are full. Care planning is the first thing to slip."
            " What really moves things is what the inspectors look at, and what the commissioners put in the"
            " contracts.")
    whole = {(hit.item_id, hit.index) for hit in key_informant_detector.detect(text, "priority-against-demands")}
    stream = key_informant_detector.stream("priority-against-demands")
    pieces = set()
    for sentence in ("It would lose every time when the beds are full.", "Care planning is the first thing to"
                     " slip.", text.split("slip. ")[1]):
        pieces |= {(hit.item_id, hit.index) for hit in stream.add(sentence)}
    assert pieces == whole


# -- marks on the timeline -----------------------------------------------------------------------------

def started_session(schedule_id: str = "npt-key-informant") -> InterviewSession:
    session = InterviewSession(find_schedule(schedule_id))
    session.start(0.0)
    return session


def test_a_suggestion_is_confirmed_or_cleared_newest_first_and_rebuilt_from_the_events():
    session = started_session()
    events = session.suggest("resources-needed", 0, "we just haven't got the hours", 12.5)
    events += session.suggest("care-planning-now", 1, "reviewed once a year", 20.0)
    assert session.suggest("resources-needed", 0, "again", 30.0) == [], "a prompt is suggested once"
    assert [mark.prompt for mark in session.suggestions()] == ["staff time", "how often it is reviewed"]
    events += session.clear(31.0)
    events += session.confirm(32.0)
    assert session.suggestions() == []
    with pytest.raises(SessionError):
        session.confirm(33.0)
    staff = session.prompt_marks[("resources-needed", 0)]
    assert (staff.state, staff.offset, staff.decided_offset, staff.evidence) == (
        "confirmed", 12.5, 32.0, "we just haven't got the hours")
    assert session.prompt_marks[("care-planning-now", 1)].state == "cleared"
    assert not session.prompt_covered("care-planning-now", 1) and session.prompt_covered("resources-needed", 0)
    assert [event.kind for event in events] == ["covered", "covered", "cleared", "confirmed"]
    assert events[0].probe == 1, "the event carries the 1-based prompt number"

    rebuilt = InterviewSession.from_events(session.schedule, [
        SimpleNamespace(kind="part", item_id=None, probe=None, text="part 1", offset=0.0), *events])
    assert rebuilt.prompt_marks == session.prompt_marks
    assert rebuilt.elapsed() == 0.0, "coverage events do not move the interview's clock"


def test_marks_from_events_know_the_recording_part_they_were_said_in():
    schedule = find_schedule("npt-key-informant")
    events = [SimpleNamespace(kind="part", item_id=None, probe=None, text="part 1", offset=0.0),
              SimpleNamespace(kind="covered", item_id="policy-drivers", probe=2, text="the CQC", offset=5.0),
              SimpleNamespace(kind="part", item_id=None, probe=None, text="part 2", offset=0.0),
              SimpleNamespace(kind="covered", item_id="fit-with-culture", probe=1, text="risk", offset=3.0),
              SimpleNamespace(kind="covered", item_id="fit-with-culture", probe=9, text="no such prompt", offset=4.0)]
    marks = marks_from_events(schedule, events)
    assert [(m.item_id, m.index, m.part, m.offset) for m in marks] == [
        ("policy-drivers", 1, 1, 5.0), ("fit-with-culture", 0, 2, 3.0)]


def test_before_closing_lists_uncovered_constructs_with_a_question_and_uncovered_prompts():
    session = started_session("npt-toolkit")
    while session.current_id != "anything-more":
        if session.current_id == "changes-made":
            session.suggest("changes-made", 0, "we do it at home now", 1.0)
            session.next(1.0)
        else:
            session.skip(1.0)
    assert at_last_item(session)
    gaps = closing_gaps(session)
    constructs = {gap.label for gap in gaps if gap.kind == "construct"}
    assert "Reflexive monitoring: Reconfiguration" not in constructs, "a covered prompt serves its construct"
    assert "Coherence: Differentiation" in constructs
    differentiation = next(gap for gap in gaps if gap.label == "Coherence: Differentiation")
    assert differentiation.item_id == "how-different" and differentiation.ask.startswith("How would you describe")
    prompts = [(gap.item_id, gap.ask) for gap in gaps if gap.kind == "prompt"]
    assert ("changes-made", "things that were dropped or added") in prompts
    assert ("changes-made", "local adaptations") not in prompts
    assert not any(item_id == "how-different" for item_id, _ in prompts), "skipped items list no prompts"


def test_only_the_participants_words_count():
    assert is_participant_speech("KI-01", stereo=True)
    assert not is_participant_speech("Interviewer", stereo=True)
    assert not is_participant_speech("Speech", stereo=True), "stereo: words on neither channel are unsure"
    assert is_participant_speech("Speech", stereo=False), "mono without live speaker labels: all speech"
    assert not is_participant_speech("Interviewer", stereo=False)


# -- the eval command -----------------------------------------------------------------------------------

@pytest.mark.slow
def test_eval_coverage_prints_precision_and_recall_and_writes_predictions(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    rows = [
        {"id": "a", "schedule": "npt-key-informant", "item": "care-planning-now",
         "text": "Most people have never seen their plan. A copy is meant to be posted out but it never arrives.",
         "covered": [["care-planning-now", 2]]},
        {"id": "b", "schedule": "npt-key-informant", "item": "resources-needed",
         "text": "Sorry, can you hear me? The signal here is terrible.", "covered": []},
    ]
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "predictions.jsonl"
    result = CliRunner().invoke(main, ["eval", "coverage", str(corpus), "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    assert "all prompts" in result.output and "precision" in result.output and "recall" in result.output
    predictions = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predictions] == ["a", "b"]
    assert ["care-planning-now", 2] in predictions[0]["covered"] and predictions[1]["covered"] == []


@pytest.mark.parametrize("line, complaint", [
    ("not json", "not a JSON object"),
    ('{"id": "a", "schedule": "npt-toolkit", "item": "own-tasks", "text": "x"}', "missing covered"),
    ('{"id": "a", "schedule": "nope", "item": "own-tasks", "text": "x", "covered": []}', "unknown schedule"),
    ('{"id": "a", "schedule": "npt-toolkit", "item": "own-tasks", "text": "x", "covered": [["own-tasks", 7]]}',
     "no prompt 7 in item 'own-tasks'"),
])
def test_eval_coverage_names_the_file_and_line_of_a_bad_corpus_line(tmp_path, line, complaint):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "z", "schedule": "npt-toolkit", "item": "own-tasks", "text": "x", "covered": []}\n'
                      + line + "\n")
    result = CliRunner().invoke(main, ["eval", "coverage", str(corpus)])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output and complaint in result.output


def with_phrases(schedule, item_id: str, index: int, phrases: list[str]):
    """`schedule` with `phrases` to listen for given to one prompt."""
    from dataclasses import replace

    def listening(item):
        if item.id != item_id:
            return item
        listen_for = [list(item.listen_for_prompt(i)) for i in range(len(item.prompts))]
        listen_for[index] = phrases
        return replace(item, listen_for=tuple(map(tuple, listen_for)))

    return replace(schedule, sections=tuple(replace(section, items=tuple(map(listening, section.items)))
                                            for section in schedule.sections))


@pytest.mark.slow
def test_a_phrase_to_listen_for_lets_a_prompt_be_covered_in_words_its_own_text_lacks(encoder):
    from interviewer.coverage.detector import CoverageDetector

    schedule = find_schedule("npt-toolkit")
    answer = "I'd say the forms alone are twenty minutes a patient."
    plain = CoverageDetector(schedule, encoder).detect(answer, "shared-purpose")
    listening = CoverageDetector(with_phrases(schedule, "day-to-day-work", 1, [
        "the forms take twenty minutes a patient", "we lose half a morning to it"]), encoder)
    hits = listening.detect(answer, "shared-purpose")
    assert ("day-to-day-work", 1) not in {(hit.item_id, hit.index) for hit in plain}, "time it takes"
    assert ("day-to-day-work", 1) in {(hit.item_id, hit.index) for hit in hits}
    assert hits[0].evidence == answer


def test_a_schedules_readings_are_embedded_once_and_read_back_from_the_cache():
    from interviewer.coverage import readings
    from interviewer.coverage.baseline import Baseline
    from interviewer.coverage.encoder import TokenVectors

    class CountingEncoder:
        calls = 0

        def encode_tokens(self, texts):
            CountingEncoder.calls += 1
            vectors = np.eye(4, dtype=np.float32)[:3]
            return [TokenVectors(["staff", "time", "it"], [0, 6, 11], vectors, vectors[0]) for _ in texts]

    talk = Baseline(np.eye(4, dtype=np.float32), np.array([0, 2]), np.eye(4, dtype=np.float32)[:1])
    texts = ["staff time", "we never have the hours for it"]
    first = readings._cached_readings(CountingEncoder(), texts, talk)
    again = readings._cached_readings(CountingEncoder(), texts, talk)
    assert CountingEncoder.calls == 1, "the second reading comes from the cache folder"
    for name in ("words", "word_starts", "whole", "mean", "spread"):
        assert np.array_equal(getattr(first, name), getattr(again, name)), name
    assert len(first.words) == 2 * len(texts), "'it' says nothing of the topic and is left out"
    readings._cached_readings(CountingEncoder(), texts + ["one more phrase"], talk)
    assert CountingEncoder.calls == 2, "other phrases are read afresh"
