"""Provides placeholders ("[PERSON 1]", "[PLACE 2]", "[DATE]", "[AGE 40s]", "[DATE 2019]") assigned consistently per
identity group, seeded from a study's existing mapping, and redaction of text with them."""

from __future__ import annotations

import re

from interviewer.anonymise.dates import year_value
from interviewer.anonymise.numbers import DECADES, cardinal, number_value
from interviewer.anonymise.policy import Policy, default_policy

NUMBERED = re.compile(r"^\[(.+) (\d+)\]$")


DECADE = re.compile(r"\b(" + "|".join(DECADES) + r")\b", re.I)
"""An age said by its decade ('her eighties', 'late 40s'), already generalised."""


class Placeholders:
    """Gives each identity group one placeholder and keeps numbering per label across calls."""

    def __init__(self, existing: dict[str, str] | None = None, policy: Policy | None = None):
        self.policy = policy or default_policy()
        self.mapping: dict[str, str] = dict(existing or {})
        self._next: dict[str, int] = {}
        for placeholder in self.mapping.values():
            match = NUMBERED.match(placeholder)
            if match:
                label, number = match.group(1), int(match.group(2))
                self._next[label] = max(self._next.get(label, 1), number + 1)

    def placeholder_for(self, detection) -> str:
        rule = self.policy.rule(detection.entity_type)
        if rule.generalise == "decade":
            decade = DECADE.search(detection.text)
            value = DECADES.get(decade.group(1).lower(), None) if decade else \
                number_value(cardinal(re.sub(r"[^\w\s-]|years?|old", "", detection.text, flags=re.I).strip()))
            return f"[{rule.label} {value // 10 * 10}s]" if value is not None and value >= 10 else f"[{rule.label}]"
        if rule.generalise == "year":
            year = year_value(detection.text)
            return f"[{rule.label} {year}]" if year is not None else f"[{rule.label}]"
        if not rule.numbered:
            return f"[{rule.label}]"
        if detection.group not in self.mapping:
            number = self._next.get(rule.label, 1)
            self._next[rule.label] = number + 1
            self.mapping[detection.group] = f"[{rule.label} {number}]"
        return self.mapping[detection.group]


def redact(text: str, detections, placeholders: Placeholders) -> tuple[str, list[dict]]:
    """Text with every detection replaced, and one record per replacement (offsets into the input)."""
    parts: list[str] = []
    spans: list[dict] = []
    cursor = 0
    for detection in sorted(detections, key=lambda d: d.start):
        if detection.start < cursor:
            continue
        placeholder = placeholders.placeholder_for(detection)
        parts.append(text[cursor:detection.start])
        parts.append(placeholder)
        spans.append({"start": detection.start, "end": detection.end, "entity_type": detection.entity_type,
                      "text": detection.text, "placeholder": placeholder, "score": detection.score})
        cursor = detection.end
    parts.append(text[cursor:])
    return "".join(parts), spans
