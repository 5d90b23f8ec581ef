"""Provides the anonymiser: detection of direct identifiers in interview transcripts, placeholders and redaction."""

from interviewer.anonymise.anonymiser import Analysis, Anonymiser, Detection, get_anonymiser
from interviewer.anonymise.known import KnownIdentifier
from interviewer.anonymise.suggestions import Suggestion
from interviewer.anonymise.placeholders import Placeholders, redact
from interviewer.anonymise.policy import Policy, PolicyError, default_policy, load_policy

__all__ = ["Analysis", "Anonymiser", "Detection", "Suggestion", "KnownIdentifier", "Placeholders", "Policy", "PolicyError", "default_policy",
           "get_anonymiser", "load_policy", "redact"]
