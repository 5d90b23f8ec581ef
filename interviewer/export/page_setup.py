"""Provides a study's document setup for printable exports: paper size and language (A4 and en-GB by default)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.store import Study, StoreError

SETTING = "document"
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4), "legal": (215.9, 355.6), "a5": (148.0, 210.0)}
"""Paper name -> (width, height) in millimetres, portrait."""
LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?$")


@dataclass(frozen=True)
class DocumentSetup:
    paper: str = "a4"
    """A key of PAPERS."""
    language: str = "en-GB"
    """The proofing language, as a language tag (en-GB, en-US, en-AU, ...)."""

    @property
    def size_mm(self) -> tuple[float, float]:
        return PAPERS[self.paper]


DEFAULT = DocumentSetup()


def language_tag(text: str) -> str:
    """'en_gb' or 'EN-gb' -> 'en-GB'; refuses what is not a language with an optional region."""
    match = LANGUAGE_TAG.match(text.strip())
    if not match:
        raise StoreError(f"'{text}' is not a language tag: give a language and region such as en-GB, en-US or "
                         "en-AU.")
    language, region = match.groups()
    return language.lower() + (f"-{region.upper()}" if region else "")


def paper_name(text: str) -> str:
    name = text.strip().lower()
    if name not in PAPERS:
        raise StoreError(f"Unknown paper size '{text}': use one of {', '.join(PAPERS)}.")
    return name


def document_setup(study: Study) -> DocumentSetup:
    """The study's setup; a stored value that no longer reads falls back to the default for that field."""
    stored = study.settings.get(SETTING) or {}
    try:
        paper = paper_name(str(stored.get("paper", DEFAULT.paper)))
    except StoreError:
        paper = DEFAULT.paper
    try:
        language = language_tag(str(stored.get("language", DEFAULT.language)))
    except StoreError:
        language = DEFAULT.language
    return DocumentSetup(paper, language)


def set_document_setup(study: Study, *, paper: str | None = None, language: str | None = None) -> DocumentSetup:
    """Change the paper size and/or language (checked first, so a bad value changes nothing); returns the result."""
    current = document_setup(study)
    updated = DocumentSetup(paper_name(paper) if paper else current.paper,
                            language_tag(language) if language else current.language)
    study.set_setting(SETTING, {"paper": updated.paper, "language": updated.language})
    return updated
