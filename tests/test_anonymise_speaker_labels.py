"""Focus-group and imported transcripts label turns by the speaker's name ('Carol:', 'Mr Adeyemi:'): every such label
is redacted, and so is every other mention of the name, in lower case too. Role labels ('Facilitator:', 'P3:',
'Speaker 2:') name no one and are not even suggested."""

from __future__ import annotations

import pytest

FOCUS_GROUP = """Facilitator: Thanks everyone for coming. Who wants to start?

Carol: I will. The waiting list was the worst of it.

Des: Aye, same. Like Carol said, you just sit there.

Mr Adeyemi: For my wife it was two years.

Facilitator: Des, you had that too?

Des: I did.
"""


def people(anonymiser, text):
    return [d.text for d in anonymiser.detect(text) if d.entity_type == "PERSON"]


@pytest.mark.parametrize("case", [str, str.lower])
def test_names_in_speakers_labels_and_their_other_mentions_are_people(anonymiser, case):
    found = people(anonymiser, case(FOCUS_GROUP))
    assert [p.lower() for p in found].count("carol") == 2
    assert [p.lower() for p in found].count("des") == 3
    assert "adeyemi" in [p.lower() for p in found]


def test_a_title_in_a_label_stays_outside_the_name(anonymiser):
    assert "Mr Adeyemi" not in people(anonymiser, FOCUS_GROUP)


@pytest.mark.parametrize("labels", [
    ("P1", "P2", "P3"), ("Participant 3", "Participant 4", "Facilitator"), ("Speaker 1", "Speaker 2", "Moderator"),
    ("F1", "M2", "R1"), ("Interviewer", "Respondent", "Interviewee"), ("A", "B", "A"),
])
def test_role_labels_name_no_one_and_are_not_suggested(anonymiser, labels):
    text = "\n\n".join(f"{label}: It was a long wait, honestly, the longest." for label in labels)
    analysis = anonymiser.analyse(text)
    assert analysis.detections == []
    assert [s.text for s in analysis.suggestions] == []


def test_a_colon_after_a_name_in_running_text_is_no_label_when_the_text_has_no_labelled_turns(anonymiser):
    text = "Participant said one thing to remember. Grace: that was the word she used."
    assert "Grace" not in people(anonymiser, text)


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("text, name", [
    ("P3: Sian, did they put you on propranolol?", "Sian"),
    ("R3: Tevita, you had trouble with the Lyrica too, didn't you?", "Tevita"),
])
def test_the_name_a_turn_opens_by_speaking_to_is_a_person(anonymiser, case, text, name):
    assert case(name) in people(anonymiser, case(text))


@pytest.mark.parametrize("text", [
    "P1: Well, you know how it is.",
    "P2: Honestly, did you ever get an answer?",
    "P4: Mate, you don't want to know.",
])
def test_a_discourse_word_opening_a_turn_names_no_one(anonymiser, text):
    assert people(anonymiser, text) == []

@pytest.mark.parametrize("text, name", [
    ('P: Isa just said, "Well, I\'m no\' deein\' in there, Jock." And that was that.', "Jock"),
    ("P: My sister drove in and said, you're not okay, Gen. She's the only one who calls me that.", "Gen"),
])
def test_the_name_words_told_are_said_to_is_redacted(anonymiser, text, name):
    assert (name, "PERSON") in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


@pytest.mark.parametrize("text, word", [
    ("P: I asked how it went and she said, Fine. Then nothing.", "Fine"),
    ("P: He said we'd go for a week to the seaside, Blackpool.", "Blackpool"),
    ("P: She said I had to ring the clinic first thing, Monday.", "Monday"),
])
def test_words_said_a_calendar_word_a_place_or_a_noun_restated_are_no_name_said_to(anonymiser, text, word):
    assert (word, "PERSON") not in [(d.text, d.entity_type) for d in anonymiser.detect(text)]


def test_a_noun_phrase_restated_after_a_comma_is_no_name_said_to():
    from interviewer.anonymise.gazetteers import load_gazetteers
    from interviewer.anonymise.speaker_labels import find_names_said_to

    text = "P: He told me what it was, the drug, Zoplicone."
    assert list(find_names_said_to(text, load_gazetteers())) == []


@pytest.mark.parametrize("text, code", [
    ("p: my postcode is b d eight nine\np i see what you mean", "b d eight nine"),
    ("participant: my pps is one two three four five six seven\np: yes that's it", "one two three four five six seven"),
])
def test_a_code_ends_where_the_next_turn_opens_with_a_label_in_any_case(anonymiser, text, code):
    found = [d.text for d in anonymiser.detect(text)]
    assert code in found and not any("\n" in f for f in found)
