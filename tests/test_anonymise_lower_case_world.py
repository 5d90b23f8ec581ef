"""Lower-case and spoken forms from interviews outside the UK (issue 12): spoken years in dates, acronyms said as
letters with 'and', place names opened by 'fort'/'lake', churches named with a first name, ages given as an answer
without punctuation, a sentence-opening first name before 'and I', venues 'at X in PLACE'."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("said", ["april of two thousand twelve", "April, two thousand and twelve",
                                  "october of nineteen ninety-one"])
def test_a_month_with_a_spoken_year_is_a_date(anonymiser, said):
    assert (said, "DATE") in found(anonymiser, f"we moved up there in {said} and never looked back")


@pytest.mark.parametrize("text, acronym", [
    ("my uncle worked for a t and t for thirty years out in the valley", "a t and t"),
    ("He's worked for P and G since he left college.", "P and G"),
])
def test_letters_joined_by_and_where_an_employer_stands_are_an_organisation(anonymiser, text, acronym):
    assert (acronym, "ORGANIZATION") in found(anonymiser, text)


def test_an_allowed_body_said_with_and_is_kept(anonymiser):
    assert not any(t == "a and e" for t, _ in found(anonymiser, "we ended up in a and e at two in the morning"))


@pytest.mark.parametrize("place", ["fort bragg", "lake wendouree", "camp pendleton"])
def test_a_lower_case_place_opened_by_a_place_word_is_a_place(anonymiser, place):
    assert (place, "LOCATION") in found(anonymiser, f"he was out at {place} for a couple of years and then came home")


def test_an_ordinary_port_or_camp_is_no_place(anonymiser):
    assert found(anonymiser, "we went down to the port and then up to the camp site for the night") == set()


def test_a_lower_case_church_named_with_a_first_name_is_an_organisation(anonymiser):
    text = "on sundays we go to faith community church over on the east side and the pastor is lovely"
    assert ("faith community church", "ORGANIZATION") in found(anonymiser, text)


def test_a_lower_case_group_named_with_a_surname_word_is_not_an_organisation(anonymiser):
    assert found(anonymiser, "she runs the young carers group on a monday after school for the kids") == set()


def test_an_unpunctuated_answer_to_an_age_question_is_an_age(anonymiser):
    text = "I: how old are you now if you don't mind me asking\nP: seventy-one in august\nI: and your husband\n"
    assert ("seventy-one", "AGE") in found(anonymiser, text)


def test_a_first_name_that_is_a_word_opening_a_sentence_before_and_i_is_a_person(anonymiser):
    assert ("Frank", "PERSON") in found(anonymiser, "P: Frank and I drove down together that Sunday.")


def test_an_unknown_name_after_at_with_a_place_after_in_is_an_organisation(anonymiser):
    assert ("Sobeys", "ORGANIZATION") in found(anonymiser, "These days I'm at Sobeys in Halifax, stocking shelves.")


@pytest.mark.parametrize("text, place", [
    ("participant people write in from all over for a little group from pontefract\ninterviewer that's lovely", "pontefract"),
    ("participant i ended up in whitehaven\nhe never came back after that", "whitehaven"),
])
def test_a_place_after_a_preposition_ends_with_its_line(anonymiser, text, place):
    assert place in {d.text for d in anonymiser.detect(text)}
    assert not any("\n" in d.text for d in anonymiser.detect(text))


def test_a_speaker_label_after_a_kin_noun_ending_a_line_is_no_name(anonymiser):
    text = "A: so how long have you been looking after your wife\nB: oh about six years now since the stroke\n"
    assert found(anonymiser, text) == set()


@pytest.mark.parametrize("text, place", [
    ("i grew up in glasgow and then we moved over to paisley for the work", "paisley"),
    ("we drove down to hastings for the weekend and it rained the whole time", "hastings"),
])
def test_a_lower_case_place_that_is_a_word_after_moved_to_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in found(anonymiser, text)


def test_ordinary_places_one_goes_to_are_no_places_in_lower_case(anonymiser):
    text = "my friend came back from church and then i went back to work and she went to bed early"
    assert not any(kind == "LOCATION" for _, kind in found(anonymiser, text))


@pytest.mark.parametrize("text, name", [
    ("there's a carers group at the concord centre on a wednesday and it's good", "the concord centre"),
    ("i'm in year eleven at mckinnon secondary but i'm thinking of switching", "mckinnon secondary"),
])
def test_a_lower_case_school_or_centre_named_for_a_place_or_a_name_is_an_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in found(anonymiser, text)


def test_generic_schools_and_groups_stay_unredacted_in_lower_case(anonymiser):
    text = "she goes to the local primary and the reading group at the library and the secondary school is fine"
    assert found(anonymiser, text) == set()


@pytest.mark.parametrize("text, place", [
    ("i cover selford and swinton mainly though i get sent all over the place on a bad night", "selford"),
    ("i've done assessments as far as wiggan on a bad night and it takes ages to get back", "wiggan"),
])
def test_a_lower_case_word_one_letter_from_a_place_is_that_place_misheard(anonymiser, text, place):
    assert (place, "LOCATION") in found(anonymiser, text)


def test_over_in_names_a_lower_case_place_that_is_also_a_word(anonymiser):
    text = "before that i was a nurse on one of the teams over in bury for about six years"
    assert ("bury", "LOCATION") in found(anonymiser, text)


def test_a_place_inside_an_organisation_name_stays_a_place_in_its_other_mentions(anonymiser):
    text = ("we partner with salford cvs on the befriending and most of our people live in salford anyway so it "
            "works and salford is where the money is")
    kinds = {kind for text_, kind in found(anonymiser, text) if text_ == "salford"}
    assert kinds == {"LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("and i just thought that's damning really. my manager, will, says i'm too much of an optimist", "will"),
    ("yeah. so our will, he's twenty-three now, he first got poorly at uni and it went from there", "will"),
    ("my son, mark, is a plumber and he's always been good with his hands", "mark"),
])
def test_a_first_name_that_is_a_word_set_apart_after_a_kin_noun_or_our_is_a_person(anonymiser, text, name):
    assert (name, "PERSON") in found(anonymiser, text)


def test_a_lower_case_region_is_not_read_as_part_of_a_full_name(anonymiser):
    text = "oh i've got family in carolina north carolina charlotte actually and they love it there"
    assert ("north carolina", "LOCATION") in found(anonymiser, text)


def test_a_known_place_in_a_place_position_is_a_place_though_also_a_first_name_in_lower_case(anonymiser):
    text = "i was at lockheed for thirty years in marietta and my wife was a nurse at kennestone"
    assert {("lockheed", "ORGANIZATION"), ("marietta", "LOCATION"), ("kennestone", "ORGANIZATION")} <= found(anonymiser, text)


def test_was_at_a_first_name_for_a_while_is_a_visit_not_an_employer(anonymiser):
    assert ("Sarah", "PERSON") in found(anonymiser, "I was at Sarah's for the weekend and it was lovely.")


def test_what_family_are_called_is_no_name_in_lower_case(anonymiser):
    text = "he's twenty-two and stays in camelon with his gran and i take him to the gym twice a week"
    assert not any(name == "gran" for name, _ in found(anonymiser, text))


def test_letters_said_after_went_to_name_a_school(anonymiser):
    assert ("u t e p", "ORGANIZATION") in found(anonymiser, "oh nice my nephew went to u t e p and now he's an engineer")


def test_a_word_one_letter_from_a_village_is_a_place_only_where_a_place_stands(anonymiser):
    assert not any(name == "bostin" for name, _ in found(anonymiser, "everyone's saying oh she's bostin she's gorgeous"))
    assert ("wiggan", "LOCATION") in found(anonymiser, "i've done assessments as far out as wiggan on a bad night")


@pytest.mark.parametrize("text", ["p: we're still at mom's. the council says we might get a flat",
                                  "P: We're staying at Mum's until the flat is ready."])
def test_a_relatives_home_is_no_business(anonymiser, text):
    assert not any(kind == "ORGANIZATION" for _, kind in found(anonymiser, text))


@pytest.mark.parametrize("text, date", [
    ("p: he was born on the second of february and we went home after", "the second of february"),
    ("P: I went back on the 12th of May 2021.", "the 12th of May 2021"),
])
def test_a_spoken_date_takes_in_its_the(anonymiser, text, date):
    assert (date, "DATE") in found(anonymiser, text)


@pytest.mark.parametrize("text, name", [
    ("p: she thinks i'm her sister peg half the time", "peg"),
    ("p: everybody else got better rommel my husband joy my daughter they were fine", "joy"),
    ("p: they do their best but wade that's our son he's one of the volunteers", "wade"),
])
def test_a_first_name_that_is_a_word_beside_my_sister_is_a_name_in_lower_case(anonymiser, text, name):
    assert (name, "PERSON") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_modal_after_my_son_is_no_name(anonymiser):
    assert anonymiser.detect("p: my son will be there and my sister may come too") == []


@pytest.mark.parametrize("text, kind", [("p: so do you miss ohio", "LOCATION"),
                                        ("p: and they mail everything to the box in broderick now", "LOCATION"),
                                        ("p: i believe in jesus and i confide in jackie", "PERSON")])
def test_a_name_after_miss_the_verb_or_in_takes_the_type_its_position_gives(anonymiser, text, kind):
    assert [d.entity_type for d in anonymiser.detect(text)] == [kind]


def test_a_scots_word_that_is_also_a_given_name_starts_no_full_name(anonymiser):
    text = "p: it's an hour and a quarter each way fae mains of corse"
    assert not any(d.text.startswith("fae") for d in anonymiser.detect(text))
    assert not any(s.text == "fae" for s in anonymiser.suggest(text))


@pytest.mark.parametrize("text, place", [("p: a lovely wee man, mister macaskill, from skye originally, and he says", "skye"),
                                         ("p: she's from skye and i got a letter from sarah", "skye"),
                                         ("p: i'm thirty six, i grew up in prince george and i started", "prince george")])
def test_a_first_name_where_someone_is_from_or_a_two_word_place_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in found(anonymiser, text)


def test_a_name_after_a_letter_from_is_a_person(anonymiser):
    assert ("sarah", "PERSON") in found(anonymiser, "p: she's from skye and i got a letter from sarah")


def test_ordinary_words_before_a_landmark_word_are_suggested_in_lower_case(anonymiser):
    text = "participant: we still go walking over the peace bridge with the prams and round the car park"
    suggested = {s.text for s in anonymiser.suggest(text)}
    assert "peace bridge" in suggested and not any("car" in s for s in suggested)


def test_a_town_mountain_or_river_word_closes_a_suggested_landmark_too(anonymiser):
    text = "p: she lives up in pine mountain now with her fella"
    assert "pine mountain" in {s.text for s in anonymiser.suggest(text)}


@pytest.mark.parametrize("text, place", [
    ("participant: i live out in island bay with my partner and our daughter", "island bay"),
    ("participant: thirty one years most of it right there in east point and college park", "college park"),
    ("participant: he got lost driving home from his brother's in tile hill", "tile hill"),
    ("participant: afterwards we walked round east park a few of us", "east park"),
    ("participant: on sundays we go up primrose hill with the dog", "primrose hill"),
])
def test_ordinary_words_before_a_district_word_after_in_name_a_district(anonymiser, text, place):
    assert (place, "LOCATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text", [
    "participant: the kids go to skate park after school and then up ski hill",
    "participant: her a1c came down from eleven to seven point two which i cried about",
])
def test_a_kind_of_place_or_a_number_after_a_word_saying_where_is_no_district(anonymiser, text):
    assert not any(d.entity_type == "LOCATION" for d in anonymiser.detect(text))


def test_a_kind_of_park_or_hill_is_no_district(anonymiser):
    text = "participant: we parked in the car park and then in country park and up in high hill"
    assert not any(d.entity_type == "LOCATION" for d in anonymiser.detect(text) if "park" in d.text)


def test_a_word_in_no_list_after_down_or_up_is_a_place(anonymiser):
    text = "participant: i was welding at the yard down pallion and we did the big track up kunanyi last spring"
    assert {"pallion", "kunanyi"} <= {d.text for d in anonymiser.detect(text) if d.entity_type == "LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("p: my mate hamish came round with the van", "hamish"),
    ("p: the nurse, niamh, she was great", "niamh"),
    ("p: our youngest, oisin, he's at the college now", "oisin"),
    ("p: my cousin lerato stays with us", "lerato"),
    ("p: my neighbour gurpreet drives me in", "gurpreet"),
])
def test_given_names_of_the_wider_english_speaking_world_are_names_in_lower_case(anonymiser, text, name):
    assert (name, "PERSON") in found(anonymiser, text)


@pytest.mark.parametrize("text, home", [
    ("p: the volunteer drivers fae rowan house were great", "rowan house"),
    ("p: she was at orla house for respite", "orla house"),
])
def test_a_given_name_before_house_after_a_preposition_names_a_home(anonymiser, text, home):
    assert (home, "ORGANIZATION") in found(anonymiser, text)


@pytest.mark.parametrize("text, place", [
    ("participant: we're up on the brook farm estate since the kids were small", "brook farm estate"),
    ("participant: she's in the grange hill area now", "grange hill"),
    ("participant: my mam lives round the penwortham area", "penwortham"),
])
def test_a_named_estate_or_area_after_the_and_a_word_saying_where_is_a_place(anonymiser, text, place):
    assert any(place in span and kind == "LOCATION" for span, kind in found(anonymiser, text))


@pytest.mark.parametrize("text", [
    "participant: we sat in the waiting area for hours",
    "participant: he's on the industrial estate now, at the depot",
    "participant: she lives on the council estate",
    "participant: we're in the catchment area, just",
    "participant: it's in the north area of the ward",
])
def test_a_kind_of_area_or_estate_is_no_place(anonymiser, text):
    assert found(anonymiser, text) == set()


def test_a_capitalised_name_before_a_lower_case_area_is_a_place(anonymiser):
    assert ("Heath Town", "LOCATION") in found(anonymiser, "Participant: We live in the Heath Town area now.")
