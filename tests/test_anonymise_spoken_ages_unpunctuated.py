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
])
def test_counts_times_and_decades_are_not_ages(anonymiser, text):
    assert ages(anonymiser, text) == []
