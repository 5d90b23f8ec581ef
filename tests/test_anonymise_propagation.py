"""Tests known identifiers and propagation of found names to other mentions, with shared group keys."""

from __future__ import annotations

from interviewer.anonymise import Anonymiser, KnownIdentifier, get_anonymiser


def test_known_identifier_is_always_caught_case_insensitively_with_possessive():
    anonymiser = Anonymiser(known=[KnownIdentifier("Bobbin Lane Surgery", "HOSPITAL"), KnownIdentifier("Tasha", "PERSON")])
    text = "tasha's mum took her to bobbin lane surgery, and TASHA liked it."
    found = anonymiser.detect(text)
    assert [d.text for d in found if d.entity_type == "PERSON"] == ["tasha", "TASHA"]
    assert {d.group for d in found if d.entity_type == "PERSON"} == {"PERSON:tasha"}
    assert any(d.text == "bobbin lane surgery" and d.entity_type == "HOSPITAL" for d in found)


def test_a_word_of_a_known_name_said_alone_is_that_name_in_any_case():
    anonymiser = Anonymiser(known=[KnownIdentifier("Adaeze Okonkwo", "PERSON"),
                                   KnownIdentifier("Brightwater Logistics", "ORGANIZATION")])
    text = "okonkwo is my married name, and the lads at brightwater know me. Okonkwo's fine too."
    found = {(d.text, d.entity_type, d.group) for d in anonymiser.detect(text)}
    assert found == {("okonkwo", "PERSON", "PERSON:adaeze okonkwo"), ("Okonkwo", "PERSON", "PERSON:adaeze okonkwo"),
                     ("brightwater", "ORGANIZATION", "ORGANIZATION:brightwater logistics")}


def test_an_english_word_of_a_known_name_is_not_caught_alone():
    anonymiser = Anonymiser(known=[KnownIdentifier("Rose Hill", "PERSON"), KnownIdentifier("Cwm Taf Carers", "ORGANIZATION"),
                                   KnownIdentifier("Orchard Lane Ltd", "ORGANIZATION")])
    text = "the carers came up the hill with a rose from the orchard, and the ltd paid"
    assert anonymiser.detect(text) == []


def test_first_name_surname_and_possessive_share_the_full_name_group():
    text = ("I work with Dorota Kaminska on the team. Later Dorota rang me, "
            "and everyone calls it Kaminska's rota now.")
    found = get_anonymiser().detect(text)
    groups = {d.text: d.group for d in found}
    assert groups["Dorota Kaminska"] == groups["Dorota"] == groups["Kaminska"]
    assert "Kaminska's" not in groups  # the possessive ending stays in the text


def test_one_letter_misspelling_is_linked_to_the_found_name():
    text = "My consultant is Dr Abercromby. I saw Dr Abercromby again and then Abercrumby phoned."
    found = get_anonymiser().detect(text)
    assert any(d.text == "Abercrumby" for d in found)
    assert len({d.group for d in found if d.entity_type == "PERSON"}) == 1


def test_detections_are_sorted_and_do_not_overlap():
    text = "Sarah Jenkins from Rochdale, 0161 496 0573, flat 2, 9 Mill Street, OL11 3AB, on the 3rd of May 2014."
    found = get_anonymiser().detect(text)
    assert found == sorted(found, key=lambda d: d.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[d.start:d.end] == d.text for d in found)


def test_a_found_name_that_is_a_word_spreads_in_lower_case_where_the_person_does_something(anonymiser):
    text = ("participant: my sister pat lives round the corner. the night it happened pat found him on the floor "
            "and i just pat the dog now to calm down")
    assert [d.start for d in anonymiser.detect(text) if d.text == "pat"] == [text.index("pat"), text.index("pat found")]


def test_to_be_frank_stays_a_phrase_beside_a_neighbour_called_frank(anonymiser):
    text = "participant: her neighbour frank keeps an eye but to be frank he's in a worse way than she is"
    assert [d.start for d in anonymiser.detect(text) if d.text == "frank"] == [text.index("frank")]


def test_an_organisation_found_in_ordinary_words_in_lower_case_is_that_organisation_again_after_the_or_to():
    text = ("participant: what saved me was the puffins it's a parents group for kids with autism. the puffins knew "
            "all the forms. i told my sister puffins are lovely birds. we still go to turning tide, it's a recovery "
            "group, and i'll keep going to turning tide. the tide turning was slow.")
    found = [(d.text, d.entity_type) for d in get_anonymiser().detect(text)]
    assert found == [("puffins", "ORGANIZATION"), ("puffins", "ORGANIZATION"), ("turning tide", "ORGANIZATION"),
                     ("turning tide", "ORGANIZATION")]


def test_an_ordinary_word_and_a_head_found_in_lower_case_is_a_kind_of_service_when_said_again():
    from interviewer.anonymise.propagation import Candidate, propagate
    from interviewer.anonymise.gazetteers import load_gazetteers

    text = "participant: i go to the foot clinic on a monday. the foot clinic only runs mondays."
    found = Candidate(text.index("foot clinic"), text.index("foot clinic") + 11, "ORGANIZATION", 0.6, "a test", 3)
    assert propagate(text, [found], load_gazetteers(), set()) == []
