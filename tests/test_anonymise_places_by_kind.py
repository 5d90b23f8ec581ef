"""Places named by their kind (numbered roads, ring roads, names ending in a place word) and, in lower case, a word
in no word list where someone lives; ordinary words and generic places stay (issue 12; sentences written for
these tests, not taken from a corpus)."""

from __future__ import annotations

import pytest

from interviewer.anonymise.anonymiser import Anonymiser


def places(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "LOCATION"]


def redacted(anonymiser, text):
    return [d.text for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, road", [
    ("We live just off the M6, so it's easy.", "the M6"),
    ("she's on the a38 every morning", "the a38"),
    ("Take the N4 out past the airport.", "the N4"),
    ("We stopped in a diner off I-35 for lunch.", "I-35"),
    ("we drove down highway 97 for hours", "highway 97"),
])
def test_a_road_named_by_its_number_is_a_place(anonymiser, text, road):
    assert road in places(anonymiser, text)


@pytest.mark.parametrize("text", [
    "Print it on the A4 paper in the office.",
    "She wears the N95 mask on the ward.",
    "He got an A1 in maths.",
])
def test_a_paper_size_mask_or_grade_is_no_road(anonymiser, text):
    assert redacted(anonymiser, text) == []


def test_a_ring_road_named_by_its_side_is_a_place(anonymiser):
    assert "the south circular" in places(anonymiser, "the traffic on the south circular was awful")
    assert "Outer Ring Road" in " ".join(places(anonymiser, "It's just past the Outer Ring Road, you can't miss it."))


@pytest.mark.parametrize("text, place", [
    ("We moved out to Pelican Lake when I was six.", "Pelican Lake"),
    ("Her folks drove up from Sioux Falls and Twin Forks.", "Twin Forks"),
    ("We went walking in the Black Mountains last spring.", "the Black Mountains"),
    ("We'd shop at Meadowbrook Plaza, by the food court.", "Meadowbrook Plaza"),
    ("They grew up on the Brackenfield estate, near the school.", "the Brackenfield estate"),
])
def test_a_capitalised_name_ending_in_a_place_word_is_a_place(anonymiser, text, place):
    assert place in places(anonymiser, text)


@pytest.mark.parametrize("text, place", [
    ("we moved out to pelican lake when i was six", "pelican lake"),
    ("they drove from sioux falls and then to twin forks", "twin forks"),
    ("we used to go to the meadowbrook plaza on a saturday", "the meadowbrook plaza"),
    ("they grew up on the brackenfield estate near the school", "brackenfield estate"),
    ("she's from the manor estate originally, same as me", "manor estate"),  # an English word, on an estate lived on
])
def test_a_lower_case_name_before_a_place_word_after_a_place_word_is_a_place(anonymiser, text, place):
    assert place in places(anonymiser, text)


@pytest.mark.parametrize("text", [
    "we took the kids to the big lake and then the shopping mall",
    "they lived on the housing estate near the old mill and the baby falls over a lot",
    "she has a fear of heights so we never go up to the local mall roof",
    "we went down to the lake and then to the mall for a coffee",
    "we grew up on the council estate and he works on the industrial estate",
])
def test_describing_words_before_a_place_word_name_no_place(anonymiser, text):
    assert places(anonymiser, text) == []


@pytest.mark.parametrize("text, place", [
    ("i grew up in drumcarrow and moved later", "drumcarrow"),
    ("she's from ballynacrue originally you know", "ballynacrue"),
    ("we were living out in kilbrannock for a while", "kilbrannock"),
])
def test_a_lower_case_word_in_no_list_where_someone_lives_is_a_place(anonymiser, text, place):
    assert place in places(anonymiser, text)


