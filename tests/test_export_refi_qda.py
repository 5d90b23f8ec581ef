"""Tests for the REFI-QDA export: project.qde validates against the 1.0 schema, and every coded selection is what was meant."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from coding_study import ORIGINAL_ONLY, build
from conftest import SHARED
from interviewer.export.allocation import allocate
from interviewer.export.collection import collect
from interviewer.export.formats import write_study
from interviewer.export.refi_qda import CODEBOOK_NS, PROJECT_NS

SCHEMA = SHARED / "schemas" / "refi-qda-project-1.0.xsd"
NS = {"q": PROJECT_NS}


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(str(SCHEMA))


def exported(study, tmp_path):
    build(study)
    allocate(study, ["A", "B", "C"], 2)
    export = collect(study)
    return export, write_study(export, "qdpx", tmp_path / "study.qdpx")


def test_project_validates_and_has_lowercase_sources_folder(study, tmp_path, schema):
    export, path = exported(study, tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        project = archive.read("project.qde")
    assert "project.qde" in names
    sources = [name for name in names if name != "project.qde"]
    assert len(sources) == 4 and all(name.startswith("sources/") and name.endswith(".txt") for name in sources)
    schema.validate(project)
    assert not any(word.encode() in project for word in ORIGINAL_ONLY)


def test_every_coded_selection_is_the_text_of_its_turn_and_codes_item_and_constructs(study, tmp_path):
    export, path = exported(study, tmp_path)
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {name.removeprefix("sources/"): archive.read(name) for name in archive.namelist() if name != "project.qde"}
    codes = {code.get("guid"): code for code in root.iter(f"{{{PROJECT_NS}}}Code")}
    names_by_guid = {guid: code.get("name") for guid, code in codes.items()}
    by_document = {f"{d.participant.code} interview {d.interview.id}": d for d in export.documents}
    checked = 0
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        document = by_document[source.get("name")]
        raw = texts[source.get("plainTextPath").removeprefix("internal://")]
        assert b"\r" not in raw
        text = raw.decode("utf-8")
        intended = [turn for turn in document.turns if turn.item_id]
        selections = source.findall("q:PlainTextSelection", NS)
        assert len(selections) == len(intended) == 4
        for selection, turn in zip(selections, intended):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == turn.text
            coded = {names_by_guid[ref.get("targetGUID")] for ref in selection.iterfind("q:Coding/q:CodeRef", NS)}
            item = "meaning-of-involvement" if turn.item_id == "meaning-of-involvement" else "policy-drivers"
            expected = {item, "Differentiation", "Individual specification"} if item == "meaning-of-involvement" \
                else {item, "Initiation", "Legitimation"}
            assert coded == expected
            checked += 1
    assert checked == 16
    second = by_document["KI-01 interview 1"].turns[1].text
    assert second.startswith("For me it means Dr [PERSON 1]") and "café" in second


def test_cases_carry_participant_variables_and_coder_sets(study, tmp_path):
    _, path = exported(study, tmp_path)
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    variables = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)}
    cases = {case.get("name"): case for case in root.iterfind("q:Cases/q:Case", NS)}
    assert sorted(cases) == ["KI-01", "KI-02", "KI-03", "KI-04"]
    values = {variables[value.find("q:VariableRef", NS).get("targetGUID")]: value.find("q:TextValue", NS).text
              for value in cases["KI-02"].iterfind("q:VariableValue", NS)}
    assert values == {"Quote label": "Participant 2 (Male, Consultant psychiatrist, NHS)", "Gender": "Male",
                      "Role": "Consultant psychiatrist", "Sector": "NHS", "years": "12"}
    assert len(cases["KI-02"].findall("q:SourceRef", NS)) == 1
    sets = {s.get("name"): len(s.findall("q:MemberSource", NS)) for s in root.iterfind("q:Sets/q:Set", NS)}
    assert sets == {"Coder A": 3, "Coder B": 3, "Coder C": 2}
    top = [code.get("name") for code in root.iterfind("q:CodeBook/q:Codes/q:Code", NS)]
    assert top[:4] == ["NPT: Coherence", "NPT: Cognitive participation", "NPT: Collective action",
                       "NPT: Reflexive monitoring"]
    assert top[4].startswith("Schedule: Key informants")


def test_codebook_file_holds_the_same_codes_and_matches_the_schema_types(study, tmp_path, schema):
    export, qdpx = exported(study, tmp_path)
    qdc = write_study(export, "qdc", tmp_path / "codebook.qdc").read_bytes()
    root = ET.fromstring(qdc)
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook"
    with zipfile.ZipFile(qdpx) as archive:
        project = ET.fromstring(archive.read("project.qde"))
    in_project = [(c.get("guid"), c.get("name")) for c in project.iter(f"{{{PROJECT_NS}}}Code")]
    in_codebook = [(c.get("guid"), c.get("name")) for c in root.iter(f"{{{CODEBOOK_NS}}}Code")]
    assert in_codebook == in_project and len(in_codebook) == 4 + 16 + 1 + 7 + 15
    # The codebook schema's codes are the project schema's: moved into the project namespace and wrapped in
    # a Project (without the codebook root's own `origin` attribute), the .qdc must validate.
    body = qdc.decode("utf-8").split("?>", 1)[1]
    wrapped = re.sub(r"<CodeBook [^>]*>", "<CodeBook>", body, count=1)
    schema.validate(f'<Project xmlns="{PROJECT_NS}" name="check">{wrapped}</Project>')
