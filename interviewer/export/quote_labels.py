"""Provides the study's quote-label template: checking it, storing it, and previewing labels it makes."""

from __future__ import annotations

import string

from interviewer.export.document import quote_label
from interviewer.store import Study, StoreError

BUILT_IN_FIELDS = ("number", "code", "gender", "role", "sector")
"""Fields every template may use; participants' own attributes (e.g. {band}) may be used as well."""


def template_fields(template: str) -> list[str]:
    """The {field} names a template uses; raises StoreError for a template Python cannot format."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise StoreError(f"Quote-label template '{template}' is malformed ({error}); "
                         "write fields in braces, e.g. 'Key informant {number} ({gender})'.") from None
    fields = []
    for _, name, _, _ in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise StoreError(f"Quote-label template '{template}' has a field '{{{name}}}' that is not a plain name; "
                             f"use one of {', '.join('{' + f + '}' for f in BUILT_IN_FIELDS)} or an attribute name.")
        fields.append(name)
    return fields


def set_quote_label_template(study: Study, template: str) -> list[str]:
    """Store a new template after checking it; returns the fields no participant has (to warn about)."""
    if not template.strip():
        raise StoreError("The quote-label template is empty; e.g. 'Key informant {number} ({gender}, {role}, {sector})'.")
    fields = template_fields(template)
    known = set(BUILT_IN_FIELDS)
    for participant in study.participants():
        known.update(participant.attributes)
    study.set_quote_label_template(template)
    return [name for name in fields if name not in known]


def preview(study: Study) -> list[tuple[str, str]]:
    """(participant code, quote label) for every participant, with the current template."""
    template = study.quote_label_template
    return [(participant.code, quote_label(template, participant)) for participant in study.participants()]
