"""Provides the steps that reshape candidate spans between the rules and the resolution of overlaps: names of public
figures moved to the reviewer's suggestions, NER spans trimmed of lower-case tails and split where they bridge two
rule-found names, people's names trimmed of dialect words and verbs they ran on into, names widened over hyphens, and
kin calls cut from people's names."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Callable

from interviewer.anonymise.cues import SURNAME_PARTICLES
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.name_edges import hyphened_span, split_tail_end
from interviewer.anonymise.deed_words import a_deed_word
from interviewer.anonymise.never_names import after_kin_call, before_kin_call, dialect_words
from interviewer.anonymise.nicknames import CALLED_REASONS
from interviewer.anonymise.organisations import BRAND_AT_WORK
from interviewer.anonymise.propagation import NAME_TYPES, Candidate, is_lower_case_text, surface_key
from interviewer.anonymise.public_figures import (
    a_known_public_figure, public_titles, said_as_someone_known, talked_of_as_public,
)
from interviewer.anonymise.suggestions import Suggestion

CONTEXT_OVER_WORD = ("name after the title", "whose ", "name set apart and spoken of")
"""Reasons whose context outweighs the word's usual sense: 'Mrs Christian', "the day before Summer's birthday", 'my
first son, Sunday, he is fifteen'."""


LIST_JOIN = re.compile(r",[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")
PUBLIC_FIGURE_REASON = "a name talked of as a public figure or a work (listened to, voted for, a film or a song)"
PUBLIC_FIGURE_RISK = 0.2
"""Below most suggestions: on the development corpora almost none is an identifier, and the queue is capped."""


def without_public_figures(text: str, candidates: list[Candidate], gaz: Gazetteers) -> tuple[list[Candidate], list[Suggestion]]:
    """The candidates without names talked of as media or public life ('I listen to Burna Boy', 'a Mohanlal film')
    or any part of one, and those names as suggestions for the reviewer: a singer or a politician identifies no
    participant. A title or a known identifier still wins ('Dr Patel on the radio')."""
    # A hospital named after someone famous is the hospital ('in and out of the Prince Charles').
    movable = lambda c: c.entity_type in NAME_TYPES and c.entity_type != "HOSPITAL" and c.priority < 5 \
        and not c.reason.startswith(CONTEXT_OVER_WORD)  # noqa: E731
    titles = public_titles(text, is_lower_case_text(text))
    at_work = lambda c: "employer" in c.reason or BRAND_AT_WORK in c.reason  # noqa: E731  ('works for First Bus')
    famous = {(c.start, c.end) for c in candidates if movable(c) and not at_work(c) and (
        a_known_public_figure(text, c.start, c.end, gaz.first_names) or any(s <= c.start and c.end <= e for s, e in titles))}
    public = {(c.start, c.end): _public(text, c) for c in candidates
              if movable(c) and ((c.start, c.end) in famous or talked_of_as_public(text, c.start, c.end, gaz.first_names))}
    # A name listed with one is talked of the same way ('obsessed with Yellowstone and Kevin Costner').
    listed = True
    while listed:
        listed = False
        for c in candidates:
            if (c.start, c.end) not in public and movable(c) and any(
                    LIST_JOIN.fullmatch(text, e, c.start) or LIST_JOIN.fullmatch(text, c.end, s) for s, e in public):
                public[(c.start, c.end)] = _public(text, c)
                listed = True
    # Every other mention of a public person is the same public person ('Lamar Jackson this, Lamar Jackson that'); not
    # a place's ('a Swansea fan' ... 'I grew up in Swansea'), nor a name said alone, which may be someone else's.
    keys = {surface_key(text[s:e]) for (s, e), p in public.items()
            if (p.entity_type == "PERSON" or (s, e) in famous) and " " in text[s:e].strip()}
    for c in candidates:
        if (c.start, c.end) not in public and movable(c) and (c.entity_type == "PERSON" or (c.start, c.end) in famous) \
                and surface_key(text[c.start:c.end]) in keys and not said_as_someone_known(text, c.start):
            public[(c.start, c.end)] = _public(text, c)
    kept = [c for c in candidates if not (movable(c) and any(s < c.end and c.start < e for s, e in public))]
    return kept, list(public.values())


def _public(text: str, c: Candidate) -> Suggestion:
    return Suggestion(c.start, c.end, c.entity_type, text[c.start:c.end], PUBLIC_FIGURE_REASON, PUBLIC_FIGURE_RISK)


LOWER_TAIL = re.compile(r"[ \t]+([a-z]+)$")
LAST_WORD = re.compile(r"[ \t]+([\w'’-]+)$")


def _without_tail_words(text: str, c: Candidate, tail_word: re.Pattern, dropped: Callable[[str], bool]) -> Candidate:
    """`c` without the words at its end that `tail_word` finds and `dropped` says are no part of a name, keeping its
    first word."""
    end = c.end
    while (tail := tail_word.search(text, c.start, end)) and tail.start() > c.start and dropped(tail.group(1)):
        end = tail.start()
    return c if end == c.end else replace(c, end=end)


