"""Identity numbers besides the NHS number: found after what they are called, or by a shape only they have, and
replaced under their own placeholder, or the NHS number's in a policy written before they had one."""

from __future__ import annotations

import pytest

from interviewer.anonymise.evaluate import same_type
from interviewer.anonymise.policy import parse_policy


def of_type(anonymiser, text, entity_type):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == entity_type]


@pytest.mark.parametrize("text, number", [
    ("My Medicare number is 2123 45670 1, it's on the green card.", "2123 45670 1"),
    ("Her health card number is 987 654 321 so they could look her up.", "987 654 321"),
    ("They asked for my ID number, 8001015009087, before they'd see me.", "8001015009087"),
    ("My Medicaid ID is XJ4471902 and they still lost it.", "XJ4471902"),
    ("His hospital number was RX1234567, I had it written on my hand.", "RX1234567"),
    ("Her MRN was 00482913.", "00482913"),
    ("My PPS number is 1234567TA.", "1234567TA"),
    ("the policy number is ABC-221-9987", "ABC-221-9987"),
    ("my medicare number is two one two three four five six seven eight one",
     "two one two three four five six seven eight one"),
    ("Her Medicare card number is 1EG4-TE5-MK73, the new style one.", "1EG4-TE5-MK73"),
    ("The number on my health card is 123 456 789.", "123 456 789"),
    ("My health services number is 987 654 321.", "987 654 321"),
    ("4417 2290 88, that's my Medicare number.", "4417 2290 88"),
    ("They always want the Medicare card, it's 2953 71846 1, and I'm number two on it.", "2953 71846 1"),
    ("My OHIP number is 5584 213 907 KT, the version code's the two letters.", "5584 213 907 KT"),
    ("his BIC number, that's the number on the card, and it's long, it's 94718263B24098, and", "94718263B24098"),
    ("my cin number is k l four eight two nine one m and every year", "k l four eight two nine one m"),
    ("and his nhi number under it z k c four two seven six cause", "z k c four two seven six"),
    ("they had me pps number with a letter missing it's eight four one six two nine three w a and they had it",
     "eight four one six two nine three w a"),
])
def test_a_number_said_after_what_it_identifies_is_an_identity_number(anonymiser, text, number):
    assert of_type(anonymiser, text, "ID_NUMBER") == [number]


@pytest.mark.parametrize("text, number", [
    ("I gave them 078-05-1120 and they found me.", "078-05-1120"),
    ("It was on the letter, JK 12 34 56 C, at the top.", "JK 12 34 56 C"),
    ("so I was saying 8246173TA and it was being rejected", "8246173TA"),
    ("I got it wrote on a card, it's 4TQ9-HJ2-WA61.", "4TQ9-HJ2-WA61"),
])
def test_social_security_and_national_insurance_shapes_are_identity_numbers_anywhere(anonymiser, text, number):
    assert of_type(anonymiser, text, "ID_NUMBER") == [number]


@pytest.mark.parametrize("text", [
    "My phone number is 07700 900123 if you need me.",
    "She was patient number 3 of 20 on the trial.",
    "The ward number is 4, up on the second floor.",
    "Our case number went up to 250 this year.",
    "We had 1200 patients on the list in 2019, that's the practice list.",
    "Call me on my mobile number, 07700 900418, any time.",
    "My daughter's number is 07700 900123.",
    "The bus number was 42 and the room number 304.",
    "She got the COVID-19 jab and an iPhone14 the same week.",
])
def test_short_numbers_and_phone_numbers_are_not_identity_numbers(anonymiser, text):
    assert of_type(anonymiser, text, "ID_NUMBER") == []


@pytest.mark.parametrize("text, number", [
    ("p: i know it off by heart now, three eight two two nine one five t, they ask every time",
     "three eight two two nine one five t"),
    ("p: the card says six six one two nine eight four one a and the date under it", "six six one two nine eight four one a"),
    ("I read it out slowly, 7712 408 355 PT, and she typed it wrong anyway.", "7712 408 355 PT"),
    ("p: i gave them four four dash one nine two eight three six dash five over the phone",
     "four four dash one nine two eight three six dash five"),
])
def test_a_code_said_or_written_apart_keeps_its_check_letters_and_dashes(anonymiser, text, number):
    assert of_type(anonymiser, text, "ID_NUMBER") == [number]


@pytest.mark.parametrize("text, number", [
    ("p: it was two nine four four one eight seven i think, or near enough", "two nine four four one eight seven"),
    ("p: they gave me five one one eight two nine three a day to ring back", "five one one eight two nine three"),
    ("p: call two five four five five five one two three four\ni and you call back", "two five four five five five one two three four"),
    ("p: it's oh one two three four five six seven eight nine I and my wife both have it",
     "oh one two three four five six seven eight nine"),
])
def test_a_word_after_a_code_is_no_check_letter(anonymiser, text, number):
    assert [d.text for d in anonymiser.detect(text)] == [number]


