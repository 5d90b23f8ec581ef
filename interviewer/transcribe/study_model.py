"""Provides the study's transcription model: the Whisper model its final passes use, chosen once for the team."""

from __future__ import annotations

from interviewer.transcribe import model_registry
from interviewer.transcribe.models import ModelError, ResolvedModel, catalogue, resolve

SETTING = "transcription_model"


def study_model(study) -> str | None:
    """The model the study chose (a catalogue or registered name, or a folder); None: the catalogue's default."""
    return study.settings.get(SETTING) or None


def model_for(study, model: str | None = None) -> ResolvedModel:
    """The model to transcribe the study's recordings with: `model` when given, else the study's choice."""
    if model is not None:
        return resolve(model)
    chosen = study_model(study)
    try:
        return resolve(chosen)
    except ModelError as error:
        if chosen is None:
            raise
        raise ModelError(f"This study transcribes with '{chosen}', which is not usable on this computer: {error} "
                         "Install it, or choose another with 'interviewer study set-model NAME' ('default' for "
                         "the bundled model).") from None


def set_study_model(study, model: str | None) -> ResolvedModel:
    """Choose the study's model once it is found here (None: back to the catalogue's default); audited."""
    resolved = resolve(model)
    named = model is None or model in {entry.name for entry in catalogue()} or model_registry.find(model) is not None
    study.set_setting(SETTING, model if named else str(resolved.path.resolve()))  # a folder by its full path
    return resolved
