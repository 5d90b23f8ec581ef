"""Provides the export guard: no file for coders may contain an original string from the re-identification key.

Files are searched case-insensitively for whole words; DOCX, XLSX and REFI-QDA files are searched inside their
zip members. Refusals name the file and how many identifiers are left without a placeholder, never the terms.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Iterable

from interviewer.export.document import ExportRefused
from interviewer.anonymise.study.keyfile import Passphrase
from interviewer.store import Study

POSSESSIVE = re.compile(r"['’]s?$")


def guarded_terms(originals: Iterable[str]) -> list[str]:
    """The originals worth searching for: possessives stripped; bare short numbers (ages, '42') left out,
    as they would match timestamps and counts that identify no one."""
    terms = set()
    for original in originals:
        term = POSSESSIVE.sub("", " ".join(original.split())).strip(" .,;:!?\"'()[]")
        alphanumeric = [c for c in term if c.isalnum()]
        if len(alphanumeric) < 3 or (not any(c.isalpha() for c in term) and len(alphanumeric) < 6):
            continue
        terms.add(term.casefold())
    return sorted(terms, key=len, reverse=True)


def pattern_of(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    body = "|".join(r"\s+".join(re.escape(word) for word in term.split()) for term in terms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def key_pattern(study: Study, passphrase: Passphrase = None) -> re.Pattern | None:
    """The search pattern for the study's key originals; None when the study has no key (nothing to leak)."""
    from interviewer.anonymise.study.key import has_key, open_key

    if not has_key(study):
        return None
    return pattern_of(guarded_terms(open_key(study, passphrase).originals()))


AUDIO = (".flac", ".wav", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".wma")
"""Recordings copied with --include-audio carry no text to search (voices are flagged in the README)."""


def _texts(path: Path) -> Iterable[str]:
    if path.suffix.lower() in AUDIO:
        return
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith((".xml", ".rels", ".qde", ".qdc", ".txt", ".csv", ".json")):
                    yield html.unescape(archive.read(member).decode("utf-8", errors="replace"))
        return
    data = path.read_bytes()
    yield html.unescape(data.decode("utf-8", errors="replace"))


def leaks(path: Path, pattern: re.Pattern | None) -> int:
    """How many distinct key terms a file still contains."""
    if pattern is None:
        return 0
    found = set()
    for text in _texts(path):
        found.update(match.group(0).casefold() for match in pattern.finditer(text))
    return len(found)


def check_files(study: Study, files: Iterable[Path], pattern: re.Pattern | None, *, root: Path | None = None,
                shown_root: Path | None = None) -> None:
    """Refuse (and audit) when any file holds a key term; files are named relative to `root` under `shown_root`."""
    problems = []
    for path in files:
        count = leaks(path, pattern)
        if count:
            shown = path if root is None else (shown_root or root) / path.relative_to(root)
            problems.append((shown, count))
    if not problems:
        return
    study.audit("export refused", "study", 1, {"files": {str(p): n for p, n in problems}})
    listed = "; ".join(f"{path} has {count} identifier(s) without a placeholder" for path, count in problems)
    raise ExportRefused(f"Export refused, nothing was written: {listed}. The terms come from the re-identification "
                        "key and are not shown here; review the interview (interviewer review N --list) or re-run "
                        "interviewer anonymise N.")


def write_checked(study: Study, target: Path, write: Callable[[Path], None], passphrase: Passphrase = None) -> Path:
    """Write one export through `write(path)` in a staging folder and move it into place only if it is clean."""
    pattern = key_pattern(study, passphrase)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        staged = staging / target.name
        write(staged)
        check_files(study, [staged], pattern, root=staging, shown_root=target.parent)
        os.replace(staged, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def check_folder(study: Study, folder: Path, shown_as: Path, passphrase: Passphrase = None) -> None:
    """Check every file of a staged bundle before it is moved into place."""
    pattern = key_pattern(study, passphrase)
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    check_files(study, files, pattern, root=folder, shown_root=shown_as)
