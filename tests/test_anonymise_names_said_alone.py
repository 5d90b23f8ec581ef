"""Names that the talk around them makes plain though they are also words: a first name said as a sentence of its own,
the next sentence about them ('Mine's my brother. Dean. He took …'), and a day's name set apart after kin and spoken
of next ('my first son, Sunday, he is fifteen')."""

from __future__ import annotations

import pytest


def people(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("Participant: Mine's my brother. Dean. He took his own life in the spring.", "Dean"),
    ("Participant: My husband's the same. Dale. He's got a truck he won't let anyone near.", "Dale"),
    ("Participant: There was one nurse. Grace. She sat with me all night.", "Grace"),
])
def test_a_first_name_said_alone_before_a_sentence_about_them(anonymiser, text, name):
    assert name in people(anonymiser, text)


@pytest.mark.parametrize("text", [
    "Participant: I said no. Right. He just laughed.",
    "Participant: It was cold. March. She was born then.",
])
def test_a_word_said_alone_that_is_no_first_name_stays(anonymiser, text):
    assert people(anonymiser, text) == []


@pytest.mark.parametrize("text, name", [
    ("Participant: My first son, Sunday, he is fifteen, he checks on her.", "Sunday"),
    ("participant: my first son, sunday, he is fifteen, he checks on her", "sunday"),
])
def test_a_days_name_set_apart_after_kin_and_spoken_of_is_a_name(anonymiser, text, name):
    assert name in people(anonymiser, text)


def test_a_day_set_apart_after_kin_but_not_spoken_of_stays_a_day(anonymiser):
    assert people(anonymiser, "Participant: I told my daughter, Sunday, that I was fine.") == []


def test_a_name_given_as_what_someone_is_called_keeps_its_kin_word_in_every_mention(anonymiser):
    text = ("P: I live with my grandmother, who everybody calls Mama Tulia. Mama Tulia had a whole system. "
            "My friend Mama Njeri came round too.")
    assert [d.text for d in anonymiser.detect(text)] == ["Mama Tulia", "Mama Tulia", "Njeri"]


@pytest.mark.parametrize("text, name", [
    ("P: First person I saw was Spud, a fella I went to school with.", "Spud"),
    ("P: Blessing, a nurse from the ward, rang me that night.", "Blessing"),
])
def test_a_word_set_before_an_apposition_saying_what_person_it_is_is_a_name(anonymiser, text, name):
    assert (name, "PERSON") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, word", [
    ("P: I grew up in Leeds, a lad from the estate, and never left.", "Leeds"),
    ("P: It was Christmas, a lad came round with a card.", "Christmas"),
    ("P: The fellas from the Northern Peninsula, a woman from down the shore, all came.", "Peninsula"),
    ("p: it was grim, a bloke told me after", "grim"),
])
def test_a_place_calendar_word_or_end_of_a_longer_name_before_such_an_apposition_is_no_person(anonymiser, text, word):
    assert not [d for d in anonymiser.detect(text) if word in d.text and d.entity_type == "PERSON"]
