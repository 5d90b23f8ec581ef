"""Provides the study store: one SQLite file per study, rows turned into dataclasses, every change audited."""

from interviewer.store.allocations import CoderAllocation
from interviewer.store.anonymisation import AnonymisationTerm
from interviewer.store.base import CODE_PATTERN, StoreError, now
from interviewer.store.connection import StudyUnreadable
from interviewer.store.encryption import StudyLocked, WrongStudyPassphrase
from interviewer.store.interviews import INTERVIEW_STATUSES, MODES, Interview, Recording, TimelineEvent
from interviewer.store.participants import Consent, Participant
from interviewer.store.possible_misses import PossibleMiss
from interviewer.store.redactions import Pseudonym, Redaction
from interviewer.store.study import (DATABASE_NAME, DEFAULT_QUOTE_LABEL, DEFAULT_STUDY, Study, StudyBusy,
                                     study_folder)
from interviewer.store.transcripts import Segment

__all__ = [
    "CODE_PATTERN", "DATABASE_NAME", "DEFAULT_QUOTE_LABEL", "DEFAULT_STUDY", "INTERVIEW_STATUSES", "MODES",
    "AnonymisationTerm", "CoderAllocation", "Consent", "Interview", "Pseudonym", "Redaction", "Participant",
    "PossibleMiss", "Recording", "Segment", "StoreError", "Study", "StudyBusy", "StudyLocked", "StudyUnreadable",
    "TimelineEvent", "WrongStudyPassphrase", "now", "study_folder",
]
