"""Ages told by what someone did from or at them, a baby's weeks and months, and dates told by a holiday, a birthday,
a weekday or the year they fell in; with the amounts, times and whiles that look like them."""

from __future__ import annotations

import pytest


def of_type(anonymiser, text, entity_type):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == entity_type]


@pytest.mark.parametrize("text, age", [
    ("Participant: He smoked a pack a day from thirteen and drank rye like water.", "thirteen"),
    ("Participant: I left the school at sixteen an' all, straight into the yard.", "sixteen"),
    ("Participant: Moved out here from Regina at nineteen for the work.", "nineteen"),
    ("Participant: She lost her dad at fifty-nine to the same thing.", "fifty-nine"),
    ("participant: a fella i worked beside, died at fifty-six of the lung cancer", "fifty-six"),
    ("Participant: I worked in the canteen at the factory, from sixteen until I had my first.", "sixteen"),
    ("Participant: Started at fourteen behind the science block.", "fourteen"),
])
def test_an_age_told_by_what_was_done_from_or_at_it(anonymiser, text, age):
    assert of_type(anonymiser, text, "AGE") == [age]


@pytest.mark.parametrize("text", [
    "Participant: I worked from twelve till two most days.",
    "Participant: They started me at twenty milligrams.",
    "Participant: We moved the clinic at fifteen hundred.",
    "Participant: He started at thirteen stone and he's lost loads.",
    "Participant: I left at sixteen thirty to get the bus.",
    "Participant: I was smoking from ten a day up to forty.",
])
def test_an_amount_or_a_time_after_from_or_at_is_no_age(anonymiser, text):
    assert of_type(anonymiser, text, "AGE") == []


@pytest.mark.parametrize("text, age", [
    ("Participant: There's Róisín, who's ten weeks, and her brother.", "ten weeks"),
    ("Participant: The youngest, Mia, is eighteen months and I've only met her twice.", "eighteen months"),
    ("Participant: The grandbaby, Ava, she's fourteen months.", "fourteen months"),
    ("Participant: He's got a little one himself now, Alfie, eight months and into everything.", "eight months"),
    ("participant: the little one who's only eighteen month so she's into everything", "eighteen month"),
])
def test_a_babys_age_in_weeks_or_months(anonymiser, text, age):
    assert of_type(anonymiser, text, "AGE") == [age]


@pytest.mark.parametrize("text", [
    "Participant: She was six months pregnant at the time.",
    "Participant: He's two months clean now, touch wood.",
    "Participant: It was six months before anyone rang.",
    "Participant: John was three months in hospital.",
    "Participant: The waitlist down in Madison was fourteen months.",
])
def test_a_while_in_weeks_or_months_is_no_babys_age(anonymiser, text):
    assert of_type(anonymiser, text, "AGE") == []


@pytest.mark.parametrize("text, age", [
    ("Participant: Our Kaitlyn's boys are five and a half and three.", ["five and a half", "three"]),
    ("Participant: Seventy next year, I said to her.", ["Seventy"]),
    ("Participant: She's no even thirty and she's a carer overnight.", ["thirty"]),
    ("Participant: She's a retired nurse, seventy-four and still snowmobiling.", ["seventy-four"]),
    ("participant: the wee lad conor is nine going on forty so he is", ["nine"]),
    ("participant: there's rose, eight, she's mad on ponies", ["eight"]),
])
def test_ages_said_with_a_half_a_hedge_or_beside_a_role(anonymiser, text, age):
    assert of_type(anonymiser, text, "AGE") == age


def test_a_half_before_hours_is_a_while(anonymiser):
    assert of_type(anonymiser, "Participant: She's two and a half hours away.", "AGE") == []
    assert of_type(anonymiser, "participant: it's regina or saskatoon, two and a half, three hours.", "AGE") == []


@pytest.mark.parametrize("text, date", [
    ("Participant: They let me out the day after St David's Day.", "the day after St David's Day"),
    ("Participant: He rang me on the Friday after Paddy's Day.", "the Friday after Paddy's Day"),
    ("Participant: He passed the Thursday after Thanksgiving in 2015.", "the Thursday after Thanksgiving in 2015"),
    ("participant: oh aye it were the tuesday after me birthday because", "the tuesday after me birthday"),
    ("participant: the saturday before my thirtieth was the first time", "the saturday before my thirtieth"),
    ("participant: i found out on hogmanay twenty twenty-one, which", "hogmanay twenty twenty-one"),
    ("Participant: The bloke who ran it passed away, Melbourne Cup Day 2022.", "Melbourne Cup Day 2022"),
    ("Participant: First session was Tuesday 18 April, I've still got the letter.", "Tuesday 18 April"),
    ("Participant: Her baptism is Sunday, October 13th at the church.", "Sunday, October 13th"),
    ("Participant: The worst was the 28th of February last year.", "the 28th of February last year"),
    ("Participant: Echo on the 30th of this month, at ten past nine.", "30th of this month"),
    ("Participant: My appointment with the specialist is Oct. 22, and.", "Oct. 22"),
    ("participant: a right bad do, that'd be twenty nineteen, and i were in for nine days", "twenty nineteen"),
])
def test_a_date_told_by_a_holiday_a_birthday_a_weekday_or_its_year(anonymiser, text, date):
    assert of_type(anonymiser, text, "DATE") == [date]


@pytest.mark.parametrize("text", [
    "Participant: Every Christmas we go up to my sister's.",
    "Participant: We had Thanksgiving this year at my cousin's.",
    "Participant: I missed the whole week after Easter with a chest infection.",
    "Participant: We had hail last April, it put dents in the car.",
    "Participant: Jan and Dec came round on the Tuesday.",
])
def test_a_holiday_or_a_month_said_generally_is_no_date(anonymiser, text):
    assert of_type(anonymiser, text, "DATE") == []
