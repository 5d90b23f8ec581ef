"""Ages said of children together, beside who they are, after 'the age of' or 'who's', and a baby's age in months."""

from __future__ import annotations

import pytest


def ages(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"]


@pytest.mark.parametrize("text, said", [
    ("Participant: By the age of 30 she had three kids.", ["30"]),
    ("Participant: From the age of twelve I was caring for her.", ["twelve"]),
    ("Participant: I'm coming up 60 next month.", ["60"]),
    ("Participant: The twins are four.", ["four"]),
    ("Participant: I've got two boys, eight and ten.", ["eight", "ten"]),
    ("Participant: She's a big girl now, eleven, but she still cries.", ["eleven"]),
    ("Participant: They said at my age, 67, it's normal.", ["67"]),
    ("Participant: My grandson, him is twelve, him check my foot.", ["twelve"]),
    ("participant: and our niamh who's only nine started doing the dishes", ["nine"]),
    ("participant: my son he's seven he knows when i need to lie down", ["seven"]),
    ("Participant: I've played since I was, like, six.", ["six"]),
    ("Participant: My granddaughter's six months old.", ["six months old"]),
    ("Participant: The baby's eight weeks.", ["eight weeks"]),
    ("Participant: We had a party for Mum's 80th last year.", ["80th"]),
    ("Participant: For my fortieth we went away.", ["fortieth"]),
    ("Participant: Eighty-seven and still driving, my nan.", ["Eighty-seven"]),
    ("Participant: Oldest is 16, youngest 12.", ["16", "12"]),
    ("Participant: He was forty-nine years young.", ["forty-nine years young"]),
    ("Participant: I had one girl, Jordan, fifteen, who hated it so much.", ["fifteen"]),
    ("Participant: My lad, Kai, fourteen, he plays every week.", ["fourteen"]),
])
def test_an_age_said_of_someone(anonymiser, text, said):
    assert ages(anonymiser, text) == said


@pytest.mark.parametrize("text", [
    "Participant: You have to be over the age of 18 to get it.",
    "Participant: Anyone under the age of 16 needs a parent there.",
    "Participant: The kids are two streets away.",
    "Participant: I've got three kids, two boys and a girl.",
    "Participant: The children are 20 minutes away by car.",
    "Participant: We were, like, ten people in that waiting room.",
    "Participant: She was pushing two prams up the hill.",
    "Participant: I waited six weeks for the scan.",
    "Participant: My brother, three doors down, drives me.",
    "Participant: It was our 25th in June, we went to Whitby.",
    "Participant: That was my 12th cycle of chemo.",
    "Participant: The youngest two are still at home.",
    "Participant: Then Leeds, two, three times a year, we'd go.",
    "Participant: My HbA1c was 58 last time, so they upped the dose.",
])
def test_a_limit_a_count_or_a_while_is_no_age(anonymiser, text):
    assert ages(anonymiser, text) == []


@pytest.mark.parametrize("text, said", [
    ("participant: our youngest turned six in march and she's doing great", ["six"]),
    ("participant: he turned three at christmas and loved it", ["three"]),
    ("participant: when i hit fifty the knees went", ["fifty"]),
    ("Participant: She was two on the Monday, so we had a cake.", ["two"]),
])
def test_a_small_age_ends_where_when_it_was_is_said(anonymiser, text, said):
    assert ages(anonymiser, text) == said


@pytest.mark.parametrize("text", [
    "participant: they come three at a time",
    "participant: we hit ninety mph on the motorway",
    "participant: he was one of them lads",
])
def test_a_count_or_a_speed_is_no_age(anonymiser, text):
    assert ages(anonymiser, text) == []


@pytest.mark.parametrize("text, said", [
    ("Participant: I was 58 then, now 63, and I still think about it.", ["58", "63"]),
    ("Participant: He was seventy then and now seventy-four.", ["seventy", "seventy-four"]),
])
def test_an_age_said_now_after_an_earlier_age_is_an_age(anonymiser, text, said):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"] == said


def test_a_count_said_now_after_an_age_is_no_age(anonymiser):
    text = "Participant: I was 58 then, now 3 years on I feel better."
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"] == ["58"]


@pytest.mark.parametrize("text, said", [
    ("Participant: My dad's a spry 88, still out on the allotment.", ["88"]),
    ("Participant: Me, I'm 44, her 47, and we both work nights.", ["44", "47"]),
    ("p: we've got three boys, six and eight and the baby", ["six", "eight"]),
    ("p: my oldest is sixteen my youngest nine\np: and they fight", ["sixteen", "nine"]),
    ("p: he was only a lad, maybe fifteen", ["fifteen"]),
])
def test_ages_described_said_with_a_pronoun_after_children_counted_or_at_a_line_end(anonymiser, text, said):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"] == said


@pytest.mark.parametrize("text", [
    "p: we had two girls one and two years apart",
    "p: the boys 10 and 12 pounds heavier than last year",
    "Participant: I was 38, him 41 minutes late as usual.",
])
def test_amounts_after_children_or_a_pronoun_are_no_ages(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"] in ([], ["38"])
