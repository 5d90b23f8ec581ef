"""Provides the per-mention place label: one mention of a person-labelled name that itself stands where a place
stands ('along the Murray', 'my uncle Nelson is in Nelson', 'from Athens, Georgia') or in a list of places is a
place, and a place-labelled one named after 'my wife', 'her brother' is a person, whatever the other mentions of
the same surface are."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from interviewer.anonymise.cues import KIN_NOUNS, MOTION_WORDS, PLACE_POSITION_BEFORE, TITLES, TO_WORDS
from interviewer.anonymise.gazetteers import Gazetteers
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


def places_by_mention(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """Detections with each person-labelled mention relabelled a place when it stands where only a place stands
    and has no person's cue of its own."""
    out = []
    for index, d in enumerate(detections):
        if d.entity_type == "PERSON" and _placed_mention(text, d, detections[index - 1] if index else None, gaz) \
                and not _own_person_cue(text, d):
            out.append(_as(d, "LOCATION"))
        elif d.entity_type == "LOCATION" and (KIN_BEFORE.search(text, max(0, d.start - 30), d.start)
                                              or SAID_AFTER.match(text, d.end) and surface_key(d.text) in gaz.first_names) \
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
    return PERSON_AFTER.match(text, d.end) is not None
