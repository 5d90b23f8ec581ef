"""Provides the per-mention place label: one mention of a person-labelled name that itself stands where a place
stands ('along the Murray', 'my uncle Nelson is in Nelson', 'from Athens, Georgia') or in a list of places is a
place, and a place-labelled one named after 'my wife', 'her brother' is a person, whatever the other mentions of
the same surface are."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from interviewer.anonymise.cues import (
    KIN_NOUNS, MOTION_WORDS, PARENTS, PERSON_WORDS, PLACE_POSITION_BEFORE, PLACE_PREPOSITIONS, TITLES, TO_WORDS,
)
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.numbers import NUMBER_WORD
from interviewer.anonymise.propagation import surface_key

Detection = Any
"""An anonymiser Detection (not imported: the anonymiser imports this module)."""

WORDS_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+([A-Za-z][\w'’-]*)[ \t]+$")
ONE_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\.?[ \t]+$")
ARTICLE_PLACE_BEFORE = frozenset("""along across up down over by off on onto into to at near in round around past beyond
from through under towards toward""".split())
"""Words before 'the' that make a name after it a river, road, estate or landmark ('along the Taff', 'off the
Arndale'): people take no article."""
CITY_REGION_GAP = re.compile(r",?[ \t]*")
KIN_BEFORE = re.compile(r"\b(?:my|his|her|our|their|your)[ \t]+(" + "|".join(sorted(KIN_NOUNS)) + r")[ \t,]+$", re.IGNORECASE)
SAID_AFTER = re.compile(r"[ \t]+(?:said|says|told|asked|reckons|reckoned)\b")
LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:and|or|then|and[ \t]+then)[ \t]+)?")
PERSON_AFTER = re.compile(r"[ \t]*(?:['’]s\b|,?[ \t]+(?:said|says|told|asked|and[ \t]+(?:I|i|me)\b|who\b))")
SET_APART_AFTER = re.compile(r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]|[Oo]ne)[ \t]+(?:[a-z]+[ \t]+)?([a-z]+),?[ \t]*$")
"""A noun phrase just before a name, perhaps set apart by a comma ('my supervisor, Jordan', 'our older boy tyler')."""
NAMED_BY_ITS_SORT = PARENTS | frozenset("""mother father grandchild grandkid baby eldest oldest youngest middle one
supervisor""".split())
"""Words for a person beside the words for a person by sort, kin or role ('his little one, Paris', 'her dad tyler')."""
AGE_AFTER = re.compile(
    rf"(?:,|['’]s|[ \t]+(?:is|was))[ \t]+(?:(?:now|nearly|only|just|almost|about)[ \t]+)?(?:\d{{1,3}}|{NUMBER_WORD})"
    rf"(?![ \t]*(?:,|-|or|to)[ \t]*(?:\d|{NUMBER_WORD})|[ \t]+and[ \t]+a[ \t]+half)"
    r"(?=[ \t]*(?:[,.;!?]|$)|[ \t]+(?:now|and|but|so|then|when|(?:years?|months?)[ \t]+old|this|next|he|she|i)\b)", re.IGNORECASE)
"""An age told just after a name ('Tyler's fourteen and', 'brooklyn is thirteen now'): only a person's (not 'Paris is
two hours away', 'Jordan's one of them', 'Leeds, two, three times', 'Regina or Saskatoon, two and a half')."""
NAME_SAID_AFTER = re.compile(r"[ \t]+(?:is|was)[ \t]+(?:his|her|my|their)[ \t]+name\b|['’]s[ \t]+(?:his|her|my)[ \t]+name\b",
                             re.IGNORECASE)
"""'breda is her name': the name is a person's."""
CALLED_BEFORE = re.compile(r"\b(?:(?:call|calls|called)[ \t]+(?:me|him|her|us)|(?:everybody|everyone|they|people|folk|folks)"
                           r"[ \t]+(?:call|calls|called))[ \t]+$", re.IGNORECASE)
"""'they does call me dessie', 'a fella everybody calls Dessie': what someone is called."""
ADDRESSED_AFTER_SPEECH = re.compile(r"\b(?:says?|said|goes|went|(?:to|tae)[ \t]+me),?[ \t]*['‘\"“]?$", re.IGNORECASE)
ADDRESSED_BEFORE_YOU = re.compile(r"['’\"”]?(?:,[ \t]*|[ \t]+)(?:you|you're|you’re|you've|you’ve)\b", re.IGNORECASE)
"""A name said to someone after a speech verb ('she says, 'Lorne', you're going', 'says tae me davie you can'): a
person's, as places are not spoken to."""
RESUMED_BY_A_PRONOUN = re.compile(r",[ \t]*(?:she|he)[ \t]+[a-z]", re.IGNORECASE)
"""A name set apart and taken up by 'she' or 'he' ('the nurse in aberdeen, heather, she phoned'); not after a place's
preposition ('grew up in Ancoats, she knew every street')."""


