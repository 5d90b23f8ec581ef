"""Provides the cached, offline Presidio AnalyzerEngine with this package's recognizers, and chunked analysis."""

from __future__ import annotations

import functools
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
    """AnalyzerEngine on the slim small spaCy model, with an explicit registry of our recognizers only."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from interviewer.anonymise.offline import keep_tldextract_offline, spacy_nlp_engine
    from interviewer.anonymise.recognizers import our_recognizers

    keep_tldextract_offline()
    allowed = allow_words(default_allow_terms())
    nlp_engine = spacy_nlp_engine(slim=True, allow_words=allowed)
    registry = RecognizerRegistry(recognizers=our_recognizers(allowed), supported_languages=["en"])
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"],
                          context_aware_enhancer=_no_context_enhancer())


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


def analyse(text: str) -> list[Found]:
    """Every candidate span our recognizers report, with offsets into `text`."""
    analyzer = build_analyzer()
    pieces = chunks(text)
    # One batched spaCy pass over all pieces (NER only round name-like words): batches share the matrix work.
    artifacts = analyzer.nlp_engine.process_batch([piece for _, piece in pieces], language="en",
                                                  batch_size=BATCH_SIZE)
    found = []
    for (offset, piece), (_, nlp_artifacts) in zip(pieces, artifacts):
        for result in analyzer.analyze(text=piece, language="en", nlp_artifacts=nlp_artifacts,
                                       return_decision_process=True):
            explanation = result.analysis_explanation
            reason = explanation.textual_explanation if explanation else ""
            found.append(Found(offset + result.start, offset + result.end, result.entity_type, result.score, reason or ""))
    return found
