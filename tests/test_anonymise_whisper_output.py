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


@pytest.mark.parametrize("text, code", [
    ("I had it written wrong, so I was saying 8, 2, 4, 6, 1, 7, 3, 8, and it was rejected.", "8, 2, 4, 6, 1, 7, 3, 8"),
    ("My wife phoned the company, 021, 555, 014, 7, every day.", "021, 555, 014, 7"),
    ("I ran it and said 5, 0, 0, 0, 0, 7, 2, but nobody called.", "5, 0, 0, 0, 0, 7, 2"),
    ("The card says 9 5 9 6 5 on the back.", "9 5 9 6 5"),
])
def test_a_number_speech_recognition_wrote_digit_by_digit_or_in_comma_groups_is_redacted(anonymiser, text, code):
    assert any(code in d.text and d.entity_type in ("ID_NUMBER", "PHONE", "POSTCODE") for d in anonymiser.detect(text))


def test_a_zip_said_digit_by_digit_after_its_name_is_a_postcode(anonymiser):
    assert found(anonymiser, "My date of birth is on file, and my zip, 7-9-7-5-2, before they talk to me.") \
        .get("7-9-7-5-2") == "POSTCODE"


@pytest.mark.parametrize("text", [
    "Count 1, 2, 3, 4, 5 and breathe out slowly.",
    "Five, four, three, two, one, and off it went.",
    "We went back in 2019, 2020, 2021 and again after.",
    "It cost 100, 200, 300 dollars a month, depending.",
    "Some days the pain was a 7, 8, 9.",
])
def test_a_count_years_amounts_or_ratings_are_no_number_said_digit_by_digit(anonymiser, text):
    assert not any(d.entity_type in ("ID_NUMBER", "PHONE", "POSTCODE") for d in anonymiser.detect(text))


def test_a_long_unpunctuated_number_with_no_cue_is_an_identity_number(anonymiser):
    assert found(anonymiser, "They always want the Medicare card. It's 253718461, and I'm two on it.") \
        .get("253718461") == "ID_NUMBER"


@pytest.mark.parametrize("text, name", [
    ("So I went into the riverside medical clinic in Outlook, and he did the blood work.", "riverside medical clinic"),
    ("I'm a guard for brightwater security and I'm standing outside in the cold.", "brightwater security"),
    ("I rang the quay road surgery at eight in the morning, like you have to.", "quay road surgery"),
    ("We had a bit of a cry in the chippy on county road last week.", "county road"),
])
def test_a_name_whisper_left_in_lower_case_in_a_cased_transcript_is_found(anonymiser, text, name):
    assert any(name in d.text for d in anonymiser.detect(text))


@pytest.mark.parametrize("text", [
    "There's a breathing group at the senior center, and a grief group on Fridays.",
    "I went to the walk-in clinic and then the foot clinic at the hospital.",
    "She works at the local medical practice, on reception.",
    "I go to the leisure centre on Mondays with Mum, and it's an hour drive from Dad's.",
    "My Sarah did her degree in chemical engineering, then she went to the teaching hospital.",
])
def test_a_lower_case_kind_of_place_in_a_cased_transcript_is_no_name(anonymiser, text):
    assert not any(d.entity_type in ("ORGANIZATION", "HOSPITAL", "LOCATION") for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, date", [
    ("My date of birth, the 19th on November, and the address.", "19th on November"),
    ("Came back on the 12th and August and the shoulder was a melanoma.", "12th and August"),
    ("The first consult was on the second on November.", "second on November"),
    ("On 11th, January, just before ten, he was having breakfast.", "11th, January"),
])
def test_a_date_whose_of_speech_recognition_misheard_is_a_date(anonymiser, text, date):
    assert any(date in d.text and d.entity_type == "DATE" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text", ["He came in first, and March was the worst month.", "She was third, and May was fourth."])
def test_a_place_in_a_race_before_may_or_march_is_no_date(anonymiser, text):
    assert not any(d.entity_type == "DATE" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, address", [
    ("The email is broccoli warriors at nampl.com. They'd talk to you.", "broccoli warriors at nampl.com"),
    ("My email's dawn brandt farm at example.com if you need it.", "dawn brandt farm at example.com"),
])
def test_an_email_written_in_words_up_to_its_domain_is_an_email_address(anonymiser, text, address):
    assert found(anonymiser, text).get(address) == "EMAIL"


def test_an_email_sent_at_a_domain_names_no_address(anonymiser):
    assert "EMAIL" not in found(anonymiser, "I sent an email at gmail.com to them.").values()


@pytest.mark.parametrize("text, code", [
    ("And my number is KL4821M, every year you get a new card.", "KL4821M"),
    ("She wrote the folder number on it. MP22, 064, 3, 9, 1. So I can show them.", "MP22, 064, 3, 9, 1"),
])
def test_a_short_code_of_letters_and_four_digits_or_in_comma_groups_is_an_identity_number(anonymiser, text, code):
    assert found(anonymiser, text).get(code) == "ID_NUMBER"


def test_a_virus_or_a_console_named_with_a_few_digits_is_no_code(anonymiser):
    assert not any(d.entity_type == "ID_NUMBER" for d in anonymiser.detect("I had COVID19, and the kids play on a PS5."))


def test_a_lower_case_name_whisper_set_off_from_its_head_by_a_comma_is_found_whole(anonymiser):
    assert found(anonymiser, "Since he came out of broad lane, hospital on the 12th he's been on oxygen.") \
        .get("broad lane, hospital") == "HOSPITAL"


@pytest.mark.parametrize("text", ["I went to the shop, clinic and then home.", "We tried the dentist, surgery, the lot.",
                                  "She took me to the local, clinic first."])
def test_a_list_of_places_is_no_name_set_off_by_a_comma(anonymiser, text):
    assert anonymiser.detect(text) == []


def test_a_name_whisper_left_in_lower_case_beside_an_organisation_noun_is_found_in_a_cased_transcript(anonymiser):
    text = "And there's a group, brockley warriors, young people with sickle cell. We meet once a month."
    assert any("brockley warriors" in d.text for d in anonymiser.detect(text))
