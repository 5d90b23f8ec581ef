"""Provides the names an email or web address spells out: 'littleacornsmk dot co dot uk' names the group 'little
acorns', 'davie dot mcgregor at ...' the person 'davie', wherever the text says them."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import SERVICE_KIND_WORDS
from interviewer.anonymise.english import english
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers

ADDRESS_TYPES = ("EMAIL", "URL")
ADDRESS_PART = re.compile(r"[^\W\d_]+", re.UNICODE)
SEPARATORS = frozenset("dot at slash underscore dash hyphen point www http https".split())
"""Words said between the parts of an address ('jane dot doe at gmail dot com')."""
INFRASTRUCTURE = frozenset("""com org net co uk ie au nz ca us gov edu ac nhs sch info biz io me tv email mail gmail
googlemail hotmail yahoo outlook icloud live btinternet aol proton protonmail msn sky virgin talktalk example facebook
instagram twitter youtube tiktok linkedin gofundme justgiving eventbrite whatsapp wordpress wix blogspot""".split())
"""Parts of an address that name a provider or a domain level, never the participant's world."""
WORD = re.compile(r"[^\W\d_][\w'’]*|&")
LETTERS_ONLY = re.compile(r"[\W\d_]")
RUN_BREAK = re.compile(r"[.!?,;:\n()\"“”]")
MAX_RUN = 5
SPARE_LETTERS = 3
"""Letters an address may add to the name it spells ('littleacornsmk': a place's initials); it may also add a place
or a word ('slowlanebristol', 'opendoorfamilies')."""
REASON = "words an email or web address in the text spells out"
ORGANISATION_REASON = f"an organisation's name: {REASON}"
"""An address is context enough to keep a name shaped like a place's an organisation's ('slowlane.org': 'slow lane')."""
GENERIC = SERVICE_KIND_WORDS | frozenset("""local community support group the new old big little good best first second
home family people centre center""".split())


def _address_parts(address: str) -> tuple[list[str], list[str]]:
    """The parts of an address worth reading, split into those before its '@' or 'at' (a person's) and after."""
    words = [w.lower() for w in ADDRESS_PART.findall(address)]
    split = next((i for i, w in enumerate(words) if w == "at"), None)
    if "@" in address:
        before, after = address.split("@", 1)
        local = [w.lower() for w in ADDRESS_PART.findall(before)]
        domain = [w.lower() for w in ADDRESS_PART.findall(after)]
    elif split is not None:
        local, domain = words[:split], words[split + 1:]
    else:
        local, domain = [], words
    keep = lambda parts: [p for p in parts if p not in SEPARATORS and p not in INFRASTRUCTURE and len(p) >= 4]  # noqa: E731
    return keep(local), keep(domain)


def _spelled(run: str, part: str, gaz: Gazetteers) -> bool:
    """`run` (letters only) is `part`, or `part` with a few letters or a place's name before or after it."""
    if run == part:
        return True
    if len(run) < 6:
        return False
    if part.startswith(run):
        rest = part[len(run):]
    elif part.endswith(run):
        rest = part[: -len(run)]
    else:
        return False
    return len(rest) <= SPARE_LETTERS or rest in gaz.places or english(rest, gaz)


def _worth_a_name(words: list[str], gaz: Gazetteers) -> bool:
    """Not only little or generic words ('home care', 'the group'), nor a single English word ('metro')."""
    lowered = [w.lower() for w in words]
    if lowered[0] in STOP_WORDS or lowered[-1] in STOP_WORDS:
        return False
    if len(lowered) == 1:
        return len(lowered[0]) >= 4 and not english(lowered[0], gaz)
    return any(w not in STOP_WORDS and w not in GENERIC for w in lowered)


def _entity_type(words: list[str], from_local_part: bool, gaz: Gazetteers) -> str:
    """A person for a name of the part before the '@' ('davie', 'nuala', 'ngaire' in no list); a place for a
    known place; an organisation otherwise ('bump and beyond' beside 'nuala' in 'nuala.bumpandbeyond@')."""
    lowered = [w.lower() for w in words]
    if len(lowered) == 1 and lowered[0] in gaz.first_names and lowered[0] not in gaz.places:
        return "PERSON"  # 'gofundme dot com slash loretta'
    if from_local_part and (lowered[0] in gaz.first_names and len(lowered) <= 2
                            or len(lowered) == 1 and (lowered[0] in gaz.surnames or lowered[0] not in gaz.places)):
        return "PERSON"
    return "LOCATION" if " ".join(lowered) in gaz.places else "ORGANIZATION"


def find_names_in_addresses(text: str, found: Iterable[Found], gaz: Gazetteers) -> Iterator[Found]:
    """Every mention of a name that an email or web address found in the text spells out."""
    addresses = [f for f in found if f.entity_type in ADDRESS_TYPES]
    parts: dict[str, bool] = {}
    for address in addresses:
        local, domain = _address_parts(text[address.start:address.end])
        for part in domain:
            parts.setdefault(part, False)
        for part in local:
            parts[part] = True
    if not parts:
        return
    inside = lambda start, end: any(a.start < end and start < a.end for a in addresses)  # noqa: E731
    all_parts = "|".join(parts)
    words = list(WORD.finditer(text))
    letters_of = lambda w: "and" if w.group() == "&" else LETTERS_ONLY.sub("", w.group().lower())  # noqa: E731
    for i, first in enumerate(words):
        if first.group()[:3].lower() not in all_parts and first.group() != "&":
            continue  # most words: no address part holds even their first letters
        letters = ""
        for j in range(i, min(i + MAX_RUN, len(words))):
            if j > i and RUN_BREAK.search(text, words[j - 1].end(), words[j].start()):
                break
            letters += letters_of(words[j])
            if letters not in all_parts:
                break  # a longer run holds these letters too: no part can spell it
            run = [w.group() for w in words[i:j + 1]]
            for part, from_local_part in parts.items():
                if _spelled(letters, part, gaz) and _worth_a_name(run, gaz) and not inside(first.start(), words[j].end()):
                    entity_type = _entity_type(run, from_local_part, gaz)
                    reason = ORGANISATION_REASON if entity_type == "ORGANIZATION" else REASON
                    yield Found(first.start(), words[j].end(), entity_type, 0.8, reason)
                    break
