"""Each mention of a name labelled by where it stands: a name after 'along the', 'off the' is a river, road or
landmark; a person's name that is also a place is a place where it stands as one and a person where a person's cue
is (issue 12; sentences written for these tests, not taken from a corpus)."""

from __future__ import annotations

import pytest


def labelled(anonymiser, text):
    return [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, name", [
    ("We walk the dog along the Wharfe most mornings.", "the Wharfe"),
    ("We'd meet up by the Trafford after school.", "the Trafford"),
    ("Camping down by the Shannon, every summer.", "the Shannon"),
])
def test_a_name_after_a_place_word_and_the_article_is_a_place(anonymiser, text, name):
    assert (name, "LOCATION") in labelled(anonymiser, text)


def test_a_family_after_the_article_stays_people(anonymiser):
    assert ("Kowalskis", "PERSON") in labelled(anonymiser, "We had tea down at the Kowalskis then went home.")


def test_a_name_used_for_a_person_and_a_place_takes_each_label_where_it_stands(anonymiser):
    found = labelled(anonymiser, "my cousin shannon lives in shannon now near the airport")
    assert found.count(("shannon", "PERSON")) == 1 and found.count(("shannon", "LOCATION")) == 1


def test_a_region_after_a_city_is_a_place_though_a_person_shares_its_name(anonymiser):
    found = labelled(anonymiser, "my sister georgia moved to macon georgia last year")
    assert ("georgia", "PERSON") in found and found[-1] == ("georgia", "LOCATION")


@pytest.mark.parametrize("text, name", [
    ("Austin said he'd call me back. Austin's my brother-in-law.", "Austin"),
    ("austin said he'd call me back", "austin"),
    ("I went round with Florence to see the nurse.", "Florence"),
])
def test_a_person_named_like_a_place_with_a_person_cue_stays_a_person(anonymiser, text, name):
    assert all(label == "PERSON" for text_, label in labelled(anonymiser, text) if text_ == name)
    assert any(text_ == name for text_, _ in labelled(anonymiser, text))


@pytest.mark.parametrize("text, name", [
    ("Her brother Dallas lives in Austin now.", "Dallas"),
    ("my mate kingsley is from leytonstone", "kingsley"),
    ("We went to Leeds, Bradford and Dallas said it was too cold.", "Dallas"),
])
def test_a_place_named_person_after_a_kin_noun_or_before_said_is_a_person(anonymiser, text, name):
    assert (name, "PERSON") in labelled(anonymiser, text)


def test_known_places_listed_with_a_place_are_places_whatever_labelled_them(anonymiser):
    found = labelled(anonymiser, "she covers rochdale heywood and middleton for the trust")
    assert found and all(label == "LOCATION" for _, label in found[:3])


def test_a_capitalised_word_listed_after_known_places_is_a_place(anonymiser):
    assert ("Hickory", "LOCATION") in labelled(anonymiser, "He's worked in Asheville, Boone and Hickory at times.")
    assert all(label != "LOCATION" or text != "Mum"
               for text, label in labelled(anonymiser, "We lived in Leeds and Mum came too."))


@pytest.mark.parametrize("text, place", [
    ("participant: he drives for the packing firm out at inveralmond, he's on the early shift", "inveralmond"),
    ("participant: well we're up at staffin at the north end of the island", "staffin"),
])
def test_a_word_in_no_list_after_out_at_or_up_at_is_a_place(anonymiser, text, place):
    assert (place, "LOCATION") in labelled(anonymiser, text)

