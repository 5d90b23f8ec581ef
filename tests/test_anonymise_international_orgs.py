"""Organisations as people name them in the US, Ireland and elsewhere: home-health agencies, congregations named
with ordinary words, schools named for a saint; and '-man' nationality words that are never names."""

from __future__ import annotations

import pytest

from interviewer.anonymise.anonymiser import Anonymiser


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


def test_a_home_health_agency_is_an_organisation(anonymiser):
    assert found(anonymiser, "Participant: I was with Bluegrass Home Health for six years.") == {
        "Bluegrass Home Health": "ORGANIZATION"}


def test_a_congregation_named_with_ordinary_words_is_an_organisation(anonymiser):
    assert found(anonymiser, "Participant: We go to Grace Fellowship on Sundays.") == {"Grace Fellowship": "ORGANIZATION"}


def test_a_school_named_for_a_saint_is_an_organisation_not_a_person(anonymiser):
    assert found(anonymiser, "Participant: The kids went to Saint Brigid's Secondary, the same as me.") == {
        "Saint Brigid's Secondary": "ORGANIZATION"}


@pytest.mark.parametrize("word", ["Welshman", "Irishwoman", "Scotsmen", "Dutchman"])
def test_nationality_words_ending_in_man_are_never_names(anonymiser, word):
    assert found(anonymiser, f"Participant: My grandad was a {word}, and proud of it.") == {}


@pytest.mark.parametrize("text, address, kind", [
    ("Participant: We lived at 412 Maple Ave for years.", "412 Maple Ave", "ADDRESS"),
    ("Participant: The clinic is on Elm St. near the school.", "Elm St", "LOCATION"),
    ("Participant: Our place is on Cooper Blvd.", "Cooper Blvd", "LOCATION"),
    ("Participant: We were out at 88 Wattle Pde, Bondi.", "88 Wattle Pde", "ADDRESS"),
])
def test_street_names_written_short(anonymiser, text, address, kind):
    assert found(anonymiser, text).get(address) == kind


def test_a_place_after_an_address_and_a_comma_is_a_place(anonymiser):
    assert found(anonymiser, "Participant: We were out at 88 Wattle Pde, Bondi.").get("Bondi") == "LOCATION"


def test_st_before_a_saints_name_is_no_street(anonymiser):
    assert found(anonymiser, "Participant: I was born at St. Luke's in the end.") == {"St. Luke's": "HOSPITAL"}


@pytest.mark.parametrize("text", [
    "B: Yeah, I drive a Chevy Silverado now, used to have a Toyota.",
    "A: We got the kids an Xbox and a PlayStation for Christmas.",
])
def test_products_after_a_or_an_are_not_names(anonymiser, text):
    assert found(anonymiser, text) == {}


def test_a_surname_or_a_home_place_after_a_still_counts(anonymiser):
    assert found(anonymiser, "A: She was a Jones before she married.") == {"Jones": "PERSON"}
    assert found(anonymiser, "A: Her nurse is a Galway girl, lovely.") == {"Galway": "LOCATION"}


@pytest.mark.parametrize("text, school", [
    ("P: The kids go to Kingsmead Primary now.", "Kingsmead Primary"),
    ("P: I went to Ashworth Grammar, then Bolton Comprehensive.", "Ashworth Grammar"),
])
def test_a_school_named_before_primary_grammar_or_comprehensive_is_an_organisation(text, school):
    assert (school, "ORGANIZATION") in {(d.text, d.entity_type) for d in Anonymiser(second_model=False).detect(text)}


@pytest.mark.parametrize("text, acronym", [
    ("B: I B M was a good company to work for back then.", "I B M"),
    ("A: Yeah, T I laid off a lot of people in the eighties.", "T I"),
    ("B: The G M plant closed in ninety-one.", "G M"),
    ("B: She's been with A T and T since college.", "A T and T"),
])
def test_a_spelled_out_acronym_near_talk_of_a_company_is_an_organisation(anonymiser, text, acronym):
    assert (acronym, "ORGANIZATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", [
    "A: I work in I T and my wife works in H R on the night shift.",
    "B: We came over from the U S when the company moved us.",
])
def test_spelled_out_abbreviations_that_name_no_organisation_are_kept(anonymiser, text):
    assert anonymiser.detect(text) == []


def test_letters_before_a_sentence_opening_with_i_are_no_spelled_name(anonymiser):
    text = "A: She's from Baton Rouge. We met at L S U. I was stationed near there back then."
    assert not any(d.text.endswith("I") for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, acronym", [
    ("P: She's a nurse herself, at the QEUH, and she came and did a shift.", "the QEUH"),
    ("P: I was booked in to UHG and they were great with me.", "UHG"),
    ("P: The referral went in to the orthopedic surgeon at HSN in the February.", "HSN"),
])
def test_an_acronym_where_care_was_given_is_an_organisation(anonymiser, text, acronym):
    assert (acronym, "ORGANIZATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", [
    "P: They admitted him to ICU overnight, then the ward.",
    "P: The doctor referred me to CBT in the end.",
    "P: She was referred to OT and then to SLT.",
])
def test_care_units_and_therapies_named_by_letters_are_kept(anonymiser, text):
    assert not [d for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, name", [
    ("P: The school's good about it, Table Mountain Elementary, they keep the kids in.", "Table Mountain Elementary"),
    ("P: She goes to Oak Tree Primary now.", "Oak Tree Primary"),
    ("P: They got bread from Sunrise Bakery every morning.", "Sunrise Bakery"),
])
def test_a_school_or_business_named_in_ordinary_capitalised_words_is_an_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", ["P: We went to the Local Primary for the jab.", "P: He's at Catholic Primary."])
def test_a_school_named_only_by_what_kind_it_is_stays(anonymiser, text):
    assert not [d for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, name", [
    ("I'm doing a master's in engineering at Bayou City University now.", "Bayou City University"),
    ("We go to Laurel Fork Freewill Baptist Church when I'm able.", "Laurel Fork Freewill Baptist Church"),
    ("He teaches at Red Deer College on Tuesdays.", "Red Deer College"),
])
def test_a_college_or_church_named_with_two_ordinary_words_is_an_organisation(anonymiser, text, name):
    assert any(d.text.removeprefix("the ") == name and d.entity_type == "ORGANIZATION" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text", ["She did her degree with the Open University.", "We were married in a Southern Baptist Church.",
                                  "She went to Community College for a year."])
def test_one_word_or_a_denomination_before_college_or_church_names_a_kind(anonymiser, text):
    assert not [d for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


def test_a_zip_code_said_before_its_name_is_a_postcode(anonymiser):
    text = "And I'm in the 77036 zip code, in case you're mailing anything. There were 2000 area residents."
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"] == ["77036"]


@pytest.mark.parametrize("text", ["She rang The Alzheimer Society and they sent a pack.",
                                  "The Sickle Cell Society were brilliant with us.",
                                  "He got a grant from the Motor Neurone Disease Association."])
def test_a_charity_named_for_a_condition_is_a_national_body(anonymiser, text):
    assert not [d for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


def test_a_local_branch_of_a_condition_charity_is_still_redacted(anonymiser):
    text = "The Leeds Sickle Cell Society meets on the first Monday."
    assert any("Leeds" in d.text for d in anonymiser.detect(text))


def test_a_zip_code_after_a_town_and_a_comma_is_a_postcode(anonymiser):
    text = "They send the bills to the PO box in Cut Off, 70345, and we moved to Leeds, 20000 people there."
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"] == ["70345"]
