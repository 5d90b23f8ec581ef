"""Transcripts written all in lower case are also read with capitals restored: the copy keeps every offset, and
names, places and organisations the cased rules know by their capitals are found; ordinary words, national
bodies and medicines stay."""

from __future__ import annotations

import pytest

from interviewer.anonymise.recasing import recased


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


def test_recasing_changes_only_the_case_of_letters():
    text = "participant: so i'm from ballymena, and my gp, dr o'hare, said it's fine. we're ok now.\ni: right."
    copy = recased(text)
    assert len(copy) == len(text) and copy.lower() == text
    assert copy.startswith("Participant: So I'm from Ballymena")
    assert "Dr O'Hare" in copy and copy.endswith("I: Right.")


def test_national_bodies_take_their_acronym_capitals_and_stay(anonymiser):
    text = "participant: the nhs sorted it and then the gp rang, and the cpn came out on the wednesday after"
    assert "The NHS sorted it and then the GP rang, and the CPN came out on the Wednesday" in recased(text)
    assert found(anonymiser, text) == {}


def test_may_and_march_are_months_only_where_a_month_stands():
    copy = recased("participant: i may go back in may, or march on the 3rd of march, we'll see what happens then")
    assert "I may go back in May, or march on the 3rd of March" in copy


def test_english_words_in_other_spellings_endings_and_contractions_are_no_names(anonymiser):
    text = ("participant: we're lucky, it's all organised and anonymised, the neighbor's kind, and she's been "
            "in hospital since the spring, you know")
    assert recased(text)[13:] == text[13:].replace("we're", "We're", 1)
    assert found(anonymiser, text) == {}


def test_names_in_no_word_list_are_people_where_a_name_stands_in_lower_case(anonymiser):
    text = ("participant: my mate lachie said he'd come on a friday, and ruairidh's van was free, so we watched the "
            "football together")
    assert found(anonymiser, text) == {"lachie": "PERSON", "ruairidh": "PERSON"}


def test_dialect_and_slang_in_no_word_list_are_no_names_after_recasing(anonymiser):
    text = ("participant: honestly i was knackered and skint, sat watching the telly with a cuppa and a butty from "
            "the chippy, and the bairn was crabbit, and my mam said summat about it, and she has hypermobility")
    assert found(anonymiser, text) == {}


def test_short_words_in_no_list_need_a_name_cue_to_be_names(anonymiser):
    text = ("participant: he's away a lot, he works fifo in the mines, and my nan's got copd so i help out with her "
            "most days")
    assert found(anonymiser, text) == {}


def test_a_head_word_after_a_place_names_an_institution_in_lower_case(anonymiser):
    text = "participant: my son's at leeds met now, doing sport science, and he loves it to be fair"
    assert found(anonymiser, text) == {"leeds met": "ORGANIZATION"}


def test_a_name_in_no_word_list_before_a_head_word_is_an_organisation(anonymiser):
    text = ("participant: the kingsway fellowship runs the drop-in on a tuesday and it's where i met most of my "
            "friends")
    assert found(anonymiser, text) == {"kingsway fellowship": "ORGANIZATION"}


def test_a_school_of_a_field_keeps_its_field_in_lower_case(anonymiser):
    text = "participant: i trained at the derby school of midwifery, years ago now, before the kids came along"
    assert found(anonymiser, text) == {"the derby school of midwifery": "ORGANIZATION"}


def test_a_building_before_a_numbered_street_belongs_to_the_address(anonymiser):
    text = "participant: the office is at rowan court, 12 station road east, if you want to send anything over"
    assert found(anonymiser, text) == {"rowan court, 12 station road east": "ADDRESS"}


def test_a_place_that_is_a_word_is_no_place_outside_a_place_position(anonymiser):
    text = ("participant: i was interested in reading and i may go back to it, you know, when the kids are "
            "grown, and bath time is still the best bit of the day")
    assert found(anonymiser, text) == {}


def test_a_place_that_is_a_word_after_a_name_and_in_is_a_place(anonymiser):
    text = "participant: she worked at westpac in orange for eleven years and then moved out to the farm with him"
    assert found(anonymiser, text) == {"westpac": "ORGANIZATION", "orange": "LOCATION"}


def test_a_first_name_that_is_a_word_set_apart_by_commas_before_who_or_he_is_a_person(anonymiser):
    text = ("participant: we had a volunteer, joy, who ran the cafe on a monday, and the nurse, bill, he was "
            "lovely, and then, hope, the best bit of all, the garden")
    assert found(anonymiser, text) == {"joy": "PERSON", "bill": "PERSON"}


def test_group_words_discourse_words_seasons_and_weekdays_stay_after_recasing(anonymiser):
    text = ("participant: oh. so. well, the americans and the mexicans came over in the spring, on a monday, and the "
            "nhs paid for all of it.\ninterviewer: huh. and the kiwis, the scousers and the pakistanis came for the "
            "fall term, it was winter by then")
    assert found(anonymiser, text) == {}


@pytest.mark.parametrize("text, name", [
    ("participant: my sister was in bendigo base for a week with her chest and then came home to us", "bendigo base"),
    ("participant: he played football at kent state for two years before he did his back in", "kent state"),
])
def test_a_head_after_a_name_names_a_hospital_or_university_in_lower_case(anonymiser, text, name):
    assert {d.text for d in anonymiser.detect(text)} == {name}


def test_two_ordinary_words_where_an_employer_stands_name_one_in_lower_case(anonymiser):
    text = "participant: she worked at bright futures for a while and he works for northern rail on the trains now"
    assert found(anonymiser, text) == {"bright futures": "ORGANIZATION", "northern rail": "ORGANIZATION"}


def test_times_kinds_of_work_and_pay_after_works_for_are_no_employer(anonymiser):
    text = ("participant: he works for local government and she works at weekends, and i work for pretty good money, "
            "and my sister works for social services")
    assert found(anonymiser, text) == {}


def test_places_side_by_side_stay_places_though_recasing_joins_them_into_one_name(anonymiser):
    found = [(d.text, d.entity_type) for d in anonymiser.detect("my brother works between ossett horbury and wakefield")]
    assert found and all(label == "LOCATION" for _, label in found)
