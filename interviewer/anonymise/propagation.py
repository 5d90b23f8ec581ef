"""Provides propagation: once a name is found, its other mentions and close variants (first name or
surname alone, possessive, one letter off from speech recognition) are found too, with one group key."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import (
    DETERMINERS, FILLERS, HEADS, KIN_NOUNS, MONTH_PREPOSITIONS, MONTHS, PERSON_VERBS, SERVICE_KIND_WORDS, SPEECH_VERBS, TITLES,
)
from interviewer.anonymise.gazetteers import POSSESSIVE, Gazetteers, surface_key
from interviewer.anonymise.never_names import FESTIVALS, KIN_CALLS, loanwords
from interviewer.anonymise.words import DONE_TO, INSTITUTION_HEADS, one_edit

NAME_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "HOSPITAL", "WARD")
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
POSSESSIVE_END = re.compile(r"\w['’]s$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    entity_type: str
    score: float
    reason: str
    priority: float
    group: str = ""


@dataclass(frozen=True)
class Variant:
    key: str
    entity_type: str
    group: str
    full: bool
    possessive: bool = False
    """An organisation named by its owner's possessive ("Dougie's"): a mention without the 's is the owner, a person."""


def variants_of(candidate: Candidate, surface: str, gaz: Gazetteers) -> list[Variant]:
    key = surface_key(surface)
    if not key:
        return []
    group = candidate.group or f"{candidate.entity_type}:{key}"
    if candidate.entity_type == "ORGANIZATION" and " " not in key and POSSESSIVE_END.search(surface):
        return [Variant(key, candidate.entity_type, group, True, possessive=True)]
    found = [Variant(key, candidate.entity_type, group, True)]
    words = key.split()
    if len(words) > 1 and candidate.priority >= 2:
        for word in words:
            if len(word) < 3 or word in INSTITUTION_HEADS or (candidate.entity_type != "PERSON" and (
                    gaz.is_common(word) or word in gaz.places or word in gaz.first_names)):
                continue  # a given name alone is a person's, not the place or body named after them ('the Prince Charles')
            if candidate.entity_type != "PERSON" and len(word) < 4:
                continue
            found.append(Variant(word, candidate.entity_type, group, False))
    short = _without_head(words)
    if candidate.entity_type in ("ORGANIZATION", "HOSPITAL") and short and len(short) >= 2:
        found.append(Variant(" ".join(short), candidate.entity_type, group, False))
    return found


HEAD_WORDS = frozenset().union(*HEADS.values()) | INSTITUTION_HEADS


def _without_head(words: list[str]) -> list[str]:
    """An organisation's name without its head and the kind words before it, as people shorten it ('iron thistle
    gym' -> 'iron thistle', 'green shoots community garden' -> 'green shoots'); nothing if only kind words are left
    or no head was dropped."""
    short = list(words)
    while short and (short[-1] in HEAD_WORDS or short[-1] in SERVICE_KIND_WORDS):
        short.pop()
    if len(short) == len(words) or all(w in SERVICE_KIND_WORDS or w in STOP_WORDS for w in short):
        return []
    return short


