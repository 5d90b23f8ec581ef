"""How Whisper writes what was said, and the identifiers in it: a name's generic head in lower case after the
capitalised name ('the Milton Park surgery')."""

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
