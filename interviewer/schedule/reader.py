"""Provides the schedule YAML reader: walks PyYAML's node tree and reports every fault with its line."""

from __future__ import annotations

import difflib
import math
import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interviewer.schedule import npt
from interviewer.schedule.model import Item, Problem, Schedule, ScheduleError, Section

SCHEDULE_KEYS = ("id", "version", "title", "description", "introduction", "consent", "sections", "closing")
SECTION_KEYS = ("id", "title", "items")
ITEM_KEYS = ("id", "question", "constructs", "prompts", "probes", "minutes")
PROMPT_KEYS = ("text", "listen_for")

_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_NULL_TAG = "tag:yaml.org,2002:null"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_ALL_CODES = (*npt.CONSTRUCT_IDS, *npt.SUB_CONSTRUCT_IDS)

Fields = dict[str, tuple[Node, Node]]


def read_schedule(text: str, path: str) -> Schedule:
    """Turn schedule YAML text into a Schedule, or raise ScheduleError with every problem found."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise ScheduleError([_syntax_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"the file holds a character YAML cannot read ({error.reason}); delete or retype it"
        raise ScheduleError([Problem(path, line, column, message)]) from None
    reader = _Reader(path)
    if root is None:
        reader.problems.append(
            Problem(path, 1, 1, "the file is empty; a schedule needs at least id, version, title and sections")
        )
        raise ScheduleError(reader.problems)
    schedule = reader.schedule(root)
    if reader.problems or schedule is None:
        raise ScheduleError(reader.problems)
    return schedule


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem_mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    problem_text = error.problem or ""
    if "mapping values are not allowed" in problem_text:
        hint = "a value contains ': '; put the whole text in quotes, or start a block with '|'"
    elif "\\t" in problem_text or "tab" in problem_text:
        hint = "indent with spaces, not tabs"
    elif "expected a single document" in (error.context or "") + problem_text:
        hint = "keep one schedule per file and remove the '---' separator"
    else:
        hint = "check the indentation and quoting on this line and the one before"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, column, f"{message}; {hint}")


def _closest(word: str, choices: tuple[str, ...]) -> str | None:
    matches = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _NULL_TAG:
        return "nothing"
    return f"{node.value!r}"


def _describe(node: Node, kind: str) -> str:
    """How messages name a section or item: by its id when it has a usable one."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == "id" and isinstance(value_node, ScalarNode) and value_node.value.strip():
                return f"{kind} '{value_node.value.strip()}'"
    return f"a {kind}" if kind[0] not in "aeiou" else f"an {kind}"


