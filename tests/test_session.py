"""The interview state machine: navigation, probes, notes, timing, and rebuilding from stored events."""

from __future__ import annotations

import pytest

from interviewer.schedule import find_schedule
from interviewer.interview.session import InterviewSession, SessionError


@pytest.fixture(scope="module")
def schedule():
    return find_schedule("npt-key-informant")


def started(schedule) -> InterviewSession:
    session = InterviewSession(schedule)
    session.start(0.0)
    return session


def kinds(events):
    return [event.kind for event in events]


def test_starting_opens_a_part_and_the_first_item(schedule):
    session = InterviewSession(schedule)
    events = session.start(0.0)
    assert kinds(events) == ["part", "start", "item"]
    assert session.current_id == schedule.items[0].id
    assert session.part == 1


def test_next_marks_the_item_asked_and_moves_on(schedule):
    session = started(schedule)
    first, second = schedule.items[:2]
    events = session.next(30.0)
    assert [(e.kind, e.item_id, e.offset) for e in events] == [("asked", first.id, 30.0), ("item", second.id, 30.0)]
    assert session.status_of(first.id) == "asked"
    assert session.current_id == second.id


def test_skip_leaves_the_item_unasked(schedule):
    session = started(schedule)
    first = session.current_id
    session.skip(5.0)
    assert session.status_of(first) == "skipped"
    assert first not in session.asked


def test_items_can_be_taken_out_of_order_and_next_returns_to_open_ones(schedule):
    session = started(schedule)
    last = schedule.items[-1].id
    session.goto(last, 10.0)
    session.next(20.0)
    assert session.status_of(last) == "asked"
    assert session.current_id == schedule.items[0].id, "next wraps round to the first open item"


def test_back_returns_to_the_previous_item(schedule):
    session = started(schedule)
    first = session.current_id
    session.next(10.0)
    session.back(12.0)
    assert session.current_id == first


def test_back_with_no_history_is_refused(schedule):
    with pytest.raises(SessionError):
        started(schedule).back(1.0)


def test_probes_are_numbered_from_one_and_checked(schedule):
    session = started(schedule)
    item = session.current
    event = session.probe(2, 15.0)[0]
    assert (event.kind, event.probe, event.text) == ("probe", 2, item.probes[1])
    assert session.probes_used[item.id] == {2}
    with pytest.raises(SessionError):
        session.probe(len(item.probes) + 1, 16.0)


def test_notes_and_markers_carry_the_item_and_offset(schedule):
    session = started(schedule)
    session.note("  participant sounds hesitant ", 42.5)
    session.marker(50.0)
    (note,), (marker,) = session.notes(), session.markers()
    assert (note.text, note.item_id, note.offset) == ("participant sounds hesitant", session.current_id, 42.5)
    assert marker.offset == 50.0
    with pytest.raises(SessionError):
        session.note("   ", 51.0)


def test_constructs_covered_follow_the_items_asked(schedule):
    session = started(schedule)
    assert session.constructs_covered() == ()
    first = session.current
    session.next(60.0)
    assert set(session.constructs_covered()) == set(first.constructs)


def test_section_time_counts_recorded_seconds_only(schedule):
    session = started(schedule)
    first_section = schedule.sections[0].id
    session.pause(60.0)
    assert session.section_seconds(60.0)[first_section] == pytest.approx(60.0)
    session.resume(60.0)  # the recorder's offset does not advance while paused
    assert session.section_seconds(90.0)[first_section] == pytest.approx(90.0)
    assert session.elapsed(90.0) == pytest.approx(90.0)


def test_completing_every_item_leaves_none_open(schedule):
    session = started(schedule)
    for offset, _ in enumerate(schedule.items):
        session.next(float(offset))
    assert session.complete and session.current is None
    with pytest.raises(SessionError):
        session.next(99.0)


def test_replaying_events_rebuilds_the_same_state(schedule):
    session = InterviewSession(schedule)
    log = session.start(0.0)
    log += session.next(10.0)
    log += session.probe(1, 12.0)
    log += session.skip(20.0)
    log += session.note("a note", 25.0)
    log += session.goto(schedule.items[-1].id, 30.0)
    replayed = InterviewSession.from_events(schedule, log)
    assert replayed.current_id == session.current_id
    assert replayed.asked == session.asked and replayed.skipped == session.skipped
    assert replayed.probes_used == session.probes_used
    assert [n.text for n in replayed.notes()] == ["a note"]


def test_resuming_opens_a_new_part_at_the_same_item(schedule):
    session = started(schedule)
    session.next(10.0)
    where = session.current_id
    events = session.start(0.0)
    assert kinds(events) == ["part", "item"]
    assert events[1].item_id == where and session.part == 2
    session.next(5.0)
    assert session.elapsed(0.0) == pytest.approx(15.0), "the first part's seconds carry over"
