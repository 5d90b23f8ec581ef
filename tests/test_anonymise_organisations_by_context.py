"""Organisations that cased speech names by context rather than by a capitalised head word: before a lower-case
generic head, beside an organisation noun, after a provider or work cue, in answer to a question about an
institution, after 'the Royal'; brands where they employ or provide; and the trap terms those rules must leave."""

from __future__ import annotations

import pytest


def found(anonymiser, text):
    return {d.text: d.entity_type for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, name", [
    ("P: Mum goes to a lunch club at the Fernhollow centre twice a week.", "Fernhollow"),
    ("P: I'm in the Tarrowby rowing club, we train at six.", "Tarrowby"),
    ("P: The nurse at the Quillan practice sorted it out.", "Quillan"),
    ("P: There's a drop-in at the Open Door centre on Fridays.", "Open Door"),
    ("P: We used the Bread Basket food bank when the money ran out.", "Bread Basket"),
    ("P: My dad did forty years at the Granite Falls mill.", "Granite Falls"),
    ("P: We'd meet at the Copper Kettle diner after church.", "Copper Kettle"),
])
def test_a_name_between_a_determiner_and_a_lower_case_head_is_an_organisation(anonymiser, text, name):
    assert any(name in span and kind in ("ORGANIZATION", "HOSPITAL") for span, kind in found(anonymiser, text).items())


@pytest.mark.parametrize("text", [
    "P: I go to the Memory clinic and the Falls clinic at the hospital.",
    "P: There's the Monday group and the Christmas club at the church.",
    "P: I had my first appointment at the Parkinson's clinic.",
    "P: I was referred to the TB clinic, and she had a leaflet from the COPD team.",
])
def test_services_weekdays_and_diseases_before_a_head_stay(anonymiser, text):
    assert found(anonymiser, text) == {}


def test_a_region_before_a_head_stays_a_place(anonymiser):
    assert found(anonymiser, "P: I worked at the Otago office for a while.") == {"Otago": "LOCATION"}


def test_places_listed_before_a_head_stay_places(anonymiser):
    detected = found(anonymiser, "P: I moved to Leeds, then Bradford, and now I'm with the Leeds and Bradford team.")
    assert "Leeds and Bradford" not in detected


