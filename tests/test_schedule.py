"""Tests for loading and validating schedule YAML: every fault is reported with its file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interviewer.schedule import (
    Item,
    Problem,
    Schedule,
    ScheduleError,
    Section,
    find_schedule,
    load_schedule,
    parse_schedule,
)

VALID = """\
id: demo
version: 1
title: Demo schedule
introduction: |
  Hello and thank you.
consent: |
  We will record.
sections:
  - id: first
    title: First section
    items:
      - id: purpose
        question: What is [intervention] for?
        constructs: [coherence/internalisation, cognitive-participation]
        prompts: [benefits]
        probes:
          - Could you give an example?
        minutes: 4
      - id: tasks
        question: What does it ask of you?
        constructs: [coherence/individual-specification]
        minutes: 2.5
  - id: second
    title: Second section
    items:
      - id: changes
        question: Has it changed?
        constructs: [reflexive-monitoring/reconfiguration]
closing: Thank you.
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line holding the n-th occurrence of needle: where a problem must be reported."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def problems_in(text: str) -> list[Problem]:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(textwrap.dedent(text), "demo.yaml")
    return list(caught.value.problems)


def the_problem(text: str) -> Problem:
    found = problems_in(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_valid_schedule_becomes_frozen_dataclasses():
    schedule = parse_schedule(VALID)
    assert isinstance(schedule, Schedule)
    assert schedule.id == "demo" and schedule.version == 1 and schedule.title == "Demo schedule"
    assert schedule.introduction == "Hello and thank you." and schedule.closing == "Thank you."
    assert [s.id for s in schedule.sections] == ["first", "second"]
    assert isinstance(schedule.sections[0], Section)
    purpose = schedule.item("purpose")
    assert isinstance(purpose, Item)
    assert purpose.constructs == ("coherence/internalisation", "cognitive-participation")
    assert purpose.prompts == ("benefits",) and purpose.probes == ("Could you give an example?",)
    assert purpose.minutes == 4 and purpose.line == 12
    with pytest.raises(AttributeError):
        purpose.question = "changed"  # type: ignore[misc]


def test_items_are_listed_in_interview_order():
    assert [item.id for item in parse_schedule(VALID).items] == ["purpose", "tasks", "changes"]


def test_item_and_section_lookups():
    schedule = parse_schedule(VALID)
    assert schedule.section_of("changes").id == "second"
    assert schedule.section("first").title == "First section"
    with pytest.raises(KeyError):
        schedule.item("missing")
    with pytest.raises(KeyError):
        schedule.section_of("missing")


def test_planned_minutes_total_and_per_section():
    schedule = parse_schedule(VALID)
    assert schedule.planned_minutes == 6.5
    assert schedule.planned_minutes_by_section() == {"first": 6.5, "second": 0}
    assert schedule.item("changes").minutes is None


def test_constructs_covered_by_asked_items_in_taxonomy_order():
    schedule = parse_schedule(VALID)
    assert schedule.constructs_covered(["tasks", "purpose"]) == (
        "coherence/individual-specification",
        "coherence/internalisation",
        "cognitive-participation",
    )
    assert schedule.constructs_covered([]) == ()
    assert "reflexive-monitoring/reconfiguration" in schedule.constructs_covered()


def test_with_intervention_fills_the_placeholder_everywhere():
    schedule = parse_schedule(VALID)
    assert schedule.has_placeholder
    filled = schedule.with_intervention("the triage pathway")
    assert filled.item("purpose").question == "What is the triage pathway for?"
    assert not filled.has_placeholder
    assert schedule.item("purpose").question == "What is [intervention] for?"


def test_load_schedule_records_the_source_file(tmp_path: Path):
    path = tmp_path / "demo.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert load_schedule(path).source == path
    assert find_schedule(str(path)).id == "demo"


def test_find_schedule_unknown_name_is_file_not_found():
    with pytest.raises(FileNotFoundError, match="npt-toolkit"):
        find_schedule("no-such-schedule")


def test_error_lists_each_problem_as_path_line_column_message():
    error_text = str(pytest.raises(ScheduleError, parse_schedule, VALID.replace("title: Demo", "titel: Demo"), "s.yaml").value)
    assert "s.yaml:3:1: unknown key 'titel' in the schedule; did you mean 'title'?" in error_text
    assert "s.yaml:1:1: the schedule has no 'title'" in error_text
    assert issubclass(ScheduleError, ValueError)


def test_yaml_syntax_error_gives_line_and_a_fix():
    problem = the_problem(VALID.replace("title: Demo schedule", "title: Demo: schedule"))
    assert (problem.path, problem.line) == ("demo.yaml", 3)
    assert "YAML syntax error" in problem.message and "quotes" in problem.message


def test_tab_indentation_is_a_syntax_error_with_a_hint():
    problem = the_problem("id: demo\n\ttitle: x\n")
    assert problem.line == 2 and "spaces, not tabs" in problem.message


def test_empty_file_is_reported():
    assert "empty" in the_problem("").message


def test_unknown_item_key_suggests_the_closest():
    found = problems_in(VALID.replace("        probes:", "        probs:"))
    unknown = [p for p in found if "unknown key" in p.message]
    assert len(unknown) == 1 and unknown[0].line == 16 and "did you mean 'probes'?" in unknown[0].message


def test_duplicate_item_id_says_where_the_first_was():
    text = VALID.replace("id: changes", "id: purpose")
    problem = the_problem(text)
    assert problem.line == line_of(text, "id: purpose", 2) == 26 and "duplicate item id 'purpose'" in problem.message
    assert "first at line 12" in problem.message


def test_duplicate_section_id_says_where_the_first_was():
    problem = the_problem(VALID.replace("id: second", "id: first"))
    assert problem.line == 23 and "first at line 9" in problem.message


def test_duplicate_yaml_key_is_reported():
    problem = the_problem(VALID.replace("        minutes: 4\n", "        minutes: 4\n        minutes: 5\n"))
    assert problem.line == 19 and "duplicate key 'minutes'" in problem.message and "line 18" in problem.message


def test_missing_question_is_reported_at_the_item():
    problem = the_problem(VALID.replace("        question: What does it ask of you?\n", ""))
    assert problem.line == 19 and "item 'tasks' has no 'question'" in problem.message


def test_empty_question_is_reported():
    problem = the_problem(VALID.replace("question: Has it changed?", "question:"))
    assert problem.line == 27 and "'question' in item 'changes' is empty" in problem.message


def test_missing_sections_is_reported():
    text = VALID[: VALID.index("sections:")] + "closing: Bye.\n"
    problem = the_problem(text)
    assert problem.line == 1 and "has no 'sections'" in problem.message


def test_empty_sections_is_reported():
    text = VALID[: VALID.index("sections:")] + "sections: []\n"
    problem = the_problem(text)
    assert problem.line == 8 and "'sections' in the schedule is empty" in problem.message


def test_empty_items_is_reported():
    text = VALID[: VALID.index("    items:\n      - id: changes")] + "    items: []\n"
    problem = the_problem(text)
    assert problem.line == 25 and "'items' in section 'second' is empty" in problem.message


def test_missing_items_is_reported_at_the_section():
    text = VALID[: VALID.index("    items:\n      - id: changes")]
    problem = the_problem(text)
    assert problem.line == 23 and "section 'second' has no 'items'" in problem.message


def test_unknown_construct_suggests_the_closest():
    problem = the_problem(VALID.replace("coherence/internalisation", "coherence/internalization"))
    assert problem.line == 14 and problem.column == 22
    assert "unknown NPT construct 'coherence/internalization'" in problem.message
    assert "did you mean 'coherence/internalisation'?" in problem.message


def test_bare_sub_construct_suggests_its_construct_prefix():
    problem = the_problem(VALID.replace("[reflexive-monitoring/reconfiguration]", "[reconfiguration]"))
    assert problem.line == 28 and "did you mean 'reflexive-monitoring/reconfiguration'?" in problem.message


def test_empty_constructs_is_reported():
    problem = the_problem(VALID.replace("[coherence/individual-specification]", "[]"))
    assert problem.line == 21 and "'constructs' in item 'tasks' is empty" in problem.message


@pytest.mark.parametrize("value", ["five", "0", "-2", "true", "[3]"])
def test_bad_minutes_are_reported(value: str):
    problem = the_problem(VALID.replace("minutes: 2.5", f"minutes: {value}"))
    assert problem.line == 22 and "'minutes' in item 'tasks'" in problem.message
    assert "positive number" in problem.message


def test_question_given_as_a_list_is_a_type_error():
    problem = the_problem(VALID.replace("question: Has it changed?", "question: [Has it changed]"))
    assert problem.line == 27 and "should be text" in problem.message


def test_constructs_given_as_a_word_is_a_type_error():
    problem = the_problem(VALID.replace("[reflexive-monitoring/reconfiguration]", "reflexive-monitoring"))
    assert problem.line == 28 and "should be a list" in problem.message


def test_item_that_is_not_a_mapping_is_reported():
    problem = the_problem(VALID.replace("      - id: changes\n        question: Has it changed?\n        constructs: [reflexive-monitoring/reconfiguration]\n", "      - just a question?\n"))
    assert problem.line == 26 and "should be a mapping" in problem.message


def test_id_that_is_not_a_slug_suggests_one():
    problem = the_problem(VALID.replace("id: demo", "id: Demo Schedule"))
    assert problem.line == 1 and "'demo-schedule'" in problem.message


def test_missing_version_is_reported():
    problem = the_problem(VALID.replace("version: 1\n", ""))
    assert problem.line == 1 and "no 'version'" in problem.message


def test_string_version_is_kept_as_text():
    assert parse_schedule(VALID.replace("version: 1", "version: '2024-05'")).version == "2024-05"


def test_all_problems_are_collected_in_file_order():
    text = VALID.replace("titel", "title").replace("title: Demo schedule", "titel: Demo schedule")
    text = text.replace("minutes: 2.5", "minutes: 0").replace("[reflexive-monitoring/reconfiguration]", "[banana]")
    found = problems_in(text)
    assert [p.line for p in found] == sorted(p.line for p in found)
    assert {1, 3, 22, 28} <= {p.line for p in found}


def test_non_utf8_file_is_reported_with_its_line(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"id: demo\ntitle: caf\xe9\n")
    with pytest.raises(ScheduleError) as caught:
        load_schedule(path)
    assert caught.value.problems[0].line == 2 and "UTF-8" in caught.value.problems[0].message


LISTENING = """\
id: demo
version: 1
title: Demo schedule
sections:
  - id: first
    title: First section
    items:
      - id: resources
        question: What does [intervention] need?
        constructs: [collective-action/contextual-integration]
        prompts:
          - management backing
          - text: time it takes
            listen_for:
              - we never have the hours for [intervention]
              - it eats into the clinic
"""


def test_a_prompt_may_carry_phrases_to_listen_for_and_plain_prompts_carry_none():
    item = parse_schedule(LISTENING, "demo.yaml").item("resources")
    assert item.prompts == ("management backing", "time it takes")
    assert item.listen_for_prompt(0) == ()
    assert item.listen_for_prompt(1) == ("we never have the hours for [intervention]", "it eats into the clinic")


def test_phrases_to_listen_for_are_filled_with_the_intervention():
    item = parse_schedule(LISTENING, "demo.yaml").with_intervention("the app").item("resources")
    assert item.listen_for_prompt(1)[0] == "we never have the hours for the app"


def test_a_schedule_without_phrases_to_listen_for_has_none():
    assert parse_schedule(VALID, "demo.yaml").item("purpose").listen_for == ()


def test_a_misspelt_key_in_a_prompt_is_reported_with_the_closest():
    text = LISTENING.replace("            listen_for:", "            listen_fro:")
    problem = the_problem(text)
    assert problem.line == line_of(text, "listen_fro:")
    assert "unknown key 'listen_fro'" in problem.message and "did you mean 'listen_for'" in problem.message


def test_a_prompt_mapping_without_its_text_is_reported():
    text = LISTENING.replace("          - text: time it takes\n            listen_for:",
                             "          - listen_for:")
    problem = the_problem(text)
    assert "has no 'text'" in problem.message


def test_a_phrase_to_listen_for_that_is_not_text_is_reported():
    text = LISTENING.replace("              - it eats into the clinic", "              - [nested, list]")
    problem = the_problem(text)
    assert problem.line == line_of(text, "[nested, list]")
    assert "'listen_for'" in problem.message
