"""Provides the names people go by: what they are called ('we called him Tucker', 'Tucker, we called him', 'a lad
everyone calls Chalky'), what they are known as ('most folks know me as Tater') and a name set before 'real name'; in
a lower-case transcript, the word in that place ('we call him the badger')."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import FILLERS, PERSON_NOUNS, PERSON_WORDS, TITLES
from interviewer.anonymise.found import Found
from interviewer.anonymise.never_names import DISCOURSE_WORDS, KIN_CALLS
from interviewer.anonymise.words import TokenView, is_word


CALLERS = frozenset("""we they everyone everybody people i you the lads kids all friends guys also she he just can
please to""".split())
"""Words before 'call me', 'called him' ...: who calls them so, or the asking ('just call me Ani', 'you can call me')."""
CALLING = frozenset("called call calls calling".split())
CALLED = frozenset("him her them me us".split())
EVERYONE = frozenset("everyone everybody people they we".split())
"""What someone is, not what they are called ('my mate, real name ...')."""


GOING_BY = frozenset("go goes went going".split())
GOERS = frozenset("i he she they we you who everyone everybody".split())
"""Who goes by a name: 'i go by mo', 'she goes by Bex' (not 'the bus goes by the house')."""
CALLED_REASONS = ("a name people call someone", "a name someone is known as")
"""Reasons of a name given as what someone is called: whole, kin word and all ('everybody calls her Mama Lou')."""
NOT_NAMES = FILLERS | DISCOURSE_WORDS
"""Words that never go on a nickname as its second word ('call me ani lah')."""
NOT_NICKNAMES = frozenset("""back up out over later now again sometimes always never often all every crazy mad daft stupid
lazy names old""".split())
"""Words after 'they call me' that say how or when, or are said of anyone ('they call me back', 'call me daft')."""
NOT_KNOWN_AS = frozenset("""well much long far soon good bad such being one someone somebody something""".split())
"""Words after 'known as' that make no name ('known as well', 'known as someone who helps')."""


def find_nicknames(v: TokenView) -> Iterator[Found]:
    """A word that people call someone: 'we called him Tucker', 'Tucker, we called him', 'they call her Blue', and
    in a lower-case transcript 'we call him the badger': a name even when it is a word."""
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    for i in range(3, len(v.tokens)):
        if v.lower(i - 1) not in CALLED or v.lower(i - 2) not in CALLING or v.lower(i - 3) not in CALLERS:
            continue
        first = i
        if v.lower(i) == "the" and (v.capitalised_word(i + 1) or lower_case_text):
            i += 1  # 'we call him the Badger'
        if _capitalised_name(v, i):
            yield v.span(first, v.extend_surname(i), "PERSON", 0.7, CALLED_REASONS[0])
        elif lower_case_text and _hyphen_joined(v, i):
            yield v.span(first, i + 2, "PERSON", 0.6, "a word people call someone, in lower case")  # 't-boy', 'jo-jo'
        elif lower_case_text and _nickname_word(v, i, 2):
            two = _nickname_word(v, i + 1, 2) and (v.word(i + 2) in (",", ".", "now", "because", "since")
                                                   or not v.common(i + 1) and v.lower(i + 1) not in NOT_NAMES)
            if two or len(v.word(i)) >= 3:  # 'cardio sully', 'ah boy'; one word of two letters is too little
                yield v.span(first, i + 1 if two else i, "PERSON", 0.6, "a word people call someone, in lower case")

    for i in range(len(v.tokens) - 3):
        k = i + 2 if v.word(i + 1) == "," else i + 1
        if v.lower(k) in CALLERS and v.lower(k + 1) in CALLING and v.lower(k + 2) in CALLED:
            if _capitalised_name(v, i) and not v.initial(i):
                yield v.span(i, i, "PERSON", 0.7, "a name people call someone")
            elif lower_case_text and _nickname_word(v, i, 3) and v.word(i - 1) in (",", ".", ":") \
                    and v.lower(i) not in PERSON_WORDS:
                # 'the fella i worked with, tucker we called him'
                yield v.span(i, i, "PERSON", 0.6, "a word people call someone, in lower case")

    for i in range(3, len(v.tokens)):
        # 'a lad everyone calls Chalky', 'my grandmother, who everybody calls Mama Lou'
        if v.lower(i - 1) in CALLING and v.lower(i - 2) in EVERYONE \
                and (v.lower(i - 3) in ("who", "whom", "that") or v.lower(i - 3) in PERSON_NOUNS):
            if _capitalised_name(v, i):
                yield v.span(i, v.extend_surname(i), "PERSON", 0.7, CALLED_REASONS[0])
            elif lower_case_text and _nickname_word(v, i, 3):
                yield v.span(i, i, "PERSON", 0.6, "a word people call someone, in lower case")
        # 'most folks know me as Tater', 'he's known as Skip'
        going_by = v.lower(i - 1) == "by" and v.lower(i - 2) in GOING_BY and v.lower(i - 3) in GOERS
        if going_by:  # 'i go by mo', 'she goes by Bex'; not 'i go by train'
            if _capitalised_name(v, i) or lower_case_text and v.word(i).islower() and is_word(v.word(i)) \
                    and (v.lower(i) in v.gaz.first_names or not v.common(i)) and v.lower(i) not in NOT_NICKNAMES:
                yield v.span(i, i, "PERSON", 0.6, "a word someone is known as, after 'go by'")
        elif v.lower(i - 1) == "as" and (v.lower(i - 2) == "known" or v.lower(i - 3) == "know" and v.lower(i - 2) in CALLED):
            if _capitalised_name(v, i):
                yield v.span(i, v.extend_surname(i), "PERSON", 0.7, CALLED_REASONS[1])
            elif lower_case_text and _nickname_word(v, i, 3) and v.lower(i) not in NOT_KNOWN_AS:
                yield v.span(i, i, "PERSON", 0.6, "a word someone is known as, in lower case")
        # 'a chap there, Tinker, real name Arthur Staniforth', 'my mate bully, real name iosefa tanuvasa'
        if v.word(i - 1) == "," and v.lower(i) == "real" and v.lower(i + 1) == "name":
            if v.word(i - 3) == "," and _capitalised_name(v, i - 2):
                yield v.span(i - 2, i - 2, "PERSON", 0.7, "a name people call someone")
            elif lower_case_text and _nickname_word(v, i - 2, 2) and v.lower(i - 2) not in PERSON_WORDS:
                yield v.span(i - 2, i - 2, "PERSON", 0.6, "a word someone goes by before 'real name', in lower case")


def _capitalised_name(v: TokenView, i: int) -> bool:
    return v.capitalised_word(i) and not v.allowed(i) and v.lower(i) not in TITLES


def _hyphen_joined(v: TokenView, i: int) -> bool:
    """Token i, a hyphen and a word written as one ('t-boy', 'jo-jo'), which the tokenizer splits in three; not a
    phrase of little words ('call me now-now')."""
    hyphen, word = v.tokens[i + 1] if i + 1 < len(v.tokens) else None, v.word(i + 2)
    return hyphen is not None and hyphen.text == "-" and hyphen.idx == v.tokens[i].idx + len(v.word(i)) \
        and is_word(v.word(i)) and is_word(word) and v.tokens[i + 2].idx == hyphen.idx + 1 \
        and not v.tokens[i].is_stop and v.lower(i) not in NOT_NICKNAMES


def _nickname_word(v: TokenView, i: int, shortest: int) -> bool:
    return v.word(i).islower() and is_word(v.word(i)) and len(v.word(i)) >= shortest and not v.tokens[i].is_stop \
        and v.lower(i) not in NOT_NICKNAMES and v.lower(i) not in TITLES and v.lower(i) not in KIN_CALLS \
        and not v.allowed(i)
