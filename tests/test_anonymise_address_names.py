"""An email or web address said in an interview spells out names the text also says: the group of
'littleacornsmk dot co dot uk' is 'little acorns', the person of 'davie dot mcgregor at ...' is 'davie'; every
mention of them is redacted, in lower case too. Providers and generic words spell nothing."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, name", [
    ("Participant: little acorns has a website now littleacornsmk dot co dot uk and she put her number on it",
     "little acorns"),
    ("Participant: we meet at wattle and stone on a saturday, their site is wattleandstone dot org dot au",
     "wattle and stone"),
    ("Participant: a neighbour told me about open door, w w w dot opendoorfamilies dot ie, they were great",
     "open door"),
    ("Participant: the slow lane lot are lovely, slowlanebristol dot org dot uk has the times", "slow lane"),
])
def test_a_name_a_web_address_spells_is_an_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in found(anonymiser, text)


def test_a_name_before_the_at_of_an_email_is_a_person_wherever_it_is_said(anonymiser):
    text = ("Participant: you can email ngaire dot t at slowlane dot org dot n z. ngaire will ring you back, "
            "and ngaire is lovely.")
    people = [d for d in anonymiser.detect(text) if d.text == "ngaire"]
    assert len(people) == 2 and {d.entity_type for d in people} == {"PERSON"}


def test_the_words_of_a_cased_address_are_found_in_cased_text(anonymiser):
    text = "Participant: The Sugar Crew meets on Mondays. Email sugarcrew.hilliard@gmail.com if you want to come."
    assert ("Sugar Crew", "ORGANIZATION") in found(anonymiser, text)


@pytest.mark.parametrize("text, word", [
    ("Participant: the metro was packed. I'd looked at metrohealth dot org before.", "metro"),
    ("Participant: home care came twice a day, it said so on homecaremb dot ca.", "home care"),
    ("Participant: my friend at gmail dot com, no, it was mail, she emailed jo at gmail dot com.", "mail"),
])
def test_an_english_word_or_generic_words_an_address_spells_are_no_name(anonymiser, text, word):
    assert not any(d.text.lower() == word for d in anonymiser.detect(text))
