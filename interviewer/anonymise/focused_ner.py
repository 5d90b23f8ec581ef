"""Provides spaCy NER run only where its entities could be kept and add something: a window of tokens round each
name-like word the rules did not settle."""

from __future__ import annotations

from typing import Sequence

from spacy.util import filter_spans

from interviewer.anonymise.cues import FILLERS, MONTHS, SURNAME_PARTICLES, TITLES
from interviewer.anonymise.gazetteers import Gazetteers, load_gazetteers
from interviewer.anonymise.never_names import DISCOURSE_WORDS, is_group_word
from interviewer.anonymise.words import CONTRACTION, is_acronym, is_brand_case, is_word

WINDOW = 7
"""Tokens of context each side of a name-like word. The small model's NER sees four tokens each side of a
token, so an entity inside a window is recognised as it would be in the whole text (seven gives the same detections
as eight on every corpus, cased and lower-cased; six does not)."""


PAST_BESIDE = SURNAME_PARTICLES | {",", "'s", "’s", "&", "-", "ni", "nan", "na", "bin", "binti", "al", "el", "y"}
"""What may stand between two words of one name."""


def ner_may_keep(word: str, allow_words: frozenset[str], gaz: Gazetteers) -> bool:
    """A capitalised word that is not English, allowed or a month: the only kind that keeps an NER entity."""
    lower = CONTRACTION.sub("", word.lower())
    return (is_word(word) and word[:1].isupper() and not word.isupper() and not is_acronym(word)
            and not is_brand_case(word) and lower not in allow_words and lower.rstrip(".") not in TITLES
            and lower not in MONTHS and lower not in FILLERS and lower not in DISCOURSE_WORDS and not gaz.is_common(lower)
            and not is_group_word(word, gaz))


def _alone(doc, i: int) -> bool:
    """Neither word beside token i is capitalised, looking past spaces, commas, a possessive and the little words
    inside names ('East Hull, Bransholme', 'Tindahan ni Boyet'): no name of several words runs through it."""
    before = i - 1
    while before >= 0 and (doc[before].is_space or doc[before].text in PAST_BESIDE):
        before -= 1
    after = i + 1
    while after < len(doc) and (doc[after].is_space or doc[after].text in PAST_BESIDE):
        after += 1
    return not (before >= 0 and doc[before].text[:1].isupper() or after < len(doc) and doc[after].text[:1].isupper())


def windows(doc, text: str, allow_words: frozenset[str], settled: Sequence[tuple[int, int]] = (),
            width: int = WINDOW) -> list[tuple[int, int]]:
    """Merged token ranges [first, end) of `doc` (made from `text`) reaching `width` tokens either side of every
    name-like word, but those inside a `settled` character span (a name the rules found) with no capitalised word
    beside them: the NER could add nothing there."""
    gaz = load_gazetteers()
    inside_a_name = bytearray(len(text))
    for span_start, span_end in settled:
        inside_a_name[span_start:span_end] = b"\x01" * (span_end - span_start)
    ranges: list[tuple[int, int]] = []
    # Only a token starting with a capital may keep an entity: testing its first character in the text spares
    # making a Token object for every word of the transcript.
    for i, start in enumerate(doc.to_array("IDX").tolist()):
        if not text[start].isupper() or not ner_may_keep(doc[i].text, allow_words, gaz):
            continue
        if inside_a_name[start] and _alone(doc, i):
            continue
        first, end = max(0, i - width), min(len(doc), i + width + 1)
        if ranges and first <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((first, end))
    return ranges


def tokenised(nlp, texts: list[str]) -> list:
    """Docs of `texts`, tokens only (see set_focused_entities)."""
    docs = [nlp.make_doc(text) for text in texts]
    for doc, text in zip(docs, texts):
        doc.user_data["text"] = text  # a Doc rebuilds .text from its tokens on every access
    return docs


def set_focused_entities(nlp, docs: list, allow_words: frozenset[str],
                         settled: Sequence[Sequence[tuple[int, int]]] | None = None, batch_size: int = 64) -> None:
    """Give tokenised `docs` the entities of NER run over the windows round their name-like words only (see
    `windows`; `settled` holds each doc's spans the rules found).

    Ordinary speech is mostly plain English, and most names in it the rules find: most of a transcript never reaches
    the (costly) NER model, yet every entity the filtered NER recognizer would keep is still found."""
    placements, pieces = [], []
    for number, doc in enumerate(docs):
        text = doc.user_data.get("text") or doc.text
        for first, end in windows(doc, text, allow_words, settled[number] if settled else ()):
            start_char, end_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
            placements.append((number, start_char))
            pieces.append(text[start_char:end_char])
    entities: list[list] = [[] for _ in docs]
    for (number, offset), piece in zip(placements, nlp.pipe(pieces, batch_size=batch_size)):
        doc = docs[number]
        for ent in piece.ents:
            span = doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_,
                                 alignment_mode="expand")
            if span is not None:
                entities[number].append(span)
    for doc, found in zip(docs, entities):
        doc.set_ents(filter_spans(found))


def focused_docs(nlp, texts: list[str], allow_words: frozenset[str], batch_size: int = 64) -> list:
    """Tokenised docs of `texts` with the entities of NER round every name-like word."""
    docs = tokenised(nlp, texts)
    set_focused_entities(nlp, docs, allow_words, batch_size=batch_size)
    return docs
