"""Provides the REFI-QDA 1.0 project (.qdpx): users, NPT codebook, variables, cases, transcripts with their
pre-coded turns (one coding per selection), recordings with synchronised transcripts, coder sets."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from interviewer.export.collection import StudyExport
from interviewer.export.document import TEAM, timestamp
from interviewer.export.refi_codebook import (CODEBOOK_NS, ORIGIN, PROJECT_NS, code_guid, codebook_xml,
                                              codes_element, write_codebook, xml_bytes)
from interviewer.export.refi_sources import AudioTranscript, Source, build_sources, guid
from interviewer.export.refi_variables import Variable, case_values, declared, source_values

__all__ = ["CODEBOOK_NS", "PROJECT_NS", "EXTENSION", "PRE_CODING_USER", "codebook_xml", "project_xml", "write",
           "write_codebook"]

EXTENSION = "qdpx"
PRE_CODING_USER = "schedule pre-coding"
"""The user credited with the machine's pre-coding, apart from the coder who opens the project."""
NS = PROJECT_NS


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


@dataclass(frozen=True)
class Users:
    owner: tuple[str, str]
    """(guid, name) of the project's first user: the coder of a coder's share, else the neutral team."""
    pre_coding: tuple[str, str]


def users_of(export: StudyExport) -> Users:
    """Tools such as QualCoder take the first user as the name of whoever opens the project."""
    owner = (guid(export.study_name, "user", "coder", export.coder), export.coder) if export.coder \
        else (guid(export.study_name, "user", "team"), TEAM)
    return Users(owner, (guid(export.study_name, "user", "pre-coding"), PRE_CODING_USER))


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def project_element(export: StudyExport, sources: list[Source]) -> ET.Element:
    created = _now()
    users = users_of(export)
    project = ET.Element(_tag("Project"), {"name": export.study_name, "origin": ORIGIN,
                                           "creatingUserGUID": users.owner[0], "creationDateTime": created})
    users_element = ET.SubElement(project, _tag("Users"))
    for user_guid, name in (users.owner, users.pre_coding):
        ET.SubElement(users_element, _tag("User"), {"guid": user_guid, "name": name})
    ET.SubElement(project, _tag("CodeBook")).append(codes_element(export, sources, NS))

    case_variables, source_variables = declared(export)
    if case_variables or source_variables:
        variables = ET.SubElement(project, _tag("Variables"))
        for variable in case_variables + source_variables:
            element = ET.SubElement(variables, _tag("Variable"), {"guid": _variable_guid(export, variable.key),
                                                                  "name": variable.name, "typeOfVariable": "Text"})
            if variable.description:
                ET.SubElement(element, _tag("Description")).text = variable.description
    _cases(project, export, sources, case_variables)
    if sources:
        sources_element = ET.SubElement(project, _tag("Sources"))
        for source in sources:
            values = _values(source_values(export, source.document), source_variables)
            _text_source(sources_element, export, source, users, created, values)
            for audio in source.audio:
                _audio_source(sources_element, export, source, audio, users, created, values)
    _sets(project, export, sources)
    ET.SubElement(project, _tag("Description")).text = description(export, sources)
    return project


def description(export: StudyExport, sources: list[Source]) -> str:
    """What the project holds, saying only what is true of it."""
    count = len(sources)
    lines = [f"Anonymised interview transcripts of {export.study_name} ({count} interview{'s' if count != 1 else ''})"
             + (f", the share of coder {export.coder}" if export.coder else "") + f", exported by {ORIGIN}."]
    coded = sum(source.pre_coded for source in sources)
    if coded:
        which = "every transcript" if coded == count else f"{coded} of {count} transcripts"
        lines.append(f"In {which}, turns answering an item of the interview schedule are pre-coded (by the user "
                     f"'{PRE_CODING_USER}') with that item and its Normalisation Process Theory constructs, one coding "
                     "per selection.")
    else:
        lines.append("No turn is pre-coded: no interview here was matched to an interview schedule. The NPT codebook "
                     "is ready for coding by hand.")
    if any(source.audio for source in sources):
        lines.append("Recordings are included as audio sources with transcripts synchronised turn by turn. Voices "
                     "identify people: handle them under the study's data rules.")
    drafts = sum(source.document.draft for source in sources)
    if drafts:
        lines.append(f"{drafts} transcript(s) are DRAFTS whose anonymisation has not been reviewed.")
    return "\n".join(lines)


def _variable_guid(export: StudyExport, key: str) -> str:
    return guid(export.study_name, "variable", key)


def _values(values: dict[str, str], variables: list[Variable]) -> list[tuple[str, str]]:
    return [(variable.key, values[variable.key]) for variable in variables if variable.key in values]


def _variable_values(parent: ET.Element, export: StudyExport, values: list[tuple[str, str]]) -> None:
    for key, value in values:
        element = ET.SubElement(parent, _tag("VariableValue"))
        ET.SubElement(element, _tag("VariableRef"), {"targetGUID": _variable_guid(export, key)})
        ET.SubElement(element, _tag("TextValue")).text = value


def _cases(project: ET.Element, export: StudyExport, sources: list[Source], variables: list[Variable]) -> None:
    if not export.participants:
        return
    cases = ET.SubElement(project, _tag("Cases"))
    for participant in export.participants:
        case = ET.SubElement(cases, _tag("Case"), {"guid": guid(export.study_name, "case", participant.code),
                                                   "name": participant.code})
        ET.SubElement(case, _tag("Description")).text = export.documents_of(participant.code)[0].quote_label
        _variable_values(case, export, _values(case_values(export, participant), variables))
        for source in sources:
            if source.document.participant.code == participant.code:
                for target in (source.guid, *(audio.guid for audio in source.audio)):
                    ET.SubElement(case, _tag("SourceRef"), {"targetGUID": target})


