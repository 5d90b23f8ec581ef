"""Tests for live transcription: pieces cut at pauses, and a transcript as good as the batch one."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SPEECH, normalise_words, speech_references
from interviewer.transcribe.live import LiveSettings, LiveTranscriber, PauseCutter, simulate_stop_to_complete


def feed_in_chunks(live, audio, chunk=1600):
    for start in range(0, len(audio), chunk):
        live.feed(audio[start:start + chunk])


def test_pieces_end_in_pauses_and_cover_the_audio_in_order():
    from faster_whisper import decode_audio

    audio = decode_audio(str(SPEECH / "phone-call.wav"))
    cutter = PauseCutter(LiveSettings(min_piece=2.0, min_pause=0.3, max_piece=10.0))
    pieces = []
    for start in range(0, len(audio), 1600):
        pieces += cutter.feed(audio[start:start + 1600])
    last = cutter.flush()
    pieces += [last] if last else []
    assert len(pieces) >= 3
    assert all(len(p.audio) / 16000 <= 10.0 + 1.0 for p in pieces)
    assert [p.offset for p in pieces] == sorted(p.offset for p in pieces)
    end = pieces[-1].offset + len(pieces[-1].audio) / 16000
    assert end == pytest.approx(len(audio) / 16000, abs=0.01)
    for piece in pieces[:-1]:  # the last 50 ms of every cut piece is quiet: no word was split
        tail = piece.audio[-800:]
        assert np.sqrt(np.mean(tail ** 2)) < 0.05


def test_silence_only_produces_no_pieces_but_keeps_the_clock():
    cutter = PauseCutter(LiveSettings(min_piece=2.0))
    assert cutter.feed(np.zeros(16000 * 8, dtype=np.float32)) == []
    assert cutter.flush() is None


@pytest.mark.slow
def test_live_word_error_rate_is_no_worse_than_a_point_above_batch(transcriber):
    import jiwer
    from faster_whisper import decode_audio

    references = speech_references()
    keys = sorted(references)
    batch, live, received = {}, {}, []
    for path in keys:
        batch[path] = " ".join(s.text for s in transcriber.transcribe(path).segments)
        session = LiveTranscriber(transcriber, on_segments=received.extend)
        feed_in_chunks(session, decode_audio(path))
        live[path] = " ".join(s.text for s in session.finish())

    def pooled(hypotheses):
        return jiwer.wer([normalise_words(references[k]) for k in keys], [normalise_words(hypotheses[k]) for k in keys])

    print(f"pooled WER: batch {pooled(batch):.3f}, live {pooled(live):.3f}")
    assert pooled(live) <= pooled(batch) + 0.01
    assert received, "segments were reported as they were transcribed"


@pytest.mark.slow
def test_live_segments_carry_recording_offsets_and_stereo_input_is_accepted(transcriber):
    from faster_whisper import decode_audio

    speech = decode_audio(str(SPEECH / "jfk.flac"))
    audio = np.concatenate([np.zeros(16000 * 5, dtype=np.float32), speech])
    stereo = np.stack([audio, audio], axis=1)
    session = LiveTranscriber(transcriber)
    feed_in_chunks(session, stereo)
    segments = session.finish()
    assert segments[0].start >= 4.5
    assert all(w.start >= 4.5 for s in segments for w in s.words)
    assert "country" in " ".join(s.text for s in segments)


def test_resampled_input_is_accepted_at_48_khz():
    from interviewer.transcribe.live import _resample

    tone = np.sin(2 * np.pi * 440 * np.arange(48000) / 48000).astype(np.float32)
    out = _resample(tone, 48000, 16000)
    assert len(out) == 16000 and abs(out).max() <= 1.0


def test_stop_to_complete_counts_only_the_backlog_left_at_the_end():
    # three pieces of 10 s, each taking 2 s: the worker keeps up, only the last piece remains at the stop
    assert simulate_stop_to_complete([(10, 10, 2), (20, 10, 2), (30, 10, 2)], 30) == pytest.approx(2)
    # a slow worker accumulates a backlog
    assert simulate_stop_to_complete([(10, 10, 15), (20, 10, 15)], 20) == pytest.approx(20)


def test_pieces_queued_while_the_worker_was_busy_are_joined_up_to_the_longest_piece():
    import queue

    from interviewer.transcribe.live import LiveTranscriber, Piece

    live = LiveTranscriber.__new__(LiveTranscriber)
    live.settings = LiveSettings(max_piece=20.0)
    live._pieces = queue.Queue()
    second = lambda offset, seconds: Piece(offset, np.zeros(int(seconds * 16000), dtype=np.float32))
    for waiting in (second(8, 8), second(16, 8), second(30, 5), None):
        live._pieces.put(waiting)
    joined, finished = live._join_waiting(second(0, 8))
    assert (joined.offset, len(joined.audio) / 16000, finished) == (0, 16, False)  # a third would pass 20 s
    joined, finished = live._join_waiting(live._pieces.get())
    assert (joined.offset, len(joined.audio) / 16000, finished) == (16, 8, False)  # 30 s is not contiguous
    joined, finished = live._join_waiting(live._pieces.get())
    assert (joined.offset, finished) == (30, True)
