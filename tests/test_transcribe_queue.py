"""Tests for `transcribe --all` (a resumable queue) and windowed transcription of long recordings."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from conftest import SPEECH, word_error_rate
from interviewer.cli import main
from interviewer.audio.long_audio import SAMPLE_RATE, quietest_point, stream_mono, windows
from interviewer.pipeline import import_recording, untranscribed_interviews


def test_stream_decoding_matches_whole_file_decoding():
    from faster_whisper import decode_audio

    whole = decode_audio(str(SPEECH / "jfk.flac"))
    streamed = np.concatenate(list(stream_mono(SPEECH / "jfk.flac", block_seconds=2)))
    assert abs(len(streamed) - len(whole)) < 200
    assert np.allclose(streamed[:len(whole) - 200], whole[:len(whole) - 200], atol=1e-3)


def test_windows_cover_the_file_and_end_at_quiet_moments(tmp_path):
    rate = SAMPLE_RATE
    loud = 0.3 * np.sin(2 * np.pi * 200 * np.arange(rate * 9) / rate)
    quiet = np.zeros(rate // 2)
    signal = np.concatenate([np.concatenate([loud, quiet]) for _ in range(10)]).astype(np.float32)
    path = tmp_path / "long.wav"
    soundfile.write(path, signal, rate)
    parts = list(windows(path, window_seconds=20))
    assert len(parts) >= 3
    assert sum(len(audio) for _, audio in parts) == len(signal)
    for (offset, audio), (next_offset, _) in zip(parts, parts[1:]):
        assert next_offset == pytest.approx(offset + len(audio) / rate)
        cut = int(next_offset * rate)
        assert np.abs(signal[cut - 100:cut + 100]).max() == 0.0


def test_quietest_point_finds_the_pause():
    audio = np.ones(SAMPLE_RATE * 10, dtype=np.float32)
    audio[SAMPLE_RATE * 7: SAMPLE_RATE * 7 + 4000] = 0
    assert SAMPLE_RATE * 7 <= quietest_point(audio, 5) <= SAMPLE_RATE * 7 + 4000


@pytest.mark.slow
def test_windowed_transcription_matches_the_reference(transcriber, tmp_path):
    from faster_whisper import decode_audio

    speech = decode_audio(str(SPEECH / "jfk.flac"))
    signal = np.concatenate([speech, np.zeros(SAMPLE_RATE), speech])
    path = tmp_path / "twice.wav"
    soundfile.write(path, signal, SAMPLE_RATE)
    import interviewer.audio.long_audio as long_audio

    original = long_audio.WINDOW
    long_audio.WINDOW = 12
    try:
        transcript = transcriber.transcribe_long(path, len(signal) / SAMPLE_RATE)
    finally:
        long_audio.WINDOW = original
    reference = (SPEECH / "jfk.txt").read_text()
    assert word_error_rate(reference + " " + reference, " ".join(s.text for s in transcript.segments)) < 0.1
    assert transcript.segments[-1].end > 20


TRANSCRIBE_IN_TWELVE_SECOND_WINDOWS = """
import sys
import interviewer.audio.long_audio as long_audio
from interviewer.transcribe.whisper import Transcriber
long_audio.WINDOW = 12
transcript = Transcriber().transcribe_long(sys.argv[1], float(sys.argv[2]))
print("|".join(s.text for s in transcript.segments))
"""


@pytest.mark.slow
def test_the_same_recording_gives_the_same_transcript_in_every_run(tmp_path):
    """Twelve-second windows cut the speech, so Whisper falls back to random sampling; its seed is fixed."""
    import subprocess
    import sys

    from faster_whisper import decode_audio

    speech = decode_audio(str(SPEECH / "jfk.flac"))
    signal = np.concatenate([speech, np.zeros(SAMPLE_RATE), speech])
    path = tmp_path / "twice.wav"
    soundfile.write(path, signal, SAMPLE_RATE)
    runs = [subprocess.run([sys.executable, "-c", TRANSCRIBE_IN_TWELVE_SECOND_WINDOWS, str(path), str(len(signal) / SAMPLE_RATE)],
                           capture_output=True, text=True, check=True, timeout=300).stdout for _ in range(4)]
    assert runs[0].strip() and len(set(runs)) == 1, "each run gave its own transcript"


@pytest.mark.slow
def test_transcribe_all_works_through_the_queue_and_resumes(study, transcriber, tmp_path):
    study.add_participant("KI-01")
    for name in ("spk1_snt1", "spk2_snt2"):
        import_recording(study, SPEECH / "harvard" / f"{name}.wav", "KI-01")
    stopped = untranscribed_interviews(study)[1].id  # as if recorded in the app: its final pass still to run
    study.update_interview(stopped, pending_stage="final pass")
    study.replace_live_draft(stopped, [{"start": 0.0, "end": 2.0, "text": "What joy.", "speaker": "Speech"}],
                             model="tiny.en")
    assert len(untranscribed_interviews(study)) == 2
    result = CliRunner().invoke(main, ["transcribe", "--all", "--study", "test-study"])
    assert result.exit_code == 0, result.output
    assert "[2/2]" in result.output
    assert untranscribed_interviews(study) == []
    assert study.interview(stopped).pending_stage == "anonymise", "the final pass is done; anonymising is left"
    assert [line.text for line in study.live_draft(stopped)] == ["What joy."]
    again = CliRunner().invoke(main, ["transcribe", "--all", "--study", "test-study"])
    assert "Nothing to transcribe" in again.output


def test_an_interview_busy_in_another_process_is_refused_then_free_after_it_dies(study, tmp_path):
    import subprocess
    import sys

    from interviewer.locks import InterviewBusy, interview_lock

    study.add_participant("KI-01")
    interview = study.add_interview("KI-01")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from interviewer.store import Study; from interviewer.locks import InterviewLock; "
         f"lock = InterviewLock(Study.open({str(study.folder)!r}), {interview.id}, 'being recorded').acquire(); "
         "print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(InterviewBusy, match=f"#{interview.id} is busy: being recorded"):
            with interview_lock(study, interview.id, "being transcribed"):
                pass
    finally:
        holder.kill()
        holder.wait()
    with interview_lock(study, interview.id, "being transcribed"):
        pass


def test_reading_a_whole_file_into_one_array_matches_stream_decoding():
    from interviewer.audio.long_audio import read_mono

    streamed = np.concatenate(list(stream_mono(SPEECH / "phone-call.wav")))
    whole = read_mono(SPEECH / "phone-call.wav", duration=10.0)  # a short guess grows as needed
    assert whole.dtype == np.float32 and np.array_equal(whole, streamed)


@pytest.mark.slow
def test_batched_decoding_of_a_long_recording_keeps_the_words(tmp_path):
    from faster_whisper import decode_audio

    from interviewer.transcribe.whisper import Transcriber, batched_settings

    speech = decode_audio(str(SPEECH / "jfk.flac"))
    pause = np.zeros(SAMPLE_RATE * 2, dtype=np.float32)
    signal = np.concatenate([speech, pause] * 10)
    transcriber = Transcriber(None, batched_settings())
    transcript = transcriber.transcribe(signal)
    assert transcriber._loaded.batched is not None, "a two-minute recording should go through the batched pipeline"
    reference = " ".join([(SPEECH / "jfk.txt").read_text()] * 10)
    assert word_error_rate(reference, " ".join(s.text for s in transcript.segments)) < 0.1
    assert transcript.segments[-1].end > 120
    short = Transcriber(None, batched_settings())
    short.transcribe(speech)
    assert short._loaded.batched is None
