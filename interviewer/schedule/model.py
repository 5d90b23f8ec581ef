"""Provides interview schedules as data: frozen dataclasses for schedules, sections, items and problems."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from interviewer.schedule import npt

PLACEHOLDER = "[intervention]"
"""Text in a general schedule that the study replaces with the name of its intervention."""

SCHEDULE_SUFFIXES = (".yaml", ".yml")

_CODE_ORDER = {
    code: index
    for index, code in enumerate(
        code
        for construct in npt.CONSTRUCTS
        for code in (construct.id, *(f"{construct.id}/{sub_id}" for sub_id, _ in construct.sub_constructs))
    )
}
"""Each NPT code's place in the taxonomy: a construct, then its sub-constructs."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a schedule file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ScheduleError(ValueError):
    """A schedule file that cannot be used; `problems` lists every fault found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.path, p.line, p.column)))
        count = len(self.problems)
        where = self.problems[0].path if self.problems else "schedule"
        heading = f"{count} problem{'' if count == 1 else 's'} in schedule {where}:"
        super().__init__("\n".join([heading, *(str(problem) for problem in self.problems)]))


@dataclass(frozen=True)
class Item:
    """One open question of a schedule, with what to mention (prompts) and how to follow up (probes)."""

    id: str
    question: str
    constructs: tuple[str, ...]
    """NPT codes: a construct id or `construct/sub-construct`."""
    prompts: tuple[str, ...] = ()
    """Topics to mention if the participant does not raise them."""
    probes: tuple[str, ...] = ()
    """Follow-up questions that clarify or deepen an answer."""
    listen_for: tuple[tuple[str, ...], ...] = ()
    """For each prompt (same order; empty when the schedule gives none), ways a participant might say
    something that covers it: what the coverage detector listens for besides the prompt's own words."""
    minutes: int | float | None = None
    """Planned minutes, or None when the schedule does not plan this item."""
    line: int = 0
    """Line of the item in its file (1-based; 0 when unknown)."""

    def listen_for_prompt(self, index: int) -> tuple[str, ...]:
        """The phrases given to listen for with prompt `index` (none when the schedule gives none)."""
        return self.listen_for[index] if index < len(self.listen_for) else ()


@dataclass(frozen=True)
class Section:
    """A titled group of items, asked in order."""

    id: str
    title: str
    items: tuple[Item, ...]

    @property
    def planned_minutes(self) -> int | float:
        return sum(item.minutes or 0 for item in self.items)

    @property
    def constructs(self) -> tuple[str, ...]:
        """Every NPT code the section's items serve, in taxonomy order."""
        return _in_taxonomy_order(code for item in self.items for code in item.constructs)


@dataclass(frozen=True)
class Schedule:
    """A semi-structured interview schedule: scripts and sections of open questions."""

    id: str
    version: int | str
    title: str
    sections: tuple[Section, ...]
    description: str = ""
    introduction: str = ""
    """Script read to the participant before the questions."""
    consent: str = ""
    """Consent script: recording, anonymised quotation, right to withdraw."""
    closing: str = ""
    """Script read after the last question."""
    source: Path | None = None
    """The file the schedule was loaded from, if any."""

    @property
    def items(self) -> tuple[Item, ...]:
        """All items in interview order."""
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"schedule {self.id!r} has no item {item_id!r}")

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"schedule {self.id!r} has no section {section_id!r}")

    def section_of(self, item_id: str) -> Section:
        """The section that holds an item."""
        for section in self.sections:
            if any(item.id == item_id for item in section.items):
                return section
        raise KeyError(f"schedule {self.id!r} has no item {item_id!r}")

    @property
    def planned_minutes(self) -> int | float:
        """Total planned minutes (items without minutes count as zero)."""
        return sum(section.planned_minutes for section in self.sections)

    def planned_minutes_by_section(self) -> dict[str, int | float]:
        """Planned minutes per section id, in section order."""
        return {section.id: section.planned_minutes for section in self.sections}

    def constructs_covered(self, item_ids: Iterable[str] | None = None) -> tuple[str, ...]:
        """NPT codes served by the given items (all items when None), in taxonomy order.

        Raises KeyError for an item id the schedule does not have.
        """
        chosen = self.items if item_ids is None else [self.item(item_id) for item_id in item_ids]
        return _in_taxonomy_order(code for item in chosen for code in item.constructs)

    @property
    def has_placeholder(self) -> bool:
        """True when some text still holds `[intervention]` for the study to fill in."""
        texts = [self.title, self.description, self.introduction, self.consent, self.closing]
        for section in self.sections:
            texts.append(section.title)
            for item in section.items:
                texts.extend((item.question, *item.prompts, *item.probes))
        return any(PLACEHOLDER in text for text in texts)

    def with_intervention(self, name: str) -> Schedule:
        """A copy with every `[intervention]` replaced by the study's intervention name."""
        if not name.strip():
            raise ValueError("the intervention name is empty")

        def fill(text: str) -> str:
            return text.replace(PLACEHOLDER, name)

        sections = tuple(
            replace(
                section,
                title=fill(section.title),
                items=tuple(
                    replace(
                        item,
                        question=fill(item.question),
                        prompts=tuple(map(fill, item.prompts)),
                        probes=tuple(map(fill, item.probes)),
                        listen_for=tuple(tuple(map(fill, phrases)) for phrases in item.listen_for),
                    )
                    for item in section.items
                ),
            )
            for section in self.sections
        )
        return replace(
            self,
            title=fill(self.title),
            description=fill(self.description),
            introduction=fill(self.introduction),
            consent=fill(self.consent),
            closing=fill(self.closing),
            sections=sections,
        )


def _in_taxonomy_order(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(codes), key=lambda code: _CODE_ORDER.get(code, len(_CODE_ORDER))))
