"""Provides the names a study already knows for an interview and how a stretch Whisper heard again told them (as
hotwords) is put into its transcript: a name Whisper has never seen is often heard as other words ('Adaeze Okonkwo'
as 'Anima Kunk'), which the anonymiser's match of the study's known identifiers cannot catch."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.store import Interview, Study

MOST_HOTWORDS = 40
"""Whisper keeps about 220 tokens of hotwords; the participant's own names come first and are never cut."""


def interview_hotwords(study: Study, interview: Interview) -> str | None:
    """The participant's name and workplace, the interviewer's full name and the study's deny terms, joined for
    Whisper; None when the study records none of them."""
    from interviewer.store.anonymisation import full_name

    participant = study.participant(interview.participant_code)
    names = [participant.name, participant.workplace, full_name(interview.interviewer)]
    names += [term.term for term in study.anonymisation_terms("deny")]
    kept: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            kept.setdefault(" ".join(name.split()).casefold(), " ".join(name.split()))
    return ", ".join(list(kept.values())[:MOST_HOTWORDS]) or None


KNOWN_NAMES_STRETCH = 28.0
"""Seconds of segments heard again with the known names at once (one 30-second window of Whisper)."""
LITTLE_WORDS = frozenset("and the for dr mrs mr ms miss".split())


def known_name_words(hotwords: str) -> set[str]:
    """The words of the known names that tell them apart (not 'and', 'Dr')."""
    return {w for w in re.findall(r"\w+", hotwords.lower()) if len(w) >= 3} - LITTLE_WORDS


DOUBTFUL = 0.6
"""A word Whisper gives less than this probability, capitalised mid-sentence, may be a name it does not know."""
VERY_DOUBTFUL = 0.2
"""Below this, any word may be a misheard name ('right water' for Brightwater). At 0.35, twice as many segments of
the shared real speech were heard again (20 against 10 of 78) for about as many names (scripts/bench_known_names.py:
0.71 against 0.70 of mentions spelled right, one of 70 left unredacted either way), and 'Neither did I' became 'Ni
Dhuibhir'."""
REPLACED_DOUBT = 0.4
"""A known name heard again replaces words only if Whisper gave one of them less than this: it was sure enough of
'Neither did I' (0.46) that 'Ni Dhuibhir' heard in its place is left out, and unsure of 'Anima Kunk' (0.31).
Words spelled like the name are replaced up to DOUBTFUL ('Anima Kanko' at 0.42 on another machine)."""
RESEMBLING = 0.5
"""Letters shared (difflib's ratio) from which words heard may be a known name misheard: 'Anima Kanko' and 'Adaeze
Okonkwo' share 0.52; 'Neither did I' and 'Ni Dhuibhir' 0.38."""
RESEMBLING_NAMED = 0.4
"""The same after a naming cue ('my name is …'), where a name is expected: 'Anima Conquo' and 'Adaeze Okonkwo' share
0.42, 'a piece' and 'Adaeze' 0.5."""
RESEMBLING_WORD = 0.6
"""The same for one word heard against one word of a name, where chance likeness is greater ('Kanko' and 'Okonkwo'
share 0.67, 'Where' and 'care' 0.67 too, hence only capitalised mid-sentence)."""


NAMING_CUES = (("call", "me"), ("calls", "me"), ("called", "me"), ("call", "her"), ("calls", "her"), ("call", "him"),
               ("calls", "him"), ("name", "is"), ("name", "was"), ("my", "names"), ("known", "as"), ("im", "called"))
"""Words after which a name is said ('everyone calls me ...', 'my name is ...', 'my name's ...'): what follows may be a
known name Whisper heard as common words it was sure of ('calls me a piece' for Adaeze)."""


def after_naming_cue(keys: list[str], k: int) -> bool:
    """Whether the word keys before position k end with a naming cue."""
    return k >= 2 and (keys[k - 2], keys[k - 1]) in NAMING_CUES


def resembles(heard: str, name: str, least: float = RESEMBLING) -> bool:
    """Whether the letters of `heard` and `name` (word keys run together) are alike enough for one to be the other
    misheard."""
    return difflib.SequenceMatcher(None, heard, name, autojunk=False).ratio() >= least


