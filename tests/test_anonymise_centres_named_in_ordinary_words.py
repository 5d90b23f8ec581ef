"""Centres, trusts, pools, leagues, support services, bars and gyms named in ordinary capitalised words mid-sentence are
organisations; the same heads after words that say what kind they are, a national body or lower-case speech are not."""

from __future__ import annotations

import pytest


def organisations(anonymiser, text):
    return [d.text.removeprefix("the ") for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, name", [
    ("Participant: They sent me on a course at the Sunbeam Centre. The course was fine.", "Sunbeam Centre"),
    ("Participant: They get a bit of money off the Oak Tree Trust and we do the odd trip.", "Oak Tree Trust"),
    ("Participant: I swim at the Bower Pool, it's easy on the back.", "Bower Pool"),
    ("Participant: Then I found Comeragh Cancer Support, they've a drop-in.", "Comeragh Cancer Support"),
    ("Participant: They play in the Holy Redeemer Youth League.", "Holy Redeemer Youth League"),
    ("Participant: At the barber, Sharp Edge Barbering, I tell the youth them.", "Sharp Edge Barbering"),
    ("Participant: I started him at Firefly Fitness, they do a kids' class.", "Firefly Fitness"),
])
def test_a_centre_or_gym_named_in_ordinary_words_is_an_organisation(anonymiser, text, name):
    assert organisations(anonymiser, text) == [name]


@pytest.mark.parametrize("text", [
    "Participant: I went down the Job Centre and then the Leisure Centre.",
    "Participant: The kids play Little League and we watch the Premier League.",
    "Participant: I'm doing the Peer Support training now.",
    "Participant: I had Emotional Support from the nurse.",
    "Participant: I go to the Swimming Pool and the School Gym.",
    "Participant: Then the Town Centre was closed.",
    "Interviewer: Do you get support? Participant: Family Support came round once.",
    "participant: and the hydro pool is the only time it's not sore. do you send support back home",
])
def test_a_kind_of_centre_a_national_body_or_lower_case_speech_is_no_name(anonymiser, text):
    assert organisations(anonymiser, text) == []


def test_a_kind_of_hospital_in_lower_case_is_no_name_though_it_is_a_place(anonymiser):
    text = "participant: they moved me to the grange hospital and then the eye hospital and the chest hospital."
    assert [d.text for d in anonymiser.detect(text)] == ["the grange hospital"]


def test_a_hospital_named_in_two_plain_words_without_an_article_is_named_in_lower_case(anonymiser):
    text = ("participant: i was brought in to holy well hospital on a friday. then to the general hospital, "
            "to city hospital, and my sister went to the old hospital.")
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "HOSPITAL"] == ["holy well hospital"]
