"""Provides the REFI-QDA 1.0 exports: a .qdpx project (cases, variables, NPT codebook, pre-coded turns) and a .qdc codebook."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from interviewer import __version__

from interviewer.schedule import npt
from interviewer.export import txt
from interviewer.export.collection import StudyExport, item_of, schedule_of
from interviewer.export.document import TranscriptDocument, timestamp

EXTENSION = "qdpx"
PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"interviewer {__version__}"
GUID_NAMESPACE = uuid.UUID("6f1c2a52-43a4-4d0e-9a57-4a0d8f3f6b10")
"""GUIDs derive from this and stable keys, so exporting the same study twice gives the same GUIDs."""

CONSTRUCT_COLOURS = {
    "coherence": "#1F77B4",
    "cognitive-participation": "#2CA02C",
    "collective-action": "#FF7F0E",
    "reflexive-monitoring": "#9467BD",
}
SCHEDULE_COLOUR = "#7F7F7F"


def guid(*key: object) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(str(part) for part in key)))


@dataclass(frozen=True)
class CodedTurn:
    """A turn's place in its source text and the codes it is pre-coded with."""

    start: int
    end: int
    text: str
    speaker: str
    seconds: float
    code_keys: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    document: TranscriptDocument
    guid: str
    file_name: str
    text: str
    turns: tuple[CodedTurn, ...]


def source_text(document: TranscriptDocument) -> tuple[str, list[tuple[int, int]]]:
    """The TXT transcript and, for each turn, the (start, end) character positions of its text in it."""
    parts = ["\n".join(txt.header_lines(document))]
    offset = len(parts[0])
    spans = []
    for turn in document.turns:
        prefix = f"[{timestamp(turn.start)}] {turn.speaker}: "
        offset += 2
        spans.append((offset + len(prefix), offset + len(prefix) + len(turn.text)))
        parts.append(prefix + turn.text)
        offset += len(parts[-1])
    text = "\n\n".join(parts) + "\n"
    if text != txt.render(document):
        raise RuntimeError("the REFI-QDA source text no longer matches the TXT export; update source_text")
    return text, spans


def item_key(schedule_id: str | None, item_id: str) -> str:
    return f"item/{schedule_id or 'unknown'}/{item_id}"


def _sources(export: StudyExport) -> list[Source]:
    sources = []
    for document in export.documents:
        text, spans = source_text(document)
        turns = []
        for turn, (start, end) in zip(document.turns, spans):
            keys: tuple[str, ...] = ()
            if turn.item_id:
                item = item_of(document, turn.item_id)
                keys = (item_key(schedule_of(document).id if item else None, turn.item_id),
                        *(f"npt/{code}" for code in (item.constructs if item else ())))
            turns.append(CodedTurn(start, end, text[start:end], turn.speaker, turn.start, keys))
        source_guid = guid(export.study_name, "source", document.interview.id)
        sources.append(Source(document, source_guid, f"{source_guid}.txt", text, tuple(turns)))
    return sources


# -- the codebook -------------------------------------------------------------------------------------

def _code(parent: ET.Element, ns: str, key: str, name: str, *, codable: bool = True, colour: str | None = None,
          description: str = "") -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}Code", {"guid": guid("code", key), "name": name,
                                                       "isCodable": "true" if codable else "false"})
    if colour:
        element.set("color", colour)
    if description:
        ET.SubElement(element, f"{{{ns}}}Description").text = description
    return element


