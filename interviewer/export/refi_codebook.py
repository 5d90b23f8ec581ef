"""Provides the REFI-QDA codebook: the NPT constructs with their sub-constructs, then each schedule's sections and
items; as the project's CodeBook and as a .qdc codebook file."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from interviewer import __version__
from interviewer.export.collection import StudyExport
from interviewer.export.refi_sources import Source, build_sources, guid, item_key
from interviewer.schedule import npt

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"interviewer {__version__}"

CONSTRUCT_COLOURS = {
    "coherence": "#1F77B4",
    "cognitive-participation": "#2CA02C",
    "collective-action": "#FF7F0E",
    "reflexive-monitoring": "#9467BD",
}
SCHEDULE_COLOUR = "#7F7F7F"


def code_guid(key: str) -> str:
    return guid("code", key)


def _code(parent: ET.Element, ns: str, key: str, name: str, *, codable: bool = True, colour: str | None = None,
          description: str = "") -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}Code", {"guid": code_guid(key), "name": name,
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


def xml_bytes(element: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def codebook_xml(export: StudyExport) -> bytes:
    """The .qdc codebook exchange file: the same codes as the project's CodeBook."""
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    root.append(codes_element(export, build_sources(export), CODEBOOK_NS))
    return xml_bytes(root, CODEBOOK_NS)


def write_codebook(export: StudyExport, path: Path) -> None:
    Path(path).write_bytes(codebook_xml(export))