class _Reader:
    """Collects problems while building the dataclasses; a build step returns None when it fails."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.section_lines: dict[str, int] = {}
        self.item_lines: dict[str, int] = {}

    def report(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    # --- generic shapes -------------------------------------------------------------------------

    def fields(self, node: Node, allowed: tuple[str, ...], what: str) -> Fields | None:
        if not isinstance(node, MappingNode):
            self.report(node, f"{what} should be a mapping of 'key: value' lines, found {_kind(node)}")
            return None
        found: Fields = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _NULL_TAG:
                self.report(key_node, f"{what} has a key that is not a plain word; use one of: {', '.join(allowed)}")
                continue
            key = key_node.value
            if key in found:
                first = found[key][0].start_mark.line + 1
                self.report(key_node, f"duplicate key '{key}' in {what} (first at line {first}); keep only one")
                continue
            found[key] = (key_node, value_node)
            if key not in allowed:
                suggestion = _closest(key, allowed)
                fix = f"did you mean '{suggestion}'?" if suggestion else f"known keys are: {', '.join(allowed)}"
                self.report(key_node, f"unknown key '{key}' in {what}; {fix}")
        return found

    def text(self, fields: Fields, key: str, owner: Node, what: str, required: bool = False) -> str | None:
        """A text value; None when it is missing or wrong (and a problem was reported if it matters)."""
        if key not in fields:
            if required:
                self.report(owner, f"{what} has no '{key}'; add a '{key}:' line")
            return None
        key_node, node = fields[key]
        if not isinstance(node, ScalarNode):
            self.report(node, f"'{key}' in {what} should be text, found {_kind(node)}; quote it or use '|'")
            return None
        if node.tag == _NULL_TAG or not node.value.strip():
            if required:
                self.report(key_node, f"'{key}' in {what} is empty; write the {key} after the colon")
            return None
        return node.value.strip()

    def identifier(self, fields: Fields, owner: Node, what: str) -> str | None:
        value = self.text(fields, "id", owner, what, required=True)
        if value is None:
            return None
        if not _ID_PATTERN.match(value):
            slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-id"
            self.report(fields["id"][1], f"id '{value}' in {what} should be lowercase words joined by hyphens, e.g. '{slug}'")
            return None
        return value

    def list_entries(self, fields: Fields, key: str, what: str) -> list[Node] | None:
        """The entries of a list value ([] when left empty); None when it is missing or not a list."""
        if key not in fields:
            return None
        key_node, node = fields[key]
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG:
            return []
        if not isinstance(node, SequenceNode):
            self.report(node, f"'{key}' in {what} should be a list (lines starting '- ' or [a, b]), found {_kind(node)}")
            return None
        return node.value

    def text_list(self, fields: Fields, key: str, what: str) -> list[tuple[str, Node]] | None:
        nodes = self.list_entries(fields, key, what)
        if nodes is None:
            return None
        entries = []
        for entry in nodes:
            if not isinstance(entry, ScalarNode) or entry.tag == _NULL_TAG or not entry.value.strip():
                self.report(entry, f"each entry of '{key}' in {what} should be non-empty text, found {_kind(entry)}")
                continue
            entries.append((entry.value.strip(), entry))
        return entries

    def prompt_list(self, fields: Fields, what: str) -> list[tuple[str, tuple[str, ...]]] | None:
        """Prompts, each plain text or a mapping with its `text` and the phrases to `listen_for`."""
        nodes = self.list_entries(fields, "prompts", what)
        if nodes is None:
            return None
        prompts = []
        for entry in nodes:
            if isinstance(entry, MappingNode):
                prompt = f"a prompt of {what}"
                entry_fields = self.fields(entry, PROMPT_KEYS, prompt)
                text = self.text(entry_fields, "text", entry, prompt, required=True) if entry_fields is not None else None
                phrases = self.text_list(entry_fields, "listen_for", prompt) if entry_fields is not None else None
                if text is not None:
                    prompts.append((text, tuple(phrase for phrase, _ in phrases or ())))
            elif not isinstance(entry, ScalarNode) or entry.tag == _NULL_TAG or not entry.value.strip():
                self.report(entry, f"each entry of 'prompts' in {what} should be non-empty text, or 'text:' with "
                                   f"'listen_for:' phrases, found {_kind(entry)}")
            else:
                prompts.append((entry.value.strip(), ()))
        return prompts

    def sequence(self, fields: Fields, key: str, owner: Node, what: str, child: str) -> list[Node] | None:
        hint = f"add '{key}:' with at least one {child} below it"
        if key not in fields:
            self.report(owner, f"{what} has no '{key}'; {hint}")
            return None
        key_node, node = fields[key]
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG or isinstance(node, SequenceNode) and not node.value:
            self.report(key_node, f"'{key}' in {what} is empty; {hint}")
            return None
        if not isinstance(node, SequenceNode):
            self.report(node, f"'{key}' in {what} should be a list of {child}s (each starting '- '), found {_kind(node)}")
            return None
        return node.value

    # --- the schedule's parts -------------------------------------------------------------------

    def schedule(self, root: Node) -> Schedule | None:
        fields = self.fields(root, SCHEDULE_KEYS, "the schedule")
        if fields is None:
            return None
        schedule_id = self.identifier(fields, root, "the schedule")
        version = self.version(fields, root)
        title = self.text(fields, "title", root, "the schedule", required=True)
        scripts = {key: self.text(fields, key, root, "the schedule") or "" for key in ("description", "introduction", "consent", "closing")}
        section_nodes = self.sequence(fields, "sections", root, "the schedule", "section") or []
        sections = [self.section(node) for node in section_nodes]
        if None in (schedule_id, version, title) or None in sections:
            return None
        return Schedule(id=schedule_id, version=version, title=title, sections=tuple(sections), **scripts)

    def version(self, fields: Fields, owner: Node) -> int | str | None:
        if "version" not in fields:
            self.report(owner, "the schedule has no 'version'; add a line such as 'version: 1'")
            return None
        node = fields["version"][1]
        if not isinstance(node, ScalarNode) or node.tag in (_NULL_TAG, _BOOL_TAG) or not node.value.strip():
            self.report(node, f"'version' should be a number or short text such as 1 or '2024-05', found {_kind(node)}")
            return None
        return int(yaml.safe_load(node.value)) if node.tag == _INT_TAG else node.value.strip()

    def section(self, node: Node) -> Section | None:
        what = _describe(node, "section")
        fields = self.fields(node, SECTION_KEYS, what)
        if fields is None:
            return None
        section_id = self.identifier(fields, node, what)
        if section_id is not None:
            if section_id in self.section_lines:
                first = self.section_lines[section_id]
                self.report(fields["id"][1], f"duplicate section id '{section_id}' (first at line {first}); give each section its own id")
                section_id = None
            else:
                self.section_lines[section_id] = node.start_mark.line + 1
        title = self.text(fields, "title", node, what, required=True)
        item_nodes = self.sequence(fields, "items", node, what, "item") or []
        items = [self.item(item_node) for item_node in item_nodes]
        if None in (section_id, title) or None in items or not items:
            return None
        return Section(id=section_id, title=title, items=tuple(items))

    def item(self, node: Node) -> Item | None:
        what = _describe(node, "item")
        fields = self.fields(node, ITEM_KEYS, what)
        if fields is None:
            return None
        item_id = self.identifier(fields, node, what)
        if item_id is not None:
            if item_id in self.item_lines:
                first = self.item_lines[item_id]
                self.report(fields["id"][1], f"duplicate item id '{item_id}' (first at line {first}); item ids must be unique across the schedule")
                item_id = None
            else:
                self.item_lines[item_id] = node.start_mark.line + 1
        question = self.text(fields, "question", node, what, required=True)
        constructs = self.constructs(fields, node, what)
        prompts = self.prompt_list(fields, what)
        probes = self.text_list(fields, "probes", what)
        minutes = self.minutes(fields, what)
        if None in (item_id, question, constructs) or any(
            key in fields and value is None for key, value in (("prompts", prompts), ("probes", probes), ("minutes", minutes))
        ):
            return None
        return Item(
            id=item_id,
            question=question,
            constructs=constructs,
            prompts=tuple(text for text, _ in prompts or ()),
            listen_for=tuple(phrases for _, phrases in prompts or ()) if any(p for _, p in prompts or ()) else (),
            probes=tuple(text for text, _ in probes or ()),
            minutes=minutes,
            line=node.start_mark.line + 1,
        )

    def constructs(self, fields: Fields, owner: Node, what: str) -> tuple[str, ...] | None:
        example = "e.g. 'constructs: [coherence/differentiation]'"
        entries = self.text_list(fields, "constructs", what)
        if entries is None and "constructs" not in fields:
            self.report(owner, f"{what} has no 'constructs'; name at least one NPT code, {example}")
            return None
        if entries is None:
            return None
        if not entries:
            self.report(fields["constructs"][0], f"'constructs' in {what} is empty; name at least one NPT code, {example}")
            return None
        codes: list[str] = []
        all_known = True
        for code, node in entries:
            if npt.is_known(code):
                if code not in codes:
                    codes.append(code)
                continue
            all_known = False
            suggestion = self.closest_code(code)
            fix = f"did you mean '{suggestion}'?" if suggestion else f"use a construct ({', '.join(npt.CONSTRUCT_IDS)}) or 'construct/sub-construct'"
            self.report(node, f"unknown NPT construct '{code}' in {what}; {fix}")
        return tuple(codes) if all_known else None

    @staticmethod
    def closest_code(code: str) -> str | None:
        wanted = code.strip().lower().replace(" ", "-").replace("_", "-")
        if npt.is_known(wanted):
            return wanted
        for full in npt.SUB_CONSTRUCT_IDS:
            if full.partition("/")[2] == wanted.rpartition("/")[2]:
                return full
        return _closest(wanted, _ALL_CODES)

    def minutes(self, fields: Fields, what: str) -> int | float | None:
        if "minutes" not in fields:
            return None
        node = fields["minutes"][1]
        hint = "write the planned minutes as a positive number, e.g. 'minutes: 5' or 'minutes: 2.5'"
        if not isinstance(node, ScalarNode) or node.tag not in (_INT_TAG, _FLOAT_TAG):
            self.report(node, f"'minutes' in {what} is not a number (found {_kind(node)}); {hint}")
            return None
        value = yaml.safe_load(node.value)
        if isinstance(value, float) and not math.isfinite(value) or value <= 0:
            self.report(node, f"'minutes' in {what} must be more than zero (found {node.value}); {hint}")
            return None
        return value
