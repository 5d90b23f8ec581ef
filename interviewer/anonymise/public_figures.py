"""Provides the cue that a name is talked of as a public figure or a work: listened to, voted for, a film or a song, on
the radio. Such a name goes to the reviewer as a possible identifier rather than being redacted."""

from __future__ import annotations

import re

MEDIA_BEFORE = re.compile(
    r"(?:\blisten(?:s|ed|ing)?\s+to|\bput(?:s|ting)?\s+on\s+(?:a\s+bit\s+of|some)|\bfans?\s+of|\b(?:vote[sd]?|voting)\s+for"
    r"|\ba\s+(?:picture|poster|photo)\s+of|\bsing(?:s|ing)?|\bsang|\bargu(?:e|es|ed|ing)\s+about\s+whether"
    r"|\b(?:something|anything|songs?|albums?|films?|books?|records?|tunes?)\s+by)"
    r"(?:\s+(?:some|every|all|the|old|that|of))*\s+$",
    re.IGNORECASE)
"""What is said before a singer, player, politician or show: 'I listen to', 'put on a bit of', 'a big fan of',
'voted for', 'argue about whether', 'something by' (not 'watch', said of minding children as often as of television)."""
MEDIA_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:films?|movies?|songs?|albums?|concerts?|gigs?|podcasts?|documentar(?:y|ies))\b"
    r"|\s+(?:music|tunes|on\s+the\s+(?:radio|telly|tv|television|laptop|wireless))\b")
"""What is said after one, in lower case: "a Mohanlal film", 'Daniel O'Donnell on the radio', "Dolly Parton's songs"
(not "Sarah's music lessons", "her records"; not 'Newlyn Gig Rowers', where the capital keeps the word in the name)."""
SENTENCE_BREAK = re.compile(r"[.!?\n]")


def talked_of_as_public(text: str, start: int, end: int, first_names: frozenset[str]) -> bool:
    """Whether the name at text[start:end] is talked of as media or public life: a cue straight before it in the same
    sentence, or a work or broadcast straight after it. A given name alone ('I listen to Sarah') is someone known."""
    if " " not in text[start:end].strip() and text[start:end].strip().lower() in first_names:
        return False
    before = text[max(0, start - 40):start]
    last_break = max((m.end() for m in SENTENCE_BREAK.finditer(before)), default=0)
    return MEDIA_BEFORE.search(before, last_break) is not None or MEDIA_AFTER.match(text, end) is not None
