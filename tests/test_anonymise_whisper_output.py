"""How Whisper writes what was said, and the identifiers in it: a phone number of an unusual length after a phone
word, the name of a code system before the code."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, number", [
    ("Her phone is 718550173 if you need it.", "718550173"),
    ("Text me on my cell, 602555014, any time.", "602555014"),
])
def test_a_long_number_after_a_phone_word_is_a_phone_number_whatever_its_length(anonymiser, text, number):
    assert found(anonymiser, text).get(number) == "PHONE"


def test_a_long_amount_with_no_phone_word_is_no_phone_number(anonymiser):
    assert found(anonymiser, "We paid 450000000 for it in the end.") == {}


def test_the_name_of_a_code_system_is_kept_and_its_code_redacted(anonymiser):
    assert found(anonymiser, "The Eircode is A91 P6R2.") == {"A91 P6R2": "POSTCODE"}
