"""Tests for the model catalogue: bundled models resolve offline, local folders work, gaps are explained."""

from __future__ import annotations

import shutil

import pytest

from interviewer.transcribe import models


def test_default_model_is_the_bundled_tiny_en():
    resolved = models.resolve()
    assert resolved.name == "tiny.en" and not resolved.multilingual
    assert (resolved.path / "model.bin").is_file()


def test_base_model_is_joined_from_its_two_packages_once(isolated_home):
    resolved = models.resolve("base")
    assert resolved.multilingual
    assert resolved.path.is_relative_to(isolated_home)
    assert models.verify(next(m for m in models.catalogue() if m.name == "base")) == []
    mtime = (resolved.path / "model.bin").stat().st_mtime_ns
    assert (models.resolve("base").path / "model.bin").stat().st_mtime_ns == mtime


def test_any_local_ctranslate2_folder_can_be_used(tmp_path):
    folder = tmp_path / "my-whisper"
    shutil.copytree(models.resolve("tiny.en").path, folder)
    resolved = models.resolve(str(folder))
    assert resolved.path == folder and not resolved.multilingual


def test_folder_without_model_files_says_what_is_missing(tmp_path):
    (tmp_path / "empty-model").mkdir()
    with pytest.raises(models.ModelError, match="lacks model.bin, config.json, tokenizer.json"):
        models.resolve(str(tmp_path / "empty-model"))


def test_unknown_name_lists_the_catalogue():
    with pytest.raises(models.ModelError, match="tiny.en, base"):
        models.resolve("large-v9")


def test_missing_package_says_exactly_how_to_install_it(monkeypatch):
    entry = models.CatalogueModel(name="ghost", language="en", description="", install="pip install ghost-model==1",
                                  folder={"module": "ghost_model_pkg", "call": "get_model_path"})
    monkeypatch.setattr(models, "catalogue", lambda: [entry])
    with pytest.raises(models.ModelError, match="pip install ghost-model==1"):
        models.resolve("ghost")
