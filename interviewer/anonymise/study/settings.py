"""Provides a study's anonymisation settings: its policy, allow and deny terms, and the anonymiser built from them."""

from __future__ import annotations

from pathlib import Path

from interviewer.anonymise import Anonymiser, KnownIdentifier, Policy, PolicyError, default_policy
from interviewer.store import AnonymisationTerm, Study, StoreError

KINDS = ("allow", "deny")
STORED_POLICY = "study database (anonymisation_policy)"


Term = AnonymisationTerm
"""A term of the study's allow or deny list."""


def terms(study: Study, kind: str) -> list[Term]:
    """The study's allow or deny terms, in the order they were added."""
    _check_kind(kind)
    return study.anonymisation_terms(kind)


def add_term(study: Study, kind: str, term: str, *, entity_type: str | None = None, note: str | None = None) -> bool:
    """Add an allow or deny term (case-insensitive, once); returns False when it was already there."""
    _check_kind(kind)
    term = " ".join(term.split())
    if len(term) < 2:
        raise StoreError(f"'{term}' is too short for the {kind} list: give a word or phrase of two letters or more.")
    if kind == "deny":
        entity_type = (entity_type or "OTHER").upper()
        replaced = sorted(name for name, rule in policy(study).entities.items() if rule.replace)
        if entity_type not in replaced:
            raise StoreError(f"'{entity_type}' is not a type the study's policy replaces; use one of: {', '.join(replaced)}.")
    elif entity_type:
        raise StoreError("Allow terms have no entity type: they are kept whatever they look like.")
    other = "deny" if kind == "allow" else "allow"
    if any(t.term.casefold() == term.casefold() for t in terms(study, other)):
        raise StoreError(f"'{term}' is on the {other} list; remove it there first: "
                         f"interviewer anonymisation {other} remove \"{term}\"")
    if any(t.term.casefold() == term.casefold() for t in terms(study, kind)):
        return False
    study.add_anonymisation_term(kind, term, entity_type=entity_type, note=note)
    return True


def remove_term(study: Study, kind: str, term: str) -> bool:
    """Remove an allow or deny term; returns False when it was not on the list."""
    _check_kind(kind)
    return study.remove_anonymisation_term(kind, " ".join(term.split()))


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")


def policy_text(study: Study) -> str | None:
    """The study's own policy YAML, or None when it uses the bundled default."""
    return study.anonymisation_policy_text()


def policy(study: Study) -> Policy:
    """The policy the study's transcripts are anonymised with."""
    from interviewer.anonymise.policy import parse_policy

    text = policy_text(study)
    return parse_policy(text, STORED_POLICY) if text is not None else default_policy()


def set_policy(study: Study, path: Path) -> Policy:
    """Validate a policy file (errors name the file and line) and store its text in the study."""
    from interviewer.anonymise.policy import load_policy

    path = Path(path)
    checked = load_policy(path)
    study.set_anonymisation_policy(path.read_text(encoding="utf-8"), source=str(path),
                                   types=sorted(checked.entities))
    return checked


def reset_policy(study: Study) -> None:
    """Go back to the bundled default policy."""
    study.reset_anonymisation_policy()


def known_identifiers(study: Study) -> tuple[KnownIdentifier, ...]:
    """Names and workplaces the study records (participants, interviewers), always caught."""
    seen: dict[tuple[str, str], KnownIdentifier] = {}
    for text, entity_type in study.known_identifiers():
        if text and text.strip():
            seen.setdefault((text.strip().casefold(), entity_type), KnownIdentifier(text.strip(), entity_type))
    return tuple(seen.values())


def study_anonymiser(study: Study) -> Anonymiser:
    """An Anonymiser with the study's policy, allow and deny terms and known identifiers."""
    from interviewer.anonymise import get_anonymiser

    allow = tuple(t.term for t in terms(study, "allow"))
    deny = tuple(KnownIdentifier(t.term, t.entity_type or "OTHER") for t in terms(study, "deny"))
    known = known_identifiers(study)
    if policy_text(study) is None:
        return get_anonymiser(known=known, allow=allow, deny=deny)
    try:
        return Anonymiser(policy(study), known, allow, deny)
    except PolicyError as error:
        raise StoreError(f"The study's stored policy cannot be used ({error}); set a valid one with: "
                         "interviewer anonymisation policy set FILE") from None
