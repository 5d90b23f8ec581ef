"""A town said with its region ('in loyal, wisconsin') is a place whatever words name it, in lower case as in
cased text; a region after a comma that starts a new clause says nothing of the words before it (issue 12;
sentences written for these tests, not taken from a corpus)."""

from __future__ import annotations

import pytest


def places(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "LOCATION"]


@pytest.mark.parametrize("text, town", [
    ("p: i'm fifty-four, i grew up in wheeling, west virginia, and moved up to cleveland for work", "wheeling"),
    ("p: we're twenty minutes from loyal, wisconsin on gravel roads", "loyal"),
    ("p: she was born in hazard, kentucky and never left", "hazard"),
    ("p: i come from outlook, saskatchewan originally", "outlook"),
    ("p: my cousin farms outside of sundown, texas, cotton mostly", "sundown"),
    ("P: My cousin farms outside of Sundown, Texas, cotton mostly.", "Sundown"),
    ("p: we retired to port pleasant, new jersey in the end", "port pleasant"),
])
def test_words_before_a_region_after_a_place_preposition_are_a_town(anonymiser, text, town):
    assert town in places(anonymiser, text), places(anonymiser, text)


@pytest.mark.parametrize("text, kept", [
    ("p: i was in work, ireland was different then", "work"),
    ("p: we went to the pub in the village, england were playing", "village"),
    ("p: he was born in the uk, england, and moved", "the uk"),
    ("p: it's not something we talk about in my family, georgia and me", "family"),
    ("p: that was in june, texas gets so hot", "june"),
])
def test_a_region_after_a_comma_does_not_make_any_words_a_town(anonymiser, text, kept):
    assert not any(kept in found for found in places(anonymiser, text)), places(anonymiser, text)
