"""Ages and postcodes as speech recognition writes them: an age said first, after a hedge word, after a name in
lower case; a postcode spelled out in lower case."""

from __future__ import annotations

import pytest


def of_type(anonymiser, text, entity_type):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == entity_type]


@pytest.mark.parametrize("text, age", [
    ("Participant: Nineteen, she was, when she had him.", "Nineteen"),
    ("Participant: Twenty-six I was, with three kids.", "Twenty-six"),
    ("Participant: She was only 16 at the time.", "16"),
    ("Participant: I was like twenty when I moved over.", "twenty"),
    ("Participant: She was going on ninety.", "ninety"),
    ("participant: our lad jaxon was six and he kept asking why", "six"),
    ("participant: and then there is a girl, oluchi, fourteen, who comes on tuesdays", "fourteen"),
    ("Participant: Being eighty-two, I can't get about much.", "eighty-two"),
    ("Participant: My youngest is 12, he's at the middle school.", "12"),
])
def test_ages_said_the_way_people_speak(anonymiser, text, age):
    assert of_type(anonymiser, text, "AGE") == [age]


@pytest.mark.parametrize("text", [
    "Participant: He was at home at the time, and I was there at six at night.",
    "Participant: It was like five at the most.",
    "participant: it was seven when we got there, and the shop was ten minutes away",
    "participant: that is seven, i think, and the bus is nine.",
    "Participant: Being one of five kids, I learnt to share.",
    "Participant: My brother is two years older.",
])
def test_times_and_counts_are_not_ages(anonymiser, text):
    assert of_type(anonymiser, text, "AGE") == []


def test_a_postcode_spelled_out_in_lower_case(anonymiser):
    text = "participant: so we are at l s nine, four q t, right by the park"
    assert of_type(anonymiser, text, "POSTCODE") == ["l s nine, four q t"]


@pytest.mark.parametrize("text, age", [
    ("I'm sitting there forty seven year of age thinking what am I gonna do.", "forty seven year of age"),
    ("I have a daughter of six, and my husband travels a lot.", "six"),
    ("There was a woman of eighty-two in the next bed.", "eighty-two"),
    ("I was a lad of nineteen when I joined.", "nineteen"),
])
def test_an_age_in_dialect_or_describing_a_person(anonymiser, text, age):
    assert of_type(anonymiser, text, "AGE") == [age]


@pytest.mark.parametrize("text", [
    "She had a baby of six months at the time.",
    "He is a man of his word and a man of few words.",
])
def test_a_persons_months_or_character_are_no_age(anonymiser, text):
    assert of_type(anonymiser, text, "AGE") == []


@pytest.mark.parametrize("text, age", [("P: My Mam lives up by Ton Pentre, she's in her eighties.", "eighties"),
                                       ("p: i was in my late forties when it started", "late forties")])
def test_an_age_given_by_its_decade_is_an_age(anonymiser, text, age):
    assert (age, "AGE") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


def test_music_of_a_decade_is_no_age(anonymiser):
    assert anonymiser.detect("P: Music from the eighties is the best.") == []


def test_an_age_given_by_its_decade_keeps_its_decade_in_the_placeholder(anonymiser):
    from interviewer.anonymise.placeholders import Placeholders, redact

    text = "P: She's in her eighties and I was in my late forties."
    assert redact(text, anonymiser.detect(text), Placeholders())[0] == "P: She's in her [AGE 80s] and I was in my [AGE 40s]."


def test_a_groups_decade_is_no_ones_age(anonymiser):
    text = "p: about forty. most of them are in their eighties, one or two in their nineties."
    assert not any(d.entity_type == "AGE" and "ties" in d.text for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, age", [
    ("Participant: She's coming up for nine now and she knows it all.", "nine"),
    ("Participant: My grandad lived to ninety-six, sharp to the end.", "ninety-six"),
    ("participant: he's going on for seventy and still on the roofs", "seventy"),
])
def test_an_age_approached_or_lived_to_is_an_age(anonymiser, text, age):
    assert (age, "AGE") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]
