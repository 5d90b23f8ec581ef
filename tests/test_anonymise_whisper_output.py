"""How Whisper writes what was said, and the identifiers in it: a phone number of an unusual length after a phone
word, the name of a code system before the code."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, number", [
    ("Her phone is 718550173 if you need it.", "718550173"),
    ("Text me on my cell, 602555014, any time.", "602555014"),
])
def test_a_long_number_after_a_phone_word_is_a_phone_number_whatever_its_length(anonymiser, text, number):
    assert found(anonymiser, text).get(number) == "PHONE"


def test_a_long_amount_with_no_phone_word_is_no_phone_number(anonymiser):
    assert found(anonymiser, "We paid 450000000 for it in the end.") == {}


def test_the_name_of_a_code_system_is_kept_and_its_code_redacted(anonymiser):
    assert found(anonymiser, "The Eircode is A91 P6R2.") == {"A91 P6R2": "POSTCODE"}


@pytest.mark.parametrize("text, code", [
    ("We're at 1418 Lincoln Street now, 95965, so the reminders went nowhere.", "95965"),
    ("We live on Cole Road, Oroville, 95965, and the smoke was bad.", "95965"),
    ("We're at 12 Station Road, 4670.", "4670"),
])
def test_a_postal_code_after_the_street_and_town_is_a_postcode(anonymiser, text, code):
    assert found(anonymiser, text).get(code) == "POSTCODE"


@pytest.mark.parametrize("text", ["I moved to Church Street, 2019, it was.", "They're on Elm Street, 1500 people live there."])
def test_a_year_or_a_count_after_a_street_is_no_postcode_and_a_pronoun_no_venue(anonymiser, text):
    assert set(found(anonymiser, text).values()) <= {"LOCATION"}


@pytest.mark.parametrize("text, kind", [
    ("My daughter works for F E D E X in Memphis.", "ORGANIZATION"),
    ("He works with K A T E on the ward.", "PERSON"),
    ("My name's spelled K A T E, with an E.", "PERSON"),
])
def test_a_name_spelled_letter_by_letter_is_an_employer_after_a_work_cue_else_a_person(anonymiser, text, kind):
    assert [d.entity_type for d in anonymiser.detect(text) if " " in d.text and d.text.replace(" ", "").isupper()] == [kind]


def test_a_spelled_employer_stops_before_the_speakers_own_i(anonymiser):
    assert found(anonymiser, "My brother works for I B M and I work at the N H S.") == {"I B M": "ORGANIZATION"}


@pytest.mark.parametrize("text, name, kind", [
    ("Participant: I was born in Newry but I live in Bally hackamore now with my wife.", "Bally hackamore", "LOCATION"),
    ("Participant: My daughter's out in Cumber nauld so I get the train.", "Cumber nauld", "LOCATION"),
    ("Participant: I had a woman called Maeve mc keown, and she was class.", "Maeve mc keown", "PERSON"),
    ("Participant: The nurse, Bethan pritchard, did a blood test.", "Bethan pritchard", "PERSON"),
    ("Participant: The doctor there, Dr van der merwe, took one look.", "van der merwe", "PERSON"),
    ("Participant: The cardiologist, Dr nee breen, said I was lucky.", "nee breen", "PERSON"),
])
def test_a_name_speech_recognition_split_with_a_lower_case_part_is_found_whole(anonymiser, text, name, kind):
    assert (name, kind) in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, name", [
    ("Participant: We have Lakshmi akka, she was already doing the cooking.", "Lakshmi"),
    ("Participant: We went to Leeds market on Saturday.", "Leeds"),
])
def test_a_kin_call_or_a_word_after_a_name_stays_outside_it(anonymiser, text, name):
    assert name in {d.text for d in anonymiser.detect(text)}


def test_an_ner_span_run_on_into_a_lower_case_verb_ends_before_it(anonymiser):
    found = {(d.text, d.entity_type) for d in anonymiser.detect("Participant: And then Bernie o'hara rang me from the council.")}
    assert ("Bernie o'hara", "PERSON") in found
