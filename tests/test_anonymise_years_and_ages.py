"""A year said or written alone after a word that places an event in it ('moved here in 2019', 'since twenty
fourteen') is a date of the speaker's life; amounts and durations ('in twenty minutes', '2000 people') are not years.
Ages said together ('they're eleven and eight') or after a name set apart ('Jack, is seven') are ages."""

from __future__ import annotations

import pytest


def dates(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "DATE"]


@pytest.mark.parametrize("text, year", [
    ("Participant: We came from Lahore in 2019. First we lived with my cousin.", "2019"),
    ("Participant: I've been on the transplant list since 2020.", "2020"),
    ("Participant: In 2016, at the clinic, they told me.", "2016"),
    ("Participant: I waited till 2021 for the operation.", "2021"),
    ("participant: it was copd in twenty fourteen i was fifty-nine", "twenty fourteen"),
    ("participant: back in nineteen ninety-eight i was fine", "nineteen ninety-eight"),
    ("participant: we've been here since two thousand and nine", "two thousand and nine"),
    ("participant: we moved in twenty oh eight and never looked back", "twenty oh eight"),
])
def test_a_year_of_an_event_is_a_date(anonymiser, text, year):
    assert dates(anonymiser, text) == [year]


@pytest.mark.parametrize("text", [
    "participant: i'll be there in twenty minutes and we go in twenty two days",
    "Participant: There were 2000 people at the march, it went up by 2015 percent.",
    "Participant: They said in twenty-one days, then in 1998-99 they changed the rules.",
    "Participant: The 2012 Olympics were on and we watched the World Cup.",
])
def test_amounts_durations_and_years_not_after_a_placing_word_are_no_dates(anonymiser, text):
    assert dates(anonymiser, text) == []


@pytest.mark.parametrize("text, ages", [
    ("participant: the girls ellie and rosie they're eleven and eight they know when it's a bad day", ["eleven", "eight"]),
    ("Participant: They're six and nine, the two of them.", ["six", "nine"]),
    ("Participant: My youngest, Jack, is seven and he doesn't get why.", ["seven"]),
])
def test_ages_said_together_or_after_a_name_set_apart_are_ages(anonymiser, text, ages):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"] == ages


@pytest.mark.parametrize("text", [
    "Participant: She was twenty and two kids already.",
    "Participant: I was forty and three months when it started.",
])
def test_a_count_after_an_age_and_and_is_no_age(anonymiser, text):
    assert len([d for d in anonymiser.detect(text) if d.entity_type == "AGE"]) == 1


@pytest.mark.parametrize("text", ["He has the injection every 28 days until he's 21 at least.", "I'm 40 at most, she said."])
def test_an_age_hedged_with_at_least_or_at_most_is_an_age(anonymiser, text):
    assert any(d.entity_type == "AGE" for d in anonymiser.detect(text))


def test_a_number_before_at_a_place_is_no_age(anonymiser):
    assert not any(d.entity_type == "AGE" for d in anonymiser.detect("She was 3 at the clinic that week."))


@pytest.mark.parametrize("text, date", [
    ("participant: i arrive here nineteen eighty nine with my two sons", "nineteen eighty nine"),
    ("participant: yeah so um it was twenty nineteen i'd just moved to the city", "twenty nineteen"),
    ("Participant: She came over 2003 with the kids.", "2003"),
    ("Participant: He was in from the twenty-third right through to New Year.", "twenty-third"),
    ("Participant: And then me on, like, the 23rd, so we had Christmas in bed.", "23rd"),
])
def test_a_year_after_it_was_or_a_move_and_a_day_said_alone_are_dates(anonymiser, text, date):
    assert date in [d.text for d in anonymiser.detect(text) if d.entity_type == "DATE"]


@pytest.mark.parametrize("text", [
    "Participant: It was two thousand a month for the care.",
    "Participant: That was 2000 pounds we never saw again.",
    "Participant: My room was on the third floor.",
    "Participant: It was the fourth time she fell.",
])
def test_amounts_floors_and_counts_are_no_dates(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "DATE"] == []


@pytest.mark.parametrize("text, date", [
    ("Participant: I had the stroke in late 2017 and never went back.", "late 2017"),
    ("Participant: It was mid-2018 when I lost the job.", "mid-2018"),
    ("participant: early twenty nineteen i got the letter", "early twenty nineteen"),
    ("Participant: By the end of 2020 I was back at work.", "the end of 2020"),
])
def test_a_year_placed_roughly_is_a_date(anonymiser, text, date):
    assert dates(anonymiser, text) == [date]


@pytest.mark.parametrize("text", ["Participant: In the late 1990s we all moved out.",
                                  "Participant: By the end of 2000 people had signed it."])
def test_a_decade_or_an_amount_after_a_rough_word_is_no_date(anonymiser, text):
    assert dates(anonymiser, text) == []


def test_a_year_with_a_word_joined_on_is_no_code(anonymiser):
    assert not any(d.entity_type == "ID_NUMBER" for d in anonymiser.detect("Pre-2020 it was fine, mid-2018 it wasn't."))


@pytest.mark.parametrize("text, date", [
    ("Participant: I got the letter on Tuesday the 9th and rang them.", "Tuesday the 9th"),
    ("participant: it was a friday the twenty-second he went in", "friday the twenty-second"),
])
def test_a_weekday_with_its_day_of_the_month_is_a_date(anonymiser, text, date):
    assert dates(anonymiser, text) == [date]


def test_a_weekday_before_the_first_thing_is_no_date(anonymiser):
    assert dates(anonymiser, "Participant: On Monday the first thing I do is ring her.") == []


@pytest.mark.parametrize("text, date", [
    ("Participant: We moved over in the autumn of '98, just before Christmas.", "autumn of '98"),
    ("Participant: The summer of ’76 was the hottest I remember.", "summer of ’76"),
    ("Participant: It was March ’09 when he went into the home.", "March ’09"),
])
def test_a_season_or_month_with_a_year_cut_short_is_a_date(anonymiser, text, date):
    assert date in dates(anonymiser, text)
