"""Tests for organisations named by their words and by the acronym of them (anonymise/acronym_expansions.py)."""

from __future__ import annotations

import pytest

from interviewer.anonymise.acronym_expansions import acronyms_said


def redacted(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_an_acronym_said_with_the_words_it_stands_for_redacts_both_and_every_other_saying(anonymiser):
    text = ("Participant: He went to Brinsworth Steel Stockholders, well, everyone calls it BSS, B-S-S, and he stopped "
            "there till his chest got bad. BSS were good to him.")
    assert redacted(anonymiser, text) == [("Brinsworth Steel Stockholders", "ORGANIZATION"), ("BSS", "ORGANIZATION"),
                                          ("B-S-S", "ORGANIZATION"), ("BSS", "ORGANIZATION")]


@pytest.mark.parametrize("text, names", [
    ("participant: blether is a befriending thing run by n c s that's nith community support and they send somebody",
     {"n c s", "nith community support"}),
    ("participant: i get it through a c r s that's allen county recovery services and a c r s hand them out free",
     {"a c r s", "allen county recovery services"}),
])
def test_a_spelled_out_acronym_and_its_words_in_lower_case_are_one_organisation(anonymiser, text, names):
    assert names <= {span for span, kind in redacted(anonymiser, text) if kind == "ORGANIZATION"}


@pytest.mark.parametrize("text", [
    "Participant: I had CBT, Cognitive Behavioural Therapy, and it helped a bit.",
    "participant: the c m h t the community mental health team came out twice",
    "participant: i'm on p i p personal independence payment since march",
])
def test_a_service_named_in_ordinary_words_with_its_acronym_is_left(anonymiser, text):
    assert not any(kind == "ORGANIZATION" for _, kind in redacted(anonymiser, text))


def test_national_bodies_and_common_abbreviations_are_no_acronyms_to_expand():
    text = "The NHS and the DWP, then the ICU, and G M, and n c s, and R-O-C."
    assert {letters for _, _, letters in acronyms_said(text)} == {"GM", "ROC", "NCS"}


@pytest.mark.parametrize("text, names", [
    ("participant: when bradleys went under i went over to nfp which is northfleet provisions they do the frozen bread",
     {"nfp", "northfleet provisions"}),
    ("participant: i got taken on at ptc, pine technical components, out at the industrial estate",
     {"ptc", "pine technical components"}),
    ("participant: the kirwan family practice is good, everyone just says kfp, they bulk bill", {"kfp"}),
    ("Participant: We had carers in from Brightways Homecare, BHC it says on the van now.", {"BHC", "Brightways Homecare"}),
])
def test_an_acronym_written_in_lower_case_or_of_a_compound_word_is_read_with_its_words(anonymiser, text, names):
    assert names <= {span for span, kind in redacted(anonymiser, text) if kind == "ORGANIZATION"}


@pytest.mark.parametrize("text", [
    "participant: she's got rsi, repetitive strain injury, from the tills",
    "participant: it was an rta, road traffic accident, on the bypass",
    "participant: they gave us the ppe, personal protective equipment, but it ran out",
    "participant: the hca, the health care assistant, took my bloods",
    "participant: i'm on pip, personal independence payment, and esa, employment and support allowance",
])
def test_ordinary_words_an_acronym_stands_for_that_no_firm_deals_in_are_left(anonymiser, text):
    assert not any(kind == "ORGANIZATION" for _, kind in redacted(anonymiser, text))