@pytest.mark.parametrize("text, place", [
    ("grew up in long gully and live in kangaroo flat now with the missus", "kangaroo flat"),
    ("born and bred in small heath and i've drove buses twenty year", "small heath"),
    ("i was born and bred in drumcarrow me", "drumcarrow"),
])
def test_ordinary_words_and_a_settlements_last_word_where_someone_lives_are_a_place(anonymiser, text, place):
    assert place in places(anonymiser, text)


@pytest.mark.parametrize("text", [
    "we live in council flat on the estate since the divorce",
    "they moved to caravan park after the fire",
    "we moved in the end to be near her",
])
def test_a_kind_of_flat_or_park_where_someone_lives_is_no_place(anonymiser, text):
    assert places(anonymiser, text) == []


@pytest.mark.parametrize("text", [
    "she was in care for two years and then in hospital",
    "we were at home most days or in bed by nine",
    "i'm from here originally and my mum lived in town",
    "we met in the city centre and walked down the high street to the shops",
])
def test_ordinary_words_and_generic_places_where_someone_lives_stay(anonymiser, text):
    assert places(anonymiser, text) == []


def test_a_lower_case_word_in_no_list_along_the_is_a_river_or_landmark(anonymiser):
    assert places(anonymiser, "we walk the dog along the wharfe most mornings") == ["the wharfe"]
    assert places(anonymiser, "we walked along the prom and past the chippy") == []


@pytest.mark.parametrize("text, river", [
    ("participant: we live in scone, just across the river tay. i'm fifty-one", "the river tay"),
    ("participant: we walk by the bow river most mornings", "the bow river"),
])
def test_a_river_by_its_name_is_a_place_in_lower_case(anonymiser, text, river):
    assert river in places(anonymiser, text)


def test_the_river_described_or_its_bank_is_no_place(anonymiser):
    text = "participant: we walk by the river most mornings, sit on the river bank and fish down the local river"
    assert places(anonymiser, text) == []


@pytest.mark.parametrize("text, county", [
    ("participant: they drove me to a clinic over in perry county for the stent", "perry county"),
    ("participant: our boy lives over in logan county now", "logan county"),
])
def test_county_after_a_place_is_part_of_its_name(anonymiser, text, county):
    assert county in places(anonymiser, text)


@pytest.mark.parametrize("text, place", [
    ("participant: i did my training in cebu city and came over in 2015", "cebu city"),
    ("participant: my mum's people are from the tiwi islands and my dad's from katherine", "tiwi islands"),
    ("participant: we flew home from cork airport in the end", "cork airport"),
])
def test_a_city_island_or_airport_word_after_a_place_is_part_of_its_name(anonymiser, text, place):
    assert place in places(anonymiser, text)


def test_a_place_word_opening_a_capitalised_name_makes_it_a_place_though_a_first_name_follows(anonymiser):
    assert "Mount Hazel" in places(anonymiser, "I grew up in a little town called Mount Hazel, near the coast.")
    assert "Fort Bragg" in places(anonymiser, "He was stationed at Fort Bragg for a year.")


@pytest.mark.parametrize("text, place", [
    ("P: We go walking in KBR Park most mornings.", "KBR Park"),
    ("P: He works nights in HITEC City, the IT area.", "HITEC City"),
    ("P: We live near Kentish Town now.", "Kentish Town"),
])
def test_a_name_before_an_area_word_after_a_where_word_is_a_place(text, place):
    assert (place, "LOCATION") in {(d.text, d.entity_type) for d in Anonymiser(second_model=False).detect(text)}


@pytest.mark.parametrize("text, place", [
    ("P: We live out past Crane, Texas, on the ranch road.", "Crane"),
    ("P: We moved from Sydney, Nova Scotia, when I was ten.", "Sydney"),
])
def test_a_capitalised_word_before_a_comma_and_a_region_is_a_place_there(text, place):
    assert (place, "LOCATION") in {(d.text, d.entity_type) for d in Anonymiser(second_model=False).detect(text)}


def test_the_park_in_town_is_no_place_name():
    assert Anonymiser(second_model=False).detect("P: We went to the park in town after.") == []


