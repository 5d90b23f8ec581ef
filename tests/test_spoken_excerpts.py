"""The spoken excerpts the speech corpora are made from: one track of both voices, or a call's two sides."""

from __future__ import annotations

import numpy as np
import soundfile

from spoken_excerpts import speak, speak_sides

EXCERPT = "Interviewer: Where do you live now?\nParticipant: Out past the mill, near the river.\nInterviewer: Thank you."


def test_a_call_puts_each_role_on_its_own_side_and_keeps_the_time_of_one_track(tmp_path):
    seconds = speak(EXCERPT, tmp_path / "both.wav")
    interviewer, participant, side_seconds = speak_sides(EXCERPT, tmp_path)
    near, rate = soundfile.read(interviewer, dtype="float32")
    far, _ = soundfile.read(participant, dtype="float32")
    assert len(near) == len(far) and abs(side_seconds - seconds) < 0.01
    loud = lambda audio: np.abs(audio) > 0.02  # noqa: E731
    assert loud(near).any() and loud(far).any()
    assert not (loud(near) & loud(far)).any(), "the two sides never speak at once"
    first_words = loud(near).argmax() / rate
    assert first_words < loud(far).argmax() / rate, "the interviewer opens"
