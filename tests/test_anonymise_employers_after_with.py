"""'With' names an employer after a job ('a bank teller with Prairie Trust') and after "I'm" before a name of two or
more words ("I'm with Front Range Tile"); not a person ('I'm with Sarah Jones', 'the nurse with Dr Patel') nor a
provider named in one word ("I'm with Vodafone")."""

from __future__ import annotations

import pytest


def organisations(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "ORGANIZATION"]


@pytest.mark.parametrize("text, employer", [
    ("B: I install tile, I'm with Front Range Tile. So my hours are all over the place.", "Front Range Tile"),
    ("I: Before that I was a bank teller with Prairie Trust in Salina.", "Prairie Trust"),
    ("P: He got work as a welder with Harcourt Fabrication last spring.", "Harcourt Fabrication"),
])
def test_with_after_a_job_or_im_names_an_employer(anonymiser, text, employer):
    assert employer in organisations(anonymiser, text)


@pytest.mark.parametrize("text", [
    "P: I'm with Sarah Jones now, she's my partner.",
    "P: The nurse with Dr Patel was lovely.",
    "P: I'm with my mum at weekends.",
])
def test_with_before_a_person_names_no_employer(anonymiser, text):
    assert organisations(anonymiser, text) == []


@pytest.mark.parametrize("text, employer", [
    ("Participant: My dad was at Rowntree's for thirty-one years.", "Rowntree"),
    ("Participant: I've been at Sainsbury's eleven years now.", "Sainsbury"),
])
def test_a_brand_someone_was_at_for_years_is_an_employer_past_its_apostrophe_s(anonymiser, text, employer):
    assert any(employer in found for found in organisations(anonymiser, text))


def test_a_kin_words_home_for_years_names_no_employer(anonymiser):
    assert organisations(anonymiser, "Participant: I was at Mum's for three years after the divorce.") == []