def propagate(text: str, candidates: list[Candidate], gaz: Gazetteers, allowed: set[str]) -> list[Candidate]:
    """New candidates for every further mention of the found names, exact or one edit away."""
    variants: dict[str, Variant] = {}
    first_seen: dict[str, int] = {}
    written_lower: set[str] = set()
    for candidate in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start))):
        if candidate.entity_type not in NAME_TYPES or candidate.priority < 1.5:
            continue
        written_lower.update(w.lower() for w in WORD.findall(text, candidate.start, candidate.end) if w.islower())
        for variant in variants_of(candidate, text[candidate.start:candidate.end], gaz):
            if variant.key in allowed or variant.key in MONTHS:
                continue
            first_seen[variant.key] = min(first_seen.get(variant.key, candidate.start), candidate.start)
            current = variants.get(variant.key)
            if current is None or (variant.full and not current.full):
                variants[variant.key] = variant
    if not variants:
        return []
    family = lambda t: "PERSON" if t == "PERSON" else "PLACE"  # noqa: E731
    longer_holding: dict[str, list[Variant]] = {}
    for k, v in variants.items():
        if " " in k:
            for word in set(k.split()):
                longer_holding.setdefault(word, []).append(v)
    for key, variant in list(variants.items()):
        words = set(key.split())
        holders = [v for v in longer_holding.get(key.split()[0], ()) if v.key != key and words < set(v.key.split())
                   and family(v.entity_type) == family(variant.entity_type)]
        if holders:
            best = max(holders, key=lambda v: len(v.key))
            if variant.full and variant.entity_type == "LOCATION" and best.entity_type != "LOCATION":
                continue  # 'in otara' and 'the otara tigers': the place found on its own stays a place
            variants[key] = replace(variant, group=best.group, entity_type=best.entity_type)
    # A spelling one letter from an earlier-mentioned name is the same identity misheard.
    ordered = sorted((k for k in variants if " " not in k and len(k) >= 4), key=lambda k: first_seen.get(k, 0))
    for index, key in enumerate(ordered):
        for earlier in ordered[:index]:
            if earlier[0] == key[0] and one_edit(earlier, key):
                variants[key] = replace(variants[key], group=variants[earlier].group, entity_type=variants[earlier].entity_type)
                break
    single = {k: v for k, v in variants.items() if " " not in k}
    fuzzy_pool: dict[str, list[str]] = {}
    for k in single:
        if len(k) >= 4 and not gaz.is_common(k):
            fuzzy_pool.setdefault(k[0], []).append(k)
    found: list[Candidate] = []
    lower_case_text = is_lower_case_text(text)
    longer_keys = sorted((k for k in variants if " " in k), key=len, reverse=True)
    if longer_keys:
        # One scan for all names of several words: at each place, the longest name that starts there.
        names = "|".join(r"\s+".join(re.escape(w) for w in key.split()) for key in longer_keys)
        for m in re.finditer(rf"\b(?=((?:{names})(?!\w)))", text, re.IGNORECASE):
            mention = m.group(1)
            key = " ".join(mention.lower().split())
            variant = variants.get(key)
            if variant is None:  # a letter whose case folds differently ('İ'): that mention is left to the rules
                continue
            # A name made of English words ('Young Carers') spreads only to mentions capitalised like a name, or,
            # in a transcript all in lower case, an organisation's name said short ('iron thistle gym' ... 'iron thistle').
            if all(gaz.is_common(w) or w in allowed for w in key.split()) \
                    and not all(w[:1].isupper() for w in mention.split()) \
                    and not (lower_case_text and variant.entity_type in ("ORGANIZATION", "HOSPITAL")
                             and (not variant.full or key.split()[-1] not in HEAD_WORDS
                                  and ORGANISATION_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()))):
                continue  # 'the foot clinic' again: an ordinary word and a head, a kind of service
            found.append(Candidate(m.start(), m.start() + len(mention), variant.entity_type, 0.7,
                                   "another mention of a found name", 2.5, variant.group))
    passed_over: set[str] = set()  # words skipped wherever they stand: most of a transcript's, said again and again
    for m in WORD.finditer(text):
        word = m.group()
        if word in passed_over:
            continue
        if "'" in word or "’" in word:
            word = POSSESSIVE.sub("", word)
        lower = word.lower()
        if lower in allowed or len(lower) < 2:
            passed_over.add(m.group())
            continue
        variant = single.get(lower)
        if variant is not None and variant.possessive and word == m.group():
            # "back to Dougie's ... and Dougie gives me a hard time": the business, then its owner
            if lower in STOP_WORDS or gaz.is_common(lower) and lower not in gaz.first_names:
                passed_over.add(m.group())
                continue
            variant = replace(variant, entity_type="PERSON", group=f"PERSON:{lower}")
        # An everyday word of another language is a word where a common word would be ('showing her aroha' beside
        # the midwife Aroha), though it is also a given name.
        common = gaz.is_common(lower) or lower in loanwords()
        if variant is None and (common or len(lower) < 4):
            passed_over.add(m.group())
            continue  # most words: neither a found name nor one letter from one
        if common and not word[:1].isupper() and not LOWER_CASE_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()) \
                and not (lower_case_text and variant is not None and variant.entity_type == "PERSON"
                         and not DETERMINER_BEFORE.search(text, max(0, m.start() - 12), m.start())
                         and (NAME_CUE_AFTER.match(text, m.end()) or DEED_AFTER.match(text, m.end()))) \
                and not (lower_case_text and variant is not None and variant.entity_type in ("ORGANIZATION", "HOSPITAL")
                         and ORGANISATION_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            # A found name in lower case counts only where speech recognition would have capitalised a word, or,
            # in a transcript written all in lower case, where a verb or 's follows ('grace said', 'grace's mum').
            continue
        if not lower_case_text and word.islower() and lower not in written_lower and variant is not None \
                and not LOWER_CASE_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()):
            continue  # in a cased transcript, a name found only with capitals is another word in lower case ('like agege
            # bread' beside 'Agege Motor Road', 'the marites in our street' beside 'my wife Marites')
        if common and lower in MONTHS:
            before = text[max(0, m.start() - 12):m.start()].lower().split()
            if before and before[-1] in MONTH_PREPOSITIONS or re.match(r"\s+(?:\d|the\b)", text[m.end():m.end() + 5]):
                continue
        if variant is not None:
            reason = "another mention of a found name" if variant.full else "part of a found name used alone"
            end = m.end() if variant.possessive and variant.entity_type == "ORGANIZATION" else m.start() + len(word)
            found.append(Candidate(m.start(), end, variant.entity_type, 0.7, reason, 2.5, variant.group))
            continue
        if len(lower) >= 4 and not common and (word[:1].isupper() or lower not in gaz.common_words):
            for key in fuzzy_pool.get(lower[0], ()):
                if abs(len(key) - len(lower)) <= 1 and one_edit(key, lower):
                    target = single[key]
                    found.append(Candidate(m.start(), m.start() + len(word), target.entity_type, 0.55,
                                           f"one letter from the found name '{key}'", 2.2, target.group))
                    break
    return found


