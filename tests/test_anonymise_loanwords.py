"""Everyday words of other languages and dialects in English talk are never names, and a word of respect after a
name is no part of it; a loanword that is also a given name is left to the name rules."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text", [
    "it's the craic you know it gets you out the house",
    "Interviewer: kia ora and talofa, thanks for having me.",
    "she says your mother is your jannah so this is your worship, alhamdulillah",
    "he started kindy in the february and loved it",
])
def test_everyday_words_of_other_languages_are_not_names(anonymiser, text):
    assert found(anonymiser, text) == []


def test_a_word_of_respect_after_a_name_is_no_part_of_it(anonymiser):
    assert ("Tariq", "PERSON") in found(anonymiser, "My brother, Tariq bhai, lives in Leeds now.")
    assert not any("bhai" in text for text, _ in found(anonymiser, "My brother, Tariq bhai, lives in Leeds now."))


@pytest.mark.parametrize("text", [
    "Participant: Ja, okay. So I was working nights then.",
    "p: we had a big hui at our place and everyone brought food",
    "P: After the hui at our place, everyone stayed for the food.",
    "p: he's canny good and she's bostin, the babby's grand",
    "p: we went to timmies for a double-double after",
])
def test_a_loanword_that_is_also_a_given_name_is_the_word_where_written_as_one(anonymiser, text):
    assert not any(word.lower() in ("ja", "hui", "bostin", "babby", "timmies", "double-double")
                   for word, _ in found(anonymiser, text))


@pytest.mark.parametrize("text", ["P: My cousin Hui came over for the weekend.", "p: my cousin hui came over for the weekend"])
def test_a_given_name_that_is_also_a_loanword_is_a_name_with_a_capital_or_a_name_cue(anonymiser, text):
    assert any(word.lower() == "hui" and kind == "PERSON" for word, kind in found(anonymiser, text))


def test_a_given_name_is_not_spread_to_the_loanword_it_also_is(anonymiser):
    text = "P: My midwife, Tia, was lovely. Whetu did a hui at our place and Tia came."
    assert [w for w, _ in found(anonymiser, text) if w.lower() == "hui"] == []


@pytest.mark.parametrize("text, word", [
    ("participant: our gary mithered me till i went to the doctor", "mithered"),
    ("participant: the house was munted after the quake, red stickered", "munted"),
])
def test_a_dialect_word_is_no_part_of_a_name_and_no_word_in_no_word_list(anonymiser, text, word):
    analysis = anonymiser.analyse(text)
    assert not [d for d in analysis.detections if word in d.text]
    assert not [s for s in analysis.suggestions if s.reason == "a lower-case word in no word list" and word in s.text]


@pytest.mark.parametrize("text, name", [
    ("P: My pal Shug dragged me along to the group.", "Shug"),
    ("P: Oh, sorry, Pádraig. Everyone calls him Packie. Packie had to get his brother in.", "Packie"),
    ("P: There was a lad on the ward, everyone calls him Craic, and Craic had us in stitches.", "Craic"),
    ("participant: the gp referred me to kaitiaki whanau, they're a charity for dads", "kaitiaki whanau"),
])
def test_a_dialect_word_or_loanword_someone_is_called_by_or_an_organisation_is_named_in_is_a_name(anonymiser, text, name):
    assert name in [d.text for d in anonymiser.detect(text)]
