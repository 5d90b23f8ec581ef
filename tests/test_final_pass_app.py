"""End to end: an interview recorded through the app from a null sink; its kept transcript is as good as batch."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from audio_sink import null_sink  # noqa: F401 (fixture)
from conftest import SPEECH, speech_references, word_error_rate
from interviewer.app import make_app
from interviewer.audio.source import audio_sha256, stored_audio
from interviewer.schedule import find_schedule
from test_interview_app import add_participant, screen_name, wait_until

PASSPHRASE = "correct horse battery staple"
RATE = 16000
PAUSE = 3.0
SPOKEN = ["jfk.flac", "phone-call.wav", "harvard/spk1_snt1.wav", "harvard/spk2_snt3.wav", "harvard/spk2_snt4.wav"]
"""About a minute of real speech: a speech, a phone call between two people, three read sentences."""


def speech_with_pauses(folder):
    """The recordings one after another with pauses between them, as an interview has; (file, reference text,
    where the phone call starts in the file)."""
    from faster_whisper import decode_audio

    references = speech_references()
    pause = np.zeros(int(PAUSE * RATE), dtype=np.float32)
    pieces, texts, call_starts = [], [], 0.0
    for name in SPOKEN:
        if name == "phone-call.wav":
            call_starts = sum(len(p) for p in pieces) / RATE
        pieces += [decode_audio(str(SPEECH / name)), pause]
        texts.append(references[str(SPEECH / name)])
    path = folder / "interview-speech.wav"
    soundfile.write(str(path), np.concatenate(pieces), RATE, subtype="PCM_16")
    return path, " ".join(texts), call_starts


def tripled(text: str, longest: int = 8) -> set[str]:
    """Word sequences said three times running."""
    from conftest import normalise_words

    words = normalise_words(text).split()
    return {" ".join(words[start:start + size]) for size in range(1, longest + 1)
            for start in range(len(words) - 3 * size + 1)
            if words[start:start + size] == words[start + size:start + 2 * size] == words[start + 2 * size:start + 3 * size]}


@pytest.mark.audio
@pytest.mark.slow
@pytest.mark.asyncio
async def test_the_transcript_kept_after_the_stop_is_as_good_as_batch_transcription_of_the_recording(
        null_sink, study, transcriber, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    add_participant(study)
    speech, reference, call_starts = speech_with_pauses(tmp_path)
    schedule = find_schedule("npt-key-informant")
    app = make_app(study, check_seconds=0.5)  # the real recorder, live model and processing
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "StartInterviewScreen")
        app.screen.query_one("#participant").value = "KI-01"
        await wait_until(pilot, lambda: app.screen.verdict is not None, timeout=20)
        await pilot.press("ctrl+r", "ctrl+r")  # the room is silent before the speech: start anyway
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.state == "recording",
                         timeout=20)
        live = app.screen.live
        await wait_until(pilot, lambda: live.offset > 0, timeout=10)
        player = null_sink.play(speech)
        await wait_until(pilot, lambda: live.offset > call_starts + 1.0, timeout=60)
        await pilot.press("enter")  # the second question, while the phone call plays
        await pilot.press("n", *"call started", "enter")
        while player.poll() is None:
            await pilot.pause(0.1)
        await pilot.pause(0.5)
        await pilot.press("x")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen", timeout=20)
        interview_id = live.interview.id
        stage = lambda: app.config.processing.get(interview_id, ("",))[0]  # noqa: E731
        shown = lambda: str(app.screen.query_one("#transcript").render())  # noqa: E731
        await wait_until(pilot, lambda: "Live draft" in shown(), timeout=15)  # the goal: the draft within 15 s
        assert study.live_draft(interview_id)
        await wait_until(pilot, lambda: stage() in ("done", "failed", "needs passphrase"), timeout=240)
        assert stage() == "done"

    (recording,) = study.recordings(interview_id)
    path = stored_audio(study, recording)  # decrypted in memory: the study is encrypted, as users get it
    assert audio_sha256(path) == recording.sha256, "the recording is untouched"
    draft = " ".join(line.text for line in study.live_draft(interview_id))
    segments = study.segments(interview_id)
    final = " ".join(segment.text for segment in segments)
    batch = " ".join(segment.text for segment in transcriber.transcribe(path).segments)
    draft_wer, final_wer, batch_wer = (word_error_rate(reference, text) for text in (draft, final, batch))
    print(f"\nWER of the live draft {draft_wer:.3f}, of the kept transcript {final_wer:.3f},"
          f" of batch transcription of the recording {batch_wer:.3f} ({recording.duration:.0f} s)")
    assert abs(final_wer - batch_wer) <= 0.01
    assert tripled(final) <= tripled(reference), "no word sequence said three times running that the reference does not"
    repeated_in_draft = {sequence for sequence in tripled(draft) - tripled(reference) if len(sequence.split()) >= 3}
    assert not repeated_in_draft, "the live draft repeats no sentence (a misheard word may come out three times)"
    assert draft_wer <= batch_wer + 0.1

    interview = study.interview(interview_id)
    assert interview.status == "anonymised" and interview.pending_stage is None
    assert all(segment.anonymised_text is not None for segment in segments), "anonymised: the final transcript"
    assert {segment.speaker_source for segment in segments} == {"voice"} and all(s.words for s in segments)
    events = study.events(interview_id)
    note = next(event for event in events if event.kind == "note")
    assert note.text == "call started" and note.offset > call_starts
    second = next(event for event in events if event.kind == "item" and event.item_id == schedule.items[1].id)
    for segment in segments:  # the items asked keep their place: speech before the second question is the first's
        if segment.end < second.offset - 0.5:
            assert segment.item_id == schedule.items[0].id, segment
        elif segment.start > second.offset + 0.5:
            assert segment.item_id == schedule.items[1].id, segment
