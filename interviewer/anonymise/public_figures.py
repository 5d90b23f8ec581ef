"""Provides the cue that a name is talked of as a public figure or a work: listened to, voted for, a film or a song, on
the radio. Such a name goes to the reviewer as a possible identifier rather than being redacted."""

from __future__ import annotations

import re

MEDIA_BEFORE = re.compile(
    r"(?:\blisten(?:s|ed|ing)?\s+to|\bput(?:s|ting)?\s+on\s+(?:a\s+bit\s+of|some)|\bfans?\s+of|\b(?:vote[sd]?|voting)\s+for"
    r"|\ba\s+(?:picture|poster|photo)\s+of|\bsing(?:s|ing)?|\bsang|\bargu(?:e|es|ed|ing)\s+about\s+whether"
    r"|\b(?:something|anything|songs?|albums?|films?|books?|records?|tunes?)\s+by"
    r"|\bplay(?:s|ed|ing)?(?:\s+a\s+bit\s+of)?|\b(?:obsessed|besotted)\s+with|\b(?:mad|crazy|daft)\s+about"
    r"|\b(?:addicted\s+to|hooked\s+on)|\bnamed\s+after|\bsounds?\s+like|\bthe\s+next"
    r"|\bon\s+(?:the\s+)?(?:tv|telly|television|radio|netflix)(?:\s+and|,)?)"
    r"(?:\s+(?:some|every|all|the|old|that|of))*\s+$",
    re.IGNORECASE)
"""What is said before a singer, player, politician, game or show: 'I listen to', 'put on a bit of', 'a big fan of',
'voted for', 'argue about whether', 'something by', 'she plays', 'obsessed with', 'mad about', 'named after', 'sounds
like', 'the next', 'on TV,' (not 'on Facebook', where people find people they know; not 'watch', said of minding
children as often as of television)."""
MEDIA_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:films?|movies?|songs?|albums?|concerts?|gigs?|podcasts?|documentar(?:y|ies))\b"
    r"|\s+(?:music|tunes|on\s+the\s+(?:radio|telly|tv|television|laptop|wireless))\b"
    r"|\s+on\s+(?:in\s+the\s+(?:car|kitchen|background)|for\s+(?:the\s+kids|nobody|hours)|the\s+whole\s+time|all\s+day)\b"
    r"|\s+(?:game|games|match|matches|fans?|supporters?|season|shirt|jersey|tickets?)\b")
"""What is said after one, in lower case: "a Mohanlal film", 'Daniel O'Donnell on the radio', "Dolly Parton's songs",
'Peppa Pig on for nobody', 'the Flames game', 'a Rangers supporter' (not "Sarah's music lessons", "her records"; not
'Newlyn Gig Rowers', where the capital keeps the word in the name)."""
SENTENCE_BREAK = re.compile(r"[.!?\n]")
REST_OF_NAME = re.compile(r"[ \t]+[A-Z][\w'’-]*")
"""A capitalised word that finishes a name the candidate holds only the start of ('Peppa' of 'Peppa Pig')."""


def talked_of_as_public(text: str, start: int, end: int, first_names: frozenset[str]) -> bool:
    """Whether the name at text[start:end] is talked of as media or public life: a cue straight before it in the same
    sentence, or a work or broadcast straight after it. A given name alone ('I listen to Sarah') is someone known."""
    if " " not in text[start:end].strip() and text[start:end].strip().lower() in first_names:
        return False
    before = text[max(0, start - 40):start]
    last_break = max((m.end() for m in SENTENCE_BREAK.finditer(before)), default=0)
    rest_of_name = REST_OF_NAME.match(text, end)  # 'Peppa' of 'Peppa Pig on for nobody'
    return MEDIA_BEFORE.search(before, last_break) is not None or MEDIA_AFTER.match(text, end) is not None \
        or rest_of_name is not None and MEDIA_AFTER.match(text, rest_of_name.end()) is not None
