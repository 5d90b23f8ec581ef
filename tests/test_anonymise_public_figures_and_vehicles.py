"""A singer, player or politician talked of as media or public life goes to the reviewer instead of being redacted;
a vehicle named by its maker is a thing, not a person, place or organisation; a pronoun's contraction never opens an
organisation's name; no name runs on into the next speaker's turn."""

from __future__ import annotations

import pytest


def redacted(anonymiser, text):
    return [d.text for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, name", [
    ("So I put on a bit of Bob Marley and dance round the kitchen.", "Bob Marley"),
    ("I listen to Burna Boy when I'm stressed.", "Burna Boy"),
    ("She'll have Daniel O'Donnell on the radio all afternoon.", "Daniel O'Donnell"),
    ("During chemo I got through every old Mohanlal film I could find.", "Mohanlal"),
    ("We argue about whether Buddy Franklin was the best ever.", "Buddy Franklin"),
    ("My dad was a big fan of Dolly Parton, God rest him.", "Dolly Parton"),
    ("We played a song by Stan Rogers at the funeral.", "Stan Rogers"),
    ("the rest will sing something by tom jones and we have tea", "tom jones"),
    ("She plays Dave Dobbyn in the kitchen while she cooks.", "Dave Dobbyn"),
    ("She's obsessed with Yellowstone and Kevin Costner, so I've seen it all.", "Kevin Costner"),
    ("Kirsty's wee boy is named after Ally McCoist, which says it all.", "Ally McCoist"),
    ("He reckons I sound like Sean Bean now, with the slow talking.", "Sean Bean"),
    ("He rubs my feet through the Argonauts game most nights.", "Argonauts"),
    ("He has been a Kilmarnock supporter all his life.", "Kilmarnock"),
    ("He's a big fan of Lamar Jackson, Lamar Jackson this, Lamar Jackson that.", "Lamar Jackson"),
    ("I go watch the Kraken with my son sometimes.", "Kraken"),
    ("He watches Robert Lewandowski on the laptop and shouts.", "Robert Lewandowski"),
    ("Sheila and me watch Derry Girls reruns of an evening.", "Derry Girls"),
])
def test_a_name_talked_of_as_media_is_suggested_not_redacted(anonymiser, text, name):
    analysis = anonymiser.analyse(text)
    assert not any(d.start < text.index(name) + len(name) and text.index(name) < d.end for d in analysis.detections)
    assert any(s.text in name and s.reason.startswith("a name talked of as a public figure") for s in analysis.suggestions)


@pytest.mark.parametrize("text, name", [
    ("I'd sit with her and Peppa Pig on for nobody, staring at the wall.", "Peppa Pig"),
    ("Evenings we watch Emmerdale and I shout at the telly.", "Emmerdale"),
    ("Kerry makes me wear the big Akubra now, and long sleeves.", "Akubra"),
    ("I cut out the Lucozade, I was drinking two bottles a day on shift.", "Lucozade"),
])
def test_a_brand_or_programme_named_as_a_product_is_neither_redacted_nor_suggested(anonymiser, text, name):
    analysis = anonymiser.analyse(text)
    at = text.index(name)
    assert not any(d.start < at + len(name) and at < d.end for d in analysis.detections)
    assert not any(s.start < at + len(name) and at < s.end for s in analysis.suggestions)


@pytest.mark.parametrize("text, name", [
    ("A man in the next bed, they call him Bigga, him lose him leg from the knee.", "Bigga"),
    ("participant: so i chucked him in the ute and my mate bluey come over from next door", "bluey"),
])
def test_a_brand_someone_is_called_or_named_by_is_their_name(anonymiser, text, name):
    assert (name, "PERSON") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_brand_that_is_a_titled_persons_name_is_redacted_in_every_mention(anonymiser):
    text = "P: Dr Akubra was my GP for years. Akubra told me to rest, and Akubra was right."
    assert [d.text for d in anonymiser.detect(text)] == ["Akubra", "Akubra", "Akubra"]


