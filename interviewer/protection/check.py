"""Provides `study check`: the database's integrity, every recording against its stored checksum, and files that
are readable by others or left unencrypted, each problem named by file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interviewer.audio.sealed import SealedAudioError, is_sealed
from interviewer.audio.sealed_reader import SealedFile
from interviewer.audio.source import audio_sha256, audio_source
from interviewer.private import loose_modes
from interviewer.store import Study

AUDIO_HEADERS = (b"RIFF", b"fLaC", b"OggS", b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")
"""How plain audio files start (WAV, FLAC, Ogg, MP3); MP4/M4A is recognised by its 'ftyp' box."""


@dataclass(frozen=True)
class Problem:
    path: Path
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


@dataclass
class CheckReport:
    database: Path
    encrypted: bool
    recordings_checked: int = 0
    recordings_deleted: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def looks_like_plain_audio(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return head.startswith(AUDIO_HEADERS) or head[4:8] == b"ftyp"


def check_study(study: Study) -> CheckReport:
    """Check everything the study keeps; never changes anything."""
    database = study.folder / "study.db"
    report = CheckReport(database, study.encrypted)
    for problem in study.integrity_problems(encrypted=study.encrypted):
        report.problems.append(Problem(database, f"integrity check: {problem}"))
    referenced = set()
    for recording in study.all_recordings():
        path = study.recording_path(recording)
        referenced.add(path.resolve())
        if recording.deleted_at:
            report.recordings_deleted += 1
            if path.exists():
                report.problems.append(Problem(path, f"deleted on {recording.deleted_at[:10]} but still on disk"))
            continue
        report.recordings_checked += 1
        report.problems += _check_recording(study, path, recording.sha256)
    report.problems += _stray_audio(study, referenced)
    for path in loose_modes(study.folder):
        report.problems.append(Problem(path, "readable by other users (should be owner-only: 0700 folders, 0600 "
                                             "files); opening the study fixes it"))
    return report


def _check_recording(study: Study, path: Path, checksum: str) -> list[Problem]:
    if not path.is_file():
        return [Problem(path, "missing (restore it from a backup: interviewer study restore BACKUP)")]
    problems = []
    if study.encrypted and not is_sealed(path):
        problems.append(Problem(path, "kept unencrypted in an encrypted study (run: interviewer study encrypt)"))
    try:
        if is_sealed(path):
            sealed = SealedFile(path, study.audio_key)
            if not sealed.finished:
                problems.append(Problem(path, "was not closed properly (a crash while recording?); resuming the "
                                              "interview closes it"))
        actual = audio_sha256(audio_source(path, study.audio_key))
    except SealedAudioError as error:
        return problems + [Problem(path, str(error).removeprefix(f"{path}: "))]
    except OSError as error:
        return problems + [Problem(path, f"cannot be read ({error.strerror or error})")]
    if actual != checksum:
        problems.append(Problem(path, "does not match its stored checksum: the audio has changed or is damaged"))
    return problems


def _stray_audio(study: Study, referenced: set[Path]) -> list[Problem]:
    """Audio in the recordings folder no recording points at: plain copies are named, sealed leftovers too."""
    folder = study.recordings_dir
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.resolve() in referenced:
            continue
        if looks_like_plain_audio(path):
            problems.append(Problem(path, "a plain audio file the study does not use" + (
                " (unencrypted: delete it, or run interviewer study encrypt to finish)" if study.encrypted else "")))
        elif path.name.startswith(".import-") or path.name.endswith(".partial"):
            problems.append(Problem(path, "left by an import or copy that did not finish; it can be deleted"))
    return problems
