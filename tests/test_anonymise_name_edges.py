"""A found name takes in the words at its front edge that belong to it: a compass point or 'greater' before a place,
the size word of a nickname, the 'the' of a place's or organisation's name; a name set before 'my husband' between
commas; and the heads and joining words of institutions' names ('Wattle House', 'Heol y Graig Primary', 'a guard for Steadfast Security')."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, place", [
    ("P: It's not rare, not in south London.", "south London"),
    ("P: We moved to North Belfast after that.", "North Belfast"),
    ("p: we were over in west belfast then", "west belfast"),
    ("p: best barm cakes in greater manchester, i'll tell you that", "greater manchester"),
])
def test_a_compass_point_or_greater_before_a_place_is_part_of_it(anonymiser, text, place):
    assert (place, "LOCATION") in found(anonymiser, text)


@pytest.mark.parametrize("text, person", [
    ("P: Big Tam runs the kitchen, he's a character.", "Big Tam"),
    ("p: big tam runs the kitchen and wee shaz helps and little billy comes on a tuesday", "wee shaz"),
    ("p: and then little billy said he would come round", "little billy"),
])
def test_the_size_word_of_a_nickname_is_part_of_it(anonymiser, text, person):
    assert (person, "PERSON") in found(anonymiser, text)


def test_a_capitalised_word_set_before_my_husband_names_him(anonymiser):
    assert ("Col", "PERSON") in found(anonymiser, "P: I was fifty-two. Col, my husband, had to stay home with the kids.")


@pytest.mark.parametrize("text", ["P: Sadly, my husband, he passed in the spring.",
                                  "P: Yesterday, my wife, bless her, made a cake.",
                                  "P: Sunday, my son, he came round."])
def test_an_adverb_or_a_day_before_my_husband_is_no_name(anonymiser, text):
    assert not any(kind == "PERSON" for _, kind in found(anonymiser, text))


@pytest.mark.parametrize("text, name", [
    ("P: I stayed at the lodge, Wattle House, with all the other women.", "Wattle House"),
    ("P: I'm a Teaching Assistant in Heol y Graig Primary, Year Two.", "Heol y Graig Primary"),
    ("P: I'm a guard for Steadfast Security, and I was standing outside.", "Steadfast Security"),
    ("P: He worked for Premier Cleaning for years.", "Premier Cleaning"),
])
def test_institution_heads_and_joining_words_make_one_name(anonymiser, text, name):
    assert (name, "ORGANIZATION") in found(anonymiser, text)


@pytest.mark.parametrize("text", ["P: We lived in a Council House then.", "P: I was referred to Social Services by the GP.",
                                  "P: I rang Adult Services and they sent a form."])
def test_a_kind_of_house_or_a_public_service_is_no_name(anonymiser, text):
    assert not any(kind == "ORGANIZATION" for _, kind in found(anonymiser, text))


@pytest.mark.parametrize("text, name", [("P: I went intae the Northwest Recovery Hub first thing.", "the Northwest Recovery Hub"),
                                        ("P: We go to First Baptist on Sundays.", "First Baptist"),
                                        ("P: Grace Lutheran runs a food bank.", "Grace Lutheran")])
def test_a_hub_or_a_congregation_named_with_ordinary_words_is_an_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in found(anonymiser, text)


@pytest.mark.parametrize("text", ["P: She goes to the Recovery Hub and the Dental Practice.",
                                  "P: I was raised Southern Baptist, and she's Free Presbyterian.",
                                  "P: My mother was a United Methodist."])
def test_kind_words_alone_or_a_denomination_name_no_organisation(anonymiser, text):
    assert not any(kind == "ORGANIZATION" for _, kind in found(anonymiser, text))


@pytest.mark.parametrize("text, name", [("P: Wednesday and Friday my mother go Silver Thread Day Centre, at the market.",
                                         "Silver Thread Day Centre"),
                                        ("P: So I go down to HeartStrong Rehab over on the boulevard.", "HeartStrong Rehab")])
def test_a_centre_named_with_two_ordinary_words_or_a_named_rehab_is_an_institution(anonymiser, text, name):
    assert (name, "HOSPITAL") in found(anonymiser, text)


@pytest.mark.parametrize("text", ["P: I went to the Job Centre and the Garden Centre and the Cancer Care Centre.",
                                  "P: He does Cardiac Rehab on Tuesdays at the Leisure Centre."])
def test_a_kind_of_centre_or_rehab_is_no_name(anonymiser, text):
    assert found(anonymiser, text) == set()


@pytest.mark.parametrize("text, surface", [
    ("she sent me to the jubilee surgery and i went", "the jubilee surgery"),
    ("I was at the Royal Infirmary for a week.", "the Royal Infirmary"),
])
def test_a_place_or_organisation_takes_in_its_the(anonymiser, text, surface):
    assert surface in {name for name, _ in found(anonymiser, text)}, found(anonymiser, text)


def test_the_before_a_name_that_describes_a_noun_stays(anonymiser):
    assert ("Leeds", "LOCATION") in found(anonymiser, "I moved to the Leeds branch.")


def test_a_name_takes_in_the_parts_a_hyphen_joins_to_it_in_every_mention(anonymiser):
    text = "P: Everybody call me T-Boy since I was a baby. He tell me, your lungs like an old net, T-Boy, full of holes."
    assert [d.text for d in anonymiser.detect(text)] == ["T-Boy", "T-Boy"]


def test_a_short_name_opening_a_sentence_before_a_persons_verb_is_a_person(anonymiser):
    assert [d.text for d in anonymiser.detect("P: They meet at the library. Kaz runs it, she's amazing.")] == ["Kaz"]


def test_an_organisation_opened_by_a_word_and_and_takes_that_word_in(anonymiser):
    text = "Participant: So we paid for physio ourselves at Cedar and Pine on Bank Street."
    assert ("Cedar and Pine", "ORGANIZATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


def test_a_person_before_and_stays_apart_from_an_organisation(anonymiser):
    text = "Participant: I went with Mum and the Riverside Carers Group every week."
    assert not any(d.text.startswith("Mum") for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, person", [
    ("P: A lad everyone calls Chalky, real name Steve White, set it up.", "Steve White"),
    ("P: My friend Rachel English came round with soup.", "Rachel English"),
    ("P: The nurse, Lucy Welsh, rang on the Monday.", "Lucy Welsh"),
])
def test_a_group_word_after_a_given_name_is_their_surname(anonymiser, text, person):
    assert (person, "PERSON") in found(anonymiser, text)


@pytest.mark.parametrize("text", ["P: Anne White British women are screened less, she said.",
                                  "P: I'm Sandra, Black British, and I was born here."])
def test_a_group_word_before_another_capitalised_word_stays_a_group_word(anonymiser, text):
    assert not any("White" in name or "Black" in name for name, _ in found(anonymiser, text))


@pytest.mark.parametrize("text, name", [
    ("Participant: First, the Heart Lake Adult Day Program. Three days a week.", "Heart Lake Adult Day Program"),
    ("Participant: I'm a health practitioner with Mangrove Creek Health Service.", "Mangrove Creek Health Service"),
    ("Participant: I worked on service rigs for Parkland Well Servicing for twenty years.", "Parkland Well Servicing"),
    ("Participant: It's the senior discount at the Palm River Cinema. Five bucks.", "Palm River Cinema"),
])
def test_a_found_name_takes_in_the_rest_of_its_capitalised_run_to_the_head_word(anonymiser, text, name):
    assert [(d.text.removeprefix("the "), d.entity_type) for d in anonymiser.detect(text)] == [(name, "ORGANIZATION")]


def test_a_capitalised_run_with_no_head_word_is_left_as_found(anonymiser):
    assert ("Paws", "ORGANIZATION") in found(anonymiser, "Participant: I'm a vet nurse at Paws for Claws in Prospect.")


def test_a_first_name_in_lower_case_before_a_surname_joins_it(anonymiser):
    text = "P: Then frank Hollinrake came round with the van."
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "PERSON"] == ["frank Hollinrake"]


@pytest.mark.parametrize("text", ["P: I rang Kevin Blackburn about the fence.", "P: She met Kevin Blackburn at the club."])
def test_a_verb_after_a_pronoun_is_no_first_name_of_the_name_after_it(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "PERSON"] == ["Kevin Blackburn"]


@pytest.mark.parametrize("text, name", [
    ("P: I worked at the Co-op for years before my back went.", "the Co-op"),
    ("P: She still calls me Min-ji when she's upset with me.", "Min-ji"),
])
def test_a_name_is_widened_over_a_lower_case_part_a_hyphen_joins_after_it(anonymiser, text, name):
    assert name in [d.text for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, name", [
    ("p: she had the twins at the kilbride maternity unit in the end", "kilbride maternity unit"),
    ("p: we're with the ashgrove family health team now", "ashgrove family health team"),
    ("p: mum goes to the rosewood day centre on a thursday", "rosewood day centre"),
])
def test_in_lower_case_a_found_name_takes_in_the_words_of_its_kind_to_the_head_word(anonymiser, text, name):
    assert [(d.text.removeprefix("the "), d.entity_type) for d in anonymiser.detect(text)] == [(name, "ORGANIZATION")]


def test_in_lower_case_words_of_a_kind_after_the_head_word_are_left_out(anonymiser):
    text = "p: they sent me to the kilbride maternity unit and the care there was good"
    assert [d.text for d in anonymiser.detect(text)] == ["kilbride maternity unit"]


def test_in_lower_case_a_word_and_and_after_the_open_an_organisations_name(anonymiser):
    assert found(anonymiser, "p: i see her at the willow and ash clinic every month") == {("willow and ash clinic", "HOSPITAL")}


def test_in_lower_case_a_person_joins_no_organisations_name_with_and(anonymiser):
    text = "p: then i rang the doctor and rosebank surgery said no"
    assert [d.text for d in anonymiser.detect(text)] == ["rosebank surgery"]


@pytest.mark.parametrize("text, name", [
    ("p: we use the clubhouse at dunmore rovers again", "dunmore rovers"),
    ("p: i go to ironside fitness three mornings a week", "ironside fitness"),
])
def test_in_lower_case_a_trade_or_club_word_after_a_found_place_makes_it_an_organisations_name(anonymiser, text, name):
    assert (name, "ORGANIZATION") in found(anonymiser, text)


def test_in_lower_case_an_everyday_noun_after_a_person_leaves_them_a_person(anonymiser):
    assert found(anonymiser, "p: i told sarah food was on the table") == {("sarah", "PERSON")}


def test_a_place_taken_into_a_businesss_name_keeps_its_own_placeholder(anonymiser):
    from interviewer.anonymise.placeholders import Placeholders, redact

    text = "p: we're in splott, and i joined the splott striders last year"
    assert redact(text, anonymiser.detect(text), Placeholders())[0] == \
        "p: we're in [PLACE 1], and i joined the [ORGANISATION 1] last year"
