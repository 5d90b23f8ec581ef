"""Provides the test for words that say what someone did or how ('works', 'rang', 'helped', 'originally'): never part
of a name, though a rule or model may run a name on into them."""

from __future__ import annotations

from interviewer.anonymise.cues import PERSON_VERBS, PLACE_PREPOSITIONS, SPEECH_VERBS, SUBJECT_PRONOUNS
from interviewer.anonymise.gazetteers import Gazetteers


def a_deed_word(word: str, gaz: Gazetteers) -> bool:
    """A word in lower case that says what someone does or how, never part of their name: a verb a person does ('runs',
    'rang', 'reckons') or an English word an ending makes a verb or adverb of ('helped', 'grabbed', 'saying',
    'originally') that is no given name, surname or place ('Reed', 'Browning' and 'Ely' are)."""
    if not word.islower():
        return False
    if word in PERSON_VERBS or word in SPEECH_VERBS:
        return True
    ending = next((e for e in ("ly", "ed", "ing") if word.endswith(e)), None)
    return ending is not None and gaz.is_common(word) and _on_an_english_stem(word[:-len(ending)], gaz) \
        and word not in gaz.first_names and word not in gaz.surnames and word not in gaz.places


def a_deed_or_its_where(word: str, before: str, gaz: Gazetteers) -> bool:
    """A word no place's or organisation's name takes in, though it stands before one: a verb a person does ('goes',
    'took'), the verb after a subject pronoun ('he coaches' ballina town juniors) or a preposition after what someone
    did ('walked round' roath park). A preposition alone may open a name ('Round Oak Road'), and so may a word with a
    verb's ending ('Harakeke Birthing Unit', 'Knox United Church')."""
    return word in PERSON_VERBS or word in SPEECH_VERBS or before in SUBJECT_PRONOUNS \
        or word in PLACE_PREPOSITIONS and a_deed_word(before, gaz)


def _on_an_english_stem(stem: str, gaz: Gazetteers) -> bool:
    """Whether what is left of a word without its ending is an English word, as it was written before the ending:
    'help', 'grab(b)', 'cr(i)' for 'cry', 'writ' + 'e', 'gent' + 'le'; not 'sul' of 'sully' nor 'sh' of 'shed'."""
    if len(stem) < 3:
        return False
    forms = {stem, stem + "e", stem + "le"}
    if stem[-1] == stem[-2]:
        forms.add(stem[:-1])
    if stem.endswith("i"):
        forms.add(stem[:-1] + "y")
    return any(len(form) >= 3 and gaz.is_common(form) for form in forms)
