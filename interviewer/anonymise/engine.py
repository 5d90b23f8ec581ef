"""Provides the cached, offline Presidio AnalyzerEngine with this package's recognizers, and chunked analysis."""

from __future__ import annotations

import functools
import gc
import re

from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import default_allow_terms

BATCH_SIZE = 64
CHUNK_CHARS = 4000
"""Long transcripts are analysed in pieces of about this size, cut at line or sentence ends."""


def allow_words(terms) -> frozenset[str]:
    """Single-word allow terms, lower-cased; recognizers skip these words outright."""
    return frozenset(t.lower() for t in terms if " " not in t.strip())


@functools.lru_cache(maxsize=1)
def build_analyzer():
    """AnalyzerEngine on the slim small spaCy model, with an explicit registry of our rule recognizers only (spaCy's
    entities are read after them: see analyse)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from interviewer.anonymise.offline import keep_tldextract_offline, spacy_nlp_engine
    from interviewer.anonymise.places import place_word_prefixes
    from interviewer.anonymise.recognizers import our_recognizers

    keep_tldextract_offline()
    allowed = allow_words(default_allow_terms())
    nlp_engine = spacy_nlp_engine(slim=True, allow_words=allowed)
    registry = RecognizerRegistry(recognizers=our_recognizers(allowed), supported_languages=["en"])
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"],
                              context_aware_enhancer=_no_context_enhancer())
    filtered_ner()
    place_word_prefixes()
    # The model and word lists are a few hundred thousand objects that live as long as the process. Frozen, the
    # collector stops walking them on every full collection, which analysing a long transcript (a hundred thousand
    # short-lived matches and spans) triggers again and again: about a tenth of the time.
    gc.collect()
    gc.freeze()
    return analyzer


@functools.lru_cache(maxsize=1)
def filtered_ner():
    """The recognizer of spaCy's entities, run after the rules (see analyse)."""
    from interviewer.anonymise.recognizers import FilteredNerRecognizer

    return FilteredNerRecognizer(allow_words(default_allow_terms()))


def _no_context_enhancer():
    """Presidio's context enhancer raises scores of pattern results near context words; our recognizers read
    their own context, so it would only cost time (a tenth of the analysis)."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        def __init__(self):
            super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
                             context_prefix_count=0, context_suffix_count=0)

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            return raw_results

    return NoContextEnhancer()


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering text, cut after a newline or sentence end near `size`."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start + size // 2:end]
            cut = window.rfind("\n")
            if cut < 0:
                found = [m.end() for m in re.finditer(r"[.!?]\s", window)]
                cut = found[-1] - 1 if found else -1
            if cut >= 0:
                end = start + size // 2 + cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


NER_TYPES = ["PERSON", "LOCATION", "ORGANIZATION"]
SETTLING_TYPES = frozenset(NER_TYPES) | {"HOSPITAL", "WARD", "ADDRESS"}
"""A rule's find of these types settles the words inside it: the NER runs round them only where they touch another
capitalised word."""


def analyse(text: str, suggestions: bool = True) -> list[Found]:
    """Every candidate span our recognizers report, with offsets into `text`; without `suggestions`, none of the
    possible identifiers for the reviewer (and the recognizer that only finds those does not run)."""
    from presidio_analyzer import EntityRecognizer

    from interviewer.anonymise.focused_ner import set_focused_entities, tokenised
    from interviewer.anonymise.recognizers import SPOKEN_TYPES

    analyzer = build_analyzer()
    nlp_engine = analyzer.nlp_engine
    nlp = nlp_engine.nlp["en"]
    pieces = chunks(text)
    docs = tokenised(nlp, [piece for _, piece in pieces])
    # The rules first; then the NER, only round the name-like words the rules left unsettled, and in one batched
    # pass over all pieces (batches share the matrix work).
    entities = None if suggestions else SPOKEN_TYPES
    rule_results = [analyzer.analyze(text=piece, language="en", entities=entities,
                                     nlp_artifacts=nlp_engine.artifacts(doc), return_decision_process=True)
                    for (_, piece), doc in zip(pieces, docs)]
    settled = [[(r.start, r.end) for r in results if r.entity_type in SETTLING_TYPES] for results in rule_results]
    set_focused_entities(nlp, docs, nlp_engine.allow_words, settled, batch_size=BATCH_SIZE)
    ner = filtered_ner()
    found = []
    for (offset, piece), doc, results in zip(pieces, docs, rule_results):
        named = ner.analyze(piece, NER_TYPES, nlp_engine.artifacts(doc))
        # As Presidio merges one recognizer's results with another's: a span inside a span of the same type with a
        # score as high goes.
        for result in EntityRecognizer.remove_duplicates(results + named):
            explanation = result.analysis_explanation
            reason = explanation.textual_explanation if explanation else ""
            found.append(Found(offset + result.start, offset + result.end, result.entity_type, result.score,
                               reason or ""))
    return found
