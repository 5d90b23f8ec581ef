"""Tests for coder allocation: balanced shares, even pairs, the same answer every time, stored and extended."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from coding_study import add_interview, build
from interviewer.export.allocation import allocate, allocations, coders_of, parse_coders, plan
from interviewer.cli import main
from interviewer.store import StoreError


def test_three_coders_two_per_transcript_get_equal_shares_and_equal_pairs():
    planned = plan(list(range(1, 13)), ["A", "B", "C"], 2)
    assert all(len(coders) == 2 for coders in planned.values())
    assert Counter(c for coders in planned.values() for c in coders) == {"A": 8, "B": 8, "C": 8}
    assert Counter(planned.values()) == {("A", "B"): 4, ("B", "C"): 4, ("A", "C"): 4}
    assert plan(list(range(1, 13)), ["A", "B", "C"], 2) == planned


@pytest.mark.parametrize("count, coders, per", [(7, 3, 2), (10, 4, 2), (5, 5, 3), (9, 2, 1)])
def test_loads_never_differ_by_more_than_one(count, coders, per):
    names = [chr(65 + i) for i in range(coders)]
    loads = Counter(c for chosen in plan(list(range(count)), names, per).values() for c in chosen)
    assert sum(loads.values()) == count * per
    assert max(loads.values()) - min(loads[name] for name in names) <= 1


def test_impossible_requests_are_refused():
    with pytest.raises(StoreError, match="only 2"):
        plan([1], ["A", "B"], 3)
    with pytest.raises(StoreError, match="twice"):
        parse_coders("A,B,A")
    with pytest.raises(StoreError, match="not a list"):
        parse_coders("A,,B")


def test_allocation_is_stored_and_new_interviews_join_without_moving_old_ones(study):
    build(study)
    assert coders_of(study) == {}
    allocate(study, ["A", "B", "C"], 2)
    stored = coders_of(study)
    assert sorted(stored) == [1, 2, 3, 4]
    new_id = add_interview(study, "KI-01", "phone", day=9)
    allocate(study, ["A", "B", "C"], 2)
    extended = coders_of(study)
    assert {k: v for k, v in extended.items() if k != new_id} == stored
    assert extended[new_id] == ("A", "C")
    assert any(entry["action"] == "allocate" for entry in study.audit_entries())


def test_allocate_command_prints_the_allocation_and_shares(study):
    build(study)
    result = CliRunner().invoke(main, ["allocate", "--coders", "A,B,C", "--per-transcript", "2", "--study", "test-study"])
    assert result.exit_code == 0, result.output
    assert "#2\tKI-02\tB, C" in result.output
    assert "Transcripts per coder: A 3, B 3, C 2" in result.output
    shown = CliRunner().invoke(main, ["allocate", "--show", "--study", "test-study"])
    assert "#1\tKI-01\tA, B" in shown.output
    assert len(allocations(study)) == 4