def _text_source(parent: ET.Element, export: StudyExport, source: Source, users: Users, created: str,
                 values: list[tuple[str, str]]) -> None:
    document = source.document
    interview_id = document.interview.id
    element = ET.SubElement(parent, _tag("TextSource"), {
        "guid": source.guid, "name": f"{document.participant.code} interview {interview_id}",
        "plainTextPath": f"internal://{source.file_name}", "creatingUser": users.owner[0], "creationDateTime": created,
    })
    ET.SubElement(element, _tag("Description")).text = (
        document.quote_label + (" — DRAFT, anonymisation NOT REVIEWED" if document.draft else ""))
    for number, turn in enumerate(source.turns, start=1):
        for key in turn.code_keys:  # one coding per selection: several tools read only a selection's first coding
            selection = ET.SubElement(element, _tag("PlainTextSelection"), {
                "guid": guid(export.study_name, "selection", interview_id, number, key),
                "name": f"{turn.speaker} [{timestamp(turn.seconds)}]",
                "startPosition": str(turn.start), "endPosition": str(turn.end),
                "creatingUser": users.pre_coding[0], "creationDateTime": created,
            })
            coding = ET.SubElement(selection, _tag("Coding"), {
                "guid": guid(export.study_name, "coding", interview_id, number, key),
                "creatingUser": users.pre_coding[0], "creationDateTime": created,
            })
            ET.SubElement(coding, _tag("CodeRef"), {"targetGUID": code_guid(key)})
    _variable_values(element, export, values)


def audio_name(source: Source, audio: AudioTranscript) -> str:
    """The recording's name in the project; QualCoder also uses it as the file name, so it keeps the suffix."""
    document = source.document
    return f"{document.participant.code} interview {document.interview.id} part {audio.part.part}{audio.part.suffix}"


def _audio_source(parent: ET.Element, export: StudyExport, source: Source, audio: AudioTranscript, users: Users,
                  created: str, values: list[tuple[str, str]]) -> None:
    document = source.document
    name = audio_name(source, audio)
    element = ET.SubElement(parent, _tag("AudioSource"), {
        "guid": audio.guid, "name": name, "path": f"internal://{audio.file_name}",
        "creatingUser": users.owner[0], "creationDateTime": created,
    })
    ET.SubElement(element, _tag("Description")).text = (
        f"Recording of {document.quote_label} — IDENTIFYING (voices)"
        + (" — transcript DRAFT, anonymisation NOT REVIEWED" if document.draft else ""))
    transcript = ET.SubElement(element, _tag("Transcript"), {
        "guid": audio.transcript_guid, "name": f"{name.rsplit('.', 1)[0]} transcript.txt",
        "plainTextPath": f"internal://{audio.transcript_file}", "creatingUser": users.owner[0],
        "creationDateTime": created,
    })
    ET.SubElement(transcript, _tag("Description")).text = (
        "Anonymised transcript of this recording, one turn per paragraph, synchronised at the start and end of "
        f"each turn. The pre-coding is on the text source '{document.participant.code} interview "
        f"{document.interview.id}'.")
    for number, point in enumerate(audio.sync_points, start=1):
        ET.SubElement(transcript, _tag("SyncPoint"), {
            "guid": guid(export.study_name, "sync", document.interview.id, audio.part.part, number),
            "timeStamp": str(point.millis), "position": str(point.position)})
    _variable_values(element, export, values)


def _sets(project: ET.Element, export: StudyExport, sources: list[Source]) -> None:
    coders = sorted({coder for names in export.coders.values() for coder in names})
    if not coders:
        return
    sets = ET.SubElement(project, _tag("Sets"))
    for coder in coders:
        coder_set = ET.SubElement(sets, _tag("Set"), {"guid": guid(export.study_name, "set", coder),
                                                      "name": f"Coder {coder}"})
        ET.SubElement(coder_set, _tag("Description")).text = f"Transcripts allocated to coder {coder}"
        for source in sources:
            if coder in export.coders.get(source.document.interview.id, ()):
                for target in (source.guid, *(audio.guid for audio in source.audio)):
                    ET.SubElement(coder_set, _tag("MemberSource"), {"targetGUID": target})


def project_xml(export: StudyExport) -> bytes:
    """project.qde: the project document, as bytes (UTF-8)."""
    return xml_bytes(project_element(export, build_sources(export)), NS)


def write(export: StudyExport, path: Path) -> None:
    """Write the .qdpx: a zip of project.qde and sources/ (transcripts as UTF-8 text, recordings as stored)."""
    sources = build_sources(export)
    project = xml_bytes(project_element(export, sources), NS)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.writestr("project.qde", project)
        for source in sources:
            archive.writestr(f"sources/{source.file_name}", source.text.encode("utf-8"))
            for audio in source.audio:
                archive.writestr(f"sources/{audio.transcript_file}", audio.text.encode("utf-8"))
                member = zipfile.ZipInfo(f"sources/{audio.file_name}", date_time=_zip_time())
                member.compress_type = zipfile.ZIP_STORED  # FLAC is compressed already; WAV deflates little
                with archive.open(member, "w", force_zip64=True) as target:
                    audio.part.copy_to(target)


def _zip_time() -> tuple[int, int, int, int, int, int]:
    return datetime.now().timetuple()[:6]
