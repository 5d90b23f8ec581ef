"""Builds small studies for the export tests through the Study API: hand-written, anonymised, reviewed transcripts."""

from __future__ import annotations

from interviewer.store import Study

SCHEDULE = "npt-key-informant"

PEOPLE = [
    ("KI-01", "Female", "Professor", "Academia", "phone"),
    ("KI-02", "Male", "Consultant psychiatrist", "NHS", "face-to-face"),
    ("KI-03", "Female", "Service manager", "NHS", "phone"),
    ("KI-04", "Female", "Carer representative", "Third sector", "video"),
]


def words(text: str, start: float, end: float) -> list[dict]:
    """Evenly spaced Whisper-style words (leading spaces, probabilities) for an original text."""
    tokens = text.split()
    step = (end - start) / len(tokens)
    return [{"start": round(start + i * step, 3), "end": round(start + (i + 1) * step, 3), "word": f" {token}",
             "probability": 0.9} for i, token in enumerate(tokens)]


def segments_for(code: str) -> list[tuple[dict, str]]:
    """(segment, anonymised text) pairs of one interview; the originals name people and places."""
    raw = [
        (0.0, 3.5, "Interviewer", "meaning-of-involvement",
         "When you hear about involvement in care, what does that mean to you?", None),
        (4.0, 9.25, code, "meaning-of-involvement",
         "For me it means Dr Smith listening to people.", "For me it means Dr [PERSON 1] listening to people."),
        (9.5, 14.0, code, "meaning-of-involvement",
         "It's about trust — café conversations at Leeds General, really.",
         "It's about trust — café conversations at [HOSPITAL 1], really."),
        (15.0, 17.0, "Interviewer", "policy-drivers", "What pushes services towards this?", None),
        (17.5, 3725.0, code, "policy-drivers",
         "The national guidance matters, and Mary Jones pushed it hard.",
         "The national guidance matters, and [PERSON 2] pushed it hard."),
        (3726.0, 3727.5, code, None, "Thanks, that's all.", None),
    ]
    pairs = []
    for start, end, speaker, item, text, anonymised in raw:
        segment = {"start": start, "end": end, "speaker": speaker, "item_id": item, "text": text,
                   "words": words(text, start, end)}
        pairs.append((segment, anonymised or text))
    return pairs


def add_interview(study: Study, code: str, mode: str, *, status: str = "reviewed", anonymise: bool = True,
                  day: int = 1) -> int:
    interview = study.add_interview(code, mode=mode, schedule_id=SCHEDULE, schedule_version="1",
                                    started_at=f"2026-11-{day:02d}T10:00:00+00:00")
    pairs = segments_for(code)
    study.replace_segments(interview.id, [segment for segment, _ in pairs], model="hand-written")
    if anonymise:
        stored = study.segments(interview.id)
        study.save_anonymisation(interview.id, {s.id: text for s, (_, text) in zip(stored, pairs)}, [], {})
    study.update_interview(interview.id, status=status if anonymise else "transcribed")
    return interview.id


def build(study: Study, people=PEOPLE) -> list[int]:
    """Participants with attributes and consent, each with one reviewed interview; returns interview ids."""
    ids = []
    for day, (code, gender, role, sector, mode) in enumerate(people, start=1):
        study.add_participant(code, name=f"Real Name {code}", workplace="Leeds General", gender=gender, role=role,
                              sector=sector, attributes={"years": str(10 + day)})
        study.record_consent(code, audio_recording=True, quotation=day != 2)
        ids.append(add_interview(study, code, mode, day=day))
    return ids


ORIGINAL_ONLY = ("Smith", "Leeds", "Mary", "Jones", "Real Name")
"""Words in the original transcripts (or participant records) that no coder export may contain."""
