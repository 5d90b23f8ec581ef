"""An acronym or name where an employer stands is the employer, by the same cues as any name there ('he was with
IBM for ten years', 'been with Xerox since 1980'); a national body the study allows or letters that name no
organisation stay."""

from __future__ import annotations

import pytest


def organisations(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, employer", [
    ("B: Yeah, I was with IBM for about ten years before that.", "IBM"),
    ("A: My dad was at TI for thirty years, retired in ninety-one.", "TI"),
    ("P: He's an engineer at GM, nights mostly.", "GM"),
    ("P: My husband is with USAA now, he likes it.", "USAA"),
    ("P: She had a contract with EDS out in Plano.", "EDS"),
])
def test_an_acronym_where_an_employer_stands_is_an_organisation(anonymiser, text, employer):
    assert employer in organisations(anonymiser, text)


@pytest.mark.parametrize("text", [
    "P: I worked for the NHS for years before I retired.",
    "P: She's a nurse at the VA, has been for years.",
    "P: He is a nurse at ICU now, nights.",
    "P: I was with BT for broadband but I switched.",
])
def test_an_allowed_body_or_plain_letters_after_an_employer_cue_stay(anonymiser, text):
    assert organisations(anonymiser, text) == []


@pytest.mark.parametrize("text, employer", [
    ("P: I was with Kodak for twelve years, then they let us go.", "Kodak"),  # one letter from the place 'Konak'
    ("P: I have been with Xerox since nineteen eighty.", "Xerox"),
    ("P: She was at Motorola until it closed.", "Motorola"),
])
def test_a_name_where_an_employer_stands_is_labelled_an_organisation(anonymiser, text, employer):
    assert employer in organisations(anonymiser, text)


def test_a_misheard_place_is_still_a_place_where_nothing_else_reads_the_word(anonymiser):
    places = [d.text for d in anonymiser.detect("P: My sister lives in Wiggan now.") if d.entity_type == "LOCATION"]
    assert places == ["Wiggan"]


@pytest.mark.parametrize("text, acronym", [
    ("Participant: She's at NUIG doing nursing, second year.", "NUIG"),
    ("Participant: My son's at DIT.", "DIT"),
    ("Participant: The GP sent me to the RUH that night.", "RUH"),
])
def test_an_acronym_where_someone_is_studies_or_was_sent_is_an_organisation(anonymiser, text, acronym):
    found = [d.text for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]
    assert any(acronym in f for f in found)


@pytest.mark.parametrize("text", [
    "Participant: He's in AA now, two years sober.",
    "Participant: She's at ICU now, they moved her up.",
    "Participant: I'm at A&E again with him.",
    "Participant: He's at AA meetings twice a week.",
    "Participant: I'm at CBT on Tuesdays.",
])
def test_a_fellowship_a_ward_or_a_therapy_where_someone_is_is_no_organisation(anonymiser, text):
    assert [d.text for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"] == []
