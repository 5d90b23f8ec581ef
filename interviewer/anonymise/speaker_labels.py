"""Provides the people a transcript's turns name: in its speakers' labels ('Carol:', 'Mr Adeyemi:'), as focus-group
and imported transcripts often do (role labels such as 'Interviewer:', 'P3:', 'Speaker 2:' name no one), the
person a turn opens by speaking to ('P3: Sian, did they put you on it?'), and the person words told in a turn are
said to ('she said, you're not okay, Gen.')."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import MONTHS, PERSONAL_TITLES, TITLES, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.never_names import DISCOURSE_WORDS, KIN_CALLS, is_group_word

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
SPOKEN_TO = re.compile(
    r"^[ \t]*(?:[A-Za-z][\w'’.-]*(?:[ \t][\w'’.-]+){0,2}[ \t]*:[ \t]*)?([A-Za-z][a-zà-ÿ'’-]+),[ \t]+"
    r"(?=(?:[\w'’-]+[ \t]+){0,3}(?:you|your|you've|you're|you'd)\b)", re.MULTILINE)
"""A turn opening with a single word and a comma before words said to 'you': 'R3: Tevita, you had that too?'."""
NOT_SPOKEN_TO = frozenset("""honestly look listen see mate love darling pet hun hon babe guys folks everyone everybody
lads girls ladies gentlemen sir madam doctor doc nurse thanks thank sorry please yes no obviously basically actually
seriously sometimes usually apparently personally duck duckie hen bab chuck cock cocker petal flower sunshine marra pal
chum son lad lass boss chief gaffer kid kiddo sweetheart sweetie honey dear dearie lovey darlin darl doll hinny poppet
princess treasure squire guv bro bruv sis dude bud buddy fella cher boet bru china sugar""".split())
"""Words a turn may open with, or words said may close with, before or after a comma, that name no one ('Honestly, did
you ...', 'Mate, you ...', 'you'll be grand, Duck.'): fillers and the endearments and words of address of every
region."""


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


def _names_no_one(lower: str) -> bool:
    """A word said to someone that is no name: a discourse word, endearment, kin call, role, title or single letter."""
    return lower in DISCOURSE_WORDS or lower in NOT_SPOKEN_TO or lower in KIN_CALLS or lower in ROLE_LABELS \
        or lower in PERSONAL_TITLES or len(lower) < 2


def find_names_spoken_to(text: str, gaz: Gazetteers) -> Iterator[Found]:
    """The name a turn opens by speaking to ('Sian, did they put you on propranolol?', 'tevita, you had that too'):
    a given name, or a word no English word list holds; never a discourse, kin or role word."""
    for match in SPOKEN_TO.finditer(text):
        word = match.group(1)
        lower = word.lower()
        if _names_no_one(lower):
            continue
        if lower in gaz.first_names and not gaz.is_common(lower) or not gaz.is_common(lower) and len(lower) >= 3:
            yield Found(match.start(1), match.end(1), "PERSON", 0.6, "a name a turn opens by speaking to")


SPOKEN_TO_LAST = re.compile(r"(?<=[\w'’])[ \t]*,[ \t]+([A-Z][a-z'’-]+)(?=[.!?][\"”’']?(?:\s|$))")
"""A capitalised word after a comma that closes a sentence: 'you're not okay, Gen.'"""
TOLD = re.compile(r"\b(?:said|says|say|saying|told|tells|asked|asks|goes|went|shouted|yelled|replied|answered)\b(?=[ \t,:]|$)|[\"“]")
"""A verb that reports words said, or an opening quote: what follows is words said to someone."""
NOUN_PHRASE_BEFORE = re.compile(r"\b(?:the|a|an|my|his|her|their|our|your|this|that)(?:[ \t]+[a-z'’-]+){1,2}[ \t]*$")
"""A noun phrase just before the comma: the capitalised word after it restates it ('it was the tumour, Glioblastoma')."""
SENTENCE_START = re.compile(r"(?:[.!?][\"”’']?\s+|\n)(?=[^\n]*$)")


def find_names_said_to(text: str, gaz: Gazetteers) -> Iterator[Found]:
    """The name said last in words told in a turn ('Isa just said, "I'm no' deein' in there, Jock."', 'and she said,
    you're not okay, Gen.'): a capitalised word closing a sentence after a comma, where words are reported before it;
    not the words said themselves ('she said, Fine.'), a noun phrase restated ('the tumour, Glioblastoma'), a kin, role
    or calendar word, a place or a group."""
    for match in SPOKEN_TO_LAST.finditer(text):
        word = match.group(1)
        lower = word.lower()
        if _names_no_one(lower) or lower.rstrip(".") in TITLES or lower in MONTHS or lower in WEEKDAYS \
                or lower in gaz.places and lower not in gaz.first_names or is_group_word(word, gaz):
            continue
        if NOUN_PHRASE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        start = max(0, match.start() - 300)
        opening = list(SENTENCE_START.finditer(text[start:match.start()]))
        sentence = text[start + opening[-1].end() if opening else start:match.start()]
        told = list(TOLD.finditer(sentence))
        if told and sentence[told[-1].end():].strip():  # words said between the report and the name
            yield Found(match.start(1), match.end(1), "PERSON", 0.6, "a name the words told are said to")

