"""Provides checks of a CTranslate2 Whisper folder: its required files, language and file checksums."""

from __future__ import annotations

import hashlib
from pathlib import Path

REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")

ENGLISH_ONLY_VOCABULARY = 51864
"""Whisper's English-only models have one token fewer than the multilingual ones (51865 and up)."""


class ModelError(RuntimeError):
    """A model that cannot be found or used, with what to do about it."""


def check_folder(path: Path) -> Path:
    """The folder itself when it holds a CTranslate2 Whisper model; otherwise a ModelError saying what lacks."""
    if not path.is_dir():
        raise ModelError(f"Model folder {path} does not exist.")
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise ModelError(
            f"{path} is not a CTranslate2 Whisper model: it lacks {', '.join(missing)}. Convert a Whisper "
            "model with ct2-transformers-converter, or use a catalogue name (interviewer models list)."
        )
    return path


def folder_is_multilingual(path: Path) -> bool:
    try:
        with open(path / "vocabulary.txt", encoding="utf-8") as handle:
            return sum(1 for _ in handle) > ENGLISH_ONLY_VOCABULARY
    except OSError:
        return True  # let faster-whisper detect the language


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def folder_files(path: Path) -> dict[str, int]:
    """Every file of a model folder (relative name → size in bytes), hidden files left out."""
    return {str(file.relative_to(path)): file.stat().st_size for file in sorted(path.rglob("*"))
            if file.is_file() and not any(part.startswith(".") for part in file.relative_to(path).parts)}


def folder_checksums(path: Path) -> dict[str, str]:
    """The SHA-256 of every file of a model folder, by relative name."""
    return {name: sha256_of_file(path / name) for name in folder_files(path)}


def checksum_problems(path: Path, expected: dict[str, str]) -> list[str]:
    """What differs between a folder and the checksums recorded for it (empty when every file matches)."""
    problems = []
    for name, checksum in expected.items():
        file = path / name
        if not file.is_file():
            problems.append(f"{name}: missing")
        elif sha256_of_file(file) != checksum:
            problems.append(f"{name}: checksum mismatch")
    return problems


def try_loading(path: Path) -> None:
    """Load the model with faster-whisper and decode one second of silence; a ModelError says why it failed."""
    import numpy as np

    try:
        from faster_whisper import WhisperModel

        model = WhisperModel(str(path), device="cpu", compute_type="int8", local_files_only=True)
        language = None if folder_is_multilingual(path) else "en"
        segments, _ = model.transcribe(np.zeros(16000, dtype=np.float32), language=language or "en",
                                       beam_size=1, vad_filter=False)
        list(segments)
    except Exception as error:  # CTranslate2 and tokenizers raise plain RuntimeError/ValueError
        raise ModelError(f"faster-whisper cannot load {path}: {error}. Is it a CTranslate2 conversion of a "
                         "Whisper model (ct2-transformers-converter --model ... --output_dir ...)?") from None
