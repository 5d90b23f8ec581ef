"""Dates said the short way: a month cut short beside a day or a year, a day written 1st to 3rd said alone, a day
said after 'due' or 'birthday', the first of two days that share one month, a month told by the year it was in, a
year said by two digits or bounding a time with another."""

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


@pytest.mark.parametrize("text, said", [
    ("Participant: In October last year the pain came back.", ["October last year"]),
    ("p: it was april just gone we got the news", ["april just gone"]),
    ("Participant: In May last year he had the first fall.", ["May last year"]),
    ("p: my mum passed in oh nine, just before christmas", ["oh nine"]),
    ("Participant: We came over in '01 with nothing.", ["'01"]),
    ("p: they got married in seventy-four in the registry office", ["seventy-four"]),
    ("Participant: I was in the army from 2009 to 2014, two tours.", ["2009 to 2014"]),
    ("p: she was born twenty eleven and he was born twenty fourteen", ["twenty eleven", "twenty fourteen"]),
    ("Participant: I saw her on Friday 9th and she seemed fine.", ["Friday 9th"]),
    ("Participant: The referral letter said 03/2022 and nothing since.", ["03/2022"]),
    ("p: during twenty twenty i hardly went out", ["twenty twenty"]),
])
def test_a_month_or_year_told_by_its_year_or_its_last_digits_is_a_date(anonymiser, text, said):
    assert dates(anonymiser, text) == said


@pytest.mark.parametrize("text", [
    "p: from 2000 to 3000 people came through the doors",
    "p: he moved in ninety-eight percent of the cases",
    "p: she was in oh eight ward for a month",
    "Participant: We may last year have got it wrong.",
    "p: between 2018 and 2016 nothing",
])
def test_amounts_wards_and_the_verb_may_are_no_dates(anonymiser, text):
    assert dates(anonymiser, text) == []
