"""Tests that a business named in lower case by ordinary words and its trade ('peak fitness', 'wearside glazing') is
an organisation where someone goes, joins or works, whichever rule found its first word."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def detect():
    anonymiser = get_anonymiser()
    return lambda text: [(d.entity_type, d.text) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, name", [
    ("participant: and i'm going to peak fitness twice a week for the chest", "peak fitness"),
    ("participant: the physio sent me tae forge fitness on a referral", "forge fitness"),
    ("participant: every morning i go to summit athletic, my sponsor works the desk", "summit athletic"),
    ("participant: i go to ironbark fitness three mornings a week before work", "ironbark fitness"),
    ("participant: got laid off from wearside glazing in 2020 after twenty years", "wearside glazing"),
])
def test_ordinary_words_and_a_trade_where_one_goes_name_a_business(detect, text, name):
    assert ("ORGANIZATION", name) in detect(text), detect(text)


@pytest.mark.parametrize("text", [
    "participant: i go to the fitness class on a monday",
    "participant: he's very athletic, always was",
    "participant: back and forth to the hospital in ola autos every day",
])
def test_a_trade_word_alone_or_said_of_someone_names_no_business(detect, text):
    assert not any(kind == "ORGANIZATION" for kind, _ in detect(text)), detect(text)
