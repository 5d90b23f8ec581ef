"""A call recorded on this computer, end to end: two null sinks stand for the microphone and the call, the
interview screen records in call mode, and after the stop each side's words are on its own speaker."""

from __future__ import annotations

import numpy as np
import pytest

from audio_sink import CALL_SINK, MIC_SINK, call_sinks, null_sink, play_into  # noqa: F401 (fixture)
from call_conversation import RATE, conversation
from conftest import normalise_words, word_error_rate
from interviewer import pipeline
from interviewer.app import make_app
from interviewer.audio.capture import AudioBackend
from interviewer.processing import process_interview
from interviewer.widgets.spoken import Spoken
from test_interview_app import SIZE, add_participant, screen_name, wait_until
from test_recorder import envelope

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


def first_sound(samples: np.ndarray, threshold: float = 0.02) -> float:
    return int(np.argmax(np.abs(samples) > threshold)) / RATE


def envelope_likeness(recorded: np.ndarray, track: np.ndarray) -> float:
    """How alike two sounds of one rate are, as the correlation of their loudness in 10 ms frames (0 to 1)."""
    loudness = [envelope(x[:, None], RATE) for x in (recorded, track)]
    frames = min(map(len, loudness))
    return float(np.corrcoef(loudness[0][:frames], loudness[1][:frames])[0, 1])


async def record_call_interview(app, pilot, sink, tracks, play_seconds: float = 120, process_seconds: float = 180) -> int:
    """Start a call-mode interview, play both sides (at most `play_seconds`), stop it and wait for processing (at
    most `process_seconds`); the interview id."""
    await pilot.press("n")
    await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
    screen = app.screen
    screen.query_one("#participant").value = "KI-01"
    await wait_until(pilot, lambda: screen.call_input is not None, timeout=15)
    assert screen.call_input.available, screen.call_input.reason
    screen.query_one("#device").value = "call"
    await pilot.pause(0.1)
    assert screen.query_one("#channels").value == 2 and screen.query_one("#meter-call").display
    screen.verdict = None
    await wait_until(pilot, lambda: screen.verdict is not None, timeout=15)
    await pilot.press("ctrl+r", "ctrl+r")  # the check heard nothing (no one spoke yet): record anyway
    await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording",
                     timeout=15)
    interview = app.screen
    players = [play_into(sink, MIC_SINK, tracks[0]), play_into(sink, CALL_SINK, tracks[1])]
    await wait_until(pilot, lambda: all(p.poll() is not None for p in players), timeout=play_seconds)
    assert all(p.returncode == 0 for p in players)
    await pilot.pause(1.5)
    # Live transcription shows both sides, each labelled by its channel.
    await wait_until(pilot, lambda: {"Interviewer", "KI-01"} <= {line.speaker for line in interview.query(Spoken)},
                     timeout=90)
    assert str(interview.query_one("#level-call").render()).startswith("Call")
    await pilot.press("x")
    await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
    await pilot.press("y")
    await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen", timeout=30)
    interview_id = interview.live.interview.id
    try:
        await wait_until(pilot, lambda: app.config.processing.get(interview_id, ("",))[0] in ("done", "failed"),
                         timeout=process_seconds)
    except AssertionError:
        raise AssertionError(f"processing did not finish: {app.config.processing.get(interview_id)}") from None
    if app.config.processing[interview_id][0] != "done":
        raise AssertionError(f"processing failed: {[n.message for n in app._notifications]}")
    return interview_id


async def test_each_side_of_a_call_recorded_on_this_computer_is_put_on_its_speaker(
        null_sink, study, transcriber, tmp_path, monkeypatch):
    from interviewer.audio.source import read_audio, stored_audio
    from interviewer.speakers.voice_encoder import resample

    talk = conversation()
    tracks = talk.write(tmp_path)
    add_participant(study)
    monkeypatch.setattr(pipeline, "anonymise_interview", lambda study, interview_id: 0)
    with call_sinks(null_sink) as sink:
        app = make_app(study, audio=AudioBackend(), process=process_interview, live_model=lambda: transcriber,
                       model_status=lambda: (True, "model ready"), check_seconds=0.5, tick_seconds=0.1)
        async with app.run_test(size=SIZE) as pilot:
            interview_id = await record_call_interview(app, pilot, sink, tracks)

    gaps = [(round(event.offset, 2), event.text) for event in study.events(interview_id) if event.kind == "gap"]
    print(f"\ngaps in the timeline: {gaps}")
    (recording,) = study.recordings(interview_id)
    assert recording.channels == 2
    inputs = [event for event in study.events(interview_id) if event.kind == "input"]
    assert inputs and inputs[0].text.startswith("call:")
    audio, _rate = read_audio(stored_audio(study, recording))  # sealed when the study is encrypted
    # Where the tracks start in the recording: each side's first sound (both players started together).
    offset = first_sound(audio[:, 0]) - first_sound(talk.tracks[0])
    assert abs((first_sound(audio[:, 1]) - first_sound(talk.tracks[1])) - offset) < 0.1
    segments = study.segments(interview_id)
    names = {"Interviewer": 0, "KI-01": 1}
    assert {s.speaker for s in segments} <= set(names), {s.speaker for s in segments}
    right = wrong = 0.0
    said = ([], [])
    for segment in segments:
        for word in segment.words:
            truth = talk.side_at((word["start"] + word["end"]) / 2 - offset)
            length = word["end"] - word["start"]
            if truth is not None:
                right += length if names[segment.speaker] == truth else 0.0
                wrong += length if names[segment.speaker] != truth else 0.0
        said[names[segment.speaker]].append(segment.text)
    share = right / (right + wrong)
    print(f"share of word time on the right speaker: {share:.3f}")
    assert share >= 0.99

    # The lesson of the first round: the stored transcript must be as good as batch transcription of the same
    # recording. The recording itself is the tracks as a sound server played them in real time, so it is
    # checked against them by its sound, not by what tiny.en makes of it (one word either way, run to run).
    for side in (0, 1):
        channel = resample(np.ascontiguousarray(audio[:, side]), _rate) if _rate != RATE else audio[:, side]
        track = talk.tracks[side]
        start = round((first_sound(channel) - first_sound(track)) * RATE)
        likeness = envelope_likeness(channel[start:start + len(track)], track)
        batch = word_error_rate(talk.references[side],
                                " ".join(s.text for s in transcriber.transcribe(channel).segments))
        recorded = word_error_rate(talk.references[side], " ".join(said[side]))
        print(f"side {side}: WER {recorded:.3f} (the same recording in batch: {batch:.3f}); "
              f"recorded sound against the track: r = {likeness:.3f}")
        assert likeness >= 0.9
        one_word = 1 / len(normalise_words(talk.references[side]).split())
        assert recorded <= batch + one_word + 1e-9
