"""Ages in speech written without punctuation: after 'a lad of', straight after a person, before 'she was' inside a
turn, at a life event, as an answer after a speaker label without its colon, and closed by a new clause or line."""

from __future__ import annotations

import pytest


def ages(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "AGE"]


@pytest.mark.parametrize("text, age", [
    ("p he was a boy of twelve when his dad left", "twelve"),
    ("p she's a lass of nineteen and she does the lot", "nineteen"),
    ("p there was a woman of eighty-one on the ward", "eighty-one"),
    ("p we had a gentleman sixty-four come in with chest pain", "sixty-four"),
    ("p and then twenty-two he was when he went inside", "twenty-two"),
    ("p my nan married at seventeen in the war", "seventeen"),
    ("p he was diagnosed at forty-three we didn't know", "forty-three"),
    ("i how old is your daughter\np fifteen she's in year ten", "fifteen"),
    ("p harvey's five he's just started school", "five"),
    ("p our youngest is eight\ni and school", "eight"),
    ("p i went on the buses at twenty-six i loved it", "twenty-six"),
    ("p our tilly's four so she's at the nursery in the mornings", "four"),
    ("p our ethan's eight they've been brilliant with him", "eight"),
    ("p and my husband vusi is sixty-eight he worked on the mines", "sixty-eight"),
    ("p his mam she seventy-two she live on her own", "seventy-two"),
    ("p i was on the farms from fourteen milking before school", "fourteen"),
    ("p we lost my brother when he was nine\np and my mam never got over it", "nine"),
    ("p she started smoking at thirteen\np after her dad left", "thirteen"),
])
def test_ages_said_without_punctuation(anonymiser, text, age):
    assert ages(anonymiser, text) == [age]


@pytest.mark.parametrize("text", [
    "p she's a mother of three and she works nights",
    "p there was a man twenty feet away and a lady two doors down",
    "p she died at ten past six in the morning",
    "p most of them are in their eighties now",
    "p i work nine to five and the helpline is twenty-four seven",
    "p i had two kids fifteen months apart",
    "p we were open from nine opening the post and the phones",
    "p the bus from fourteen running late again",
])
def test_counts_times_and_decades_are_not_ages(anonymiser, text):
    assert ages(anonymiser, text) == []


@pytest.mark.parametrize("text, age", [
    ("p my eldest dawn is nine and she's the sensible one", "nine"),
    ("p and our grace is six now", "six"),
])
def test_a_first_name_that_is_also_a_word_after_which_child_takes_an_age(anonymiser, text, age):
    assert ages(anonymiser, text) == [age]


def test_a_word_after_which_child_that_is_no_first_name_takes_no_age(anonymiser):
    assert ages(anonymiser, "p my youngest bus is ten minutes late") == []


@pytest.mark.parametrize("text, said", [
    ("p me da is seventy-one and still on the bikes", ["seventy-one"]),
    ("p ma's eighty-six now", ["eighty-six"]),
    ("p our shannon is nineteen and our callum sixteen", ["nineteen", "sixteen"]),
    ("p she's only a baby, ten months", ["ten months"]),
    ("p i'm gonna be sixty in april", ["sixty"]),
])
def test_ages_of_kin_in_dialect_of_a_second_child_a_baby_and_to_come(anonymiser, text, said):
    assert ages(anonymiser, text) == said


@pytest.mark.parametrize("text", [
    "p my uncle is two doors down from us",
    "p she's gonna be fine, the nurse said",
])
def test_kin_two_doors_down_or_fine_have_no_age(anonymiser, text):
    assert ages(anonymiser, text) == []
