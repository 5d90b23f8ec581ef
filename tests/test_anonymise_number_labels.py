"""Tests that a long number is labelled by what it is said to be: a phone after a phone's name, an identity number
after an identity number's name, whichever is nearer."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def labels():
    anonymiser = get_anonymiser()
    return lambda text: {d.text: d.entity_type for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, number", [
    ("Participant: my cell is five oh nine five five five two three one four if you need it", "five oh nine five five five two three one four"),
    ("Participant: my home number is six one three, five five five, oh one four two", "six one three, five five five, oh one four two"),
    ("Participant: the number is three oh six five five five one two one two and ask for the desk", "three oh six five five five one two one two"),
    ("Participant: text her on four one six five five five oh one nine eight", "four one six five five five oh one nine eight"),
    ("Participant: My NHS number is on the card, ring me on 214 555 0143 instead.", "214 555 0143"),
    ("Participant: Her phone number is 943 476 5919, that's the house.", "943 476 5919"),
])
def test_a_long_number_after_a_phones_name_is_a_phone(labels, text, number):
    assert labels(text).get(number) == "PHONE", labels(text)


@pytest.mark.parametrize("text, number", [
    ("Participant: Her NHS number? 943 476 5919, I know it off by heart.", "943 476 5919"),
    ("Participant: The NHS number, she said it twice, 485 777 3456.", "485 777 3456"),
])
def test_a_number_after_an_identity_numbers_name_is_no_phone(labels, text, number):
    assert labels(text).get(number) == "NHS_NUMBER", labels(text)


def test_a_number_after_an_identity_numbers_name_stays_an_identity_number(labels):
    text = "Participant: my medicare number is two nine five one four three two one zero one"
    assert labels(text).get("two nine five one four three two one zero one") == "ID_NUMBER", labels(text)
