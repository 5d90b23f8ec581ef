"""Provides the model catalogue: Whisper models by name, found in installed packages or local folders."""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from interviewer import locations
from interviewer.transcribe.model_folder import REQUIRED_FILES, ModelError, check_folder, folder_is_multilingual

__all__ = ["ModelError", "REQUIRED_FILES", "CatalogueModel", "ResolvedModel", "catalogue", "resolve", "verify"]


@dataclass(frozen=True)
class CatalogueModel:
    name: str
    language: str
    description: str
    install: str
    default: bool = False
    folder: dict | None = None
    parts: list[dict] = field(default_factory=list)
    sha256: dict[str, str] = field(default_factory=dict)

    @property
    def multilingual(self) -> bool:
        return self.language == "multilingual"


@dataclass(frozen=True)
class ResolvedModel:
    """A model ready to load: its display name, folder and whether it is English-only."""

    name: str
    path: Path
    multilingual: bool


def catalogue() -> list[CatalogueModel]:
    path = locations.bundled_dir("models") / "catalogue.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    known = set(CatalogueModel.__dataclass_fields__)
    return [CatalogueModel(**{k: v for k, v in entry.items() if k in known}) for entry in entries]


def default_model_name() -> str:
    return next(m.name for m in catalogue() if m.default)


def resolve(name_or_path: str | None = None) -> ResolvedModel:
    """Find a model by catalogue name, registered name or local CTranslate2 folder; explain how to get a missing one."""
    from interviewer.transcribe import model_registry

    value = name_or_path or default_model_name()
    entries = {m.name: m for m in catalogue()}
    if value in entries:
        entry = entries[value]
        return ResolvedModel(entry.name, _catalogue_folder(entry), entry.multilingual)
    registered = model_registry.find(value)
    if registered is not None:
        return ResolvedModel(registered.name, model_registry.usable_folder(registered), registered.multilingual)
    path = Path(value).expanduser()
    if path.exists() or "/" in value:
        return ResolvedModel(path.name, check_folder(path), folder_is_multilingual(path))
    names = list(entries) + [m.name for m in model_registry.registered()]
    raise ModelError(
        f"Unknown model '{value}'. Use a catalogue or registered name ({', '.join(names)}), the path of a local "
        "CTranslate2 Whisper folder (holding model.bin, config.json and tokenizer.json), or register your own "
        "folder with 'interviewer models add NAME PATH'."
    )


def _import_package(module: str, entry: CatalogueModel):
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ModelError(
            f"Model '{entry.name}' is not installed (Python module {module} is missing). Install it with:\n"
            f"    {entry.install}\n(inside the interviewer virtual environment, e.g. .venv/bin/{entry.install})"
        ) from None


def _catalogue_folder(entry: CatalogueModel) -> Path:
    if entry.folder:
        package = _import_package(entry.folder["module"], entry)
        return check_folder(Path(getattr(package, entry.folder["call"])()))
    return _join_parts(entry)


def _join_parts(entry: CatalogueModel) -> Path:
    """Assemble a model split across packages into the cache once, verified by checksum."""
    target = locations.cache_dir() / "models" / entry.name
    if (target / "model.bin").is_file() and all((target / f).is_file() for f in REQUIRED_FILES):
        return target
    sources = []
    for part in entry.parts:
        package = _import_package(part["module"], entry)
        sources.append((Path(package.__file__).parent / part.get("path", ""), part))
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    digest = hashlib.sha256()
    with open(staging / "model.bin", "wb") as joined:
        for folder, part in sources:
            for name in part.get("files", []):
                shutil.copyfile(folder / name, staging / name)
            with open(folder / part["model_part"], "rb") as chunk_file:
                while chunk := chunk_file.read(1 << 20):
                    digest.update(chunk)
                    joined.write(chunk)
    expected = entry.sha256.get("model.bin")
    if expected and digest.hexdigest() != expected:
        shutil.rmtree(staging, ignore_errors=True)
        raise ModelError(f"Joined model '{entry.name}' has the wrong checksum; reinstall with: {entry.install}")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)
    return target


def verify(entry: CatalogueModel) -> list[str]:
    """Checksum problems of an installed catalogue model (empty when all files match)."""
    folder = _catalogue_folder(entry)
    problems = []
    for name, expected in entry.sha256.items():
        digest = hashlib.sha256()
        with open(folder / name, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            problems.append(f"{name}: checksum mismatch")
    return problems


def model_status(model: str | None = None) -> tuple[bool, str]:
    """Whether the transcription model is installed, and a line saying so (or how to get it)."""
    try:
        resolved = resolve(model)
    except ModelError as error:
        return False, str(error)
    return True, f"model {resolved.name} ready"
