"""Places before names where the talk is of places, place-shaped names, and employers where an employer stands
(issue 12: US, Australian, Irish and Scottish talk; sentences written for these tests, not taken from a corpus)."""

from __future__ import annotations

import pytest


def labels(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def label_of(anonymiser, text, name):
    found = [d.entity_type for d in anonymiser.detect(text) if d.text == name]
    assert found, f"{name!r} not redacted in {text!r}"
    return found[0]


def test_a_state_that_is_also_a_first_name_is_a_place_without_a_person_cue(anonymiser):
    assert label_of(anonymiser, "B: Georgia's gorgeous in October, you'd love it.", "Georgia") == "LOCATION"


def test_a_state_named_as_a_person_stays_a_person(anonymiser):
    assert label_of(anonymiser, "My granddaughter Carolina is starting school.", "Carolina") == "PERSON"
    assert label_of(anonymiser, "Virginia and I got married in the church.", "Virginia") == "PERSON"


def test_a_big_city_named_like_a_person_is_a_place_when_other_places_are_named(anonymiser):
    text = "A: I grew up in Omaha. Houston was too humid for us, and Denver's too pricey."
    assert label_of(anonymiser, text, "Houston") == "LOCATION"
    assert label_of(anonymiser, text, "Denver") == "LOCATION"


def test_a_big_city_name_with_a_person_cue_stays_a_person(anonymiser):
    text = "We live in Leeds now. Austin said he'd come round, and Charlotte rang on Sunday."
    assert label_of(anonymiser, text, "Austin") == "PERSON"
    assert label_of(anonymiser, text, "Charlotte") == "PERSON"


def test_a_place_named_like_a_surname_followed_by_who_is_a_person(anonymiser):
    text = "We drove over from Lincoln. Kearney, who ran the farm then, met us at the gate."
    assert label_of(anonymiser, text, "Kearney") == "PERSON"


@pytest.mark.parametrize("text, name", [
    ("We lived out west for years, in a little village called Ardmore.", "Ardmore"),
    ("We live in Lincoln now. My dad's place is out by Kearney.", "Kearney"),
    ("Savannah is where I met my husband.", "Savannah"),
    ("The Tulsa area has plenty of work.", "Tulsa"),
])
def test_place_contexts_make_a_place(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "LOCATION"


@pytest.mark.parametrize("text, name", [
    ("He was posted to Fort Bragg after basic training.", "Fort Bragg"),
    ("We used to camp up at Lake Wendouree most summers.", "Lake Wendouree"),
    ("My cousin's over in the Moreton Bay area.", "Moreton Bay"),
    ("I'm from Ennis, County Clare, originally.", "County Clare"),
    ("i was drinking in a pub on margaret street every night", "margaret street"),
])
def test_names_shaped_like_places_are_places(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "LOCATION"


@pytest.mark.parametrize("text, name", [
    ("She got a job with Dell straight out of college.", "Dell"),
    ("My husband retired from Chevron a few years back.", "Chevron"),
    ("I did nine years at Alcoa before the kids.", "Alcoa"),
    ("He was with Boeing for twenty-two years.", "Boeing"),
    ("Twenty years with Caterpillar Tractor, then they closed the plant.", "Caterpillar Tractor"),
    ("she got a job with dell straight out of college", "dell"),
    ("he got laid off from halliburton in the downturn", "halliburton"),
])
def test_a_name_where_an_employer_stands_is_an_organisation(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "ORGANIZATION"


@pytest.mark.parametrize("text, name", [
    ("I work for Sarah three mornings a week, cleaning.", "Sarah"),
    ("I worked for Sarah Jones for a while.", "Sarah Jones"),
    ("I was with Sarah for ten years before we split.", "Sarah"),
])
def test_a_person_after_a_weak_employer_cue_stays_a_person(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "PERSON"


def test_group_words_discourse_words_and_seasons_are_not_redacted(anonymiser):
    text = ("A: Huh. So where do you live?\nB: Oh, Wichita. Lot of Kansans are like me, and the Mexicans out here "
            "work hard.\nA: And the winters?\nB: Well, last Fall was mild. Spring's the worst, tornadoes.")
    found = {d.text for d in anonymiser.detect(text)}
    assert found == {"Wichita"}


def test_a_name_joined_to_a_person_by_and_stays_a_person_but_joined_to_a_place_is_a_place(anonymiser):
    assert label_of(anonymiser, "We moved to Omaha. Tomasz and Denver came to visit.", "Denver") == "PERSON"
    assert label_of(anonymiser, "We moved to Omaha. Omaha and Denver are both nice.", "Denver") == "LOCATION"


@pytest.mark.parametrize("text", [
    "B: I'm Puerto Rican, and a lot of South Africans live round here too.",
    "A: The Swedes up here are stubborn, but the Iowans are friendly.",
    "B: My wife's a New Zealander and I'm Sri Lankan.",
])
def test_two_word_and_irregular_demonyms_are_never_names(anonymiser, text):
    assert labels(anonymiser, text) == []


@pytest.mark.parametrize("text, name", [
    ("Last year we went to the Ozarks for a week.", "the Ozarks"),
    ("We drove up to the Catskills every October.", "the Catskills"),
])
def test_a_plural_name_after_to_the_or_in_the_is_a_place(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "LOCATION"


def test_the_end_of_a_journey_from_a_place_is_a_place_though_a_first_name(anonymiser):
    text = "P: I drove from Toowoomba to Roma, and Roma's a long way."
    assert [kind for name, kind in labels(anonymiser, text) if name == "Roma"] == ["LOCATION", "LOCATION"]


def test_from_one_person_to_another_stays_people(anonymiser):
    text = "P: We passed the baby from Tom to Siobhan and round again."
    assert labels(anonymiser, text) == [("Tom", "PERSON"), ("Siobhan", "PERSON")]


@pytest.mark.parametrize("text, name", [
    ("He drove coaches for thirty years, all over Blackburn, and loved it.", "Blackburn"),
    ("We came here from Poland when I was small, to Oldham, and stayed.", "Oldham"),
    ("Our Dean was working shifts in the middle of Nottingham at the time.", "Nottingham"),
])
def test_a_region_that_is_only_a_surname_said_alone_is_the_place(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "LOCATION"


@pytest.mark.parametrize("text, name", [
    ("Mrs Oldham was my teacher and she was lovely.", "Oldham"),
    ("My neighbour Kevin Blackburn fixed the fence on Tuesday.", "Kevin Blackburn"),
])
def test_a_region_that_is_a_surname_after_a_title_or_given_name_stays_a_person(anonymiser, text, name):
    assert label_of(anonymiser, text, name) == "PERSON"


@pytest.mark.parametrize("text, place", [
    ("P: I've done home care for years, mostly in St. Vital, and the drive is the worst of it.", "St. Vital"),
    ("P: She moved out to Saint Lazare when the kids were small.", "Saint Lazare"),
    ("P: My mother was born near Ste. Agathe and never left.", "Ste. Agathe"),
    ("p: i've done home care for years mostly in st. vital and the drive is the worst of it", "st. vital"),
])
def test_a_place_named_for_a_saint_where_a_place_stands_is_a_place_though_in_no_gazetteer(anonymiser, text, place):
    assert label_of(anonymiser, text, place) == "LOCATION"


def test_a_second_place_named_for_a_saint_said_with_the_first_is_a_place_too(anonymiser):
    text = "p: the clients are mostly in st. vital and st. norbert so i'm driving all day"
    assert label_of(anonymiser, text, "st. norbert") == "LOCATION"


def test_a_saints_church_or_hospital_is_no_bare_place(anonymiser):
    text = "P: We go to St Brendan's on a Sunday, and she works in St Ignatius Hospital."
    assert ("St Brendan's", "LOCATION") not in labels(anonymiser, text)
    assert label_of(anonymiser, text, "St Ignatius Hospital") == "HOSPITAL"
