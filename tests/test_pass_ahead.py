"""The final pass run ahead while recording: stretch by stretch, as good as batch, and used by the final pass."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from conftest import SPEECH, speech_references, word_error_rate
from interviewer.audio.probe import sha256_of
from interviewer.interview import pass_ahead
from interviewer.interview.pass_ahead import PassAhead
from interviewer.pipeline import transcribe_interview

RATE = 16000


def call_then_speech():
    from faster_whisper import decode_audio

    references = speech_references()
    audio = np.concatenate([decode_audio(str(SPEECH / "phone-call.wav")), decode_audio(str(SPEECH / "jfk.flac"))])
    return audio, references[str(SPEECH / "phone-call.wav")] + " " + references[str(SPEECH / "jfk.flac")]


def recorded_through(ahead_part, audio, block=1600):
    """Hand the audio to the part as the recorder's writer thread does: int16 blocks with their offsets."""
    samples = (audio * 32767).astype(np.int16)[:, None]
    for start in range(0, len(samples), block):
        ahead_part.listen(samples[start:start + block], start / RATE)


class NoModel:
    model_name = "tiny.en"

    def transcribe(self, *args, **kwargs):
        raise AssertionError("a part transcribed ahead is not transcribed again")


@pytest.mark.slow
def test_a_part_transcribed_ahead_stretch_by_stretch_is_as_good_as_batch_and_is_what_the_final_pass_keeps(
        study, transcriber, monkeypatch):
    from interviewer.app import default_ahead_model

    monkeypatch.setattr(pass_ahead, "STRETCH", 12.0)  # three stretches of a 41-second recording
    monkeypatch.setattr(pass_ahead, "SEARCH", 4.0)
    audio, reference = call_then_speech()
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", status="recorded")
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(str(path), audio, RATE, subtype="PCM_16")
    study.add_recording(interview.id, path=path, sha256=sha256_of(path), format="wav", sample_rate=RATE, channels=1,
                        duration=soundfile.info(str(path)).duration)

    ahead = PassAhead(default_ahead_model)
    part = ahead.start_part(1, path, channels=1, samplerate=RATE)
    recorded_through(part, audio)
    (result,) = ahead.finish(timeout=120).values()

    assert result.seconds == pytest.approx(len(audio) / RATE)
    assert len(result.voices.embeddings) and result.voices.frames >= len(audio) // 160
    ahead_text = " ".join(segment.text for segment in result.transcript.segments)
    batch_text = " ".join(segment.text for segment in transcriber.transcribe(path).segments)
    ahead_wer, batch_wer = word_error_rate(reference, ahead_text), word_error_rate(reference, batch_text)
    print(f"\nWER transcribed ahead in stretches {ahead_wer:.3f}, batch {batch_wer:.3f}")
    assert ahead_wer <= batch_wer + 0.02

    transcribe_interview(study, interview.id, transcriber=NoModel(), ahead={path: result})
    segments = study.segments(interview.id)
    assert " ".join(segment.text for segment in segments) == ahead_text
    assert {segment.speaker_source for segment in segments} == {"voice"}
    assert len({segment.speaker for segment in segments}) == 2, "two voices told apart across the stretches"


def test_a_part_not_covered_whole_is_transcribed_from_its_recording(study, transcriber):
    from interviewer.interview.pass_ahead import PartAheadResult
    from interviewer.speakers.diarisation import EmbeddedVoices
    from interviewer.transcribe.whisper import Transcript

    audio, _reference = call_then_speech()
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", status="recorded")
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(str(path), audio[:RATE * 11], RATE, subtype="PCM_16")
    study.add_recording(interview.id, path=path, sha256=sha256_of(path), format="wav", sample_rate=RATE, channels=1,
                        duration=11.0)
    half = PartAheadResult(Transcript("tiny.en", "en", 5.0, []), EmbeddedVoices.joined([]), 5.0)
    transcribe_interview(study, interview.id, transcriber=transcriber, speakers=1, ahead={path: half})
    assert "hello" in " ".join(segment.text for segment in study.segments(interview.id)).lower()


def test_a_cancelled_part_stops_and_is_left_to_the_final_pass(tmp_path):
    class Model:
        def load(self):
            pass

        def transcribe(self, audio, language=None):
            raise AssertionError("nothing is transcribed after the interview was quit")

    ahead = PassAhead(Model)
    part = ahead.start_part(1, tmp_path / "p.wav", channels=1, samplerate=RATE)
    part.listen(np.zeros((RATE, 1), dtype=np.int16), 0.0)
    ahead.cancel()
    assert ahead.finish(timeout=10) == {}, "the final pass reads the recording instead"


def stereo_interview():
    """Left: the interviewer (read sentences); right: the participant (a speech); one party per channel."""
    from faster_whisper import decode_audio

    references = speech_references()
    turns = [("left", "harvard/spk1_snt1.wav"), ("right", "jfk.flac"), ("left", "harvard/spk1_snt2.wav")]
    pieces, texts = [], []
    for side, name in turns:
        voice = decode_audio(str(SPEECH / name))
        rng = np.random.default_rng(len(pieces))
        piece = rng.normal(0, 0.002, (len(voice) + RATE, 2)).astype(np.float32)  # each line's own hiss
        piece[:len(voice), 0 if side == "left" else 1] += voice
        pieces.append(piece)
        texts.append(references[str(SPEECH / name)])
    return np.concatenate(pieces), " ".join(texts)


