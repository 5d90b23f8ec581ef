"""Phone numbers, web and email addresses and dates as people say them: 'treble', digits in pairs, endings of other
countries and spelled endings, an initial and surname before 'at'; a holiday's day and month is no personal date."""

from __future__ import annotations

import pytest

from interviewer.anonymise.numbers import spoken_digits


def of_type(anonymiser, text, entity_type):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == entity_type]


def test_spoken_digits_read_treble_and_pairs():
    assert spoken_digits("oh one five one, treble two") == "0151222"
    assert spoken_digits("three one two, five five five, nineteen eighty") == "3125551980"
    assert spoken_digits("forty-seven oh six") == "4706"


@pytest.mark.parametrize("text, phone", [
    ("Participant: Ring the office on oh one five one, treble two, four six eight nine.",
     "oh one five one, treble two, four six eight nine"),
    ("participant: it's three one two, five five five, nineteen eighty if you want her", "three one two, five five five, nineteen eighty"),
])
def test_phone_numbers_said_with_treble_or_in_pairs(anonymiser, text, phone):
    assert of_type(anonymiser, text, "PHONE") == [phone]


@pytest.mark.parametrize("text, kind, address", [
    ("participant: it's all on w w w dot bush nursing dot org dot au now", "URL", "w w w dot bush nursing dot org dot au"),
    ("participant: have a look at family carers dot i e for the nearest one", "URL", "family carers dot i e"),
    ("participant: email k okafor at northgate health dot ca and she'll sort it", "EMAIL", "k okafor at northgate health dot ca"),
    ("participant: write to info at kiwi carers dot org dot nz for the forms", "EMAIL", "info at kiwi carers dot org dot nz"),
])
def test_web_and_email_addresses_said_aloud(anonymiser, text, kind, address):
    assert address in of_type(anonymiser, text, kind)


@pytest.mark.parametrize("text, kind, address", [
    ("participant: they're at hamilton peers dot n z if you want a look", "URL", "hamilton peers dot n z"),
    ("participant: the forms are on riverbend walkers dot org dot u k", "URL", "riverbend walkers dot org dot u k"),
    ("Participant: The sign-up form is at forms.gle/Xy7pQ2 on their page.", "URL", "forms.gle/Xy7pQ2"),
    ("Participant: Message us @TaupoTrampers on Instagram.", "URL", "@TaupoTrampers"),
    ("participant: it's on facebook slash taupo trampers, every week", "URL", "facebook slash taupo trampers"),
    ("participant: write to the club at taupotrampers at gmail dot com", "EMAIL", "taupotrampers at gmail dot com"),
    ("Participant: It's rob.mackay at gmail.com if you need me.", "EMAIL", "rob.mackay at gmail.com"),
    ("Participant: It's dawn at hotmail.co.uk, any time.", "EMAIL", "dawn at hotmail.co.uk"),
])
def test_addresses_with_a_spelled_ending_a_page_a_handle_or_a_social_page(anonymiser, text, kind, address):
    assert address in of_type(anonymiser, text, kind)


@pytest.mark.parametrize("text", [
    "Participant: the dose was 1.5mg/ml and then 5 mg/kg",
    "p: we did it and/or not, I can't remember",
    "p: email me @ home if it's easier",
])
def test_doses_and_or_and_a_lone_at_sign_are_no_addresses(anonymiser, text):
    assert of_type(anonymiser, text, "URL") == [] and of_type(anonymiser, text, "EMAIL") == []


def test_an_apostrophe_s_does_not_start_an_email(anonymiser):
    assert of_type(anonymiser, "participant: it's at the school dot com, the form", "EMAIL") == []


@pytest.mark.parametrize("text, dates", [
    ("participant: on the fourth of july we always have a barbecue", []),
    ("participant: guy fawkes, the fifth of november, the kids love it", []),
    ("participant: she was born on the fourth of july, of all days", ["the fourth of july"]),
    ("participant: thanksgiving twenty nineteen he was in the icu", ["thanksgiving twenty nineteen"]),
    ("participant: the summer of twenty twenty we lost him", ["summer of twenty twenty"]),
])
def test_a_holiday_is_a_date_only_with_a_year_or_a_life_event(anonymiser, text, dates):
    assert of_type(anonymiser, text, "DATE") == dates


def test_a_spoken_address_deep_in_a_long_transcript_is_found_as_in_a_short_one(anonymiser):
    said = "p: you can email me at jo smith at gmail dot com or see carers first dot org slash help.\n"
    filler = "p: and at that point we just kept going with it, you know, one day at a time.\n" * 40
    alone = [(d.text, d.entity_type) for d in anonymiser.detect(said)]
    deep = [(d.text, d.entity_type) for d in anonymiser.detect(filler + said + filler)]
    assert {"EMAIL", "URL"} <= {kind for _, kind in alone}
    assert deep == alone


@pytest.mark.parametrize("text, address", [
    ("participant: their website's chinookpain dot ca if you want to look", "chinookpain dot ca"),
    ("participant: we're on kereru walkers dot nz now", "kereru walkers dot nz"),
    ("Participant: It's on facebook.com/groups/brambleknitters if you want it.", "facebook.com/groups/brambleknitters"),
    ("Participant: The surgery's site, riversidesurgery.nhs.uk, has the form.", "riversidesurgery.nhs.uk"),
])
def test_a_web_address_of_anyone_local_is_redacted(anonymiser, text, address):
    assert address in [d.text for d in anonymiser.detect(text) if d.entity_type == "URL"]


@pytest.mark.parametrize("text", [
    "Participant: I read it all on nhs.uk and gov.uk first.",
    "participant: i looked on the nhs website, nhs dot uk, and it said the same",
    "Participant: Have a look at citizensadvice.org.uk.",
])
def test_the_home_page_of_a_national_body_is_kept(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "URL"] == []
