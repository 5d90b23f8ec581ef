"""Tests for `interviewer models add`: a team's own CTranslate2 folder, checked, checksummed, usable by name."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import SPEECH
from interviewer.cli import main
from interviewer.transcribe import model_registry, models


@pytest.fixture
def team_folder(tmp_path):
    """A copy of tiny.en as a team would have it (the large weights linked, the small files copied)."""
    source = models.resolve("tiny.en").path
    folder = tmp_path / "team-whisper"
    folder.mkdir()
    for file in source.iterdir():
        if file.name == "model.bin":
            (folder / file.name).symlink_to(file)
        elif file.is_file():
            shutil.copyfile(file, folder / file.name)
    return folder


def test_a_registered_folder_is_listed_checked_and_resolved_by_name(team_folder):
    result = CliRunner().invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    assert result.exit_code == 0, result.output
    assert "Registered team-tiny" in result.output and "--model team-tiny" in result.output
    entry = model_registry.find("team-tiny")
    assert entry.path == team_folder and not entry.multilingual
    assert set(entry.sha256) >= {"model.bin", "config.json", "tokenizer.json"}
    listing = CliRunner().invoke(main, ["models", "list"]).output
    assert "team-tiny (registered" in listing and str(team_folder) in listing
    assert models.resolve("team-tiny") == models.ResolvedModel("team-tiny", team_folder, False)
    assert "all" in CliRunner().invoke(main, ["models", "check", "team-tiny"]).output


@pytest.mark.slow
def test_a_registered_model_transcribes_by_name(team_folder):
    CliRunner().invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    result = CliRunner().invoke(main, ["transcribe", str(SPEECH / "jfk.flac"), "--json", "--model", "team-tiny"])
    assert result.exit_code == 0, result.output
    transcript = json.loads(result.output)
    assert transcript["model"] == "team-tiny" and "country" in " ".join(s["text"] for s in transcript["segments"])


def test_names_are_checked_before_anything_is_registered(team_folder, tmp_path):
    runner = CliRunner()
    assert "is a catalogue model" in runner.invoke(main, ["models", "add", "tiny.en", str(team_folder)]).output
    assert "not a usable model name" in runner.invoke(main, ["models", "add", "my model", str(team_folder)]).output
    (tmp_path / "empty").mkdir()
    assert "lacks model.bin" in runner.invoke(main, ["models", "add", "empty", str(tmp_path / "empty")]).output
    broken = tmp_path / "broken"
    shutil.copytree(team_folder, broken, symlinks=False)
    (broken / "model.bin").unlink()
    (broken / "model.bin").write_bytes(b"not a model")
    result = runner.invoke(main, ["models", "add", "broken", str(broken)])
    assert result.exit_code == 1 and "faster-whisper cannot load" in result.output
    assert model_registry.registered() == []
    runner.invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    assert "already registered" in runner.invoke(main, ["models", "add", "team-tiny", str(team_folder)]).output


def test_a_changed_folder_is_caught(team_folder):
    CliRunner().invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    vocabulary = team_folder / "vocabulary.txt"
    vocabulary.write_text(vocabulary.read_text() + "extra\n")
    with pytest.raises(models.ModelError, match="has changed since it was registered"):
        models.resolve("team-tiny")
    vocabulary.write_text(vocabulary.read_text()[:-len("extra\n")].replace("a", "b", 1))  # same size, other bytes
    result = CliRunner().invoke(main, ["models", "check", "team-tiny"])
    assert result.exit_code == 1 and "vocabulary.txt: checksum mismatch" in result.output


def test_workers_find_a_registered_model_by_path_or_their_own_registration(team_folder, tmp_path, monkeypatch):
    from interviewer.batch.worker import ModelSpec, resolve_on_worker

    CliRunner().invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    spec = ModelSpec.for_model("team-tiny")
    assert spec.kind == "registered" and spec.path == str(team_folder)
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "worker-home"))  # a worker with no registrations
    assert resolve_on_worker(spec).path == team_folder
    copy = tmp_path / "elsewhere"
    shutil.copytree(team_folder, copy)
    CliRunner().invoke(main, ["models", "add", "team-tiny", str(copy)])
    moved = ModelSpec("team-tiny", "registered", str(tmp_path / "gone"), spec.sha256)
    assert resolve_on_worker(moved).path == copy
    CliRunner().invoke(main, ["models", "remove", "team-tiny"])
    with pytest.raises(models.ModelError, match="does not exist on this machine"):
        resolve_on_worker(moved)
    (copy / "config.json").write_text("{}")
    with pytest.raises(models.ModelError, match="differs from the registered model"):
        resolve_on_worker(ModelSpec("team-tiny", "registered", str(copy), spec.sha256))


def test_removing_a_model_leaves_its_folder(team_folder):
    CliRunner().invoke(main, ["models", "add", "team-tiny", str(team_folder)])
    assert CliRunner().invoke(main, ["models", "remove", "team-tiny"]).exit_code == 0
    assert model_registry.find("team-tiny") is None and (team_folder / "model.bin").exists()
