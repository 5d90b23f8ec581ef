"""A call heard through speakers: the leak into the microphone is found, warned of, and does not fool attribution."""

from __future__ import annotations

import numpy as np
import pytest

from call_conversation import RATE, conversation
from interviewer.audio.echo import estimate_leak, frame_power, judge_call
from interviewer.speakers.attribution import transcribe_stereo
from interviewer.speakers.channel_loudness import ChannelLoudness


def leaking(talk, delay: float = 0.08, leak_gain: float = 0.3, call_gain: float = 1.0) -> np.ndarray:
    """Stereo: the interviewer's microphone hears the call `delay` s late at `leak_gain`; the call at `call_gain`."""
    mic, call = talk.tracks
    shift = int(delay * RATE)
    echo = np.concatenate([np.zeros(shift, np.float32), call[:-shift]]) * leak_gain
    return np.stack([mic + echo, call * call_gain], axis=1).astype(np.float32)


@pytest.fixture(scope="module")
def talk():
    return conversation()


def test_a_delayed_quieter_copy_of_the_call_in_the_microphone_is_found_with_its_delay_and_level(talk):
    power = frame_power(leaking(talk, delay=0.08, leak_gain=0.2), RATE)
    leak = estimate_leak(power[:, 1], power[:, 0])
    assert leak.present
    assert leak.delay == pytest.approx(0.08, abs=0.011)
    assert leak.gain_db == pytest.approx(20 * np.log10(0.2), abs=3.0)


def test_two_people_taking_turns_on_separate_channels_is_not_a_leak(talk):
    power = frame_power(np.stack(talk.tracks, axis=1), RATE)
    assert not estimate_leak(power[:, 1], power[:, 0]).present
    assert not estimate_leak(power[:, 0], power[:, 1]).present


@pytest.mark.parametrize("stereo, verdict, said", [
    (lambda t: np.stack(t.tracks, axis=1), "fine", "both sides are heard"),
    (lambda t: np.stack([t.tracks[0], 0 * t.tracks[1]], axis=1), "no call audio",
     "no call audio: is the call playing through this computer's default output?"),
    (lambda t: np.stack([0 * t.tracks[0], t.tracks[1]], axis=1), "silent", "no sound from the microphone"),
    (lambda t: leaking(t), "echo", "use a headset"),
])
def test_the_call_check_names_what_is_wrong(talk, stereo, verdict, said):
    checked = judge_call((stereo(talk) * 32767).astype(np.int16), RATE)
    assert checked.verdict == verdict and said in checked.message, checked.message


def truth_share(talk, words_by_side) -> float:
    right = wrong = 0.0
    for side, words in words_by_side:
        for start, end in words:
            truth = talk.side_at((start + end) / 2)
            if truth is not None:
                right += (end - start) * (truth == side)
                wrong += (end - start) * (truth != side)
    return right / (right + wrong)


def test_louder_channel_with_the_leak_taken_out_puts_words_where_they_began_even_when_the_leak_is_louder(talk):
    # The call is quiet in its own channel and loud through the speakers: raw loudness would give its words to the mic.
    stereo = leaking(talk, leak_gain=0.5, call_gain=0.2)
    loudness = ChannelLoudness(RATE, 2)
    loudness.add(stereo)
    participant_turns = [(start, end) for side, start, end in talk.turns if side == 1]
    fooled = sum(loudness.louder(start, end) == 0 for start, end in participant_turns)
    assert fooled >= len(participant_turns) // 2, "the rig must make raw loudness wrong"
    leaks = loudness.remove_leaks()
    assert leaks[0].present and not leaks[1].present
    assert all(loudness.louder(start, end) == side for side, start, end in talk.turns)


@pytest.mark.slow
def test_transcribed_per_channel_the_leaked_words_are_not_given_to_the_interviewer(talk, transcriber, tmp_path):
    import soundfile

    path = tmp_path / "leaking-call.wav"
    soundfile.write(str(path), leaking(talk, leak_gain=0.35), RATE, subtype="PCM_16")
    transcript = transcribe_stereo(transcriber, path)
    words = [(0 if w.speaker == "left" else 1, (w.start, w.end)) for s in transcript.segments for w in s.words]
    share = truth_share(talk, [(side, [span for s, span in words if s == side]) for side in (0, 1)])
    print(f"\nshare of word time on the right side with the call leaking into the mic: {share:.3f}")
    assert share >= 0.99
