"""A well-known public figure's full name ('Ilhan Omar', 'Nicola Sturgeon') or a stage name no one else has
('Beyoncé') is kept and offered to the reviewer, with no cue needed; said as someone the speaker knows ('my neighbour
Tom Hanks', 'Dr Nicola Sturgeon') it is redacted, every mention of it."""

from __future__ import annotations

import pytest

from interviewer.anonymise.public_figures import public_names


def redacted(anonymiser, text):
    return {d.text for d in anonymiser.detect(text)}


def test_the_list_holds_full_names_and_stage_names():
    full, single = public_names()
    assert {"nicola sturgeon", "tom hanks"} <= full and "beyoncé" in single


@pytest.mark.parametrize("text, name", [
    ("Participant: If Ilhan Omar made a video about sugar, everybody would watch it.", "Ilhan Omar"),
    ("Participant: Nicola Sturgeon's lot did nothing for us up here.", "Nicola Sturgeon"),
    ("Participant: She loves Beyoncé, she has all the albums.", "Beyoncé"),
])
def test_a_public_figure_is_kept_and_suggested(anonymiser, text, name):
    analysis = anonymiser.analyse(text)
    assert not any(name in d.text for d in analysis.detections)
    assert name in {s.text for s in analysis.suggestions}


@pytest.mark.parametrize("text, name", [
    ("Participant: My neighbour Tom Hanks came round with soup.", "Tom Hanks"),
    ("Participant: Dr Nicola Sturgeon is my GP and she is lovely.", "Nicola Sturgeon"),
])
def test_a_famous_name_said_as_someone_known_is_redacted(anonymiser, text, name):
    assert name in redacted(anonymiser, text)


@pytest.mark.parametrize("text, title", [
    ("Participant: I grew up on Sleepless in Seattle, and Mom loved Grey's Anatomy.", "Seattle"),
    ("Participant: Sunday night we watch Derry Girls reruns and he laughs every time.", "Derry"),
    ("Participant: Mom loved Schitt's Creek and we watched it every night.", "Schitt's Creek"),
])
def test_a_listed_show_or_film_is_kept_with_the_place_inside_it(anonymiser, text, title):
    assert not any(title in d.text for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, name", [
    ("Participant: My partner works for First Bus at the depot, shifts.", "First Bus"),
    ("A: Her nurse is a Galway girl, lovely.", "Galway"),
    ("Participant: The nurse, Tui, she's Māori, she's a legend.", "Tui"),
])
def test_a_listed_brand_at_work_a_title_where_a_place_stands_or_a_one_word_brand_stays_redacted(anonymiser, text, name):
    assert any(name in d.text or d.text in name for d in anonymiser.detect(text))


def test_no_listed_work_is_one_word_or_a_given_name_with_a_common_surname():
    full, single = public_names()
    assert "line of duty" in full and "sleepless in seattle" in full
    assert not {"tui", "kraken", "monzo", "homer simpson", "galway races"} & (full | single)
