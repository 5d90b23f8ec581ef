"""Storing the live transcript after the stop: per recording part, speakers from the stored recording."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from conftest import SPEECH
from interviewer.interview.live_part import LivePart
from interviewer.pipeline import store_live_transcript
from interviewer.transcribe.whisper import TranscriptSegment, Word

RATE = 16000


def two_party_stereo(path):
    """Left speaks (a tone burst) from 0.2 to 1.8 s, right from 3.2 to 4.8 s; each channel quiet otherwise."""
    rng = np.random.default_rng(1)
    audio = rng.normal(0, 0.001, (RATE * 6, 2))
    audio[int(0.2 * RATE):int(1.8 * RATE), 0] += 0.3 * rng.normal(size=int(1.6 * RATE))
    audio[int(3.2 * RATE):int(4.8 * RATE), 1] += 0.3 * rng.normal(size=int(1.6 * RATE))
    soundfile.write(str(path), audio.astype(np.float32), RATE, subtype="PCM_16")
    return audio


def segment(start, end, *words):
    timed = [Word(s, e, f" {w}", 0.9) for w, s, e in words]
    return TranscriptSegment(start, end, " ".join(w for w, _s, _e in words), timed)


def filed_interview(study, path, channels):
    study.add_participant("KI-07")
    interview = study.add_interview("KI-07", status="recorded")
    study.add_recording(interview.id, path=path, sha256="-", format="wav", sample_rate=RATE, channels=channels,
                        duration=soundfile.info(str(path)).duration)
    return interview


def test_a_stereo_part_is_stored_with_each_word_on_the_party_of_its_louder_channel(study):
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    two_party_stereo(path)
    interview = filed_interview(study, path, channels=2)
    study.set_setting("interviewer_channel", "right")
    live = [segment(0.3, 4.5, ("How", 0.3, 0.8), ("are", 0.9, 1.5), ("fine", 3.4, 3.9), ("thanks", 4.0, 4.5))]
    stages = []

    count = store_live_transcript(study, interview.id, {path: live}, model="tiny.en",
                                  progress=lambda stage, fraction: stages.append(stage))

    segments = study.segments(interview.id)
    assert count == len(segments) == 2
    assert [(s.speaker, s.text) for s in segments] == [("KI-07", "How are"), ("Interviewer", "fine thanks")]
    assert all(s.recording_id == study.recordings(interview.id)[0].id and s.speaker_source == "channel"
               for s in segments)
    assert [w["word"].strip() for w in segments[1].words] == ["fine", "thanks"]
    assert study.interview(interview.id).status == "transcribed"
    assert "attributing speakers" in stages


def test_a_part_without_live_segments_is_transcribed_in_batch(study, transcriber):
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    from faster_whisper import decode_audio

    soundfile.write(str(path), decode_audio(str(SPEECH / "jfk.flac")), RATE, subtype="PCM_16")
    interview = filed_interview(study, path, channels=1)

    store_live_transcript(study, interview.id, {}, model="tiny.en", transcriber=transcriber, speakers=1)

    text = " ".join(s.text for s in study.segments(interview.id)).lower()
    assert "country" in text


def test_live_lines_of_a_stereo_part_are_named_by_channel_and_mono_ones_are_neutral(tmp_path):
    stereo = LivePart(1, tmp_path / "p.wav", 2, RATE, channel_names=("Interviewer", "KI-07"))
    audio = two_party_stereo(tmp_path / "p.wav")
    stereo.loudness.add((audio * 32767).astype(np.int16))
    live = [segment(0.3, 4.5, ("How", 0.3, 0.8), ("are", 0.9, 1.5), ("fine", 3.4, 3.9), ("thanks", 4.0, 4.5))]
    assert [(s.speaker, s.text) for s in stereo.label(live)] == [("Interviewer", "How are"), ("KI-07", "fine thanks")]
    mono = LivePart(1, tmp_path / "m.wav", 1, RATE)
    assert [s.speaker for s in mono.label(live)] == ["Speech"]


def test_a_part_whose_model_never_loads_gives_up_without_holding_the_audio(tmp_path):
    part = LivePart(1, tmp_path / "p.wav", 1, RATE)
    part.listen(np.zeros((1600, 1), dtype=np.int16), 0.0)
    part.fail(RuntimeError("model file damaged"))
    part.listen(np.zeros((1600, 1), dtype=np.int16), 0.1)
    assert part.seconds_behind is None
    with pytest.raises(RuntimeError, match="damaged"):
        part.finish(timeout=1)


def test_the_backlog_counts_down_to_the_audio_waiting_for_a_pause_when_joined_pieces_are_done():
    from interviewer.transcribe.live import LiveTranscriber, Piece

    class SilentModel:
        resolved = type("Resolved", (), {"multilingual": False})()
        settings = type("Settings", (), {"beam_size": 1, "word_timestamps": True})()

        def load(self):
            return self

        def transcribe(self, audio, **options):
            return [], None

    live = LiveTranscriber(SilentModel())
    with live._lock:
        for number in range(3):  # three pieces queued while the worker was busy: joined into one
            live._pieces.put(Piece(number * 6.0, np.zeros(6 * RATE, dtype=np.float32)))
        live._queued_until = 18.0
        live.fed_seconds = 18.0
        live.cutter._offset = 18.0
    live.finish(timeout=10)
    assert live.seconds_behind == pytest.approx(0.0)
