"""In lower case, a business named after a family ('rahman brothers', 'okafor and sons limited'), with a legal suffix
('mega jaya printing sdn bhd'), a trade ('ramdeen's hardware') or a place of worship ('an lac pagoda') is redacted; a
model's guess of a postcode with no number in it is none."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ("participant: i was working as admin at mega jaya printing sdn bhd in the office nine to six", "mega jaya printing sdn bhd"),
    ("participant: i do part time at rahman brothers cash and carry on the till", "rahman brothers"),
    ("participant: the monk at an lac pagoda he is good he tell them the buddhist way", "lac pagoda"),
])
def test_a_lower_case_business_or_temple_is_redacted(anonymiser, text, name):
    assert any(name in d.text for d in anonymiser.detect(text))


def test_words_with_no_number_are_no_postcode(anonymiser):
    text = "participant: i was working as admin at mega jaya printing sdn bhd in the office nine to six"
    assert not [d for d in anonymiser.detect(text) if d.entity_type == "POSTCODE"]


@pytest.mark.parametrize("text, pub", [
    ("participant: there's a group that meets at the crown on a thursday upstairs", "crown"),
    ("participant: his mates from the lamb and flag come round with a paper", "lamb and flag"),
    ("Participant: A group meets at the Crown on a Thursday, upstairs.", "Crown"),
    ("participant: she was down the red lion every night that summer", "red lion"),
    ("participant: a chap from the drover's rest walked her home", "drover's rest"),
    ("Participant: I stopped going to the Whaler's Rest for the trivia.", "Whaler's Rest"),
    ("participant: we'd sit at the pelican on a friday after work", "pelican"),
    ("participant: he still goes down the anchor with the lads", "anchor"),
])
def test_a_pub_by_its_old_name_where_a_venue_stands_is_an_organisation(anonymiser, text, pub):
    assert any(pub in d.text and d.entity_type == "ORGANIZATION" for d in anonymiser.detect(text))


@pytest.mark.parametrize("text", ["participant: it was sore at the crown of my head for weeks",
                                  "participant: we fed the swan by the lake", "participant: we went to the crown court for the hearing",
                                  "participant: we looked at the pelican on the lake", "participant: she rests in the baby's room"])
def test_a_pub_name_that_is_not_where_someone_is_stays_a_word(anonymiser, text):
    assert anonymiser.detect(text) == []


def test_an_employers_name_ends_with_a_pair_of_its_trades_words(anonymiser):
    text = "i'm a tiler, i work for bayside tile and stone, so i'm out in the sun all day"
    assert {d.text: d.entity_type for d in anonymiser.detect(text)} == {"bayside tile and stone": "ORGANIZATION"}


def test_a_name_where_an_employer_stands_suggested_with_its_pair(anonymiser):
    text = "it was whatever i could get. i lost my job at harlan tool and die i was in the office there doing payroll"
    suggested = {s.text for s in anonymiser.analyse(text).suggestions}
    assert "harlan tool and die" in suggested, suggested


@pytest.mark.parametrize("text, employer", [
    ("i worked for bayside tile and loved it there", "bayside tile"),
    ("i work for bayside tile and i love it", "bayside tile"),
])
def test_and_before_what_someone_did_or_a_new_clause_ends_an_employers_name(anonymiser, text, employer):
    assert employer in {d.text for d in anonymiser.detect(text)}, anonymiser.detect(text)
