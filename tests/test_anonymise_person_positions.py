"""Tests that a name that is also a place is labelled a person where only a person stands: after a word for a person,
as what someone is called or called by, before an age or 'is her name', or taken up by 'she' or 'he'."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def labels():
    anonymiser = get_anonymiser()
    return lambda text: [(d.entity_type, d.text) for d in anonymiser.detect(text) if d.entity_type != "AGE"]


@pytest.mark.parametrize("text, name", [
    ("Participant: My supervisor, Jordan, lets me swap shifts on a Thursday.", "Jordan"),
    ("Participant: His little one, Paris, she's four, she does the breathing with him.", "Paris"),
    ("Participant: I had one girl, Jordan, fifteen, who hated it so much.", "Jordan"),
    ("Participant: she lives with her dad tyler i see her every other weekend", "tyler"),
    ("Participant: our older boy tyler is at the high school now", "tyler"),
    ("Participant: My boys love it, though. Tyler's fourteen and he'll sled right down.", "Tyler"),
    ("Participant: sure so brooklyn is thirteen now she was ten when it happened", "brooklyn"),
    ("Participant: then the home help comes at ten breda is her name she's a dote", "breda"),
    ("Participant: everybody call me dessie so you can call me that too", "dessie"),
    ("Participant: And my wife, she finally says, 'Lorne', you're going in to see the doctor.", "Lorne"),
    ("Participant: bernie says tae me davie you can keep greetin aboot it", "davie"),
    ("Participant: the macmillan nurse in aberdeen, heather, she phoned every night", "heather"),
])
def test_a_place_name_where_only_a_person_stands_is_a_person(labels, text, name):
    assert ("PERSON", name) in labels(text), labels(text)


@pytest.mark.parametrize("text, place", [
    ("Participant: She grew up in Ancoats, she knew every street.", "Ancoats"),
    ("Participant: My dad is from Heywood, he says it's changed.", "Heywood"),
    ("Participant: For anything serious it's Regina or Saskatoon, two and a half, three hours.", "Saskatoon"),
    ("Participant: Then Leeds, two, three times a year, we'd go.", "Leeds"),
    ("Participant: I grew up in Jordan, my dad was posted there. Jordan's one of the safest.", "Jordan"),
])
def test_a_place_in_a_place_position_stays_a_place(labels, text, place):
    assert ("LOCATION", place) in labels(text) and ("PERSON", place) not in labels(text), labels(text)



@pytest.mark.parametrize("text, name", [
    ("participant: my english is fine, but my brother-in-law naveed had the same thing", "naveed"),
    ("participant: and tell me it would pass. my grandmom dot, though, she kept going", "dot"),
    ("participant: me mam sheila, she came every day", "sheila"),
])
def test_a_name_list_word_after_a_parent_or_an_in_law_is_a_person(labels, text, name):
    assert ("PERSON", name) in labels(text), labels(text)


@pytest.mark.parametrize("text", [
    "participant: my mum rose early every day to get the bus",
])
def test_a_verb_after_a_parent_that_is_also_a_name_is_no_person(labels, text):
    assert labels(text) == [], labels(text)


@pytest.mark.parametrize("text", [
    "participant: the physio put me onto a group, blokes who've had heart attacks, we walk",
    "participant: the cardiologist was a young bloke, top bloke he was",
    "participant: you'd have your supper with the crowd, fellas from the bay",
    "participant: i played for the shamrocks as a young fella, now i coach",
])
def test_words_for_a_sort_of_person_in_lower_case_are_no_names(labels, text):
    assert labels(text) == [], labels(text)


def test_a_nickname_doubling_a_word_for_a_person_stays_a_name(labels):
    assert ("PERSON", "man-man") in labels("participant: my grandson man-man that's demarcus he drives me")
