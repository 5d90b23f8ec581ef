"""Provides schedule loading: parsing YAML text, reading files (cached while unchanged), bundled schedules by id."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from interviewer import locations
from interviewer.schedule.model import SCHEDULE_SUFFIXES, Problem, Schedule, ScheduleError
from interviewer.schedule.reader import read_schedule


def parse_schedule(text: str, source: str | Path = "<string>") -> Schedule:
    """Validate schedule YAML text; raises ScheduleError listing every problem with its line."""
    schedule = read_schedule(text, str(source))
    return replace(schedule, source=Path(source) if isinstance(source, Path) else None)


def load_schedule(path: str | Path) -> Schedule:
    """Load and validate a schedule file; raises ScheduleError (with lines) or OSError.

    A file unchanged since it was last read (same size and modification time) is not parsed again: exports,
    review and the start screen ask for the same few schedules over and over."""
    path = Path(path)
    status = path.stat()
    return _load_schedule_file(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=64)
def _load_schedule_file(path: Path, _mtime_ns: int, _size: int) -> Schedule:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ScheduleError(
            [Problem(str(path), line, column, "the file is not UTF-8 text; save it with UTF-8 encoding")]
        ) from None
    return parse_schedule(text, path)


def bundled_schedule_paths() -> tuple[Path, ...]:
    """The schedule files shipped with the product, by file name."""
    folder = locations.bundled_dir("schedules")
    if not folder.is_dir():
        return ()
    return tuple(sorted(path for path in folder.iterdir() if path.suffix in SCHEDULE_SUFFIXES))


def bundled_schedules() -> tuple[Schedule, ...]:
    """Every bundled schedule, loaded and validated, by file name."""
    return tuple(load_schedule(path) for path in bundled_schedule_paths())


def looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or Path(name).suffix in SCHEDULE_SUFFIXES or Path(name).exists()


def find_schedule(name_or_path: str | Path) -> Schedule:
    """A bundled schedule by id (e.g. `npt-toolkit`) or a schedule file by path.

    Raises FileNotFoundError when neither exists, ScheduleError when the file is invalid.
    """
    name = str(name_or_path)
    if isinstance(name_or_path, Path) or looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"no schedule file at {path}")
        return load_schedule(path)
    paths = bundled_schedule_paths()
    for path in paths:
        if path.stem == name:
            return load_schedule(path)
    for path in paths:
        schedule = load_schedule(path)
        if schedule.id == name:
            return schedule
    known = ", ".join(path.stem for path in paths) or "none"
    raise FileNotFoundError(f"no bundled schedule called {name!r} (bundled: {known}) and no file of that name")
