"""Provides the Presidio recognizers that wrap this package's finders, plus a filtered spaCy NER."""

from __future__ import annotations

from typing import Callable, Iterable

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from interviewer.anonymise.cues import TITLES
from interviewer.anonymise.focused_ner import ner_may_keep
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.names import find_people_and_places, find_possible_identifiers
from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER

NER_SCORE = 0.4
"""Below every rule's score: Presidio drops a result contained in another of the same type with a higher
score, and a rule's span inside an NER span must survive (rule-found names spread to other mentions)."""
SPOKEN_TYPES = ["PERSON", "LOCATION", "ORGANIZATION", "HOSPITAL", "WARD", "ADDRESS", "DATE", "AGE", "PHONE", "EMAIL",
                "NHS_NUMBER", "ID_NUMBER", "POSTCODE", "URL"]


def to_result(found: Found, recognizer: str) -> RecognizerResult:
    explanation = AnalysisExplanation(recognizer=recognizer, original_score=found.score, textual_explanation=found.reason)
    return RecognizerResult(found.entity_type, found.start, found.end, found.score, explanation,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer})


class FinderRecognizer(LocalRecognizer):
    """Runs a function of (text, spaCy doc) that returns Found spans."""

    def __init__(self, name: str, finder: Callable[[str, object], Iterable[Found]], entities: list[str]):
        self._finder = finder
        super().__init__(supported_entities=entities, name=name, supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        return [to_result(f, self.name) for f in self._finder(text, doc) if f.entity_type in entities]


class FilteredNerRecognizer(LocalRecognizer):
    """spaCy's PERSON/place/ORG entities, kept only when they hold a word that is not plain English."""

    def __init__(self, allow_words: frozenset[str]):
        self.allow_words = allow_words
        super().__init__(supported_entities=["PERSON", "LOCATION", "ORGANIZATION"], name="spaCy NER (filtered)",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        gaz = load_gazetteers()
        results = []
        for ent in nlp_artifacts.entities if nlp_artifacts else []:
            if ent.label_ not in entities:
                continue
            tokens = [t for t in ent if not t.is_space]
            while tokens and (tokens[0].is_stop or tokens[0].is_punct or tokens[0].lower_.rstrip(".") in TITLES):
                tokens = tokens[1:]
            while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s") or tokens[-1].lower_.rstrip(".") in TITLES):
                tokens = tokens[:-1]
            if not any(ner_may_keep(t.text, self.allow_words, gaz) for t in tokens):
                continue
            found = Found(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), ent.label_, NER_SCORE, f"spaCy NER ({ent.label_})")
            results.append(to_result(found, self.name))
        return results


def _organisation_shapes(allow_words: frozenset[str]) -> Callable[[str, object], list[Found]]:
    from interviewer.anonymise.names import token_view
    from interviewer.anonymise.organisation_shapes import find_organisation_shapes
    from interviewer.anonymise.propagation import is_lower_case_text

    def find(text, doc) -> list[Found]:
        view = token_view(doc, allow_words)
        return find_organisation_shapes(view, is_lower_case_text(view.text))
    return find


def our_recognizers(allow_words: frozenset[str]) -> list:
    from interviewer.anonymise.institutions import find_addresses, find_institutions, find_local_branches
    from interviewer.anonymise.lower_case import find_lower_case_named_of
    from interviewer.anonymise.patterns import find_structured
    from interviewer.anonymise.propagation import is_lower_case_text

    return [
        FinderRecognizer("UK structured identifiers", lambda text, doc: find_structured(text), SPOKEN_TYPES),
        FinderRecognizer("institutions and addresses",
                         lambda text, doc: [*find_institutions(text), *find_addresses(text), *find_local_branches(text),
                                            *(find_lower_case_named_of(text) if is_lower_case_text(text) else ())],
                         SPOKEN_TYPES),
        FinderRecognizer("people and places in speech",
                         lambda text, doc: find_people_and_places(doc, allow_words), SPOKEN_TYPES),
        FinderRecognizer("organisations by the shape of their names", _organisation_shapes(allow_words),
                         SPOKEN_TYPES + [POSSIBLE_IDENTIFIER]),
        FinderRecognizer("possible identifiers for the reviewer",
                         lambda text, doc: find_possible_identifiers(doc, allow_words), [POSSIBLE_IDENTIFIER]),
    ]
