"""Tests that NER run only round name-like words (and not round those the rules settled, standing alone) finds the
same kept entities as NER over the whole text."""

from __future__ import annotations

import json

import pytest

from conftest import ANON
from interviewer.anonymise.engine import allow_words
from interviewer.anonymise.focused_ner import focused_docs, ner_may_keep, windows
from interviewer.anonymise.gazetteers import default_allow_terms, load_gazetteers
from interviewer.anonymise.offline import load_spacy


def kept_entities(doc, allowed):
    gaz = load_gazetteers()
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if any(ner_may_keep(t.text, allowed, gaz) for t in e)}


def test_plain_english_never_reaches_the_ner_model():
    nlp = load_spacy(True)
    allowed = allow_words(default_allow_terms())
    doc = nlp.make_doc("I went to see the GP on Monday and the nurse said it was fine. We talked about the CQC.")
    assert windows(doc, doc.text, allowed) == []


def test_windows_round_name_like_words_are_merged_and_bounded():
    nlp = load_spacy(True)
    allowed = allow_words(default_allow_terms())
    words = ["so"] * 40
    words[10], words[14], words[35] = "Whitfield", "Okonkwo", "Rochdale"
    doc = nlp.make_doc(" ".join(words))
    assert windows(doc, doc.text, allowed, width=3) == [(7, 18), (32, 39)]


def test_focused_ner_keeps_the_same_entities_as_whole_text_ner_on_the_dev_corpus():
    nlp = load_spacy(True)
    allowed = allow_words(default_allow_terms())
    texts = [json.loads(line)["text"] for line in (ANON / "dev.jsonl").read_text().splitlines() if line.strip()]
    whole = [kept_entities(doc, allowed) for doc in nlp.pipe(texts)]
    focused = [kept_entities(doc, allowed) for doc in focused_docs(nlp, texts, allowed)]
    assert sum(map(len, whole)) > 50
    assert focused == whole


def test_a_name_the_rules_settled_standing_alone_gets_no_window():
    nlp = load_spacy(True)
    allowed = allow_words(default_allow_terms())
    text = "so we went over to Okonkwo's in the end and had our tea there"
    doc = nlp.make_doc(text)
    start = text.index("Okonkwo")
    assert windows(doc, text, allowed) != []
    assert windows(doc, text, allowed, settled=[(start, start + len("Okonkwo"))]) == []


@pytest.mark.parametrize("text, settled", [
    ("and then Nwachukwu White set it up for us", "Nwachukwu"),
    ("born and bred East Hull, Bransholme originally", "Bransholme"),
    ("she named it Tindahan ni Boyet after me", "Boyet"),
])
def test_a_settled_name_beside_another_capitalised_word_keeps_its_window(text, settled):
    nlp = load_spacy(True)
    allowed = allow_words(default_allow_terms())
    doc = nlp.make_doc(text)
    start = text.index(settled)
    assert windows(doc, text, allowed, settled=[(start, start + len(settled))]) != []
