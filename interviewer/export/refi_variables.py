"""Provides the REFI-QDA variables: participant attributes on cases and, copied, on sources (QualCoder imports only
source variables for files), and interview facts on sources; each declared only when some value is known."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.export.collection import StudyExport
from interviewer.export.document import TranscriptDocument
from interviewer.export.prompt_coverage import prompts_covered_value
from interviewer.store import Participant

PARTICIPANT = [("quote_label", "Quote label"), ("gender", "Gender"), ("role", "Role"), ("sector", "Sector")]
INTERVIEW = [("mode", "Interview mode"), ("date", "Interview date"), ("minutes", "Interview minutes"),
             ("status", "Review status"), ("prompts_covered", "Prompts covered")]
COPY_PREFIX = "participant/"


@dataclass(frozen=True)
class Variable:
    key: str
    name: str
    description: str = ""


def participant_variables(export: StudyExport) -> list[Variable]:
    """The case variables, in display order."""
    return [Variable(key, name) for key, name in PARTICIPANT] + [
        Variable(f"attribute/{name}", name) for name in export.attribute_names]


def source_variables(export: StudyExport) -> list[Variable]:
    """The source variables: the participant's code, their case variables again, then the interview's facts."""
    copies = [Variable(f"{COPY_PREFIX}{variable.key}", f"Participant: {variable.name}",
                       f"The participant's {variable.name.lower()}, as on their case; repeated on the transcript for "
                       "tools that link cases to files only by hand (QualCoder).")
              for variable in participant_variables(export)]
    return [Variable("participant", "Participant", "The participant (case) this transcript belongs to."),
            *copies, *(Variable(key, name) for key, name in INTERVIEW)]


def case_values(export: StudyExport, participant: Participant) -> dict[str, str]:
    """The case's known values, by variable key (empty values left out)."""
    values = {"quote_label": export.documents_of(participant.code)[0].quote_label, "gender": participant.gender,
              "role": participant.role, "sector": participant.sector,
              **{f"attribute/{name}": value for name, value in participant.attributes.items()}}
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


def source_values(export: StudyExport, document: TranscriptDocument) -> dict[str, str]:
    """The transcript's known values, by variable key (an interview with no known date has no date value)."""
    interview = document.interview
    values = {"participant": document.participant.code,
              **{COPY_PREFIX + key: value for key, value in case_values(export, document.participant).items()},
              "mode": interview.mode, "date": (interview.started_at or "")[:10],
              "minutes": f"{document.duration / 60:.1f}" if document.duration else "",
              "status": "DRAFT — NOT REVIEWED" if document.draft else "reviewed",
              "prompts_covered": prompts_covered_value(document)}
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


def declared(export: StudyExport) -> tuple[list[Variable], list[Variable]]:
    """(case variables, source variables) that at least one case or source gives a value."""
    on_cases = {key for participant in export.participants for key in case_values(export, participant)}
    on_sources = {key for document in export.documents for key in source_values(export, document)}
    return ([variable for variable in participant_variables(export) if variable.key in on_cases],
            [variable for variable in source_variables(export) if variable.key in on_sources])
