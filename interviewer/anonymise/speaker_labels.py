"""Provides the people a transcript names in its speakers' labels ('Carol:', 'Mr Adeyemi:'), as focus-group and
imported transcripts often do; role labels ('Interviewer:', 'P3:', 'Speaker 2:') name no one."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import PERSONAL_TITLES
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers

LABEL = re.compile(r"^[ \t]*((?:[A-Za-z][\w'’.-]*[ \t]){0,2}[A-Za-z][\w'’-]*)[ \t]*:[ \t]", re.MULTILINE)
"""A turn's label: up to three words at a line's start before a colon."""
ROLE_LABELS = frozenset("""interviewer interviewers participant participants facilitator facilitators moderator
co-facilitator cofacilitator researcher researchers respondent respondents interviewee interviewees speaker speakers
int res resp part fac mod q a b c i p r f m s unknown unidentified inaudible all both group everyone several multiple
others other voice voices man woman male female men women mum mom dad mother father child son daughter husband wife
partner carer caregiver nurse doctor gp patient family relative friend staff observer note notes transcriber translator
interpreter chair host caller clinician practitioner member members parent parents question answer comment comments
narrator crosstalk overlap laughter pause end start time location date topic theme probe prompt summary
""".split())
"""Words a role label is made of: they name no one."""
FEWEST_LABELLED_TURNS = 3
"""A text with fewer labelled turns is not read as a transcript with speakers' labels."""


def find_speaker_names(text: str, gaz: Gazetteers) -> Iterator[Found]:
    """The name in each label that is no role ('Carol:', 'Des:', 'Mr Adeyemi:' gives 'Adeyemi'), once the text
    shows itself a transcript by several labelled turns. Each label counts as a mention; the name's other mentions
    ('like Carol said') follow by propagation."""
    labels = list(LABEL.finditer(text))
    if len(labels) < FEWEST_LABELLED_TURNS:
        return
    for label in labels:
        words = list(re.finditer(r"[\w'’.-]+", label.group(1)))
        lowers = [w.group().lower().rstrip(".") for w in words]
        if any(w in ROLE_LABELS or any(ch.isdigit() for ch in w) for w in lowers):
            continue
        if lowers[0] in PERSONAL_TITLES:
            words, lowers = words[1:], lowers[1:]
        if not words or not all(_a_name_word(w, gaz) for w in lowers):
            continue
        start = label.start(1) + words[0].start()
        end = label.start(1) + words[-1].end()
        yield Found(start, end, "PERSON", 0.7, "a name in a speaker's label")


def _a_name_word(lower: str, gaz: Gazetteers) -> bool:
    return len(lower) >= 2 and (lower in gaz.first_names or lower in gaz.surnames or not gaz.is_common(lower))


def a_role_label(text: str, start: int, end: int) -> bool:
    """Whether the span is a role label opening a turn ('Facilitator:'), which is no identifier to suggest."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[end:end + 2].lstrip(" \t").startswith(":"):
        return False
    return all(w.lower() in ROLE_LABELS for w in re.findall(r"[^\W\d_]+", text[start:end]))
