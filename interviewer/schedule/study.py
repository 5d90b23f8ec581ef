"""Provides the study's own schedules: checked copies kept in the study folder by id and version, found before bundled ones."""

from __future__ import annotations

import re
from pathlib import Path

from interviewer.private import write_private
from interviewer.locations import bundled_dir
from interviewer.schedule.loading import bundled_schedules, find_schedule, load_schedule, looks_like_path
from interviewer.schedule.model import SCHEDULE_SUFFIXES, Schedule, ScheduleError
from interviewer.store import Interview, Study

FOLDER_NAME = "schedules"


class ScheduleConflict(ValueError):
    """A different schedule file is already kept under the same id and version."""


def schedules_folder(study: Study) -> Path:
    return study.folder / FOLDER_NAME


def _file_name(schedule: Schedule) -> str:
    version = re.sub(r"[^\w.-]", "_", str(schedule.version))
    return f"{schedule.id}@{version}.yaml"


def add_schedule(study: Study, path: str | Path) -> Schedule:
    """Check a schedule file and keep a copy in the study, so its interviews can always be resumed,
    aligned and exported with the exact questions they followed, wherever the original goes.

    Adding the same file again changes nothing; a changed file needs a new version number."""
    source = Path(path).expanduser()
    schedule = load_schedule(source)
    kept = schedules_folder(study) / _file_name(schedule)
    content = source.read_bytes()
    if kept.exists():
        if kept.read_bytes() != content:
            raise ScheduleConflict(
                f"{source}: the study already has schedule '{schedule.id}' version {schedule.version} with different"
                f" questions ({kept}). Interviews may already follow it; give the changed file a new 'version'"
                " (e.g. version: 2) and add it again.")
        return load_schedule(kept)
    write_private(kept, content)
    study.audit("add", "schedules", None, {"id": schedule.id, "version": str(schedule.version), "from": str(source)})
    return load_schedule(kept)


def keep_schedule(study: Study, schedule: Schedule) -> None:
    """Keep a copy of a schedule read from the user's own file; bundled and already kept ones need none."""
    source = schedule.source
    if source is None or source.parent.resolve() in (bundled_dir("schedules").resolve(), schedules_folder(study).resolve()):
        return
    add_schedule(study, source)


def _version_order(schedule: Schedule) -> tuple:
    version = schedule.version
    return (0, version, "") if isinstance(version, int) else (1, 0, str(version))


def study_schedules(study: Study, *, skip_invalid: bool = False) -> list[Schedule]:
    """Every schedule kept in the study, by id then version. A copy edited by hand into an invalid file
    raises ScheduleError, or is left out with `skip_invalid`."""
    folder = schedules_folder(study)
    kept = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix not in SCHEDULE_SUFFIXES:
            continue
        try:
            kept.append(load_schedule(path))
        except ScheduleError:
            if not skip_invalid:
                raise
    return sorted(kept, key=lambda s: (s.id, _version_order(s)))


def available_schedules(study: Study) -> list[Schedule]:
    """The schedules an interview can follow: the latest version of each of the study's own, then the
    bundled ones it does not replace."""
    latest: dict[str, Schedule] = {}
    for schedule in study_schedules(study):
        latest[schedule.id] = schedule
    return [*latest.values(), *(s for s in bundled_schedules() if s.id not in latest)]


def schedule_for(study: Study, schedule_id: str, version: str | int | None = None) -> Schedule:
    """The schedule an interview followed: the study's or the bundled copy of that version, else the study's
    latest copy of that id, else the bundled one. Raises FileNotFoundError when none is known."""
    own = [s for s in study_schedules(study, skip_invalid=True) if s.id == schedule_id]
    exact = [s for s in own if version is not None and str(s.version) == str(version)]
    if exact:
        return exact[-1]
    try:
        bundled = find_schedule(schedule_id)
    except (OSError, ScheduleError):
        bundled = None
    if bundled is not None and (not own or str(bundled.version) == str(version)):
        return bundled
    if own:
        return own[-1]
    raise FileNotFoundError(f"no schedule '{schedule_id}' in the study or bundled; add its file with: "
                            f"interviewer schedule add FILE")


def followed_schedule(study: Study, interview: Interview) -> Schedule | None:
    """The schedule an interview followed, or None when it followed none or its file is missing, unreadable or
    invalid (callers then go on without the questions)."""
    if not interview.schedule_id:
        return None
    try:
        return schedule_for(study, interview.schedule_id, interview.schedule_version)
    except (OSError, ValueError):
        return None


def resolve_schedule(study: Study, name_or_path: str | Path) -> Schedule:
    """A schedule by file path (checked, then kept in the study) or by id (the study's own first, then
    bundled). Raises FileNotFoundError, ScheduleError or ScheduleConflict."""
    name = str(name_or_path)
    if isinstance(name_or_path, Path) or looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"no schedule file at {path}")
        return add_schedule(study, path)
    return schedule_for(study, name)
