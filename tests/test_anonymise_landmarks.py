"""Tests that capitalised words after 'the' and a word saying where, in a cased transcript, name a landmark or venue,
while kinds of place, events, papers and national bodies stay (anonymise/landmarks.py)."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def detect():
    anonymiser = get_anonymiser()
    return lambda text: [(d.entity_type, d.text.removeprefix("the ")) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, entity_type, name", [
    ("Participant: There's a group for heart patients, they meet above in the Copper Kettle of a Friday.", "ORGANIZATION", "Copper Kettle"),
    ("Participant: We walk along the waterfront to the Old Signal Tower and back.", "LOCATION", "Old Signal Tower"),
    ("Participant: Everybody in the North End knew the bakery.", "LOCATION", "North End"),
    ("Participant: Saturday mornings I'm stood by the Old Kiln freezing.", "LOCATION", "Old Kiln"),
    ("Participant: Coffee after at the Wagon Wheel, then home.", "ORGANIZATION", "Wagon Wheel"),
    ("Participant: We live just across the River Tay now.", "LOCATION", "River Tay"),
    ("Participant: I go to the Wednesday Wanderers on the canal.", "ORGANIZATION", "Wednesday Wanderers"),
])
def test_capitalised_words_after_the_where_a_place_stands_are_redacted(detect, text, entity_type, name):
    assert (entity_type, name) in detect(text), detect(text)


@pytest.mark.parametrize("text", [
    "Participant: My granddad fought in the Second World War, he never talked about it.",
    "Participant: I read it in the Daily Mail last week.",
    "Participant: We went to the Food Bank on a Tuesday.",
    "Participant: She goes to the Health Centre for her bloods.",
    "Participant: I go to the Swimming Pool and the School Gym.",
    "Participant: He was in the Royal Navy for twenty years.",
    "Participant: I went to the Job Centre and they sent me on a course.",
    "Participant: It's by the Post Office on the corner.",
    "Participant: In the Spring I'm going down to see my mother.",
    "Participant: We went to the New Year party at the club.",
    "Participant: She got a place at the Open University doing nursing.",
    "Participant: We went to the Sunday Roast at the pub.",
    "Participant: I read it in the Sunday Times.",
])
def test_kinds_of_place_events_papers_and_national_bodies_after_the_stay(detect, text):
    assert detect(text) == [], detect(text)