@pytest.mark.parametrize("text, number", [
    ("p: my medical card number is four four one two nine three seven a", "four four one two nine three seven a"),
    ("My Medicare number is 4417 22908 3 I think, off the top of my head.", "4417 22908 3"),
    ("My Medicare number is 4417 22908 3 A lot of people forget theirs.", "4417 22908 3"),
])
def test_a_code_after_its_name_takes_a_check_letter_but_never_i_or_an_article(anonymiser, text, number):
    assert [d.text for d in anonymiser.detect(text)] == [number]


def test_an_nhs_number_keeps_its_own_type(anonymiser):
    text = "my nhs number is four eight five seven seven seven three four five six"
    assert of_type(anonymiser, text, "NHS_NUMBER") == ["four eight five seven seven seven three four five six"]


def test_a_policy_without_identity_numbers_redacts_them_as_it_redacts_nhs_numbers():
    older = parse_policy("entities:\n  PERSON: {label: NAME}\n  NHS_NUMBER: {label: HEALTH NUMBER, numbered: false}\n")
    assert older.replaces("ID_NUMBER") and older.rule("ID_NUMBER").label == "HEALTH NUMBER"
    kept = parse_policy("entities:\n  NHS_NUMBER: {label: NHS, replace: false}\n  ID_NUMBER: {label: ID}\n")
    assert kept.replaces("ID_NUMBER") and not kept.replaces("NHS_NUMBER")
    assert not parse_policy("entities:\n  PERSON: {label: NAME}\n").replaces("ID_NUMBER")


def test_an_identity_number_counts_as_the_right_type_where_a_corpus_marks_it_as_an_nhs_number():
    assert same_type("NHS_NUMBER", "ID_NUMBER") and not same_type("PHONE", "ID_NUMBER")


@pytest.mark.parametrize("text, number", [
    ("P: I had to give them my NHI, ZAC 4471, like three times.", "ZAC 4471"),
    ("P: I got on the Medicaid a while, my card number was MS 4400 7129 3, but then they said no.", "MS 4400 7129 3"),
    ("p: she put my nhi in my phone notes so i always have it z k q four two one seven because", "z k q four two one seven"),
    ("p: i know the ohip by heart now four five six seven, one two three, nine eight seven, a k. i told them",
     "four five six seven, one two three, nine eight seven, a k"),
])
def test_a_health_number_named_by_its_system_or_card_is_an_identity_number(anonymiser, text, number):
    assert number in [d.text for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text", ["P: I'm on Medicare since 2019 and it's fine.",
                                  "P: My library card number is on the fridge."])
def test_a_system_named_without_a_long_code_after_it_finds_no_number(anonymiser, text):
    assert not any(d.entity_type == "ID_NUMBER" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, number", [("P: The day centre give me their hotline, 6123 0480, and the email.", "6123 0480"),
                                          ("p: the hotline is six one two three oh four eight oh", "six one two three oh four eight oh"),
                                          ("Participant: My number is 555 0182, any time after six.", "555 0182"),
                                          ("Participant: My phone number is 9176328.", "9176328")])
def test_a_phone_number_of_seven_or_eight_digits_after_its_name_is_a_phone_number(anonymiser, text, number):
    assert (number, "PHONE") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_large_amount_near_the_word_number_is_no_phone(anonymiser):
    assert anonymiser.detect("P: It cost 1200000 dollars, the number of people 4500000.") == []


@pytest.mark.parametrize("text, number, kind", [
    ("Participant: It's on the fridge next to my NHS number, 485 201 7734, because I forget.", "485 201 7734", "NHS_NUMBER"),
    ("Participant: They want my health care number, 604 821 4437, every single time.", "604 821 4437", "ID_NUMBER"),
    ("participant: my chi on the appointment letter one two oh three six six four two one seven and my postcode",
     "one two oh three six six four two one seven", "ID_NUMBER"),
])
def test_a_number_after_a_health_numbers_name_is_no_phone_whatever_its_shape(anonymiser, text, number, kind):
    assert [(d.text, d.entity_type) for d in anonymiser.detect(text) if d.text == number] == [(number, kind)]


def test_a_north_american_number_with_no_identity_name_before_it_stays_a_phone(anonymiser):
    assert [d.entity_type for d in anonymiser.detect("Participant: Call me on 555 201 7734 after six.")] == ["PHONE"]


def test_tai_chi_is_no_name(anonymiser):
    assert anonymiser.detect("Participant: I do tai chi on Mondays and Zumba on Fridays.") == []