def person_position(text: str, d: Detection) -> bool:
    """Whether this mention stands where only a person does: after a word for a person ('my supervisor, Jordan', 'her
    dad tyler'), as what someone is called or is called by ('they call me dessie', "she says, 'Lorne', you're"),
    before an age or 'is her name' ('Tyler's fourteen'), or taken up by 'she' or 'he' ('heather, she phoned')."""
    window = text[max(0, d.start - 40):d.start]
    noun = SET_APART_AFTER.search(window)
    if noun and noun.group(1).lower() in PERSON_WORDS | NAMED_BY_ITS_SORT:
        return True
    if CALLED_BEFORE.search(window) or ADDRESSED_AFTER_SPEECH.search(window) and ADDRESSED_BEFORE_YOU.match(text, d.end):
        return True
    if AGE_AFTER.match(text, d.end) or NAME_SAID_AFTER.match(text, d.end):
        return True
    one = ONE_WORD_BEFORE.search(window)
    placed = one is not None and one.group(1).lower() in PLACE_PREPOSITIONS | PLACE_POSITION_BEFORE
    return not placed and RESUMED_BY_A_PRONOUN.match(text, d.end) is not None


def places_by_mention(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """Detections with each person-labelled mention relabelled a place when it stands where only a place stands
    and has no person's cue of its own."""
    out = []
    for index, d in enumerate(detections):
        if d.entity_type == "PERSON" and _placed_mention(text, d, detections[index - 1] if index else None, gaz) \
                and not _own_person_cue(text, d):
            out.append(_as(d, "LOCATION"))
        elif d.entity_type == "LOCATION" and (KIN_BEFORE.search(text, max(0, d.start - 30), d.start)
                                              or SAID_AFTER.match(text, d.end) and surface_key(d.text) in gaz.first_names
                                              or person_position(text, d)) \
                and not _placed_mention(text, d, None, gaz):
            out.append(_as(d, "PERSON"))  # 'her brother Dallas lives in Austin'
        else:
            out.append(d)
    return _places_in_lists(text, out, gaz)


def _as(d: Detection, entity_type: str) -> Detection:
    return replace(d, entity_type=entity_type, group=f"{entity_type}:{surface_key(d.text)}")


def _places_in_lists(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """'between batley dewsbury and cleckheaton', 'Hoyland, Goldthorpe and Wath': in a run of names joined by
    commas, 'and' or 'or' that holds a place, each known place of one word labelled an organisation or a person
    without a cue of its own is a place too."""
    runs: list[list[int]] = []
    for index, d in enumerate(detections):
        if runs and LIST_GAP.fullmatch(text, detections[runs[-1][-1]].end, d.start):
            runs[-1].append(index)
        else:
            runs.append([index])
    relabel = set()
    for run in runs:
        if len(run) < 2 or not any(detections[i].entity_type == "LOCATION" for i in run):
            continue
        convertible = [i for i in run if detections[i].entity_type != "LOCATION"]
        if all(_known_single_place(text, detections[i], gaz) for i in convertible):
            relabel.update(convertible)
    if not relabel:
        return detections
    return [_as(d, "LOCATION") if i in relabel else d for i, d in enumerate(detections)]


def _known_single_place(text: str, d: Detection, gaz: Gazetteers) -> bool:
    words = surface_key(d.text).split()
    return d.entity_type in ("PERSON", "ORGANIZATION") and 0 < len(words) <= 3 and all(w in gaz.places for w in words) \
        and not (d.entity_type == "PERSON" and _own_person_cue(text, d))


def _placed_mention(text: str, d: Detection, previous: Detection | None, gaz: Gazetteers) -> bool:
    key = surface_key(d.text)
    if not key or d.reason.startswith("name after the title"):
        return False
    window = text[max(0, d.start - 40):d.start]
    two = WORDS_BEFORE.search(window)
    one = ONE_WORD_BEFORE.search(window)
    word = one.group(1).lower() if one else ""
    if word == "the" and two and two.group(1).lower() in ARTICLE_PLACE_BEFORE:
        # 'the Johnsons', 'the Smiths' are families; a range ('the Rockies') is left to places_first
        return not key.endswith("s") or key in gaz.places
    if key not in gaz.places:
        return False
    if word in PLACE_POSITION_BEFORE or word in TO_WORDS and two and two.group(1).lower() in MOTION_WORDS:
        return True
    # 'Athens, Georgia', 'athens georgia': a region straight after a found place
    return key in gaz.regions and previous is not None and previous.entity_type == "LOCATION" \
        and CITY_REGION_GAP.fullmatch(text, previous.end, d.start) is not None


def _own_person_cue(text: str, d: Detection) -> bool:
    """A cue this mention carries itself: a title or kin noun before it, 'said' or ''s' after it."""
    if d.reason.startswith(("name after", "known identifier", "deny term", "first name after 'our'")):
        return True
    one = ONE_WORD_BEFORE.search(text[max(0, d.start - 20):d.start])
    if one and one.group(1).lower().rstrip(".") in TITLES | {"with", "called", "named", "and"}:
        return True
    return PERSON_AFTER.match(text, d.end) is not None or person_position(text, d)