@pytest.mark.parametrize("text, name", [
    ("I listen to Sarah more now, she's usually right.", "Sarah"),
    ("Dr Patel on the radio said it was nothing to worry about.", "Patel"),
    ("The funeral was organised by Sarah Jones from the church.", "Sarah Jones"),
    ("And I row gig now with Newlyn Gig Rowers of a Saturday.", "Newlyn Gig Rowers"),
    ("She plays with Callum Reid after school most days.", "Callum Reid"),
    ("My friends Sarah and Tom came round; I listen to Dolly Parton with them.", "Sarah"),
    ("I watch Ellie on Tuesdays so my daughter can work.", "Ellie"),
    ("We go to watch Jayden Okafor play on Saturdays.", "Jayden Okafor"),
])
def test_a_given_name_alone_a_title_or_a_capitalised_name_word_keeps_the_redaction(anonymiser, text, name):
    assert any(name in r for r in redacted(anonymiser, text))


@pytest.mark.parametrize("text", [
    "He'd forget where he parked the Honda Civic at the plaza.",
    "Between calls I sit in my Vauxhall Corsa and eat my sandwich.",
    "I was bringing in silage with the old Massey Ferguson when it happened.",
    "It's my own car, a Toyota Prius, and the badge is in my name.",
])
def test_a_vehicle_named_by_its_maker_is_no_identifier(anonymiser, text):
    assert redacted(anonymiser, text) == []


@pytest.mark.parametrize("text, name", [
    ("My brother moved to Reno for a job with Tesla at the battery plant.", "Tesla"),
    ("Our Kelly does shifts at Nissan so she couldn't take me.", "Nissan"),
    ("Harrison Ford was in it, and Mr Ford from the garage rang after.", "Ford"),
    ("Mercedes Lopez is my neighbour.", "Mercedes Lopez"),
])
def test_a_maker_as_a_workplace_or_a_name_stays_redacted(anonymiser, text, name):
    assert any(name in r for r in redacted(anonymiser, text))


def test_a_pronouns_contraction_never_opens_an_organisations_name(anonymiser):
    text = "I'm Pentecostal, so prayer is loud. We go to Grace Pentecostal on Sunday."
    assert redacted(anonymiser, text) == ["Grace Pentecostal"]


def test_a_name_never_runs_on_into_the_next_speakers_label(anonymiser):
    text = "Participant: it's all sorts, a bit of rock at christmas\n\nInterviewer: what is it about the singing"
    assert not [d for d in anonymiser.detect(text) if "Interviewer" in d.text]


def test_a_name_wrapped_over_a_single_line_break_is_still_found(anonymiser):
    text = "P: we went to the Royal Rochdale\nInfirmary in the end"
    assert any("Royal Rochdale\nInfirmary" in d.text for d in anonymiser.detect(text))


@pytest.mark.parametrize("text", [
    "A: Ford and Chevy in the same house? My husband's mad about Chevys.",
    "A: We had hail last April, it put dents all over my Camry.",
])
def test_makers_listed_or_plural_and_models_after_my_are_no_identifier(anonymiser, text):
    assert anonymiser.detect(text) == []


def test_a_state_talked_of_for_its_weather_is_no_identifier_but_one_lived_in_is(anonymiser):
    assert anonymiser.detect("A: It was ninety-four on Tuesday. That's Texas weather, you know.") == []
    assert [d.text for d in anonymiser.detect("A: We moved to Texas for his work.")] == ["Texas"]


def test_an_ner_span_across_a_sentence_end_is_dropped(anonymiser):
    text = "B: And Jell-O. Utah eats more Jell-O than anybody."
    assert not any("Jell" in d.text for d in anonymiser.detect(text))


@pytest.mark.parametrize("text, name", [
    ("I found her on Facebook, Kayleigh Doyle, after all those years.", "Kayleigh Doyle"),
    ("Dr Priya Jain saw me first. Jain said it was fine.", "Jain"),
])
def test_people_found_on_social_media_or_with_a_surname_that_is_a_faith_stay_redacted(anonymiser, text, name):
    assert sum(d.text.endswith(name) for d in anonymiser.detect(text)) == text.count(name)


def test_leagues_are_no_organisation(anonymiser):
    text = "He plays Sunday League football and watches Rugby League and the Football League."
    assert not any("League" in d.text for d in anonymiser.detect(text))


def test_a_place_talked_of_as_a_team_stays_redacted_where_someone_lives(anonymiser):
    text = "Participant: He's been a Swansea fan all his life. I grew up in Swansea and we moved to Neath."
    assert [d.text for d in anonymiser.detect(text)].count("Swansea") >= 1
    assert any(d.text == "Swansea" and text[d.start - 3:d.start] == "in " for d in anonymiser.detect(text))
