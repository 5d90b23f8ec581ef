"""Provides the per-mention place label: one mention of a person-labelled name that itself stands where a place
stands ('along the Murray', 'my uncle Nelson is in Nelson', 'from Athens, Georgia') is a place, whatever the
other mentions of the same surface are."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from interviewer.anonymise.cues import MOTION_WORDS, PLACE_POSITION_BEFORE, TITLES
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
PERSON_AFTER = re.compile(r"[ \t]*(?:['’]s\b|,?[ \t]+(?:said|says|told|asked|and[ \t]+(?:I|i|me)\b|who\b))")


def places_by_mention(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """Detections with each person-labelled mention relabelled a place when it stands where only a place stands
    and has no person's cue of its own."""
    locations = [d for d in detections if d.entity_type in ("LOCATION", "ADDRESS")]
    changed = False
    out = []
    for index, d in enumerate(detections):
        if d.entity_type == "PERSON" and _placed_mention(text, d, detections[index - 1] if index else None, gaz) \
                and not _own_person_cue(text, d):
            out.append(replace(d, entity_type="LOCATION", group=f"LOCATION:{surface_key(d.text)}"))
            changed = True
        else:
            out.append(d)
    return out if changed else detections


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
    if word in PLACE_POSITION_BEFORE or word == "to" and two and two.group(1).lower() in MOTION_WORDS:
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
