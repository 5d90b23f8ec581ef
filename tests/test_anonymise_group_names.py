"""Local groups people join, named in ordinary capitalised words before a group's head ('Choir', 'Walkers',
'Growers', 'Recovery', 'Collective'), and the kinds of group those heads also close."""

from __future__ import annotations

import pytest


def organisations(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, name", [
    ("Participant: She sings with the Kestrel Choir every week.", "the Kestrel Choir"),
    ("Participant: We joined the Bramble Walkers last spring.", "the Bramble Walkers"),
    ("Participant: My knitting group, the Heather Knitters, meets on a Monday.", "the Heather Knitters"),
    ("Participant: A few of the blokes from the Copper Creek Cane Growers came round.", "the Copper Creek Cane Growers"),
    ("Participant: My sister drove me to Bright Morning Recovery the next day.", "Bright Morning Recovery"),
    ("Participant: It's run by the Steady Hands Collective.", "the Steady Hands Collective"),
])
def test_a_group_named_in_ordinary_words_before_its_head(anonymiser, text, name):
    assert any(name.removeprefix("the ") in span for span in organisations(anonymiser, text))


@pytest.mark.parametrize("text", [
    "Participant: I sing in the Community Choir.",
    "Participant: She joined the Male Voice Choir.",
    "Participant: We love the Military Wives Choir on the telly.",
    "Participant: The Recovery Collective helped.",
])
def test_the_kind_of_group_is_no_name(anonymiser, text):
    assert organisations(anonymiser, text) == []
