"""How Whisper writes what was said, and the identifiers in it: a name's generic head in lower case after the
capitalised name ('the Milton Park surgery'), a phone number of an unusual length after a phone word."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, name, kind", [
    ("I go to the Milton Park surgery on a Tuesday.", "Milton Park surgery", "HOSPITAL"),
    ("She works at the Lakeside medical centre in town.", "Lakeside medical centre", "HOSPITAL"),
    ("We took him to the Riverside health center.", "Riverside health center", "HOSPITAL"),
    ("Then the Greenbank practice rang me back.", "Greenbank practice", "HOSPITAL"),
    ("He was at Oakwood primary school for six years.", "Oakwood primary school", "ORGANIZATION"),
    ("They had a bed for him at Dunmore care home.", "Dunmore care home", "ORGANIZATION"),
])
def test_a_name_keeps_its_head_when_whisper_writes_the_head_in_lower_case(anonymiser, text, name, kind):
    assert found(anonymiser, text).get(name) == kind


@pytest.mark.parametrize("text", [
    "We went to the Sunday school at church.",
    "I rang the National Health clinic.",
    "She goes to the Catholic church on the corner.",
    "I told Sarah surgery was booked.",
])
def test_a_day_a_national_word_or_a_faith_before_a_lower_case_head_names_no_institution(anonymiser, text):
    assert not any(kind in ("HOSPITAL", "ORGANIZATION") for kind in found(anonymiser, text).values())


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
