"""Provides the team's own models: CTranslate2 Whisper folders registered by name, with their checksums."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

from interviewer import locations
from interviewer.transcribe.model_folder import (
    ModelError, check_folder, checksum_problems, folder_checksums, folder_files, folder_is_multilingual, try_loading,
)

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class RegisteredModel:
    """A model folder a team registered with `interviewer models add`."""

    name: str
    path: Path
    multilingual: bool
    sha256: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    added: str = ""

    @property
    def language(self) -> str:
        return "multilingual" if self.multilingual else "en"


def registry_path() -> Path:
    """Where registered models are listed: models.yaml in the user's configuration folder."""
    return locations.config_dir() / "models.yaml"


def registered() -> list[RegisteredModel]:
    path = registry_path()
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return [RegisteredModel(name=entry["name"], path=Path(entry["path"]), multilingual=entry["language"] != "en",
                                sha256=dict(entry.get("sha256", {})), sizes=dict(entry.get("sizes", {})),
                                added=str(entry.get("added", "")))
                for entry in data.get("models", [])]
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(f"{path} is not a valid list of registered models ({error}); fix or remove the file, "
                         "then add the models again with 'interviewer models add NAME PATH'.") from None


def find(name: str) -> RegisteredModel | None:
    return next((entry for entry in registered() if entry.name == name), None)


def add(name: str, folder: Path, *, reserved: set[str] = frozenset(), replace: bool = False) -> RegisteredModel:
    """Check a folder (required files, it loads and decodes), record its files' checksums and register it."""
    if not NAME_PATTERN.match(name):
        raise ModelError(f"'{name}' is not a usable model name: use letters, digits, '.', '_' or '-' "
                         "(e.g. large-v3-turbo), starting with a letter or digit.")
    if name in reserved:
        raise ModelError(f"'{name}' is a catalogue model; register your folder under another name.")
    if find(name) is not None and not replace:
        raise ModelError(f"A model named '{name}' is already registered; pass --replace to point it at {folder}.")
    folder = check_folder(Path(folder).expanduser().resolve())
    try_loading(folder)
    entry = RegisteredModel(name, folder, folder_is_multilingual(folder), folder_checksums(folder), folder_files(folder),
                            datetime.now(timezone.utc).isoformat(timespec="seconds"))
    _write([e for e in registered() if e.name != name] + [entry])
    return entry


def remove(name: str) -> None:
    entries = registered()
    if not any(entry.name == name for entry in entries):
        raise ModelError(f"No model named '{name}' is registered (see 'interviewer models list').")
    _write([entry for entry in entries if entry.name != name])


def usable_folder(entry: RegisteredModel) -> Path:
    """The registered folder, after a quick check that its files are still there at their recorded sizes."""
    folder = check_folder(entry.path)
    changed = [name for name, size in entry.sizes.items()
               if not (folder / name).is_file() or (folder / name).stat().st_size != size]
    if changed:
        raise ModelError(f"Model '{entry.name}' at {folder} has changed since it was registered "
                         f"({', '.join(changed)}); check it with 'interviewer models check {entry.name}' or register "
                         f"it again with 'interviewer models add {entry.name} {folder} --replace'.")
    return folder


def verify(entry: RegisteredModel) -> list[str]:
    """Checksum problems of a registered folder (empty when all its files match)."""
    return checksum_problems(check_folder(entry.path), entry.sha256)


def _write(entries: list[RegisteredModel]) -> None:
    path = registry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"models": [{"name": e.name, "path": str(e.path), "language": e.language, "added": e.added,
                        "sha256": e.sha256, "sizes": e.sizes} for e in entries]}
    text = ("# Whisper models registered with 'interviewer models add NAME PATH' (checked, with their files' "
            "checksums).\n" + yaml.safe_dump(data, sort_keys=False))
    handle, staging = tempfile.mkstemp(dir=path.parent, prefix=".models-", suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(staging, path)
