"""Provides word shapes (acronym, brand, capitalised) and the token view that the name and place rules read."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from interviewer.anonymise.cues import MONTHS, POSSESSIVES, TITLES, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.never_names import is_group_word, singular

SENTENCE_END = ".!?:;\"“”[(])\n"
"""Characters after which a capital opens a sentence; a closing bracket ends an annotation ('[laughs] So do you')."""
ACRONYM = re.compile(r"[A-Z]{2,}(?:s|['’]s)?")
INNER_CAPITAL = re.compile(r"^.+[a-z][A-Z]")
NAME_PREFIX = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z][a-z]")
CONTRACTION = re.compile(r"['’](?:ll|d|ve|re|m)$")
"""A verb run into the word before it: "Rosie'll", "Taff'd"."""
INSTITUTION_HEADS = frozenset("""ward road street lane avenue grove close drive way crescent place terrace gardens park square
hill court walk row mews rise view green clough hospital infirmary general clinic hospice surgery practice centre
center unit trust ccg college university uni school network service services housing voices cvs council
partnership association society forum alliance charity foundation group house""".split())


LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’-]*)")


def content_word_after(text: str, end: int) -> str | None:
    """The lower-case word right after `end` on the same line when it is no little (stop) word: a noun or verb that
    the name before it may describe or govern ('the Leeds branch', 'good Lutheran guilt')."""
    from spacy.lang.en.stop_words import STOP_WORDS

    after = LOWER_WORD_AFTER.match(text, end)
    return after.group(1) if after and after.group(1) not in STOP_WORDS else None


def is_word(text: str) -> bool:
    return text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def is_acronym(text: str) -> bool:
    """All capitals, perhaps with a plural or possessive ending: 'CPN', 'HCAs', 'GP's'."""
    return bool(ACRONYM.fullmatch(text))


def is_brand_case(text: str) -> bool:
    """A capital inside the word, as products write themselves ('TikTok', 'NxStage', 'EpiPens', 'IgA'), but
    not as surnames do ('McDonald', 'MacLeod', 'O'Brien', 'DeSouza', 'FitzGerald')."""
    return bool(INNER_CAPITAL.search(text)) and not NAME_PREFIX.match(text)


def is_capitalised(text: str) -> bool:
    return text[:1].isupper() and not (len(text) > 1 and text.isupper()) and not is_acronym(text)


@functools.lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """Lower case without accents, for word-list look-ups: 'Siobhán' -> 'siobhan'."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


class ViewToken(NamedTuple):
    """What the rules read of a spaCy token, read once from the Doc's arrays (a spaCy Token is built anew, at some
    cost, on every access)."""

    text: str
    idx: int
    is_stop: int
    is_punct: int
    lower_: str


def view_tokens(doc, text: str) -> list[ViewToken]:
    """The non-space tokens of `doc` (whose text is `text`)."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, LENGTH

    rows = [row for row in doc.to_array([IDX, LENGTH, IS_STOP, IS_PUNCT, IS_SPACE]).tolist() if not row[4]]
    words = [text[row[0]:row[0] + row[1]] for row in rows]
    return list(map(ViewToken._make, zip(words, [row[0] for row in rows], [row[2] for row in rows],
                                         [row[3] for row in rows], [w.lower() for w in words])))


class _BlankBeyond(dict):
    """Token position -> text, and "" for a position outside the text."""

    def __missing__(self, key) -> str:
        return ""


