"""Provides the bundle's README: what is in it, what is not, and per tool (NVivo, ATLAS.ti, MAXQDA, QualCoder) what
to open and what to expect."""

from __future__ import annotations

import textwrap
from pathlib import Path

from interviewer import __version__
from interviewer.export.collection import StudyExport
from interviewer.export.refi_qda import PRE_CODING_USER, users_of
from interviewer.store import now

NEVER_INCLUDED = [
    "Un-anonymised (original) transcript text and Whisper's original word list",
    "Participants' names, workplaces and notes",
    "The re-identification key (which placeholder stands for whom)",
    "Consent records (only whether each participant agreed to be quoted)",
]


def not_included(export: StudyExport, audio: list[str]) -> list[str]:
    missing = list(NEVER_INCLUDED)
    if not audio:
        missing.insert(0, "Audio recordings: voices identify people, so audio is exported only with --include-audio")
    missing += [f"Interview #{e.interview_id} ({e.participant_code}): {e.reason}" for e in export.excluded]
    return missing


def _pre_coded(export: StudyExport) -> int:
    return sum(any(turn.item_id for turn in document.turns) for document in export.documents)


WIDTH = 100


def _item(text: str, indent: int = 2) -> list[str]:
    """A wrapped list item: '- text' at `indent`, continuation lines under the text."""
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent + "- ", subsequent_indent=" " * (indent + 2),
                         break_on_hyphens=False)


def _para(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, subsequent_indent="  ", break_on_hyphens=False)


def _project_lines(export: StudyExport, project: str, audio: list[str]) -> list[str]:
    owner = users_of(export).owner[1]
    coded = _pre_coded(export)
    first = export.documents[0]
    lines = [f"The REFI-QDA project {project} holds:"]
    lines += _item(f"Users: \"{owner}\" first (tools such as QualCoder take it as your coder name), then "
                   f"\"{PRE_CODING_USER}\", credited with the machine's pre-coding, so your own coding stays apart "
                   "from it.")
    lines += _item(f"One text source per interview (\"{first.participant.code} interview {first.interview.id}\"), "
                   "exactly the TXT transcript.")
    lines += _item("Cases: one per participant, with the quote label, gender, role, sector and other attributes as "
                   "case variables. The same values are on each transcript as document variables \"Participant: "
                   "...\", and \"Participant\" names its case.")
    lines += _item("Codes: the NPT constructs (4 constructs with 4 sub-constructs each) and the interview schedule's "
                   "sections and items.")
    if coded:
        lines += _item(f"Pre-coding ({coded} of {len(export.documents)} transcripts): each turn that answers a "
                       "schedule item is coded with the item and with its NPT constructs, one coding per selection "
                       "(the same turn is selected once per code).")
    else:
        lines += _item("No pre-coding: no interview here followed an interview schedule.")
    coders = sorted({coder for names in export.coders.values() for coder in names})
    if coders:
        lines += _item("Sets " + ", ".join(f"\"Coder {coder}\"" for coder in coders)
                       + ": the transcripts allocated to each coder.")
    if audio:
        lines += _item("Audio sources: each recording with its transcript, synchronised at the start and end of "
                       "every turn, so a turn can be played from the text. The pre-coding is on the text sources.")
    return lines


def _tool_lines(export: StudyExport, project: str, audio: list[str]) -> list[str]:
    owner = users_of(export).owner[1]
    if export.line_endings == "crlf":
        endings = "This bundle was written with CRLF line endings and positions counted for them, as MAXQDA needs."
    else:
        endings = ("This bundle uses LF line endings; if MAXQDA shows the pre-coding shifted, ask for a bundle "
                   "made with: interviewer export --all --line-endings crlf")
    lines = ["Per tool", "--------"]
    lines += _para(f"NVivo: open {project} (File > Open, file type REFI-QDA Project) and let NVivo convert it into "
                   "a new project. NVivo converts what it supports (sources, codes, cases with classifications, "
                   "coding, sets); see 'REFI-QDA Standard' in NVivo's help for its exceptions.")
    lines += [""] + _para(f"ATLAS.ti: import {project} as a REFI-QDA project into a new project. How cases and sets "
                          "arrive depends on the version (often as document groups): check the document manager.")
    lines += [""] + _para(f"MAXQDA: import {project} as a REFI-QDA project. MAXQDA counts a Windows line break (CRLF) "
                          f"as two characters. {endings}")
    lines += [""] + _para(f"QualCoder: Project > Import > REFI-QDA project, choose {project}; QualCoder makes a new "
                          "project from it.")
    lines += _item(f"Your coder name becomes \"{owner}\" (the project's first user). The pre-coding is credited to "
                   f"\"{PRE_CODING_USER}\": to see it while you code, show other coders' codings in the coding "
                   "window.")
    lines += _item("QualCoder does not link cases to files on import (it ignores the cases' file references). "
                   "Until you link them, filter by the document variables \"Participant\" and \"Participant: "
                   "...\", which QualCoder imports. To link: Cases > Manage cases, select a case (e.g. "
                   f"{export.documents[0].participant.code}), open its files and add the whole text of each "
                   "transcript whose \"Participant\" is that case.")
    if audio:
        lines += _item("QualCoder imports each recording with its transcript but not the sync points; to listen "
                       "along, open the audio/ file with the interview's SRT or VTT in a media player.")
    lines += [""] + _para("Any tool: if something is missing after import, the same content is in transcripts/ and "
                          "csv/.")
    return lines


def readme_text(export: StudyExport, base: str, audio: list[str], checksums: str) -> str:
    """The README of a bundle whose study-wide files are named `base` (e.g. base.qdpx)."""
    project = f"{base}.qdpx"
    drafts = [d for d in export.documents if d.draft]
    endings = "CRLF (Windows; for MAXQDA)" if export.line_endings == "crlf" else "LF"
    lines = [
        f"Transcripts for coding: {export.study_name}" + (f" (coder {export.coder})" if export.coder else ""),
        f"Written {now()} by interviewer {__version__}.",
        "",
        f"Open first: {project} in your QDA tool (see 'Per tool' below); or read transcripts/docx.",
        "",
        "Included:",
        *(f"  - #{d.interview.id} {d.participant.code} — {d.quote_label}" + (" — DRAFT, NOT REVIEWED" if d.draft else "")
          for d in export.documents),
        f"  - transcripts/txt, docx, srt, vtt, json: one file per interview (TXT line endings: {endings})",
        f"  - {base}.xlsx: segments, participants, sample, codebook and coder allocation sheets",
        f"  - {project}: REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder) with the NPT codebook",
        f"  - {base}-codebook.qdc: the codebook alone",
        "  - csv/: the same tables as CSV; sample.md: the sample table",
    ]
    if audio:
        lines.append(f"  - audio/: {len(audio)} recording file(s), also inside {project} — IDENTIFYING, handle under "
                     "the study's data rules")
    lines += ["", *_project_lines(export, project, audio), "", *_tool_lines(export, project, audio)]
    lines += ["", "Not included:", *(f"  - {entry}" for entry in not_included(export, audio))]
    if drafts:
        lines += ["", f"WARNING: {len(drafts)} transcript(s) are drafts whose anonymisation has not been reviewed."]
    lines += ["", f"Check the files with: sha256sum -c {checksums}"]
    return "\n".join(lines) + "\n"


def write_readme(export: StudyExport, folder: Path, base: str, audio: list[str], checksums: str) -> None:
    (folder / "README.txt").write_text(readme_text(export, base, audio, checksums), encoding="utf-8")