def doubtful_name(segment, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the segment has a word that may be a name Whisper misheard: doubtful and capitalised mid-sentence
    ('Anima Kanko' for Adaeze Okonkwo), very doubtful whatever it is ('right water' for Brightwater), or capitalised
    mid-sentence and spelled like one of the `known` name words however sure Whisper was ('Kanko' for Okonkwo), or
    said after a naming cue when the study knows names ('calls me a piece')."""
    keys = [word_key(w) for w in segment.words]
    if known and any(after_naming_cue(keys, k) for k in range(2, len(keys))):
        return True
    for k, word in enumerate(segment.words):
        text = word.word.strip()
        mid_sentence = k > 0 and segment.words[k - 1].word.strip()[-1:] not in (".", "?", "!")
        name_like = mid_sentence and text[:1].isupper() and text not in ("I", "I'm", "I've", "I'd", "I'll")
        if word.probability < VERY_DOUBTFUL or word.probability < DOUBTFUL and name_like:
            return True
        key = word_key(word)
        if name_like and len(key) >= 4 and key not in known \
                and any(resembles(key, name, RESEMBLING_WORD) for name in known if len(name) >= 4):
            return True
    return False


Mishearing = tuple[tuple[str, ...], list]
"""The keys of words Whisper first heard, and the words (whisper.Word) of a known name heard in their place."""


def with_names_in_place_of_doubt(before: list, again: list, known: set[str]) -> tuple[list, list[Mishearing]]:
    """`before` (whisper.TranscriptSegment, with their words) with the known names heard `again` (whisper.Word) put
    in place of the words first heard at the same time, where Whisper doubted them or they are spelled like the name
    ('Anima Kunk' -> 'Adaeze Okonkwo'); everything else as first heard, so a name heard in place of words Whisper was
    sure of, or added where nothing was said, is left out, and so are the other words heard differently the second
    time. Also the mishearings so mended, to mend elsewhere (`with_mishearings_mended`)."""
    placed = [(k, word) for k, segment in enumerate(before) for word in segment.words]
    keys = [word_key(w) for _, w in placed]
    matcher = difflib.SequenceMatcher(None, keys, [word_key(w) for w in again], autojunk=False)
    words: list[list] = [[] for _ in before]
    mended: list[Mishearing] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        name = known_name_heard(again[b0:b1], known) if op == "replace" else []
        covered = [k for k in range(a0, a1) if name and name[0].start <= midpoint(placed[k][1]) <= name[-1].end]
        first = [placed[k][1] for k in covered]
        if not first or not name_in_place_of_doubt(first, name, after_naming_cue(keys, covered[0])):
            for k, word in placed[a0:a1]:
                words[k].append(word)
            continue
        for k in range(a0, covered[0]):
            words[placed[k][0]].append(placed[k][1])
        words[placed[covered[0]][0]].extend(name)
        for k in range(covered[-1] + 1, a1):
            words[placed[k][0]].append(placed[k][1])
        if all(w.word.strip()[:1].isupper() for w in first):
            mended.append((tuple(word_key(w) for w in first), name))
    return [segment if kept == segment.words else
            replace(segment, words=kept, text="".join(w.word for w in kept).strip())
            for segment, kept in zip(before, words)], mended


def known_name_heard(heard: list, known: set[str]) -> list:
    """The words of `heard` from its first known name word to its last (all of 'Siobhan Ni Dhuibhir'); [] if none."""
    at = [k for k, word in enumerate(heard) if word_key(word) in known]
    return heard[at[0]:at[-1] + 1] if at else []


def midpoint(word) -> float:
    return (word.start + word.end) / 2


def name_in_place_of_doubt(first: list, name: list, named: bool = False) -> bool:
    """Whether a known `name` heard again replaces the words `first` heard at that time: Whisper doubted one of them,
    or they are spelled like the name and Whisper was not sure of them or they were said where a name is (`named`:
    after a naming cue)."""
    least_sure = min(w.probability for w in first)
    heard, known = "".join(word_key(w) for w in first), "".join(word_key(w) for w in name)
    return least_sure < REPLACED_DOUBT or least_sure < DOUBTFUL and resembles(heard, known) \
        or named and resembles(heard, known, RESEMBLING_NAMED)


def with_mishearings_mended(segments: list, mended: list[Mishearing]) -> list:
    """`segments` with every other hearing of the words `mended` once replaced by a known name: Whisper mishears a
    name it does not know the same way each time ('Anima Kanko' again where it was sure of it)."""
    if not mended:
        return segments
    runs = {first: brought for first, brought in mended}
    result = []
    for segment in segments:
        keys, words, k = [word_key(w) for w in segment.words], [], 0
        while k < len(keys):
            first = next((run for run in runs if tuple(keys[k:k + len(run)]) == run
                          and segment.words[k].word.strip()[:1].isupper()), None)
            if first is None:
                words.append(segment.words[k])
                k += 1
                continue
            said = segment.words[k:k + len(first)]
            words += spread_over(runs[first], said[0].start, said[-1].end, said[-1].word)
            k += len(first)
        result.append(segment if words == segment.words else
                      replace(segment, words=words, text="".join(w.word for w in words).strip()))
    return result


def spread_over(brought: list, start: float, end: float, last_said: str) -> list:
    """The words `brought` laid over the time from `start` to `end`, ending with the punctuation `last_said` had."""
    step = (end - start) / len(brought)
    words = [replace(w, start=start + k * step, end=start + (k + 1) * step) for k, w in enumerate(brought)]
    ending = re.search(r"[^\w]*$", last_said.strip()).group()
    words[-1] = replace(words[-1], word=re.sub(r"[^\w]*$", "", words[-1].word) + ending)
    return words


def word_key(word) -> str:
    """A word as compared: lower case, no punctuation."""
    return re.sub(r"[^\w]", "", word.word.lower())