class TokenView:
    """The non-space tokens of a spaCy Doc with the cues the rules ask about."""

    def __init__(self, doc, gaz: Gazetteers, allow_words: frozenset[str]):
        self.text = doc.user_data.get("text") or doc.text
        self.tokens = view_tokens(doc, self.text)
        self.gaz = gaz
        self.allow_words = allow_words
        # Token attributes are computed on each access in spaCy; the rules ask for them hundreds of thousands of times,
        # so `word(i)` and `lower(i)` are plain dictionary look-ups ("" before the first token and after the last).
        self._words = [t.text for t in self.tokens]
        self._lowers = [plain(w) for w in self._words]
        self.word = _BlankBeyond(enumerate(self._words)).__getitem__
        """The token's text."""
        self.lower = _BlankBeyond(enumerate(self._lowers)).__getitem__
        """The token's text in lower case without accents (see `plain`)."""

    def initial(self, i: int) -> bool:
        start = self.tokens[i].idx
        before = self.text[max(0, start - 12):start].rstrip(" \t")
        return start == 0 or (before[-1] in SENTENCE_END if before else self.initial_far(start))

    def initial_far(self, start: int) -> bool:
        before = self.text[:start].rstrip(" \t")
        return not before or before[-1] in SENTENCE_END

    def common(self, i: int) -> bool:
        return self.gaz.is_common(self.word(i))

    def allowed(self, i: int) -> bool:
        lower = self.lower(i)
        return lower in self.allow_words or (lower.endswith("s") and len(lower) > 3 and singular(lower) in self.allow_words)

    def region_words(self, i: int) -> int:
        """How many words (one or two) of a country or first-level region start at token i, in any case (0: none)."""
        if f"{self.lower(i)} {self.lower(i + 1)}" in self.gaz.regions:
            return 2
        return 1 if self.lower(i) in self.gaz.regions else 0

    def group_word(self, i: int) -> bool:
        """A nationality or group word ('Americans', 'Texan'): never a name."""
        return is_group_word(self.word(i), self.gaz)

    def capitalised_word(self, i: int, acronym: bool = False) -> bool:
        """A capitalised word (or, with `acronym`, an acronym) that is no stop word, allowed term or calendar word:
        one that can stand in a name."""
        w = self.word(i)
        return (0 <= i < len(self.tokens) and (is_capitalised(w) or acronym and is_acronym(w)) and is_word(w)
                and not self.tokens[i].is_stop and not self.allowed(i) and self.lower(i) not in MONTHS
                and self.lower(i) not in WEEKDAYS and not self.group_word(i))

    def namelike(self, i: int) -> bool:
        """A capitalised word that is not an English word, an allowed term or an institution head."""
        w = self.word(i)
        return (is_capitalised(w) and is_word(w) and len(w) >= 2 and not self.common(i) and not self.allowed(i)
                and self.lower(i).rstrip(".") not in TITLES
                and w.lower() not in INSTITUTION_HEADS and self.lower(i) not in MONTHS and self.lower(i) not in WEEKDAYS
                and not is_brand_case(w) and not self.group_word(i))

    def span(self, first: int, last: int, entity_type: str, score: float, reason: str) -> Found:
        start = self.tokens[first].idx
        end = self.tokens[last].idx + len(self.tokens[last].text)
        return Found(start, end, entity_type, score, reason)

    def surname_word(self, i: int) -> bool:
        """A capitalised surname from the word list, even an English word ('Fisher', 'Wood')."""
        w = self.word(i)
        return (is_capitalised(w) and is_word(w) and self.lower(i) in self.gaz.surnames and not self.allowed(i)
                and self.lower(i) not in INSTITUTION_HEADS and self.lower(i) not in MONTHS)

    def extend_surname(self, i: int, limit: int = 2) -> int:
        last = i
        while last + 1 < len(self.tokens) and last - i < limit and (self.namelike(last + 1) or self.surname_word(last + 1)) \
                and not self.initial(last + 1):
            last += 1
        return last


OBJECT_PRONOUNS = ("me", "him", "her", "us", "them")
DONE_TO = frozenset(OBJECT_PRONOUNS) | frozenset("my his our their".split())
"""Words after a deed done to someone: 'backed me up', 'rang my mum'."""


def did_to_someone(v: TokenView, k: int) -> bool:
    """A verb in the past done to someone at token k ('signed me up', 'backed me up', 'rang my mum'): said of a person."""
    lower = v.lower(k)
    return len(lower) >= 5 and lower.endswith("ed") and v.common(k) and v.word(k).islower() and v.lower(k + 1) in DONE_TO