def codes_element(export: StudyExport, sources: list[Source], ns: str) -> ET.Element:
    """<Codes>: the NPT constructs with their sub-constructs, then each schedule's sections and items."""
    codes = ET.Element(f"{{{ns}}}Codes")
    for construct in npt.CONSTRUCTS:
        colour = CONSTRUCT_COLOURS.get(construct.id)
        parent = _code(codes, ns, f"npt/{construct.id}", f"NPT: {construct.name}", colour=colour,
                       description=construct.question)
        for sub_id, name in construct.sub_constructs:
            _code(parent, ns, f"npt/{construct.id}/{sub_id}", name, colour=colour,
                  description=f"Normalisation Process Theory, {construct.name}: {name}")
    for schedule in export.schedules():
        root = _code(codes, ns, f"schedule/{schedule.id}", f"Schedule: {schedule.title} (v{schedule.version})",
                     codable=False, colour=SCHEDULE_COLOUR, description=schedule.description.strip())
        for section in schedule.sections:
            group = _code(root, ns, f"section/{schedule.id}/{section.id}", section.title, codable=False,
                          colour=SCHEDULE_COLOUR)
            for item in section.items:
                constructs = "; ".join(npt.label(code) for code in item.constructs)
                _code(group, ns, item_key(schedule.id, item.id), item.id, colour=SCHEDULE_COLOUR,
                      description=f"{item.question}\nNPT: {constructs}")
    unknown = sorted({key for source in sources for turn in source.turns for key in turn.code_keys
                      if key.startswith("item/unknown/")})
    if unknown:
        root = _code(codes, ns, "schedule/unknown", "Schedule items (schedule not found)", codable=False,
                     colour=SCHEDULE_COLOUR)
        for key in unknown:
            _code(root, ns, key, key.rsplit("/", 1)[1], colour=SCHEDULE_COLOUR)
    return codes


# -- the project --------------------------------------------------------------------------------------

def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _variables(export: StudyExport) -> list[tuple[str, str]]:
    """(key, name) of every participant variable, in display order."""
    fixed = [("quote_label", "Quote label"), ("gender", "Gender"), ("role", "Role"), ("sector", "Sector")]
    return fixed + [(f"attribute/{name}", name) for name in export.attribute_names]


INTERVIEW_VARIABLES = [("mode", "Interview mode"), ("date", "Interview date"), ("minutes", "Interview minutes"),
                       ("status", "Review status")]


def project_element(export: StudyExport, sources: list[Source]) -> ET.Element:
    ns = PROJECT_NS
    created = _now()
    user_guid = guid(export.study_name, "user", "interviewer")
    project = ET.Element(f"{{{ns}}}Project", {"name": export.study_name, "origin": ORIGIN,
                                               "creatingUserGUID": user_guid, "creationDateTime": created})
    users = ET.SubElement(project, f"{{{ns}}}Users")
    ET.SubElement(users, f"{{{ns}}}User", {"guid": user_guid, "name": "interviewer export"})

    codebook = ET.SubElement(project, f"{{{ns}}}CodeBook")
    codebook.append(codes_element(export, sources, ns))

    variables = ET.SubElement(project, f"{{{ns}}}Variables")
    for key, name in _variables(export) + INTERVIEW_VARIABLES:
        ET.SubElement(variables, f"{{{ns}}}Variable", {"guid": guid(export.study_name, "variable", key),
                                                       "name": name, "typeOfVariable": "Text"})

    if export.participants:
        cases = ET.SubElement(project, f"{{{ns}}}Cases")
        for participant in export.participants:
            documents = export.documents_of(participant.code)
            case = ET.SubElement(cases, f"{{{ns}}}Case", {"guid": guid(export.study_name, "case", participant.code),
                                                           "name": participant.code})
            ET.SubElement(case, f"{{{ns}}}Description").text = documents[0].quote_label
            values = {"quote_label": documents[0].quote_label, "gender": participant.gender,
                      "role": participant.role, "sector": participant.sector,
                      **{f"attribute/{k}": v for k, v in participant.attributes.items()}}
            for key, _ in _variables(export):
                _variable_value(case, export, key, values.get(key))
            for source in sources:
                if source.document.participant.code == participant.code:
                    ET.SubElement(case, f"{{{ns}}}SourceRef", {"targetGUID": source.guid})

    if sources:
        sources_element = ET.SubElement(project, f"{{{ns}}}Sources")
        for source in sources:
            _text_source(sources_element, export, source, user_guid, created)

    coders = sorted({coder for names in export.coders.values() for coder in names})
    if coders:
        sets = ET.SubElement(project, f"{{{ns}}}Sets")
        for coder in coders:
            coder_set = ET.SubElement(sets, f"{{{ns}}}Set", {"guid": guid(export.study_name, "set", coder),
                                                             "name": f"Coder {coder}"})
            ET.SubElement(coder_set, f"{{{ns}}}Description").text = f"Transcripts allocated to coder {coder}"
            for source in sources:
                if coder in export.coders.get(source.document.interview.id, ()):
                    ET.SubElement(coder_set, f"{{{ns}}}MemberSource", {"targetGUID": source.guid})
    ET.SubElement(project, f"{{{ns}}}Description").text = (
        f"Anonymised interview transcripts of {export.study_name}, exported by {ORIGIN}. Each turn is pre-coded "
        "with the schedule item it answers and that item's Normalisation Process Theory constructs."
    )
    return project


