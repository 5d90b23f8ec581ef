"""Provides speakers named by role: the Interviewer and the participant, by channel, timeline or schedule."""

from __future__ import annotations

from interviewer.store import Interview, Recording, Study

INTERVIEWER_SPEAKER = "Interviewer"


def interviewer_channel(study: Study) -> int | None:
    """Which channel of a stereo recording is the interviewer's, when the study says so (settings
    `interviewer_channel`: "left" or "right"); None leaves it to the timeline."""
    return {"left": 0, "right": 1}.get(str(study.settings.get("interviewer_channel", "")).lower())


CALL_INPUT_PREFIX = "call:"
"""An `input` timeline event whose text starts so opened a part recorded from the call input."""
CALL_INTERVIEWER_CHANNEL = 0
"""The call input records the interviewer's microphone on the left channel (`audio.call`)."""


def _part_events(study: Study, interview: Interview, part: int):
    current = 1
    for event in study.events(interview.id):
        if event.kind == "part" and event.text:
            current = int("".join(ch for ch in event.text if ch.isdigit()) or current)
        elif current == part:
            yield event


def recorded_from_call(study: Study, interview: Interview, recording: Recording) -> bool:
    """The recording part was made with the call input (the timeline says so at the part's start)."""
    return any(event.kind == "input" and (event.text or "").startswith(CALL_INPUT_PREFIX)
               for event in _part_events(study, interview, recording.part))


def interviewer_channel_of(study: Study, interview: Interview, recording: Recording) -> int | None:
    """The interviewer's channel of a stereo recording part: known for a call recorded on this computer,
    else the study's setting; None leaves it to the timeline."""
    if recording.channels == 2 and recorded_from_call(study, interview, recording):
        return CALL_INTERVIEWER_CHANNEL
    return interviewer_channel(study)


def name_speakers_by_role(study: Study, interview: Interview, recording: Recording, transcript):
    """Rename speaker labels to Interviewer and the participant's code, using the timeline or the schedule
    (for channel labels whose interviewer channel is known, directly)."""
    from interviewer.schedule.study import followed_schedule
    from interviewer.speakers.attribution import CHANNEL_LABELS, find_interviewer, name_speakers, speaking_time

    labels = {segment.speaker for segment in transcript.segments}
    if labels and labels <= set(CHANNEL_LABELS):
        chosen = interviewer_channel_of(study, interview, recording)
        if chosen is not None:
            return name_speakers(transcript, {CHANNEL_LABELS[chosen]: INTERVIEWER_SPEAKER,
                                              CHANNEL_LABELS[1 - chosen]: interview.participant_code})

    question_times = []
    part = 1
    for event in study.events(interview.id):
        if event.kind == "part" and event.text:
            part = int("".join(ch for ch in event.text if ch.isdigit()) or part)
        elif event.kind in ("item", "asked", "probe") and part == recording.part and event.offset is not None:
            question_times.append(event.offset)
    questions: list[str] = []
    schedule = followed_schedule(study, interview)
    if schedule:
        questions = [item.question for item in schedule.items] + [p for item in schedule.items for p in item.probes]
    interviewer_label, _how = find_interviewer(transcript.segments, question_times, questions)
    others = [label for label in speaking_time(transcript.segments) if label != interviewer_label]
    others.sort(key=lambda label: -speaking_time(transcript.segments)[label])
    names = {interviewer_label: INTERVIEWER_SPEAKER} if interviewer_label else {}
    for number, label in enumerate(others):
        names[label] = interview.participant_code if number == 0 else f"Speaker {number + 2}"
    return name_speakers(transcript, names)