@functools.lru_cache(maxsize=64)
def is_lower_case_text(text: str) -> bool:
    """A transcript written (almost) all in lower case: under one word in fifty capitalised, 'I' and the first
    word of a line (a speaker's label) aside. Cached: every recognizer asks it of the same pieces."""
    words = [m.group() for m in WORD.finditer(text[:20000])
             if m.group() != "I" and text[max(0, m.start() - 1):m.start()] not in ("\n", "")]
    return len(words) >= 5 and sum(w[:1].isupper() for w in words) < max(1, len(words) / 50)


NAME_CUE_AFTER = re.compile(r"(?:['’]s\b|\s+(?:" + "|".join(sorted(SPEECH_VERBS | PERSON_VERBS)) + r")\b)", re.I)
DEED_AFTER = re.compile(
    r"\s+(?:(?:still|usually|always|never|just|even|also)\s+)?(?:found|saw|put|gave|give|told|took|brought|sent|kept|left|"
    r"knew|answers|answered|checks|checked|picks|picked|rings|rang|drives|drove|who|has\s+been|had\s+been|"
    rf"[a-z]+ed\s+(?:{'|'.join(sorted(DONE_TO))}))\b", re.I)
"""What a found person's name in lower case does in another mention ('pat found him', 'crystal usually answers', 'sky
still checks in', 'the head mark has been brilliant'): the same person, though the name is also a word."""
DETERMINER_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DETERMINERS | {"by", "of", "with", "in", "for", "to"})) + r")\s+$", re.I)


def with_group(candidate: Candidate, group: str) -> Candidate:
    return replace(candidate, group=group)


WORD_BEFORE = re.compile(r"(?:^|(?<=[^\w'’]))([A-Za-z]+)[ \t]+$")
LOWER_CASE_SENTENCE_START = re.compile(r"[.!?]\s+$")
ORGANISATION_CUE_BEFORE = re.compile(r"\b(?:the|at|to|from|with|through|via|into|joined|join)\s+$", re.I)
"""Words before another mention of an organisation found in ordinary words in a lower-case transcript that make it
that organisation again ('the puffins knew all the forms', 'we only went to open hands a few times')."""
SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?:;\n])\s*$")
SUBJECT_BEFORE = re.compile(r"\b(?:i|you|he|she|we|they)\s+$", re.I)
"""A pronoun that makes the lower-case word after it a verb, not a first name ('I rang Kevin Blackburn')."""


def with_given_names(text: str, candidates: list[Candidate], gaz: Gazetteers) -> list[Candidate]:
    """Person spans starting at a capitalised name take in the first name just before it: a lower-case one
    ('frank Hollinrake': speech recognition writes first names that are also words in lower case) or a
    capitalised word mid-sentence before a surname that is no English word ('Florin Popescu')."""
    extended = []
    for candidate in candidates:
        if candidate.entity_type == "PERSON" and text[candidate.start:candidate.start + 1].isupper():
            before = WORD_BEFORE.search(text, max(0, candidate.start - 24), candidate.start)
            word = before.group(1) if before else ""
            lower = word.lower()
            plain_word = len(word) >= 3 and lower not in STOP_WORDS and lower not in FILLERS and lower not in DETERMINERS \
                and lower not in TITLES and lower not in MONTHS and lower not in INSTITUTION_HEADS and lower not in KIN_NOUNS \
                and lower not in KIN_CALLS and lower not in FESTIVALS  # 'Mama Njeri', 'At Christmas Keith'
            if plain_word and word.islower() and lower in gaz.first_names and lower not in loanwords() \
                    and not SUBJECT_BEFORE.search(text, max(0, before.start(1) - 8), before.start(1)):
                candidate = replace(candidate, start=before.start(1))
            elif plain_word and word.istitle() and not SENTENCE_END_BEFORE.search(text, max(0, before.start(1) - 8), before.start(1)) \
                    and not gaz.is_common(surface_key(text[candidate.start:candidate.end]).split()[0]):
                candidate = replace(candidate, start=before.start(1))
        extended.append(candidate)
    return extended
