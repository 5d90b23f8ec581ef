"""Tests for hospitals and wards named the ways North American and Irish speakers name them: a word before 'General',
a ward by its floor and wing, a saint's school or hospital with an accented name."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def detect():
    anonymiser = get_anonymiser()
    return lambda text: [(d.entity_type, d.text) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, entity_type, name", [
    ("Participant: The paramedics took me to Harbour General and I was there nine days.", "HOSPITAL", "Harbour General"),
    ("Participant: She was in Mercy Regional for a week.", "HOSPITAL", "Mercy Regional"),
    ("Participant: I was up on 6 West, the cardiac floor, for nine days.", "WARD", "6 West"),
    ("participant: they moved her to four north after the surgery", "WARD", "four north"),
    ("participant: i was on the cedar unit for detox and then they got me a bed", "WARD", "the cedar unit"),
    ("Participant: Her lad is doing the Leaving Cert this year in St. Ciarán's, and he took it hard.", "HOSPITAL", "St. Ciarán's"),
])
def test_hospitals_wards_and_saints_schools_are_found(detect, text, entity_type, name):
    assert (entity_type, name) in detect(text), detect(text)


@pytest.mark.parametrize("text", [
    "Participant: He wrote to the Attorney General about it.",
    "Participant: We laid a wreath at the War Memorial.",
    "Participant: We drove down 5 West Street and turned off.",
    "Participant: The wind was from the north all week.",
    "participant: he was in the stroke unit for a week",
])
def test_ranks_memorials_streets_and_compass_words_are_no_hospital_or_ward(detect, text):
    assert not any(kind in ("HOSPITAL", "WARD") for kind, _ in detect(text)), detect(text)
