"""Dates said the short way: a month cut short beside a day or a year, a day written 1st to 3rd said alone, a day
said after 'due' or 'birthday', and the first of two days that share one month."""

from __future__ import annotations

import pytest


def dates(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "DATE"]


@pytest.mark.parametrize("text, said", [
    ("p: we signed on the sixth of nov and moved in the week after", ["the sixth of nov"]),
    ("p: sept twenty eighteen was when it started", ["sept twenty eighteen"]),
    ("Participant: Oct '17 was the first time I went in.", ["Oct '17"]),
    ("Participant: The scan was on the 3rd and the results came on the 11th.", ["3rd", "11th"]),
    ("p: his birthday's the nineteenth so we'll do it then", ["nineteenth"]),
    ("Participant: We were away from the 2nd to the 9th of May, and that's when he fell.", ["the 2nd", "the 9th of May"]),
    ("p: the fifth and sixth of june were the worst days", ["the fifth", "sixth of june"]),
])
def test_a_date_said_short_or_sharing_its_month_is_a_date(anonymiser, text, said):
    assert dates(anonymiser, text) == said


@pytest.mark.parametrize("text", [
    "Participant: We were on the 2nd floor, then the 3rd floor.",
    "p: she came 2nd and I came 3rd in the race",
    "p: jan and dec run the group between them",
    "p: he got on the first bus and went home",
    "p: my due date was a nightmare to work out",
])
def test_floors_places_names_and_firsts_are_no_dates(anonymiser, text):
    assert dates(anonymiser, text) == []
