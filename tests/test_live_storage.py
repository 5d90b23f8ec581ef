"""Storing the live draft after the stop: per recording part, apart from the transcript the final pass makes."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from interviewer.interview.live_part import LivePart
from interviewer.pipeline import store_live_draft
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


def test_the_live_draft_is_stored_per_part_apart_from_the_transcript_and_leaves_the_final_pass_due(study):
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    two_party_stereo(path)
    interview = filed_interview(study, path, channels=2)
    study.update_interview(interview.id, pending_stage="final pass")
    stray = study.recordings_dir / "interview-0001-part-2.wav"  # a part never filed (it held no audio)
    draft = [segment(0.3, 1.5, ("How", 0.3, 0.8), ("are", 0.9, 1.5)), segment(3.4, 4.5, ("fine", 3.4, 3.9))]
    draft[0].speaker, draft[1].speaker = "Interviewer", "KI-07"

    count = store_live_draft(study, interview.id, {path: draft, stray: [segment(0.0, 1.0, ("lost", 0.0, 1.0))]},
                             model="tiny.en")

    stored = study.live_draft(interview.id)
    assert count == len(stored) == 2
    assert [(s.speaker, s.text, s.recording_id) for s in stored] == [
        ("Interviewer", "How are", study.recordings(interview.id)[0].id),
        ("KI-07", "fine", study.recordings(interview.id)[0].id)]
    assert [w["word"].strip() for w in stored[0].words] == ["How", "are"]
    assert study.segments(interview.id) == [], "the draft is not the study's transcript"
    assert study.interview(interview.id).pending_stage == "final pass"
    assert study.untranscribed_interview_ids() == [interview.id], "transcribe --all takes up the final pass"


def test_the_draft_of_a_stereo_part_names_each_word_by_its_louder_channel(tmp_path):
    from interviewer.interview.live_part import LiveTranscript

    part = LivePart(1, tmp_path / "p.wav", 2, RATE, channel_names=("Interviewer", "KI-07"))
    audio = two_party_stereo(tmp_path / "p.wav")
    part.loudness.add((audio * 32767).astype(np.int16))
    live = [segment(0.3, 4.5, ("How", 0.3, 0.8), ("are", 0.9, 1.5), ("fine", 3.4, 3.9), ("thanks", 4.0, 4.5))]
    part.finish = lambda timeout=None: live
    transcript = LiveTranscript("tiny.en")
    transcript.add(part)
    assert [(s.speaker, s.text) for s in transcript.draft()[part.path]] == [
        ("Interviewer", "How are"), ("KI-07", "fine thanks")]


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
