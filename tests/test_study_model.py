"""The study's transcription model: chosen once, used by every final pass (after the stop and ahead) and by
`interviewer transcribe`; a choice that cannot be used here is refused or explained."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from audio_sink import null_sink  # noqa: F401 (fixture)
from conftest import SPEECH, word_error_rate
from interviewer import pipeline
from interviewer.app import make_app
from interviewer.cli import main
from interviewer.processing import process_interview
from interviewer.store import Study
from interviewer.transcribe import models
from interviewer.transcribe.study_model import SETTING, model_for, set_study_model, study_model
from test_interview_app import add_participant
from test_interview_capture import record_through_app


@pytest.fixture(scope="session")
def base_folder(tmp_path_factory):
    """Whisper base joined once for the run, as a CTranslate2 folder of its own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERVIEWER_HOME", str(tmp_path_factory.mktemp("base-home")))
        return models.resolve("base").path


def test_a_study_that_chose_nothing_transcribes_with_the_bundled_model(study):
    assert study_model(study) is None
    assert model_for(study).name == models.default_model_name()


def test_a_catalogue_model_is_kept_by_name_and_the_choice_audited(study):
    assert set_study_model(study, "base").name == "base"
    assert study.settings[SETTING] == "base"
    assert study.audit_entries()[-1]["action"] == "set"
    assert model_for(study).name == "base" and model_for(study).multilingual


def test_a_folder_is_kept_by_its_full_path(study, base_folder, tmp_path, monkeypatch):
    copy = tmp_path / "whisper" / "my-base"
    shutil.copytree(base_folder, copy)
    monkeypatch.chdir(copy.parent)
    set_study_model(study, "my-base")
    assert study_model(study) == str(copy)
    assert model_for(study).path == copy


def test_a_model_given_for_one_run_wins_over_the_study_choice(study, base_folder):
    set_study_model(study, str(base_folder))
    assert model_for(study, "tiny.en").name == "tiny.en"


def test_an_unknown_model_is_refused_and_the_choice_kept(study, base_folder):
    set_study_model(study, str(base_folder))
    with pytest.raises(models.ModelError, match="Unknown model 'large-v9'"):
        set_study_model(study, "large-v9")
    assert study_model(study) == str(base_folder)


def test_a_chosen_folder_gone_from_this_computer_says_which_model_and_how_to_choose_again(study, base_folder,
                                                                                          tmp_path):
    copy = tmp_path / "moved-away"
    shutil.copytree(base_folder, copy)
    set_study_model(study, str(copy))
    shutil.rmtree(copy)
    with pytest.raises(models.ModelError, match="This study transcribes with '.*moved-away', which is not usable "
                                                ".*interviewer study set-model NAME"):
        model_for(study)


def test_set_model_from_the_cli_shows_sets_and_goes_back_to_the_default(base_folder):
    runner = CliRunner()
    assert runner.invoke(main, ["--study", "team", "study", "init"]).exit_code == 0
    shown = runner.invoke(main, ["--study", "team", "study", "set-model"])
    assert "tiny.en (the default)" in shown.output
    chosen = runner.invoke(main, ["--study", "team", "study", "set-model", str(base_folder)])
    assert chosen.exit_code == 0 and "transcribed with base" in chosen.output
    assert f"transcribes with {base_folder}" in runner.invoke(main, ["--study", "team", "study", "set-model"]).output
    assert f"Transcription model: {base_folder}" in runner.invoke(main, ["--study", "team", "study", "info"]).output
    refused = runner.invoke(main, ["--study", "team", "study", "set-model", "large-v9"])
    assert refused.exit_code == 1 and "Unknown model 'large-v9'" in refused.output
    assert runner.invoke(main, ["--study", "team", "study", "set-model", "default"]).exit_code == 0
    study = Study.open("team")
    assert study_model(study) is None
    study.close()


@pytest.mark.slow
def test_transcribing_an_imported_interview_uses_the_study_model(base_folder):
    runner = CliRunner()
    assert runner.invoke(main, ["--study", "team", "study", "init"]).exit_code == 0
    assert runner.invoke(main, ["--study", "team", "participant", "add", "KI-01"]).exit_code == 0
    assert runner.invoke(main, ["--study", "team", "study", "set-model", str(base_folder)]).exit_code == 0
    imported = runner.invoke(main, ["--study", "team", "import", str(SPEECH / "jfk.flac"), "--participant", "KI-01"])
    assert imported.exit_code == 0, imported.output
    transcribed = runner.invoke(main, ["--study", "team", "transcribe", "1"])
    assert transcribed.exit_code == 0, transcribed.output
    study = Study.open("team")
    assert {segment.model for segment in study.segments(1)} == {"base"}
    study.close()


@pytest.mark.audio
@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_interview_recorded_through_the_app_is_transcribed_with_the_study_model(null_sink, study,
                                                                                        base_folder, tmp_path,
                                                                                        monkeypatch):
    add_participant(study)
    monkeypatch.setattr(pipeline, "anonymise_interview", lambda study, interview_id: 0)  # the transcript is the point
    set_study_model(study, str(base_folder))
    app = make_app(study, process=process_interview, check_seconds=0.5, live_model=None)  # the final pass ahead too
    interview_id = await record_through_app(app, null_sink, tmp_path)
    segments = study.segments(interview_id)
    assert {segment.model for segment in segments} == {"base"}
    heard = " ".join(segment.text for segment in segments)
    assert word_error_rate((SPEECH / "jfk.txt").read_text(), heard) <= 0.15
