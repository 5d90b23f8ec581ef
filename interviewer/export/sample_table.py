"""Provides the sample table of a study: participants by gender and sector, interviews by mode, durations."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from interviewer.store import Interview, Participant, Study

NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class SampledInterview:
    participant: Participant
    interview: Interview
    duration: float
    """Seconds; 0 when unknown."""


@dataclass(frozen=True)
class SampleTable:
    title: str
    participants: int
    interviews: int
    rows: list[tuple[str, str, int, float]]
    """(characteristic, category, n, percent of its base)."""
    durations: list[float]
    """Minutes, one per interview whose duration is known."""

    def duration_summary(self) -> dict[str, float]:
        if not self.durations:
            return {}
        return {
            "mean": statistics.fmean(self.durations),
            "median": statistics.median(self.durations),
            "minimum": min(self.durations),
            "maximum": max(self.durations),
            "total": sum(self.durations),
        }


def interview_duration(study: Study, interview: Interview) -> float:
    """Seconds of recorded audio, or the end of the last transcript segment when there is no recording."""
    recorded = sum(recording.duration for recording in study.recordings(interview.id))
    if recorded:
        return recorded
    return study.transcript_end(interview.id)


def sampled_interviews(study: Study) -> list[SampledInterview]:
    """Every interview that took place (any status but 'planned'), in interview order."""
    return [
        SampledInterview(study.participant_by_id(interview.participant_id), interview, interview_duration(study, interview))
        for interview in study.interviews()
        if interview.status != "planned"
    ]


def build(title: str, sampled: list[SampledInterview]) -> SampleTable:
    participants: dict[str, Participant] = {}
    for entry in sampled:
        participants.setdefault(entry.participant.code, entry.participant)
    rows: list[tuple[str, str, int, float]] = []

    def add(characteristic: str, counts: Counter, base: int) -> None:
        for category, n in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
            rows.append((characteristic, category, n, 100.0 * n / base if base else 0.0))

    people = list(participants.values())
    add("Gender", Counter((p.gender or NOT_RECORDED) for p in people), len(people))
    add("Employment sector", Counter((p.sector or NOT_RECORDED) for p in people), len(people))
    add("Interview mode", Counter(entry.interview.mode for entry in sampled), len(sampled))
    durations = [entry.duration / 60 for entry in sampled if entry.duration > 0]
    return SampleTable(title, len(people), len(sampled), rows, durations)


def for_study(study: Study) -> SampleTable:
    return build(study.name, sampled_interviews(study))


def markdown(table: SampleTable) -> str:
    lines = [
        f"# Sample: {table.title}",
        "",
        f"Participants: {table.participants}; interviews: {table.interviews}.",
        "",
        "| Characteristic | Category | n | % |",
        "|---|---|---:|---:|",
    ]
    for characteristic, category, n, percent in table.rows:
        lines.append(f"| {_cell(characteristic)} | {_cell(category)} | {n} | {percent:.0f} |")
    lines += ["", "| Interview duration (minutes) | Value |", "|---|---:|"]
    summary = table.duration_summary()
    if summary:
        for name, value in summary.items():
            lines.append(f"| {name.capitalize()} | {value:.1f} |")
    else:
        lines.append("| Not known | - |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