@pytest.mark.parametrize("text, name", [
    ("P: We rent from a housing association, Elmstead, and they're slow.", "Elmstead"),
    ("P: I got casual work through an agency, Temprise.", "Temprise"),
    ("P: A woman from Quiet Harbour, a little charity, drove me there.", "Quiet Harbour"),
    ("P: We get help from Tallowmere, that's a family support service in town.", "Tallowmere"),
])
def test_a_name_set_by_a_comma_beside_an_organisation_noun_is_an_organisation(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


def test_a_person_beside_a_role_noun_is_no_organisation(anonymiser):
    assert found(anonymiser, "P: My friend Dave, a nurse at the hospital, said it was fine.") == {"Dave": "PERSON"}


@pytest.mark.parametrize("text, name", [
    ("P: Dad had a supplement plan from Westmarch Health until last year.", "Westmarch Health"),
    ("P: We got a hoist through Able Living, it took months.", "Able Living"),
    ("P: Before that we were in a hostel run by Fresh Start Homes.", "Fresh Start Homes"),
    ("P: I did nights on the tills at Penrose Foods.", "Penrose Foods"),
    ("P: Then a bit of security for Sentrix, nothing since.", "Sentrix"),
])
def test_a_name_after_a_provider_or_work_cue_is_an_organisation(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


@pytest.mark.parametrize("text", [
    "P: I got a lot of support from Sarah, and help from Mum.",
    "P: Medicare covers the physio, and the rest comes from my pension.",
    "P: I'm on Universal Credit through the Jobcentre, it's a nightmare.",
])
def test_people_and_national_services_after_a_provider_cue_stay_as_they_are(anonymiser, text):
    assert all(kind == "PERSON" for kind in found(anonymiser, text).values())


def test_places_of_a_journey_after_a_provider_word_stay_places(anonymiser):
    detected = found(anonymiser, "P: I cover from Kilbarrow to Drumcoyle most days.")
    assert "ORGANIZATION" not in detected.values()


def test_a_name_opening_the_answer_to_a_question_about_a_hospital_is_an_organisation(anonymiser):
    text = "I: How far is the nearest hospital?\nP: Calder Vale Regional is about forty minutes."
    assert found(anonymiser, text).get("Calder Vale Regional") in ("ORGANIZATION", "HOSPITAL")


@pytest.mark.parametrize("text", [
    "I: Which hospital did you go to?\nP: Honestly, I can't remember. The big one in town.",
    "I: Which school did the kids go to?\nP: Mostly the local one, near the shops.",
    "I: How are things at home?\nP: Kelvingrove Road is noisy at night.",
])
def test_answers_without_a_name_or_to_other_questions_give_no_organisation(anonymiser, text):
    assert "ORGANIZATION" not in found(anonymiser, text).values()


@pytest.mark.parametrize("text, name", [
    ("P: I did my training at the Royal Ashcombe and loved it.", "the Royal Ashcombe"),
    ("P: Then I went over to London, to the Royal Free, for two years.", "the Royal Free"),
])
def test_the_royal_before_a_name_is_an_institution(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


def test_the_royal_navy_is_no_local_institution(anonymiser):
    assert found(anonymiser, "P: My cousin joined the Royal Navy, he loves it.") == {}


@pytest.mark.parametrize("text, name", [
    ("P: She works at Tesco on the tills at the weekend.", "Tesco"),
    ("P: My first job was at a warehouse for Kmart, night shift.", "Kmart"),
    ("P: She's on one of those supplement plans from Humana.", "Humana"),
])
def test_a_brand_where_it_employs_or_provides_is_redacted(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


@pytest.mark.parametrize("text", [
    "P: I bought the kettle at Kmart and ordered the rest from Amazon.",
    "P: My husband works for the NHS and I work for the HSE now.",
    "P: I looked it up on Facebook and asked on WhatsApp.",
])
def test_a_brand_or_national_body_merely_mentioned_stays(anonymiser, text):
    assert found(anonymiser, text) == {}


def test_organisations_named_by_context_leave_lower_case_transcripts_to_their_own_rules_but_brands_at_work():
    from interviewer.anonymise.engine import build_analyzer
    from interviewer.anonymise.gazetteers import load_gazetteers
    from interviewer.anonymise.names import _organisations_by_context
    from interviewer.anonymise.words import TokenView

    text = "p: we go to the fernhollow centre on fridays and my brother got a job with tesla at the plant"
    doc = build_analyzer().nlp_engine.nlp["en"].make_doc(text)
    found = _organisations_by_context(TokenView(doc, load_gazetteers(), frozenset()))
    assert [(text[f.start:f.end], f.entity_type) for f in found] == [("tesla", "ORGANIZATION")]


@pytest.mark.parametrize("text, name", [
    ("P: I got a lot of support from Community Recovery Network after I came out.", "Community Recovery Network"),
    ("P: There's a group called Carers Voices that meets monthly.", "Carers Voices"),
])
def test_a_local_body_named_with_service_words_before_a_strong_head_is_an_organisation(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


def test_a_local_society_named_with_a_proper_name_is_still_an_organisation(anonymiser):
    assert found(anonymiser, "P: I joined the Garvock Society last spring.").get("the Garvock Society") == "ORGANIZATION"


@pytest.mark.parametrize("text, name", [
    ("P: We lived in Ohio then, and I taught at Brackwater for five years.", "Brackwater"),
    ("P: Her daughter is a nurse over at Ellery Regional now.", "Ellery Regional"),
])
def test_a_name_where_someone_teaches_or_works_is_an_organisation_not_a_place(anonymiser, text, name):
    assert found(anonymiser, text).get(name) in ("ORGANIZATION", "HOSPITAL")  # 'Ellery Regional': a hospital


def test_a_town_where_someone_studied_stays_a_place(anonymiser):
    assert found(anonymiser, "P: I studied at Leeds and then moved south.") == {"Leeds": "LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("P: Well, my husband's with Exxon and I'm at home.", "Exxon"),
    ("P: My son is with Nutrien now, up at the potash mine.", "Nutrien"),
])
def test_a_name_a_relative_is_with_is_their_employer(anonymiser, text, name):
    assert found(anonymiser, text).get(name) == "ORGANIZATION"


@pytest.mark.parametrize("text, kept", [
    ("P: She's with Tom now, they met at work.", {"Tom": "PERSON"}),
    ("P: He's with Jesus now, God rest him.", {}),
    ("P: She's with Mum this week.", {}),
])
def test_someone_a_relative_is_with_is_no_employer(anonymiser, text, kept):
    assert found(anonymiser, text) == kept


@pytest.mark.parametrize("text, name", [
    ("A: I'm an operator at a refinery, Gulf Channel Refining. It's not one of the big guys.", "Gulf Channel Refining"),
    ("B: We got her from a rescue, Music City Paws, at an adoption day.", "Music City Paws"),
])
def test_a_name_set_beside_a_workplace_or_rescue_noun_is_an_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in {(d.text, d.entity_type) for d in anonymiser.detect(text)}


@pytest.mark.parametrize("text, name", [
    ("P: She was a machinist at Redfern and Hulme for twenty years.", "Redfern and Hulme"),
    ("P: He did thirty years at Bramley and Stott Castings out past the ring road.", "Bramley and Stott Castings"),
    ("P: I'm a vet nurse at Whiskers and Wags in the town.", "Whiskers and Wags"),
    ("P: I'm a tiler, I work for Seaview Tile & Stone, so I'm out all day.", "Seaview Tile & Stone"),
])
def test_an_employer_named_as_two_names_joined_by_and_is_one_organisation(anonymiser, text, name):
    assert (name, "ORGANIZATION") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, names", [
    ("P: I worked for Sarah and Tom on the farm for years.", ["Sarah", "Tom"]),
    ("P: I do a bit of work for Limerick Youth Service and I'm on the committee.", ["Limerick Youth Service"]),
])
def test_given_names_listed_after_an_employer_cue_or_i_after_and_stay_apart(anonymiser, text, names):
    assert [d.text for d in anonymiser.detect(text)] == names


@pytest.mark.parametrize("text, name", [
    ("P: She works offshore for Petrolux these days.", "Petrolux"),
    ("P: He worked nights at Kellbrook Foods for years.", "Kellbrook Foods"),
])
def test_a_word_of_how_one_works_between_the_verb_and_at_or_for_keeps_the_employer(anonymiser, text, name):
    assert (name, "ORGANIZATION") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]
