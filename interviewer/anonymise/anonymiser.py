"""Provides the Anonymiser: Presidio analysis plus known identifiers, allow and deny terms, propagation
and overlap resolution, giving sorted, non-overlapping Detections with identity group keys, and, for the
reviewer, Suggestions: possible identifiers it did not redact."""

from __future__ import annotations

import functools
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Iterable

from interviewer.anonymise.acronym_expansions import find_acronym_expansions
from interviewer.anonymise.acronyms import allowed_spelled_spans
from interviewer.anonymise.address_names import find_names_in_addresses
from interviewer.anonymise.candidate_steps import (
    CONTEXT_OVER_WORD, split_bridging_ner, widened_over_hyphens, without_deed_tail, without_dialect_tail,
    without_kin_calls, without_lower_tail, without_public_figures,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import brand_names, default_allow_terms, load_gazetteers
from interviewer.anonymise.known import KnownIdentifier, find_known, find_known_parts, known_parts
from interviewer.anonymise.label_precedence import organisations_first, places_first
from interviewer.anonymise.never_names import SPEAKER_LABEL, a_thing_not_a_name, a_vehicle, never_a_name
from interviewer.anonymise.name_edges import with_edges
from interviewer.anonymise.nicknames import CALLED_REASONS
from interviewer.anonymise.organisation_shapes import find_pubs_by_old_name
from interviewer.anonymise.organisations import BRAND_AT_WORK
from interviewer.anonymise.policy import Policy, default_policy
from interviewer.anonymise.public_figures import NAME_WORD_AFTER
from interviewer.anonymise.propagation import (
    NAME_TYPES, Candidate, is_lower_case_text, propagate, surface_key, with_given_names,
)
from interviewer.anonymise.recased_pass import recased_finds
from interviewer.anonymise.speaker_labels import (
    a_role_label, find_names_said_to, find_names_spoken_to, find_speaker_names,
)
from interviewer.anonymise.split_names import find_split_names
from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER, Suggestion, from_found, select
from interviewer.anonymise.terms import TermIndex
from interviewer.anonymise.venues import find_venues_before_places, suggest_venues_after_at

ALLOWED, BRAND = 1, 2
"""Marks of the allowed-spans mask: inside an allowed term; inside a brand's name only."""
ALLOWED_ONLY = bytes(1 if b == ALLOWED else 0 for b in range(256))
"""A translation table that clears the BRAND mark."""
NAMED_BY_A_CUE = CALLED_REASONS + CONTEXT_OVER_WORD + (
    "a word people call someone", "a word someone is known as", "name set apart", "name after '", "lower-case name after",
    "lower-case word between", "lower-case word that is no English word after", "a name before ', ")
"""Reasons of people's names found by what is said of them or a title: a brand's name stands as theirs, in every
mention ('my mate bluey come over', 'they call him Bigga', 'Dr Akubra … Akubra told me')."""
STRUCTURED = ("PHONE", "EMAIL", "URL", "NHS_NUMBER", "ID_NUMBER", "POSTCODE", "DATE", "AGE", "ADDRESS")


@dataclass(frozen=True)
class Detection:
    start: int
    end: int
    entity_type: str
    text: str
    score: float
    reason: str
    group: str
    """Canonical identity key: mentions of the same person or place share it."""


@dataclass(frozen=True)
class Analysis:
    detections: list[Detection]
    """What is redacted."""
    suggestions: list[Suggestion]
    """Possible identifiers left in the text, riskiest first, for the reviewer to accept or dismiss."""


def _priority(found: Found) -> float:
    if found.entity_type in STRUCTURED:
        return 4
    if found.reason.startswith("spaCy"):
        return 1
    if found.reason.startswith("one letter from the place"):
        return 1.5  # a guess at a misheard place: any rule reading the word's position outweighs it ('with Kodak for')
    if found.reason.startswith(("name before", "'", "named or numbered", "street", "saint", "region or country",
                                "a place within", "an employer's name", "an organisation's name")) \
            or "place position" in found.reason:
        return 3
    return 2


TURN_BREAK = re.compile(rf"\n[^\S\n]*\n|\n[^\S\n]*(?:{SPEAKER_LABEL}|[a-z][\w .'’-]{{0,30}}:"
                        r"|(?:p|i|r|participant|interviewer|respondent|interviewee)\b(?![-'’]))")
"""A blank line or a new line opening with a speaker's label, in any case and perhaps without its colon, as a
transcript stripped of punctuation leaves it ('\np i see', '\nparticipant yeah'): the end of a turn (a single line
break may wrap a name)."""
SENTENCE_BREAK_INSIDE = re.compile(r"(?:(?<=[a-z]{2})|(?<=-[A-Z]))"
                                   r"(?<!\bMrs)(?<!\bRev)(?<!\bProf)(?<!\bCapt)(?<!\bSgt)(?<!\bCllr)[.!?][ \t]+(?=[A-Z])")
"""A sentence's end inside an NER span ('And Jell-O. Utah eats more'): the NER ran two names together; the rules
find each on its own. A full stop after an initial or a title ('J. Smith', 'Mrs. Okafor') ends no sentence."""


def _normalised(entity_type: str, text: str) -> str:
    if entity_type in ("PHONE", "NHS_NUMBER", "ID_NUMBER"):
        from interviewer.anonymise.numbers import spoken_digits
        return spoken_digits(text) or text
    if entity_type in ("POSTCODE", "EMAIL", "URL"):
        return re.sub(r"\s+", "", text).lower()
    return surface_key(text)


class Anonymiser:
    """Finds identifiers in transcript text. Cheap to create; the Presidio engine behind it is shared."""

    def __init__(self, policy: Policy | None = None, known: Iterable[KnownIdentifier] = (), allow: Iterable[str] = (),
                 deny: Iterable[str | KnownIdentifier] = (), second_model: bool = True):
        self.policy = policy or default_policy()
        self.second_model = second_model
        """Ask the second model (see second_model) too, on a transcript written in lower case, where capital letters
        cannot mark names; it raises SecondModelMissing there when its package is not installed."""
        self.known = tuple(known)
        self.known_parts = known_parts(self.known)
        self.allow_terms = tuple(default_allow_terms()) + tuple(allow)
        self.deny = tuple(d if isinstance(d, KnownIdentifier) else KnownIdentifier(d, "OTHER") for d in deny)
        self._allow_index = TermIndex(self.allow_terms)
        self._brand_index = TermIndex(brand_names())
        self._allowed_keys = {surface_key(t) for t in self.allow_terms}

    def detect(self, text: str) -> list[Detection]:
        """Non-overlapping detections sorted by position, restricted to the types the policy replaces."""
        return self._detect(text)[0]

    def analyse(self, text: str) -> Analysis:
        """Detections, and suggestions of possible identifiers the detections leave in the text."""
        detections, allowed, possible = self._detect(text)
        covered = bytearray(allowed)
        for d in detections:
            covered[d.start:d.end] = b"\x01" * (d.end - d.start)
        return Analysis(detections, select(possible, covered, len(text.split())))

    def suggest(self, text: str) -> list[Suggestion]:
        return self.analyse(text).suggestions

    def _detect(self, text: str) -> tuple[list[Detection], bytearray, list[Suggestion]]:
        from interviewer.anonymise.engine import analyse

        gaz = load_gazetteers()
        lower_case = is_lower_case_text(text)
        with ThreadPoolExecutor(max_workers=1) as background:
            # The second model reads only the text, and onnxruntime lets go of the interpreter while it runs: it runs
            # beside the rules, which hold it.
            second = background.submit(_second_opinion, text) if lower_case and self.second_model else None
            found = analyse(text)
            if lower_case:
                found += recased_finds(text, found)
                found += find_venues_before_places(text, found, gaz)
                found += suggest_venues_after_at(text, gaz)
            if second is not None:
                found += second.result()
        found += find_names_in_addresses(text, found, gaz)
        found += find_pubs_by_old_name(text)
        found += find_split_names(text, gaz)
        found += find_acronym_expansions(text, lower_case, gaz)
        found += find_speaker_names(text, gaz)
        found += find_names_spoken_to(text, gaz)
        if not lower_case:
            found += find_names_said_to(text, gaz)
        possible = [from_found(f, text) for f in found if f.entity_type == POSSIBLE_IDENTIFIER]
        candidates = [Candidate(f.start, f.end, f.entity_type, f.score, f.reason, _priority(f)) for f in found
                      if f.entity_type != POSSIBLE_IDENTIFIER]
        candidates = [c for c in (_within_its_turn(text, c) for c in candidates) if c is not None
                      and not (c.reason.startswith("spaCy") and SENTENCE_BREAK_INSIDE.search(text, c.start, c.end))]
        if not lower_case:
            candidates = [without_lower_tail(text, c, gaz) for c in candidates]
        candidates = [without_deed_tail(text, without_dialect_tail(text, c, gaz), gaz) for c in candidates]
        candidates += find_known_parts(text, self.known_parts)
        allowed = self._allowed_spans(text)
        candidates = self._without_allowed(text, candidates, allowed)
        candidates += find_known(text, self.known, 5, "known identifier")
        candidates += find_known(text, self.deny, 5, "deny term")
        # A person called or named by a brand's name or a dialect word ('they call him Chook') keeps it, in every mention.
        named_by_a_cue = frozenset(surface_key(text[c.start:c.end]) for c in candidates
                                   if c.entity_type == "PERSON" and c.reason.startswith(NAMED_BY_A_CUE))
        named = lambda c: c.entity_type == "PERSON" and bool(named_by_a_cue) \
            and surface_key(text[c.start:c.end]) in named_by_a_cue  # noqa: E731
        # Group words and vehicles go before propagation, so no part of one spreads as a name ('Puerto' of 'Puerto
        # Rican', 'Corsa' of 'my Vauxhall Corsa').
        candidates = [c for c in candidates if c.priority >= 5 or c.reason.startswith(CONTEXT_OVER_WORD)
                      or not (never_a_name(text, c.start, c.end, c.entity_type, gaz, named(c))
                              or c.entity_type in NAME_TYPES and a_vehicle(text, c.start, c.end, gaz))]
        possible = [p for p in possible if not (a_vehicle(text, p.start, p.end, gaz) or TURN_BREAK.search(text, p.start, p.end)
                                                or never_a_name(text, p.start, p.end, p.entity_type, gaz)
                                                or a_role_label(text, p.start, p.end))]
        candidates, public = without_public_figures(text, candidates, gaz)
        called = {surface_key(text[c.start:c.end]) for c in candidates if c.reason.startswith(CALLED_REASONS)}
        candidates = widened_over_hyphens(text, without_kin_calls(text, candidates, called), gaz)
        candidates = with_given_names(text, candidates, gaz)
        others = self._without_allowed(text, propagate(text, candidates, gaz, self._allowed_keys), allowed, named_by_a_cue)
        candidates += with_given_names(text, without_kin_calls(text, others, called), gaz)
        # A title or a known identifier outweighs the word's usual sense ('Mrs Christian').
        candidates = [c for c in candidates if c.priority >= 5 or c.reason.startswith(CONTEXT_OVER_WORD)
                      or not (never_a_name(text, c.start, c.end, c.entity_type, gaz, named(c))
                              or a_thing_not_a_name(text, c.start, c.end,
                                                    "PERSON" if c.reason.startswith("spaCy") else c.entity_type, gaz)
                              or c.entity_type in NAME_TYPES and a_vehicle(text, c.start, c.end, gaz))]
        detections = places_first(text, organisations_first(text, self._resolve(text, candidates), gaz), gaz)
        detections = with_edges(text, detections)
        possible = public + [p for p in possible if not any(s.start < p.end and p.start < s.end for s in public)]
        return [d for d in detections if self.policy.replaces(d.entity_type)], allowed, possible

    def _allowed_spans(self, text: str) -> bytearray:
        """One byte per character of `text`: ALLOWED inside an allowed term, else BRAND inside a brand's name."""
        mask = bytearray(len(text))
        for m in self._brand_index.finditer(text):
            mask[m.start():m.end()] = bytes([BRAND]) * (m.end() - m.start())
        for m in self._allow_index.finditer(text):
            mask[m.start():m.end()] = bytes([ALLOWED]) * (m.end() - m.start())
        for start, end in allowed_spelled_spans(text):
            mask[start:end] = bytes([ALLOWED]) * (end - start)
        return mask

    def _without_allowed(self, text: str, candidates: list[Candidate], allowed: bytearray,
                         named_by_a_cue: frozenset[str] = frozenset()) -> list[Candidate]:
        """The candidates without what allowed terms cover; a brand's name stays where someone is called or named by it
        ('they call him Bigga'), and in other mentions of such a name (`named_by_a_cue` holds their surface keys)."""
        allowed_only = allowed.translate(ALLOWED_ONLY)
        kept = []
        for c in candidates:
            if c.priority >= 4 or c.reason.startswith(CONTEXT_OVER_WORD) or BRAND_AT_WORK in c.reason:
                kept.append(c)
                continue
            named = c.entity_type == "PERSON" and (c.reason.startswith(NAMED_BY_A_CUE)
                                                   or named_by_a_cue and surface_key(text[c.start:c.end]) in named_by_a_cue)
            mask = allowed_only if named else allowed
            start, end = c.start, c.end
            if c.priority <= 1:
                while start < end and (mask[start] or not text[start].isalnum()):
                    start += 1
                while end > start and (mask[end - 1] or not text[end - 1].isalnum()):
                    end -= 1
                if c.entity_type == "PERSON" and end < c.end and _a_surname_after_a_given_name(text, start, end, c.end):
                    end = c.end
                if end - start < c.end - c.start and end > start:
                    while end < c.end and text[end] in "'’s" and not text[end - 1].isspace():
                        end += 1
            if any(text[i].isalnum() and not mask[i] for i in range(start, end)):
                kept.append(Candidate(start, end, c.entity_type, c.score, c.reason, c.priority, c.group))
        return kept

    def _resolve(self, text: str, candidates: list[Candidate]) -> list[Detection]:
        candidates = split_bridging_ner(text, candidates)
        clusters: list[list[Candidate]] = []
        for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
            if clusters and c.start < max(x.end for x in clusters[-1]):
                clusters[-1].append(c)
            else:
                clusters.append([c])
        chosen = []
        for cluster in clusters:
            best = max(cluster, key=lambda c: (c.priority, c.end - c.start, c.score))
            start, end = min(c.start for c in cluster), max(c.end for c in cluster)
            chosen.append(Candidate(start, end, best.entity_type, best.score, best.reason, best.priority, best.group))
        return self._grouped(text, chosen)

    def _grouped(self, text: str, chosen: list[Candidate]) -> list[Detection]:
        keys = {id(c): _normalised(c.entity_type, text[c.start:c.end]) for c in chosen}
        family = lambda t: "PERSON" if t == "PERSON" else ("PLACE" if t in NAME_TYPES else t)  # noqa: E731
        fuller: dict[str, list[tuple[str, str]]] = {}
        for c in chosen:
            if c.entity_type in NAME_TYPES:
                fuller.setdefault(family(c.entity_type), []).append((keys[id(c)], c.group or f"{c.entity_type}:{keys[id(c)]}"))
        detections = []
        for c in chosen:
            key = keys[id(c)]
            group = c.group
            if not group and c.entity_type in NAME_TYPES:
                words = key.split()
                containing = [(k, g) for k, g in fuller[family(c.entity_type)]
                              if k != key and len(k.split()) > len(words) and all(w in k.split() for w in words)]
                group = max(containing, key=lambda kg: len(kg[0]))[1] if containing else ""
            group = group or f"{c.entity_type}:{key}"
            detections.append(Detection(c.start, c.end, c.entity_type, text[c.start:c.end], round(c.score, 3), c.reason, group))
        return detections


NAME_WORD_AT_END = re.compile(r"([A-Z][\w'’-]*)$")


def _within_its_turn(text: str, candidate: Candidate) -> Candidate | None:
    """The candidate as far as its turn goes. A name running on into the next turn is dropped: a capital that led a
    rule there was the speaker's label ('at christmas\n\nInterviewer:'). A code, a number or a date is cut where the
    next turn opens ('b d eight nine\np i see'), or dropped when nothing of it is left."""
    turn = TURN_BREAK.search(text, candidate.start, candidate.end)
    if turn is None:
        return candidate
    if candidate.entity_type in NAME_TYPES:
        return None
    end = len(text[:turn.start()].rstrip(" \t,;:-"))
    if not any(ch.isalnum() for ch in text[candidate.start:end]):
        return None
    return replace(candidate, end=end)


def _a_surname_after_a_given_name(text: str, start: int, end: int, tail_end: int) -> bool:
    """Whether the allowed word trimmed off a person's name is their surname: 'Anne White', 'Rachel English', 'Lucy
    Welsh' (a cased surname straight after a given name); not 'White British' or 'Black Caribbean', where a capitalised
    word follows."""
    gaz = load_gazetteers()
    tail = text[end:tail_end]
    given = NAME_WORD_AT_END.search(text, start, end)
    return (bool(given) and given.group(1).lower() in gaz.first_names and re.fullmatch(r" [A-Z][a-z]+", tail) is not None
            and tail.strip().lower() in gaz.surnames and not NAME_WORD_AFTER.match(text, tail_end))


def _second_opinion(text: str) -> list[Found]:
    from interviewer.anonymise.second_opinion import second_opinion

    return second_opinion(text)


@functools.lru_cache(maxsize=8)
def _cached(policy_source: str | None, known: tuple, allow: tuple, deny: tuple, second_model: bool) -> Anonymiser:
    from interviewer.anonymise.policy import load_policy

    policy = load_policy(policy_source) if policy_source else None
    return Anonymiser(policy, known, allow, deny, second_model)


def get_anonymiser(policy_path: str | None = None, known: Iterable[KnownIdentifier] = (), allow: Iterable[str] = (),
                   deny: Iterable[str] = (), second_model: bool = True) -> Anonymiser:
    """A cached Anonymiser for these settings (the Presidio engine is shared by all of them)."""
    return _cached(str(policy_path) if policy_path else None, tuple(known), tuple(allow), tuple(deny), second_model)
