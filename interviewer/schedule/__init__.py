"""Provides interview schedules: the data model, the YAML reader, NPT constructs, a study's own schedules, alignment."""

from interviewer.schedule.loading import (
    bundled_schedule_paths, bundled_schedules, find_schedule, load_schedule, looks_like_path, parse_schedule,
)
from interviewer.schedule.model import (
    PLACEHOLDER, SCHEDULE_SUFFIXES, Item, Problem, Schedule, ScheduleError, Section,
)

__all__ = [
    "PLACEHOLDER", "SCHEDULE_SUFFIXES", "Item", "Problem", "Schedule", "ScheduleError", "Section",
    "bundled_schedule_paths", "bundled_schedules", "find_schedule", "load_schedule", "looks_like_path",
    "parse_schedule",
]
