"""Builds small studies for the anonymisation tests: hand-written transcripts naming known and unknown people."""

from __future__ import annotations

PASSPHRASE = "correct horse battery"

FIRST = [
    ("Interviewer", "Hello Sarah, thank you for coming over from Riverside Hospital today."),
    ("KI-01", "Thanks Kate. I started there with Dr Patel in March 2019, on the Greyfriars unit."),
    ("KI-01", "The GP and the CMHT follow the Mental Health Act, and I hope the Recovery College stays, says our bluebell team."),
]
SECOND = [
    ("Interviewer", "Last time you mentioned Thompson and the Riverside Hospital team."),
    ("KI-01", "Yes, Sarah Thompson leads it now, and Patel moved to Leeds."),
    ("KI-01", "The bluebell team stayed."),
]


def add_transcript(study, code: str, turns, interviewer: str = "Kate Whitfield") -> int:
    """A new interview of `code` with one segment per (speaker, text) turn; returns its id."""
    interview = study.add_interview(code, interviewer=interviewer, started_at="2026-11-20T10:00:00+00:00")
    segments = [{"start": float(4 * n), "end": float(4 * n + 3.5), "speaker": speaker, "text": text}
                for n, (speaker, text) in enumerate(turns)]
    study.replace_segments(interview.id, segments, model="hand-written")
    return interview.id


def known_study(study) -> tuple[int, int]:
    """A participant with a recorded name and workplace, and two transcribed interviews of them."""
    study.add_participant("KI-01", name="Sarah Thompson", workplace="Riverside Hospital", gender="Female",
                          role="Ward manager", sector="NHS")
    study.record_consent("KI-01", audio_recording=True, quotation=True)
    return add_transcript(study, "KI-01", FIRST), add_transcript(study, "KI-01", SECOND)


def database_text(study) -> str:
    """Every text value stored in the study's redactions and pseudonyms tables, joined."""
    values = []
    for table in ("redactions", "pseudonyms"):
        for row in study.db[table].rows:
            values += [str(v) for v in row.values() if isinstance(v, str)]
    return "\n".join(values)
