"""A live interview: the consent gate, events stored with offsets, parts filed, and resuming after a crash."""

from __future__ import annotations

import pytest

from interviewer.interview.running import ConsentMissing, LiveInterview
from interviewer.schedule import find_schedule
from fake_audio import FakeAudio


@pytest.fixture
def schedule():
    return find_schedule("npt-key-informant")


@pytest.fixture
def audio():
    return FakeAudio()


def consenting(study, code="KI-01"):
    study.add_participant(code, role="Nurse")
    study.record_consent(code, audio_recording=True, quotation=True)
    return code


def test_recording_is_refused_without_audio_consent(study, schedule, audio):
    study.add_participant("KI-02")
    with pytest.raises(ConsentMissing):
        LiveInterview.create(study, "KI-02", schedule, audio)
    assert study.interviews() == []


def test_consent_given_at_the_start_is_recorded_and_audited(study, schedule, audio):
    study.add_participant("KI-03")
    LiveInterview.create(study, "KI-03", schedule, audio, consent_given_now=True)
    consent = study.consent("KI-03")
    assert consent.audio_recording and "interview screen" in consent.notes
    assert any(entry["table_name"] == "consent" for entry in study.audit_entries())


def test_every_action_is_stored_with_its_recording_offset(study, schedule, audio):
    live = LiveInterview.create(study, consenting(study), schedule, audio)
    live.begin_part(device=0)
    audio.clock.advance(75.0)
    live.act("next")
    audio.clock.advance(10.0)
    live.act("probe", 1)
    live.act("note", "mentions the crisis team")
    live.stop()
    live.close()
    events = [(e.kind, e.item_id, e.offset) for e in study.events(live.interview.id)]
    first, second = schedule.items[0].id, schedule.items[1].id
    assert ("asked", first, 75.0) in events
    assert ("item", second, 75.0) in events
    assert ("probe", second, 85.0) in events
    assert events[-1][0] == "end"
    interview = study.interview(live.interview.id)
    assert interview.status == "recorded" and interview.started_at and interview.ended_at
    (recording,) = study.recordings(interview.id)
    assert recording.duration == pytest.approx(85.0)


def test_pausing_pauses_the_recorder(study, schedule, audio):
    live = LiveInterview.create(study, consenting(study), schedule, audio)
    live.begin_part()
    audio.clock.advance(5.0)
    live.act("pause")
    audio.clock.advance(100.0)
    assert live.offset == pytest.approx(5.0)
    live.act("resume")
    audio.clock.advance(1.0)
    assert live.offset == pytest.approx(6.0)
    live.stop()
    live.close()


def test_reopening_an_interrupted_interview_resumes_at_the_same_item_in_a_new_part(study, schedule, audio):
    live = LiveInterview.create(study, consenting(study), schedule, audio)
    live.begin_part()
    audio.clock.advance(30.0)
    live.act("next")
    live.act("next")
    where = live.session.current_id
    audio.clock.advance(12.0)
    audio.recorders[-1].stop()  # what a crash leaves: the part's file on disk, no recording filed
    live.writer.flush()
    live.close()

    resumed = LiveInterview.reopen(study, live.interview.id, audio)
    assert study.interview(live.interview.id).status == "interrupted"
    assert [r.part for r in study.recordings(live.interview.id)] == [1], "the crashed part is filed"
    assert resumed.session.current_id == where
    path = resumed.begin_part()
    assert path.name.endswith("part-2.wav.enc")
    audio.clock.advance(3.0)
    resumed.act("next")
    resumed.stop()
    resumed.close()
    assert [r.part for r in study.recordings(live.interview.id)] == [1, 2]
    assert [e.text for e in study.events(live.interview.id) if e.kind == "part"] == ["part 1", "part 2"]
    assert resumed.session.elapsed(resumed.offset) == pytest.approx(45.0)


def test_an_interview_open_in_one_window_cannot_be_resumed_or_transcribed_from_another(study, schedule, audio):
    from interviewer.locks import InterviewBusy
    from interviewer.pipeline import transcribe_interview
    from interviewer.store import Study

    live = LiveInterview.create(study, consenting(study), schedule, audio)
    live.begin_part(device=0)
    audio.clock.advance(5.0)
    live.finish_part("interrupted")
    other_window = Study.open(str(study.folder))
    with pytest.raises(InterviewBusy, match="being recorded in an interview window"):
        LiveInterview.reopen(other_window, live.interview.id, FakeAudio())
    with pytest.raises(InterviewBusy):
        transcribe_interview(other_window, live.interview.id, transcriber=object())
    live.close()
    resumed = LiveInterview.reopen(other_window, live.interview.id, FakeAudio())
    resumed.close()
