"""Provides the per-study anonymisation policy: which entity types are replaced, their placeholder
labels, numbering and generalisation; loaded from YAML with file/line errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from interviewer.anonymise.gazetteers import DATA_DIR

DEFAULT_POLICY = DATA_DIR / "default-policy.yaml"
GENERALISE_CHOICES = {"none": None, "decade": "AGE", "year": "DATE"}
"""Each way of generalising a value, and the one type it applies to."""
STANDS_IN_FOR = {"ID_NUMBER": "NHS_NUMBER"}
"""Types newer than some studies' policies, and the older type whose rule they follow in a policy that lacks
them (a study written before identity numbers were told apart from NHS numbers redacts them as NHS numbers)."""


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file, line and fix."""


@dataclass(frozen=True)
class EntityRule:
    label: str
    """The word inside the placeholder, e.g. PERSON gives "[PERSON 1]"."""
    replace: bool = True
    """False keeps this type in the text (it is still detected, for review)."""
    numbered: bool = True
    """True gives each identity its own number ("[PERSON 1]", "[PERSON 2]"); False gives "[DATE]"."""
    generalise: str = "none"
    """"decade" turns an exact age into its decade ("[AGE 40s]"), "year" a date into its year ("[DATE 2019]");
    "none" keeps the plain label."""


@dataclass(frozen=True)
class Policy:
    entities: dict[str, EntityRule] = field(default_factory=dict)
    source: str = "<built-in>"

    def replaces(self, entity_type: str) -> bool:
        rule = self._own_rule(entity_type)
        return rule is not None and rule.replace

    def rule(self, entity_type: str) -> EntityRule:
        return self._own_rule(entity_type) or EntityRule(label=entity_type)

    def _own_rule(self, entity_type: str) -> EntityRule | None:
        if entity_type in self.entities or entity_type not in STANDS_IN_FOR:
            return self.entities.get(entity_type)
        return self.entities.get(STANDS_IN_FOR[entity_type])


def _line_of(node) -> int:
    return getattr(getattr(node, "start_mark", None), "line", -1) + 1


def load_policy(path: Path | str | None = None) -> Policy:
    """Read a policy YAML; errors name the file and line and say how to fix them."""
    path = Path(path) if path else DEFAULT_POLICY
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PolicyError(f"{path}: cannot read the policy ({error.strerror}); give an existing YAML file") from error
    except UnicodeDecodeError as error:
        raise PolicyError(f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8") from error
    return parse_policy(text, path)


def parse_policy(text: str, path: Path | str = "<policy>") -> Policy:
    """A policy from YAML text; `path` is the name errors give (a file, or where the text is stored)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise PolicyError(f"{path}:{line}: not valid YAML ({getattr(error, 'problem', error)})") from error
    if not isinstance(root, yaml.MappingNode):
        raise PolicyError(f"{path}:1: a policy is a mapping with an 'entities' key")
    entities_node = next((v for k, v in root.value if k.value == "entities"), None)
    for key, _ in root.value:
        if key.value not in ("entities", "version"):
            raise PolicyError(f"{path}:{_line_of(key)}: unknown key '{key.value}'; expected 'entities' (and 'version')")
    if not isinstance(entities_node, yaml.MappingNode):
        raise PolicyError(f"{path}:{_line_of(root)}: 'entities' must map entity types to rules")
    entities: dict[str, EntityRule] = {}
    for key, value in entities_node.value:
        entity_type = key.value
        where = f"{path}:{_line_of(key)}"
        if not entity_type.isupper():
            raise PolicyError(f"{where}: entity type '{entity_type}' must be upper case, e.g. PERSON")
        rule = yaml.safe_load(yaml.serialize(value)) if not isinstance(value, yaml.ScalarNode) or value.value else {}
        if not isinstance(rule, dict):
            raise PolicyError(f"{where}: the rule for {entity_type} must be a mapping (label, replace, numbered, generalise)")
        unknown = set(rule) - {"label", "replace", "numbered", "generalise"}
        if unknown:
            raise PolicyError(f"{where}: unknown setting(s) {sorted(unknown)} for {entity_type}; use label, replace, numbered, generalise")
        for flag in ("replace", "numbered"):
            if flag in rule and not isinstance(rule[flag], bool):
                raise PolicyError(f"{where}: '{flag}' for {entity_type} must be true or false")
        generalise = rule.get("generalise", "none")
        if generalise not in GENERALISE_CHOICES:
            raise PolicyError(f"{where}: 'generalise' for {entity_type} must be one of {', '.join(GENERALISE_CHOICES)}")
        if GENERALISE_CHOICES[generalise] not in (None, entity_type):
            raise PolicyError(f"{where}: 'generalise: {generalise}' applies to {GENERALISE_CHOICES[generalise]} only; "
                              f"remove it from {entity_type}")
        label = str(rule.get("label", entity_type))
        if not label or "[" in label or "]" in label:
            raise PolicyError(f"{where}: the label for {entity_type} must be a plain word without brackets")
        entities[entity_type] = EntityRule(label, rule.get("replace", True), rule.get("numbered", True), generalise)
    return Policy(entities, str(path))


_DEFAULT: Policy | None = None


def default_policy() -> Policy:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_policy(DEFAULT_POLICY)
    return _DEFAULT