def without_lower_tail(text: str, c: Candidate, gaz: Gazetteers) -> Candidate:
    """An NER span in a cased transcript without the lower-case English words it ran on into ("Bernie o'hara rang"
    -> "Bernie o'hara"): a verb after a name is no part of it."""
    if not c.reason.startswith("spaCy"):
        return c
    return _without_tail_words(text, c, LOWER_TAIL, lambda word: gaz.is_common(word) and word not in SURNAME_PARTICLES)


def without_dialect_tail(text: str, c: Candidate, gaz: Gazetteers) -> Candidate:
    """A person's name without a dialect word it ran on into ('our gary mithered me' -> 'gary', 'isa wasnae'): a verb
    or word of the talk after a name is no part of it; a given name there is ('gary mo'). Not a loanword, which may be
    the head of a group's name ('Kopanang Stokvel')."""
    if c.entity_type != "PERSON":
        return c
    return _without_tail_words(text, c, LAST_WORD,
                               lambda word: word.lower() not in gaz.first_names and word.lower() in dialect_words())


def without_deed_tail(text: str, c: Candidate, gaz: Gazetteers) -> Candidate:
    """A person's name without the words of what they did that it ran on into in lower case ('kelly works', 'georgia
    marched', 'mel reckons' -> 'kelly', 'georgia', 'mel'): a rule or model that took the verb for a surname."""
    if c.entity_type != "PERSON" or c.reason.startswith(CALLED_REASONS):
        return c  # what someone is called may be any word ('they call me cardio sully')
    return _without_tail_words(text, c, LAST_WORD, lambda word: a_deed_word(word, gaz))


def widened_over_hyphens(text: str, candidates: list[Candidate], gaz: Gazetteers) -> list[Candidate]:
    """Names widened over the parts a hyphen joins to them ('T-Boy', 'Jean-Luc', 'marie-claude') and, in a cased
    transcript, over a last part speech recognition wrote apart in lower case ('Bally hackamore', 'Maeve mc keown'),
    before they spread."""
    cased = not is_lower_case_text(text)
    widened = []
    for c in candidates:
        if c.entity_type in NAME_TYPES:
            start, end = hyphened_span(text, c.start, c.end, not cased)
            if cased and text[c.start:c.start + 1].isupper():
                end = split_tail_end(text, end, c.entity_type, gaz)
            c = replace(c, start=start, end=end) if (start, end) != (c.start, c.end) else c
        widened.append(c)
    return widened


def without_kin_calls(text: str, candidates: list[Candidate], called: set[str]) -> list[Candidate]:
    """People's spans, and the NER's of any type, without what they are called as kin at either end ('Mama Njeri' ->
    'Njeri', 'Tita Nening' -> 'Nening' though the NER took her for an organisation); not a name given as what someone
    is called ('everybody calls her Mama Lou'), nor another mention of one (`called` holds their surface keys)."""
    return [replace(c, start=after_kin_call(text, c.start, c.end), end=before_kin_call(text, c.start, c.end))
            if (c.entity_type == "PERSON" or c.reason.startswith("spaCy")) and c.priority < 5
            and not c.reason.startswith(CALLED_REASONS) and not (called and surface_key(text[c.start:c.end]) in called)
            else c for c in candidates]


NAME_LIKE = re.compile(r"[A-Z][\w'’-]*")
CLAUSE_WORD = re.compile(r"\b(?:is|was|are|were|on|at|in|from|to|for|with|by|near|where|which|who|that|said|says)\b")
"""Words that join two names into a clause, not into one longer name ('Kitt and Lowe', 'Port of Blyth' stay whole)."""


def split_bridging_ner(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """An NER span that bridges two rule-found spans ('Eircode is D02 X285', 'Parkfield Foundry on Cable Street')
    would merge them under one type; it is cut into its parts outside the rule-found spans, each kept only
    when it holds a capitalised word."""
    rules = sorted((c for c in candidates if c.priority >= 2), key=lambda r: r.start)
    starts = [r.start for r in rules]
    longest = max((r.end - r.start for r in rules), default=0)
    kept = []
    for c in candidates:
        if c.priority >= 2:
            kept.append(c)
            continue
        near = rules[bisect.bisect_left(starts, c.start - longest):bisect.bisect_left(starts, c.end)]
        inside = [r for r in near if r.start < c.end and c.start < r.end]
        gaps = [text[a.end:b.start] for a, b in zip(inside, inside[1:])]
        if len(inside) < 2 or not any(CLAUSE_WORD.search(gap) for gap in gaps):
            kept.append(c)
            continue
        cursor = c.start
        for r in inside + [Candidate(c.end, c.end, "", 0, "", 0)]:
            if r.start > cursor and NAME_LIKE.search(text, cursor, r.start):
                piece = text[cursor:r.start]
                start = cursor + len(piece) - len(piece.lstrip())
                end = cursor + len(piece.rstrip())
                kept.append(replace(c, start=start, end=end))
            cursor = max(cursor, r.end)
    return kept
