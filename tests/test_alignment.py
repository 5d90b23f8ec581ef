"""Tests for aligning transcript segments to schedule items, from the timeline or by matching questions."""

from __future__ import annotations

import pytest

from interviewer.schedule.alignment import align_by_questions, align_from_timeline, question_similarity
from interviewer.pipeline import align_interview
from interviewer.schedule import find_schedule


@pytest.fixture
def schedule():
    return find_schedule("npt-key-informant")


def add_transcript(study, interview, texts, speakers=None, recording_id=None):
    rows = []
    for index, text in enumerate(texts):
        rows.append({"start": index * 10.0, "end": index * 10.0 + 8, "text": text, "recording_id": recording_id,
                     "speaker": speakers[index] if speakers else None})
    study.replace_segments(interview.id, rows, model="test")
    return study.segments(interview.id)


def test_spoken_question_matches_its_item_despite_recognition_errors(schedule):
    purpose = next(item for item in schedule.items if "purpose" in item.question)
    assert question_similarity("What will you see as the purpose of the user and care planning approach?",
                               purpose.question) >= 0.7
    assert question_similarity("Yes, of course.", purpose.question) == 0.0


def test_segments_follow_the_question_that_opened_them(study, schedule):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", schedule_id=schedule.id)
    purpose = next(item for item in schedule.items if "purpose" in item.question)
    distinguish = next(item for item in schedule.items if "distinguish" in item.question)
    segments = add_transcript(study, interview, [
        "Thanks for taking part today.",
        "So what would you see as the purpose of a user led approach to care planning?",
        "I think it puts people at the centre of their plan.",
        "And how do you think participants would distinguish between a user-led approach and current care planning?",
        "They would write parts of the plan themselves.",
    ])
    labels = align_by_questions(segments, schedule)
    assert [labels[s.id].item_id for s in segments] == [None, purpose.id, purpose.id, distinguish.id, distinguish.id]
    assert all(0.7 <= labels[s.id].confidence <= 1 for s in segments[1:])


def test_only_the_interviewers_words_open_an_item_when_speakers_are_known(study, schedule):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", schedule_id=schedule.id)
    question = schedule.items[6].question
    segments = add_transcript(study, interview, [question, "fine"], speakers=["KI-01", "Interviewer"])
    labels = align_by_questions(segments, schedule, interviewer="Interviewer")
    assert labels[segments[0].id].item_id is None


def test_timeline_items_label_segments_per_recording_part(study, schedule, tmp_path):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", schedule_id=schedule.id)
    part1 = study.add_recording(interview.id, path=tmp_path / "p1.wav", sha256="x", format="wav", sample_rate=16000,
                                channels=1, duration=30)
    part2 = study.add_recording(interview.id, path=tmp_path / "p2.wav", sha256="y", format="wav", sample_rate=16000,
                                channels=1, duration=30)
    first, second, third = (item.id for item in schedule.items[:3])
    study.add_event(interview.id, "part", text="part 1", offset=0)
    study.add_event(interview.id, "item", item_id=first, offset=0)
    study.add_event(interview.id, "item", item_id=second, offset=15.5)
    study.add_event(interview.id, "part", text="part 2", offset=0)
    study.add_event(interview.id, "item", item_id=third, offset=20)
    study.replace_segments(interview.id, [
        {"start": 1, "end": 5, "text": "a", "recording_id": part1.id},
        {"start": 15, "end": 20, "text": "b", "recording_id": part1.id},   # starts just before the key press
        {"start": 2, "end": 8, "text": "c", "recording_id": part2.id},     # resumed: still the second item
        {"start": 21, "end": 25, "text": "d", "recording_id": part2.id},
    ], model="test")
    segments = study.segments(interview.id)
    labels = align_from_timeline(segments, study.events(interview.id), study.recordings(interview.id))
    assert [labels[s.id].item_id for s in segments] == [first, second, second, third]
    assert {labels[s.id].source for s in segments} == {"timeline"}


def test_align_interview_stores_items_with_their_source(study, schedule):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", schedule_id=schedule.id)
    add_transcript(study, interview, [schedule.items[0].question, "An answer."])
    assert align_interview(study, interview.id) == 2
    stored = study.segments(interview.id)
    assert [s.item_id for s in stored] == [schedule.items[0].id] * 2
    assert stored[0].item_source == "matched" and stored[0].item_confidence == 1.0
