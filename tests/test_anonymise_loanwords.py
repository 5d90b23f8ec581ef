"""Everyday words of other languages and dialects in English talk are never names, and a word of respect after a
name is no part of it; a loanword that is also a given name is left to the name rules."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text", [
    "it's the craic you know it gets you out the house",
    "Interviewer: kia ora and talofa, thanks for having me.",
    "she says your mother is your jannah so this is your worship, alhamdulillah",
    "he started kindy in the february and loved it",
])
def test_everyday_words_of_other_languages_are_not_names(anonymiser, text):
    assert found(anonymiser, text) == []


def test_a_word_of_respect_after_a_name_is_no_part_of_it(anonymiser):
    assert ("Tariq", "PERSON") in found(anonymiser, "My brother, Tariq bhai, lives in Leeds now.")
    assert not any("bhai" in text for text, _ in found(anonymiser, "My brother, Tariq bhai, lives in Leeds now."))
