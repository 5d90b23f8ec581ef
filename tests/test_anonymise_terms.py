"""The TermIndex: whole-word, case-insensitive matching of many allow terms at once."""

from __future__ import annotations

from interviewer.anonymise.terms import TermIndex


def matches(terms: list[str], text: str) -> list[str]:
    return [m.group() for m in TermIndex(terms).finditer(text)]


def test_the_longest_term_that_starts_at_a_place_wins():
    terms = ["new york", "new york city", "new"]
    assert matches(terms, "New York City and new things and New York.") == ["New York City", "new", "New York"]


def test_a_term_matches_across_any_whitespace_and_either_apostrophe():
    assert matches(["alzheimer's society"], "the Alzheimer’s\n  Society helped") == ["Alzheimer’s\n  Society"]


def test_a_term_inside_a_longer_word_is_not_matched():
    assert matches(["care"], "careful carers take care") == ["care"]


def test_a_shorter_term_matches_where_the_longer_one_stops_short():
    assert matches(["mental health", "mental health act"], "the Mental Health Acts, mental health") == [
        "Mental Health", "mental health"]


def test_terms_sharing_their_beginning_are_all_found():
    terms = ["universal credit", "university hospital", "unite"]
    assert matches(terms, "Universal Credit, Unite, university hospital") == [
        "Universal Credit", "Unite", "university hospital"]
