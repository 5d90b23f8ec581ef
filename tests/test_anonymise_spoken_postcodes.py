"""Postal codes as people say them: ZIP codes and four-digit postcodes in digit words, Canadian codes and Eircodes
spelled out, a UK inward code said after a written outward code, an outward code alone after 'postcode'."""

from __future__ import annotations

import pytest


def of_type(anonymiser, text, entity_type):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == entity_type]


@pytest.mark.parametrize("text, code", [
    ("p: my zip is nine oh two one oh, out by the beach", "nine oh two one oh"),
    ("Participant: The zip code's one oh zero two three.", "one oh zero two three"),
    ("p: we're on a block out of town, postcode two six four oh i think", "two six four oh"),
    ("Participant: We're in Victoria, three oh seven one, not far from the coast.", "three oh seven one"),
    ("participant: and the postal code, k one a, oh b one, that's the office", "k one a, oh b one"),
    ("participant: the eircode is h nine one, k t eight y, out the country", "h nine one, k t eight y"),
    ("participant: it's cf10 three a t, near the castle", "cf10 three a t"),
    ("participant: the postcode's ls6, if you need it", "ls6"),
    ("participant: our postcode is e c one a, right in the city", "e c one a"),
    ("p: zip's 55901 if you need it", "55901"),
    ("p: the postcode down here is nine eight one zero", "nine eight one zero"),
    ("p: they put d seven x four k one on the form, not the right one", "d seven x four k one"),
    ("p: the letters go to c one five y t four nine and i pick them up", "c one five y t four nine"),
    ("p: they mailed it to my mother's on jewett avenue one zero three one four instead", "one zero three one four"),
    ("participant: my address is forty two harbour road, tr eighteen two a b", "tr eighteen two a b"),
])
def test_postal_codes_said_aloud(anonymiser, text, code):
    assert of_type(anonymiser, text, "POSTCODE") == [code]


@pytest.mark.parametrize("text, code", [
    ("p: the phone is oh seven five five five oh four two one eight and we're in four one seven eight now", "four one seven eight"),
    ("p: or the house in six two one oh i'm thirty six now", "six two one oh"),
    ("p: we live in eight five two oh four now", "eight five two oh four"),
])
def test_digits_said_one_by_one_where_a_place_stands_are_a_postal_code(anonymiser, text, code):
    assert code in of_type(anonymiser, text, "POSTCODE")


@pytest.mark.parametrize("text", ["p: we live in two oh one nine now", "p: i put in four five six seven pounds",
                                  "p: she lives in one two three four five six seven"])
def test_a_year_an_amount_or_a_long_number_where_a_place_stands_is_no_postal_code(anonymiser, text):
    assert of_type(anonymiser, text, "POSTCODE") == []


@pytest.mark.parametrize("text", [
    "participant: the postcode is a nightmare round here, nobody finds us",
    "participant: it's a postcode lottery, nine to five on the phone to them",
    "participant: he's on ward b four, bed two, by the window",
    "participant: there were four five six of us in the car",
    "participant: he moved to me two weeks ago, just after the op",
    "participant: i live in a ten minute walk from the surgery",
    "participant: it was a one two three a b c thing, the whole course",
    "participant: he went down the road two or three times",
])
def test_ordinary_words_and_numbers_are_not_postcodes(anonymiser, text):
    assert of_type(anonymiser, text, "POSTCODE") == []


@pytest.mark.parametrize("text, code", [
    ("participant: we live in s e six and it's rough", "s e six"),
    ("participant: we're in cf ten, just off the main road", "cf ten"),
    ("participant: they moved to ls6 so she could be near us", "ls6"),
    ("participant: i grew up in b twelve, small terraced house", "b twelve"),
    ("participant: we live in d twelve, near the canal", "d twelve"),
])
def test_an_outward_code_where_a_place_stands_is_a_postcode(anonymiser, text, code):
    assert of_type(anonymiser, text, "POSTCODE") == [code]


@pytest.mark.parametrize("text, code", [
    ("Participant: It's a BS5 postcode, so they put us in the other area.", "BS5"),
    ("participant: it's an l s nine postcode so the bus is rubbish", "l s nine"),
])
def test_an_outward_code_before_the_word_postcode_is_a_postcode(anonymiser, text, code):
    assert of_type(anonymiser, text, "POSTCODE") == [code]


@pytest.mark.parametrize("text, code", [
    ("P: Mail come to the post office box, Shaw, 38773. And tell them.", "38773"),
    ("P: And the zip they had as 54446, which is right.", "54446"),
    ("p: the council says we're on the list for a house in b44 but god knows", "b44"),
])
def test_a_code_after_a_town_a_distant_zip_cue_or_a_home_is_a_postcode(anonymiser, text, code):
    assert (code, "POSTCODE") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", ["P: We moved to Leeds, 2019 that was.", "P: She lived in Chicago for 1500 days."])
def test_a_year_or_a_count_after_a_town_is_no_postcode(anonymiser, text):
    assert not any(d.entity_type == "POSTCODE" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, codes", [
    ("P: My mailing address is just a box at the post office, 41701, if y'all need it.", ["41701"]),
    ("P: And they mailed my stuff to the wrong zip, 02124 instead of 02125, so it took two weeks.", ["02124", "02125"]),
    ("P: The mail comes to the post office, A-zero-E, two-J-zero, and they send the letters.", ["A-zero-E, two-J-zero"]),
    ("P: The office wanted the forms posted, to our box at seven-two-oh-nine, so that's another week.", ["seven-two-oh-nine"]),
])
def test_codes_after_a_post_office_or_box_beside_another_code_or_said_with_hyphens_are_postcodes(anonymiser, text, codes):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"] == codes


def test_numbers_near_a_post_office_that_are_no_code_stay(anonymiser):
    text = "P: I went to the post office at 9 and the box was 2 feet wide; I paid 1500 for it in 2019."
    assert not any(d.entity_type == "POSTCODE" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, code", [
    ("Participant: The postcode is CF24, 3AA.", "CF24, 3AA"),
    ("Participant: The postcode is NG7-2UH.", "NG7-2UH"),
    ("Participant: The postcode is C-F-2-4, 3-A-A.", "C-F-2-4, 3-A-A"),
    ("Participant: It's N-G-7-2-U-H.", "N-G-7-2-U-H"),
    ("Participant: Postal code is R-2-M, 3-X-9.", "R-2-M, 3-X-9"),
    ("Participant: The Eircode's H-9-1-K-T-8-Y.", "H-9-1-K-T-8-Y"),
    ("Participant: The post code is done on QV-9-4-T-J, near the station.", "QV-9-4-T-J"),
    ("Participant: My mum's Eircode is H91K-T-8Y, out past the lake.", "H91K-T-8Y"),
])
def test_postcodes_as_speech_recognition_writes_them_with_commas_or_hyphens(anonymiser, text, code):
    assert of_type(anonymiser, text, "POSTCODE") == [code]


@pytest.mark.parametrize("text", [
    "Participant: the ratio was 1-2-3-4 in the trial",
    "Participant: it's an A-B-C of the whole thing",
    "Participant: the score was 3-1-0 at half time",
    "Participant: we did the 5-4-3-2-1 grounding exercise",
    "Participant: It's COVID-19-related, they said.",
])
def test_other_runs_between_hyphens_are_no_postcodes(anonymiser, text):
    assert of_type(anonymiser, text, "POSTCODE") == []