@pytest.mark.slow
def test_a_stereo_part_transcribed_ahead_is_put_on_its_channels_as_the_batch_pass_does(study, transcriber,
                                                                                       monkeypatch):
    from interviewer.app import default_ahead_model
    from interviewer.speakers.attribution import transcribe_stereo

    monkeypatch.setattr(pass_ahead, "STRETCH", 6.0)
    monkeypatch.setattr(pass_ahead, "SEARCH", 2.0)
    audio, reference = stereo_interview()
    study.add_participant("KI-01")
    study.set_setting("interviewer_channel", "left")
    interview = study.add_interview("KI-01", status="recorded")
    path = study.recordings_dir / "interview-0001-part-1.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(str(path), audio, RATE, subtype="PCM_16")
    study.add_recording(interview.id, path=path, sha256=sha256_of(path), format="wav", sample_rate=RATE, channels=2,
                        duration=soundfile.info(str(path)).duration)

    ahead = PassAhead(default_ahead_model)
    part = ahead.start_part(1, path, channels=2, samplerate=RATE)
    samples = (audio * 32767).astype(np.int16)
    for start in range(0, len(samples), 1600):
        part.listen(samples[start:start + 1600], start / RATE)
    (result,) = ahead.finish(timeout=120).values()

    assert result.channels == 2 and result.voices is None
    batch = transcribe_stereo(transcriber, path)
    ahead_text = " ".join(segment.text for segment in result.transcript.segments)
    batch_text = " ".join(segment.text for segment in batch.segments)
    one_word = 1 / len(reference.split())  # six-second stretches cut the speech in its middle
    assert word_error_rate(reference, ahead_text) <= word_error_rate(reference, batch_text) + one_word + 1e-9
    assert [s.speaker for s in result.transcript.segments] == [s.speaker for s in batch.segments]

    transcribe_interview(study, interview.id, transcriber=NoModel(), ahead={path: result})
    segments = study.segments(interview.id)
    assert {segment.speaker_source for segment in segments} == {"channel"}
    spoken = {speaker: " ".join(s.text.lower() for s in segments if s.speaker == speaker)
              for speaker in {s.speaker for s in segments}}
    assert "country" in spoken["KI-01"] and "dog" in spoken["Interviewer"]


def test_a_stereo_part_whose_channels_carry_one_mix_is_left_to_the_final_pass(tmp_path):
    class Model:
        model_name = "tiny.en"

        def load(self):
            pass

        def transcribe(self, audio, language=None):
            raise AssertionError("one mix on both channels is not transcribed per channel")

    ahead = PassAhead(Model)
    part = ahead.start_part(1, tmp_path / "p.wav", channels=2, samplerate=RATE)
    tone = (3000 * np.sin(np.arange(RATE * 3) / 5)).astype(np.int16)
    part.listen(np.stack([tone, tone], axis=1), 0.0)
    assert ahead.finish(timeout=10) == {}


@pytest.fixture
def short_stretches(monkeypatch):
    """Stretches of 8 s cut in the last 2 s, so a few seconds of audio make several."""
    monkeypatch.setattr(pass_ahead, "STRETCH", 8.0)
    monkeypatch.setattr(pass_ahead, "SEARCH", 2.0)


def run_ahead_over_quiet_then_loud(tmp_path, transcribe, samplerate: int, seconds: int):
    """The result of a mono part run ahead through a fake model whose `transcribe(audio, language)` is given: each
    second of the part a tenth quiet then loud, recorded in tenths of a second."""
    class Model:
        model_name = "fake"

        def load(self):
            pass

        def transcribe(self, audio, language=None):
            return transcribe(audio, language)

    ahead = PassAhead(Model)
    part = ahead.start_part(1, tmp_path / "p.wav", channels=1, samplerate=samplerate)
    tenth = samplerate // 10
    quiet_then_loud = np.tile(np.r_[np.zeros(tenth), 3000 * np.ones(9 * tenth)], seconds).astype(np.int16)
    for start in range(0, len(quiet_then_loud), tenth):
        part.listen(quiet_then_loud[start:start + tenth, None], start / samplerate)
    (result,) = ahead.finish(timeout=60).values()
    return result


def test_stretches_of_a_part_recorded_at_48_khz_follow_on_without_gap_or_overlap(tmp_path, short_stretches):
    from interviewer.transcribe.whisper import Transcript, TranscriptSegment

    given = []

    def transcribe(audio, language):
        given.append(len(audio))
        return Transcript("fake", "en", len(audio) / RATE, [TranscriptSegment(0.0, len(audio) / RATE, "x")])

    result = run_ahead_over_quiet_then_loud(tmp_path, transcribe, samplerate=48000, seconds=30)
    assert len(given) >= 3 and result.seconds == pytest.approx(30.0, abs=0.01)
    segments = result.transcript.segments
    assert all(b.start == pytest.approx(a.end, abs=1e-3) for a, b in zip(segments, segments[1:]))


def test_the_language_heard_in_the_first_stretch_with_speech_holds_for_the_rest_of_the_part(tmp_path, short_stretches):
    from interviewer.transcribe.whisper import Transcript, TranscriptSegment

    asked = []

    def transcribe(audio, language):
        asked.append(language)
        if len(asked) == 1:  # a silent start: nothing said, and a language guessed from the silence
            return Transcript("multilingual", "jw", len(audio) / RATE, [])
        heard = language or "cy"
        return Transcript("multilingual", heard, len(audio) / RATE, [TranscriptSegment(0.0, 1.0, "x")])

    result = run_ahead_over_quiet_then_loud(tmp_path, transcribe, samplerate=RATE, seconds=40)
    assert asked[:2] == [None, None] and set(asked[2:]) == {"cy"} and len(asked) >= 3
    assert result.transcript.language == "cy"
