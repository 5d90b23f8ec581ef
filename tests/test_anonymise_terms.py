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


def test_a_term_with_marks_inside_its_words_is_found_beside_other_marks():
    terms = ["care co-ordinator", "a&e", "st. helens"]
    assert matches(terms, "My care co-ordinator's lovely; A&E, then St. Helens.") == ["care co-ordinator", "A&E", "St. Helens"]


def test_terms_opening_with_a_little_word_are_found_among_many():
    terms = ["the great british bake off", "the simpsons", "a place in the sun"] + [f"the term {n}" for n in range(500)]
    assert matches(terms, "We watch The Simpsons and A Place in the Sun.") == ["The Simpsons", "A Place in the Sun"]


def test_a_term_is_found_only_where_all_its_words_stand_together():
    terms = ["taylor swift", "swift water rescue", "taylor"]
    assert matches(terms, "Taylor came, swift as ever; the rescue team too.") == ["Taylor"]
    assert matches(terms, "TAYLOR\tSWIFT sang") == ["TAYLOR\tSWIFT"]
