"""Provides Presidio's documented out-of-box analyzer (predefined recognizers) on the same spaCy model, offline."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def baseline_analyzer():
    """AnalyzerEngine with the full predefined registry and the unslimmed small model, as the docs configure it."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from interviewer.anonymise.offline import keep_tldextract_offline, spacy_nlp_engine

    keep_tldextract_offline()
    nlp_engine = spacy_nlp_engine(slim=False)
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def baseline_spans(text: str) -> list[dict]:
    """Every span the out-of-box analyzer reports, whatever its type and score."""
    results = baseline_analyzer().analyze(text=text, language="en")
    return sorted(({"start": r.start, "end": r.end, "entity_type": r.entity_type} for r in results),
                  key=lambda s: (s["start"], s["end"]))