def _variable_value(parent: ET.Element, export: StudyExport, key: str, value: object) -> None:
    if value in (None, ""):
        return
    ns = PROJECT_NS
    element = ET.SubElement(parent, f"{{{ns}}}VariableValue")
    ET.SubElement(element, f"{{{ns}}}VariableRef", {"targetGUID": guid(export.study_name, "variable", key)})
    ET.SubElement(element, f"{{{ns}}}TextValue").text = str(value)


def _text_source(parent: ET.Element, export: StudyExport, source: Source, user_guid: str, created: str) -> None:
    ns = PROJECT_NS
    document = source.document
    interview_id = document.interview.id
    element = ET.SubElement(parent, f"{{{ns}}}TextSource", {
        "guid": source.guid, "name": f"{document.participant.code} interview {interview_id}",
        "plainTextPath": f"internal://{source.file_name}", "creatingUser": user_guid, "creationDateTime": created,
    })
    ET.SubElement(element, f"{{{ns}}}Description").text = (
        document.quote_label + (" — DRAFT, anonymisation NOT REVIEWED" if document.draft else ""))
    for number, turn in enumerate(source.turns, start=1):
        if not turn.code_keys:
            continue
        selection = ET.SubElement(element, f"{{{ns}}}PlainTextSelection", {
            "guid": guid(export.study_name, "selection", interview_id, number),
            "name": f"{turn.speaker} [{timestamp(turn.seconds)}]",
            "startPosition": str(turn.start), "endPosition": str(turn.end),
            "creatingUser": user_guid, "creationDateTime": created,
        })
        for key in turn.code_keys:
            coding = ET.SubElement(selection, f"{{{ns}}}Coding", {
                "guid": guid(export.study_name, "coding", interview_id, number, key),
                "creatingUser": user_guid, "creationDateTime": created,
            })
            ET.SubElement(coding, f"{{{ns}}}CodeRef", {"targetGUID": guid("code", key)})
    interview = document.interview
    values = {"mode": interview.mode, "date": (interview.started_at or "")[:10],
              "minutes": f"{document.duration / 60:.1f}", "status": "DRAFT — NOT REVIEWED" if document.draft else "reviewed"}
    for key, _ in INTERVIEW_VARIABLES:
        _variable_value(element, export, key, values[key])


def _xml_bytes(element: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def project_xml(export: StudyExport) -> bytes:
    """project.qde: the project document, as bytes (UTF-8)."""
    sources = _sources(export)
    return _xml_bytes(project_element(export, sources), PROJECT_NS)


def codebook_xml(export: StudyExport) -> bytes:
    """The .qdc codebook exchange file: the same codes as the project's CodeBook."""
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    root.append(codes_element(export, _sources(export), CODEBOOK_NS))
    return _xml_bytes(root, CODEBOOK_NS)


def write(export: StudyExport, path: Path) -> None:
    """Write the .qdpx: a zip of project.qde and sources/<guid>.txt (UTF-8, LF)."""
    sources = _sources(export)
    project = _xml_bytes(project_element(export, sources), PROJECT_NS)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
        for source in sources:
            archive.writestr(f"sources/{source.file_name}", source.text.encode("utf-8"))


def write_codebook(export: StudyExport, path: Path) -> None:
    Path(path).write_bytes(codebook_xml(export))
