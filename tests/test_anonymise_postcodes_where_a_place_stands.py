"""A ZIP or postcode said alone where a place stands ('we're in 85204', 'mail to 21229', 'it's Wynnum, 4178,', 'the
postal code, 310208') is redacted; amounts and ranges ('from 12000 to 15000', 'up to 52000') are not codes."""

from __future__ import annotations

import pytest


def codes(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"]


@pytest.mark.parametrize("text, code", [
    ("Participant: We're in 85204, and they told us the network was different.", "85204"),
    ("Participant: The hospital still sends my mail to 21229, because I never updated it.", "21229"),
    ("Participant: Somebody from 55454, who lives like us.", "55454"),
    ("Participant: My mailbox says 56531 and nobody knows where that is.", "56531"),
    ("Participant: Ring the clinic, we're in 0810, and they'll put you through.", "0810"),
    ("Participant: They needed the postal code, 310208, and then asked for everything.", "310208"),
    ("Participant: Even though I told them it's Wynnum, 4178, about ten times.", "4178"),
    ("participant: we're out at two seven six seven so not far from the clinic", "two seven six seven"),
])
def test_a_code_alone_where_a_place_stands_is_a_postcode(anonymiser, text, code):
    assert codes(anonymiser, text) == [code]


@pytest.mark.parametrize("text", [
    "Participant: It went from 12000 to 15000 over the year, and in 10000 steps I was done.",
    "Participant: My salary went up to 52000 last year, from 48000.",
    "Participant: I told Steve, 2019, was the year it all changed.",
    "participant: we are at two seven six seven steps now, the app says",
])
def test_amounts_ranges_and_years_are_no_postcodes(anonymiser, text):
    assert codes(anonymiser, text) == []


def test_an_eircode_in_a_lower_case_transcript_is_a_postcode(anonymiser):
    text = "participant: even now it's f35 k2p8 and the van goes to the wrong house"
    assert codes(anonymiser, text) == ["f35 k2p8"]


@pytest.mark.parametrize("text, phone", [
    ("Participant: if anyone wants to ask, they can call me, 9176 3208.", ["9176 3208"]),
    ("Participant: I rang the ward about 2019 2020 and they never answered.", []),
])
def test_eight_digits_in_two_fours_after_a_phone_cue_are_a_phone(anonymiser, text, phone):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "PHONE"] == phone


@pytest.mark.parametrize("text, street", [
    ("Participant: She took me to the clinic there by Aster Walk.", "Aster Walk"),
    ("Participant: I'd be hanging on the railings at Terrace Green getting me breath.", "Terrace Green"),
])
def test_a_street_named_with_ordinary_words_where_a_place_stands_is_a_place(anonymiser, text, street):
    assert (street, "LOCATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


def test_a_green_any_village_has_is_no_place(anonymiser):
    assert anonymiser.detect("Participant: We sat on the Village Green. It was a Sunset View kind of day.") == []


@pytest.mark.parametrize("text, number", [
    ("participant: they ask for your id my one is six three dash two four one seven five eight h four seven and that's it",
     "six three dash two four one seven five eight h four seven"),
    ("participant: she just needed my card number four nine two eight dash one six three dash zero seven five dash a b",
     "four nine two eight dash one six three dash zero seven five dash a b"),
])
def test_an_identity_number_said_in_parts_with_dashes_is_one_number(anonymiser, text, number):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "ID_NUMBER"] == [number]


@pytest.mark.parametrize("text, code", [
    ("Participant: We're out at Inala 4077. It's a long way.", ["4077"]),
    ("Participant: I live in Umlazi 4031, near the hospital.", ["4031"]),
    ("Participant: The ward was Room 4077 and it was cold.", []),
])
def test_four_digits_after_a_place_name_no_list_holds_are_a_postcode(anonymiser, text, code):
    assert codes(anonymiser, text) == code


@pytest.mark.parametrize("text, code", [
    ("Participant: We're in the SO15 area, near the docks.", "SO15"),
    ("Participant: I'm in 4870, up past Cairns.", "4870"),
    ("p: we live in 55408 now, the rent's crazy", "55408"),
])
def test_a_written_outward_code_or_zip_where_someone_lives_is_a_postcode(anonymiser, text, code):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"] == [code]


@pytest.mark.parametrize("text", [
    "Participant: I'm low in B12 and iron, so I get the jabs.",
    "p: we live in 1998 money round here",
    "Participant: We're in the M6 queue every morning.",
])
def test_a_vitamin_a_year_or_a_motorway_where_someone_is_is_no_postcode(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"] == []
