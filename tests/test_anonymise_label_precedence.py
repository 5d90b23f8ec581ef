"""Label precedence: a name standing where a place stands, and nowhere as a person, is labelled a place."""

from __future__ import annotations

import pytest


def labels(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_an_unknown_name_after_at_is_a_place_in_every_mention(anonymiser):
    text = "Participant: We were sleeping rough down by the canal at Crobbleton. Crobbleton was grim in winter."
    assert labels(anonymiser, text) == [("Crobbleton", "LOCATION"), ("Crobbleton", "LOCATION")]


def test_as_far_as_names_a_place(anonymiser):
    assert labels(anonymiser, "Participant: People come from as far as Tregullow for the clinic.") == [
        ("Tregullow", "LOCATION")]


def test_a_person_cue_anywhere_keeps_the_name_a_person(anonymiser):
    text = "Participant: My neighbour Tadeusz came round. I looked at Tadeusz and we both laughed."
    assert {t for _, t in labels(anonymiser, text)} == {"PERSON"}


def test_a_name_restated_with_a_surname_after_a_place_stays_a_person(anonymiser):
    found = dict(labels(anonymiser, "Participant: The trial manager in Oxford, Ilsabet, Ilsabet Crowther, she rang me."))
    assert found["Oxford"] == "LOCATION"
    assert found["Ilsabet"] == found["Ilsabet Crowther"] == "PERSON"


def test_a_business_named_by_its_trade_is_not_made_a_place(anonymiser):
    found = labels(anonymiser, "Participant: I was a driver for Brenzett Motors, and later I did the gate at Brenzett.")
    assert ("Brenzett Motors", "LOCATION") not in found


def test_a_name_ending_in_a_trade_word_is_an_organisation_in_all_its_mentions(anonymiser):
    text = ("Participant: He'd lost a contract with Brockwell Valley Roofing because of his back. "
            "Brockwell Valley Roofing let him go in March.")
    assert {t for _, t in labels(anonymiser, text)} == {"ORGANIZATION"}


def test_a_first_name_that_is_a_word_before_a_surname_stays_a_person(anonymiser):
    text = "Participant: Me, my colleague Tamsin, and Sky Pemberton, she's one of our technicians."
    assert dict(labels(anonymiser, text)).get("Sky Pemberton") == "PERSON"


def test_two_people_joined_by_and_stay_people(anonymiser):
    text = "Participant: The nurses, Chidubem and Marisela especially, know her better than anyone."
    assert {t for _, t in labels(anonymiser, text)} == {"PERSON"}


def test_a_name_a_direction_of_is_a_place(anonymiser):
    text = "P: We were on my daddy's place about eleven miles south of McCamey. McCamey was a good town."
    assert labels(anonymiser, text) == [("McCamey", "LOCATION"), ("McCamey", "LOCATION")]


def test_a_name_one_letter_from_a_place_is_a_person_where_a_person_is_spoken_of(anonymiser):
    text = "P: Our neighbour aunty, Padma, she sits with Nanna when I have calls."
    assert labels(anonymiser, text) == [("Padma", "PERSON")]


@pytest.mark.parametrize("text, name, kind", [
    ("P: I was down the pit at Dawdon Colliery till it shut.", "Dawdon Colliery", "ORGANIZATION"),
    ("P: It meets at First Baptist on a Sunday.", "First Baptist", "ORGANIZATION"),
    ("P: I ended up in Sunderland Royal on the oxygen.", "Sunderland Royal", "HOSPITAL"),
])
def test_a_name_closed_by_a_workplaces_word_is_no_place_where_it_stands(anonymiser, text, name, kind):
    assert (name, kind) in labels(anonymiser, text)


def test_a_place_in_the_lists_keeps_its_label_whatever_its_last_word(anonymiser):
    assert labels(anonymiser, "P: We moved to Royal Leamington Spa.") == [("Royal Leamington Spa", "LOCATION")]


@pytest.mark.parametrize("text, place", [("P: He grew up in Port Royal before London.", "Port Royal"),
                                         ("P: We moved to Wiggan, near the coast.", "Wiggan")])
def test_a_place_named_like_a_workplace_or_followed_by_a_comma_stays_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in labels(anonymiser, text)


@pytest.mark.parametrize("text, place", [
    ("P: My dad's mob is from Katherine way, but I grew up in Darwin.", "Katherine"),
    ("P: With half your family still in Kingston and May Pen, you need someone who knows.", "May Pen"),
])
def test_a_name_list_word_where_only_a_place_can_stand_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_person_after_a_place_and_and_is_still_a_person(anonymiser):
    text = "P: We live in Leeds and Sarah came to visit on Sunday."
    assert ("Sarah", "PERSON") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_born_and_bred_puts_a_place_after_it(anonymiser):
    found = [(d.text, d.entity_type) for d in anonymiser.detect("P: I'm thirty-seven, born and bred Bransholme, me.")]
    assert ("Bransholme", "LOCATION") in found


def test_a_name_just_before_a_postcode_is_a_place(anonymiser):
    found = [(d.text, d.entity_type) for d in anonymiser.detect("P: They mail it all to the box in Broderick, S0H 0L0, so it's slow.")]
    assert ("Broderick", "LOCATION") in found


@pytest.mark.parametrize("text, name", [
    ("Participant: My roommate, Jordan, drove me to the ER. Jordan stayed all night.", "Jordan"),
    ("Participant: The physio, Florence, gave me exercises to do at home.", "Florence"),
    ("Participant: My late husband, Cleveland, did thirty-one years at the plant.", "Cleveland"),
])
def test_a_place_name_set_apart_after_a_kin_or_care_noun_is_a_person(anonymiser, text, name):
    assert {kind for found, kind in labels(anonymiser, text) if found == name} == {"PERSON"}


def test_a_place_name_that_did_something_with_the_speaker_is_a_person(anonymiser):
    text = "Participant: I rang my friend Jordan that night. Jordan stayed with me till morning."
    assert {kind for found, kind in labels(anonymiser, text) if found == "Jordan"} == {"PERSON"}


def test_a_first_names_possessive_after_at_is_a_persons_home_though_a_town_has_the_name(anonymiser):
    assert labels(anonymiser, "Participant: We stayed at Mary's on Friday, then went home.") == [("Mary", "PERSON")]


@pytest.mark.parametrize("text, place", [
    ("Participant: We've got merinos mostly, out past Ross on the river side.", "Ross"),
    ("Participant: I've been in Bendigo all my life. Grew up in Long Gully, live in Kangaroo Flat now.", "Long Gully"),
    ("Participant: Our boy Hunter lives over in Man, in Logan County.", "Man"),
    ("participant: my wife lise and i are out in val caron now, she's sixty-nine.", "val caron"),
])
def test_a_name_on_a_name_list_where_no_one_stands_is_a_place(anonymiser, text, place):
    assert [d.entity_type for d in anonymiser.detect(text) if d.text == place] == ["LOCATION"]


@pytest.mark.parametrize("text, place", [
    ("B: I'm in Salt Lake City. Well, Sandy, it's a suburb, the south end of the valley.", "Sandy"),
    ("A: I'm in Albany, New York. Well, Troy, right across the river.", "Troy"),
    ("Participant: I'm in Stockport, born and bred. Well, Heald Moss really, the estate up past the roundabout.",
     "Heald Moss"),
])
def test_a_name_after_a_place_and_well_says_the_place_more_exactly(anonymiser, text, place):
    assert [d.entity_type for d in anonymiser.detect(text) if d.text == place] == ["LOCATION"]


@pytest.mark.parametrize("text", ["P: I went to Leeds. Well, Sandy said I should.",
                                  "P: We stayed in Leeds, well, Sandy did, I went home."])
def test_a_name_after_a_place_and_well_that_does_something_stays_a_person(anonymiser, text):
    assert [d.entity_type for d in anonymiser.detect(text) if d.text == "Sandy"] == ["PERSON"]


@pytest.mark.parametrize("text, person", [
    ("Participant: We got a card from Ross and one from Jenny.", "Ross"),
    ("Participant: I believe in Ross, he's a good lad.", "Ross"),
    ("Participant: I stayed in Ross's spare room for a month.", "Ross"),
])
def test_a_name_after_a_word_a_person_can_follow_stays_a_person(anonymiser, text, person):
    assert [d.entity_type for d in anonymiser.detect(text) if d.text.startswith(person)] == ["PERSON"]


def test_a_known_place_written_with_a_full_stop_is_a_place(anonymiser):
    text = "Participant: She says I'd be better off going to see our daughter up in St. Louis."
    assert [d.entity_type for d in anonymiser.detect(text) if "Louis" in d.text] == ["LOCATION"]


@pytest.mark.parametrize("text, place", [
    ("p: i'm in an apartment in the phillips neighborhood now with a poster on the wall", "phillips"),
    ("Participant: We live in the Phillips neighbourhood now.", "Phillips"),
])
def test_a_surname_before_neighbourhood_is_a_place(anonymiser, text, place):
    assert [d.entity_type for d in anonymiser.detect(text) if d.text == place] == ["LOCATION"]
