"""Provides the study store: one SQLite file per study, rows turned into dataclasses, every change audited."""

from interviewer.store.allocations import CoderAllocation
from interviewer.store.anonymisation import AnonymisationTerm
from interviewer.store.base import CODE_PATTERN, StoreError, now
from interviewer.store.connection import StudyUnreadable
from interviewer.store.drafts import DraftSegment
from interviewer.store.encryption import StudyLocked, WrongStudyPassphrase
from interviewer.store.interviews import (
    ANONYMISE, FINAL_PASS, INTERVIEW_STATUSES, MODES, PENDING_STAGES, Interview, Recording, TimelineEvent,
)
from interviewer.store.participants import Consent, Participant
from interviewer.store.possible_misses import PossibleMiss
from interviewer.store.redactions import Pseudonym, Redaction
from interviewer.store.study import (DATABASE_NAME, DEFAULT_QUOTE_LABEL, DEFAULT_STUDY, Study, StudyBusy,
                                     study_folder)
from interviewer.store.transcripts import Segment, SpokenSegment

__all__ = [
    "ANONYMISE", "CODE_PATTERN", "DATABASE_NAME", "DEFAULT_QUOTE_LABEL", "DEFAULT_STUDY", "FINAL_PASS",
    "INTERVIEW_STATUSES", "MODES", "PENDING_STAGES", "AnonymisationTerm", "CoderAllocation", "Consent",
    "DraftSegment", "Interview", "Pseudonym", "Redaction", "Participant", "PossibleMiss", "Recording", "Segment",
    "SpokenSegment",
    "StoreError", "Study", "StudyBusy", "StudyLocked", "StudyUnreadable", "TimelineEvent", "WrongStudyPassphrase",
    "now", "study_folder",
]
