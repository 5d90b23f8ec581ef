"""Provides the TermIndex: whole-word, case-insensitive matching of thousands of terms, compiled only for those a text can hold."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

WORD_RUN = re.compile(r"[^\W_]+")
"""A run of letters and digits: a term can match only where each of its runs stands whole in the text ('co' and
'ordinator' of 'care co-ordinator' in "my care co-ordinator's")."""


def word_key(word: str) -> str:
    """A word's letters and digits, lower-cased: "Alzheimer’s," -> "alzheimers"."""
    return re.sub(r"[\W_]+", "", word.lower())


def term_regex(term: str) -> str:
    """A term as a regex: its words separated by any whitespace, either apostrophe accepted."""
    words = [re.sub(r"['’]", "['’]", re.escape(word)) for word in term.split()]
    return r"\s+".join(words)


_SPACE, _APOSTROPHE, _END = " ", "'", ""


def _symbols(term: str) -> list[str]:
    """A term as what its regex matches in turn: its letters, one symbol for any whitespace, one for either apostrophe."""
    symbols: list[str] = []
    for word in term.lower().split():
        if symbols:
            symbols.append(_SPACE)
        symbols += [_APOSTROPHE if ch in "'’" else ch for ch in word]
    return symbols


def _trie_regex(node: dict) -> str:
    """The regex of a trie of symbols: shared beginnings written once, a longer term tried before a shorter one."""
    branches = [(r"\s+" if symbol == _SPACE else "['’]" if symbol == _APOSTROPHE else re.escape(symbol))
                + _trie_regex(child) for symbol, child in node.items() if symbol != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


@functools.lru_cache(maxsize=512)
def _compiled(terms: frozenset[str]) -> re.Pattern:
    # A trie, not an alternation of whole terms: Python's re tries every alternative at every position, which on
    # a long transcript and hundreds of terms was a tenth of the anonymiser's time.
    trie: dict = {}
    for term in terms:
        node = trie
        for symbol in _symbols(term):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    return re.compile(rf"(?<![\w])(?:{_trie_regex(trie)})(?![\w])", re.IGNORECASE)


def flattened(text: str) -> str:
    """Lower case, every run of whitespace one space, either apostrophe "'": wherever a term's regex matches, the
    term flattened stands in the text flattened."""
    return re.sub(r"\s+", " ", text.lower()).replace("’", "'")


class TermIndex:
    """Terms by their longest run of letters. One regex over thousands of alternatives is slow on a long transcript;
    a regex over the few terms whose longest run occurs in it is not. (Keyed by the first word, every term opening
    with 'the' or 'a' was compiled for almost every text.)"""

    def __init__(self, terms: Iterable[str]):
        self._by_run: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {}
        """Longest run -> (term, the term flattened or None when it is that one run, its other runs)."""
        for term in {t.strip() for t in terms if t.strip()}:
            if word_key(term.split()[0]):
                runs = WORD_RUN.findall(term.lower())
                longest = max(runs, key=len)
                flat = flattened(term)
                self._by_run.setdefault(longest, []).append(
                    (term, None if flat == longest else flat, frozenset(runs) - {longest}))

    def finditer(self, text: str) -> Iterator[re.Match]:
        runs = set(WORD_RUN.findall(text.lower()))
        flat = flattened(text)
        # Most terms sharing a run with the text are not in it ('taylor' of a public figure's name): their other runs
        # and a substring test drop them, so the regex is compiled for the few left, which other texts hold too.
        present = frozenset(term for run in runs & self._by_run.keys()
                            for term, flat_term, other_runs in self._by_run[run]
                            if flat_term is None or other_runs <= runs and flat_term in flat)
        if present:
            yield from _compiled(present).finditer(text)