@pytest.mark.parametrize("text, road", [
    ("P: They moved us to County Road 49, out past the gin.", "County Road 49"),
    ("p: we're out on county road forty nine past the church", "county road forty nine"),
    ("p: we live on county road forty", "county road forty"),
])
def test_a_numbered_country_road_is_a_place_with_its_number(text, road):
    assert (road, "LOCATION") in {(d.text, d.entity_type) for d in Anonymiser(second_model=False).detect(text)}


@pytest.mark.parametrize("text, place", [
    ("P: We moved out to Bridge of Alford when the kids were small.", "Bridge of Alford"),
    ("P: The farm's at Mains of Corse, up past the school.", "Mains of Corse"),
    ("P: They took him to the Kyle of Lochalsh surgery.", "Kyle of Lochalsh"),
    ("P: The Isle of Man TT was on.", "The Isle of Man"),
    ("p: we moved out to bridge of alford when the kids were small", "bridge of alford"),
])
def test_a_place_named_kind_of_name_is_one_place(anonymiser, text, place):
    assert {d.text: d.entity_type for d in anonymiser.detect(text)}.get(place) == "LOCATION"


@pytest.mark.parametrize("text", ["P: He's head of department and that's the point of it.",
                                  "p: the head of the school rang and the mouth of the river flooded"])
def test_a_head_or_a_point_of_something_is_no_place(anonymiser, text):
    assert anonymiser.detect(text) == []


@pytest.mark.parametrize("text, place", [
    ("I: Where are you based, for the letters we send out?\nP: Harehills. Forty-two Ashdene Grove.", "Harehills"),
    ("I: And where do you live?\nP: Pollokshields, twenty year now.", "Pollokshields"),
])
def test_a_name_answering_a_where_question_is_a_place(anonymiser, text, place):
    assert {d.text: d.entity_type for d in anonymiser.detect(text)}.get(place) == "LOCATION"


@pytest.mark.parametrize("text", ["I: Where did you go for help?\nP: Nowhere, honestly.",
                                  "I: Where did you hear about it?\nP: Facebook, I think."])
def test_no_place_or_a_known_brand_answering_where_stays(anonymiser, text):
    assert anonymiser.detect(text) == []


@pytest.mark.parametrize("text, place", [("P: We run merinos out there. Place is called Windy Ridge, on the river side.", "Windy Ridge"),
                                         ("P: We live on a farm called Hill Top.", "Hill Top"),
                                         ("P: There's a village called Little Heath near us.", "Little Heath"),
                                         ("P: My mate Shorty, from over Campbell Town, came.", "Campbell Town")])
def test_a_name_after_a_place_noun_and_called_or_a_town_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_group_called_a_name_stays_an_organisation_and_over_is_no_village(anonymiser):
    found = [(d.text, d.entity_type) for d in anonymiser.detect("P: A group called Open Door helped, from over the hill.")]
    assert found == [("Open Door", "ORGANIZATION")]


@pytest.mark.parametrize("text, place", [
    ("Participant: I came to England in 1961 to join my mother.", "England"),
    ("Participant: We moved to Scotland when I was ten.", "Scotland"),
])
def test_a_uk_nation_where_someone_went_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", ["Participant: The NHS in England is stretched, everyone knows that.",
                                  "Participant: Healthcare in Canada is free but slow.",
                                  "Participant: Chest Heart and Stroke Scotland fund it, I think."])
def test_a_countrys_system_or_national_charity_locates_no_one(anonymiser, text):
    assert anonymiser.detect(text) == []


def test_a_known_place_after_outside_of_is_a_place_in_lower_case(anonymiser):
    assert "bowling green" in places(anonymiser, "participant: i grew up on a farm in kentucky, outside of bowling green. we had dogs")
    assert places(anonymiser, "participant: it's outside of work that i struggle") == []
