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
from interviewer.export import txt
from interviewer.export.refi_qda import CODEBOOK_NS, PROJECT_NS
from interviewer.export.refi_sources import with_newline

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


def test_every_selection_is_the_text_of_its_turn_and_holds_one_coding_of_its_item_or_a_construct(study, tmp_path):
    export, path = exported(study, tmp_path)
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {name.removeprefix("sources/"): archive.read(name) for name in archive.namelist() if name != "project.qde"}
    codes = {code.get("guid"): code for code in root.iter(f"{{{PROJECT_NS}}}Code")}
    names_by_guid = {guid: code.get("name") for guid, code in codes.items()}
    users = {user.get("name"): user.get("guid") for user in root.iterfind("q:Users/q:User", NS)}
    by_document = {f"{d.participant.code} interview {d.interview.id}": d for d in export.documents}
    checked = 0
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        document = by_document[source.get("name")]
        raw = texts[source.get("plainTextPath").removeprefix("internal://")]
        assert b"\r" not in raw
        text = raw.decode("utf-8")
        intended = [turn for turn in document.turns if turn.item_id]
        selections = source.findall("q:PlainTextSelection", NS)
        assert len(intended) == 4 and len(selections) == 4 * 3
        coded: dict[str, set[str]] = {}
        for selection in selections:
            [coding] = selection.findall("q:Coding", NS)
            assert selection.get("creatingUser") == coding.get("creatingUser") == users["schedule pre-coding"]
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            coded.setdefault(text[start:end], set()).add(names_by_guid[coding.find("q:CodeRef", NS).get("targetGUID")])
        for turn in intended:
            item = "meaning-of-involvement" if turn.item_id == "meaning-of-involvement" else "policy-drivers"
            expected = {item, "Differentiation", "Individual specification"} if item == "meaning-of-involvement" \
                else {item, "Initiation", "Legitimation"}
            assert coded[turn.text] == expected
            checked += 1
    assert checked == 16
    second = by_document["KI-01 interview 1"].turns[1].text
    assert second.startswith("For me it means Dr [PERSON 1]") and "café" in second


def test_whole_study_project_names_the_team_first_and_the_pre_coding_apart(study, tmp_path):
    _, path = exported(study, tmp_path)
    root = ET.fromstring(zipfile.ZipFile(path).read("project.qde"))
    users = [(user.get("name"), user.get("guid")) for user in root.iterfind("q:Users/q:User", NS)]
    assert [name for name, _ in users] == ["Research team", "schedule pre-coding"]
    assert root.get("creatingUserGUID") == users[0][1]
    assert all(source.get("creatingUser") == users[0][1] for source in root.iterfind("q:Sources/q:TextSource", NS))


def test_a_coders_share_names_that_coder_first(study, tmp_path):
    build(study)
    allocate(study, ["AB", "CD"], 1)
    path = write_study(collect(study, coder="CD"), "qdpx", tmp_path / "cd.qdpx")
    root = ET.fromstring(zipfile.ZipFile(path).read("project.qde"))
    assert [user.get("name") for user in root.iterfind("q:Users/q:User", NS)] == ["CD", "schedule pre-coding"]
    assert "the share of coder CD" in root.find("q:Description", NS).text


def test_description_and_variables_say_only_what_is_true(study, tmp_path, schema):
    study.add_participant("KI-07", gender="Female")
    interview = study.add_interview("KI-07", mode="phone")  # no schedule, no date
    study.replace_segments(interview.id, [{"start": 0.0, "end": 2.0, "text": "Hello there.", "speaker": "KI-07"}],
                           model="hand-written")
    study.save_anonymisation(interview.id, {s.id: s.text for s in study.segments(interview.id)}, [], {})
    study.update_interview(interview.id, status="reviewed")
    project = write_study(collect(study), "qdpx", tmp_path / "plain.qdpx")
    xml = zipfile.ZipFile(project).read("project.qde")
    schema.validate(xml)
    root = ET.fromstring(xml)
    description = root.find("q:Description", NS).text
    assert "No turn is pre-coded" in description and "are pre-coded" not in description
    declared = [variable.get("name") for variable in root.iterfind("q:Variables/q:Variable", NS)]
    assert "Interview date" not in declared and "Role" not in declared and "Participant: Role" not in declared
    assert {"Gender", "Participant", "Participant: Gender", "Interview mode"} <= set(declared)
    guids = {variable.get("guid") for variable in root.iterfind("q:Variables/q:Variable", NS)}
    used = {ref.get("targetGUID") for ref in root.iter(f"{{{PROJECT_NS}}}VariableRef")}
    assert used == guids  # every declared variable has a value somewhere, and every value a declaration


def test_interview_date_is_given_where_known(study, tmp_path):
    _, path = exported(study, tmp_path)
    root = ET.fromstring(zipfile.ZipFile(path).read("project.qde"))
    date = next(v.get("guid") for v in root.iterfind("q:Variables/q:Variable", NS) if v.get("name") == "Interview date")
    source = next(s for s in root.iterfind("q:Sources/q:TextSource", NS) if s.get("name") == "KI-02 interview 2")
    values = {value.find("q:VariableRef", NS).get("targetGUID"): value.find("q:TextValue", NS).text
              for value in source.iterfind("q:VariableValue", NS)}
    assert values[date] == "2026-11-02"


def test_crlf_positions_count_two_characters_per_line_break(study, tmp_path):
    build(study)
    export = collect(study, line_endings="crlf")
    path = write_study(export, "qdpx", tmp_path / "crlf.qdpx")
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        source = root.find("q:Sources/q:TextSource", NS)
        raw = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://"))
    text = raw.decode("utf-8")
    assert text.count("\r\n") == text.count("\n") and text.replace("\r\n", "\n") == txt.render(export.documents[0])
    selected = {text[int(s.get("startPosition")):int(s.get("endPosition"))]
                for s in source.iterfind("q:PlainTextSelection", NS)}
    assert selected == {turn.text for turn in export.documents[0].turns if turn.item_id}


def test_with_newline_moves_each_position_past_the_added_characters():
    text, positions = with_newline("ab\ncd\n\nef\n", [0, 2, 3, 5, 7, 9], "\r\n")
    assert text == "ab\r\ncd\r\n\r\nef\r\n"
    assert [text[p] if p < len(text) else "" for p in positions] == ["a", "\r", "c", "\r", "e", "\r"]


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


def test_each_recorded_part_is_an_audio_source_synchronised_from_its_own_start(study, tmp_path, schema):
    study.add_participant("KI-08", gender="Male")
    interview = study.add_interview("KI-08", mode="phone")
    parts = []
    for part, content in ((1, b"first part"), (2, b"second part")):
        path = study.folder / "recordings" / f"interview-{interview.id:04d}-part-{part}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        parts.append(study.add_recording(interview.id, path=path, sha256="0" * 64, format="WAV", sample_rate=16000,
                                         channels=1, duration=30.0))
    study.replace_segments(interview.id, [
        {"start": 1.0, "end": 4.0, "text": "Part one question?", "speaker": "Interviewer", "recording_id": parts[0].id},
        {"start": 5.0, "end": 40.0, "text": "Part one answer.", "speaker": "KI-08", "recording_id": parts[0].id},
        {"start": 2.0, "end": 6.0, "text": "Part two answer.", "speaker": "KI-08", "recording_id": parts[1].id},
    ], model="hand-written")
    study.save_anonymisation(interview.id, {s.id: s.text for s in study.segments(interview.id)}, [], {})
    study.update_interview(interview.id, status="reviewed")
    path = write_study(collect(study, include_audio=True), "qdpx", tmp_path / "parts.qdpx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("project.qde")
        schema.validate(xml)
        root = ET.fromstring(xml)
        audio = root.findall("q:Sources/q:AudioSource", NS)
        assert [source.get("name") for source in audio] == ["KI-08 interview 1 part 1.wav", "KI-08 interview 1 part 2.wav"]
        assert [archive.read("sources/" + s.get("path").removeprefix("internal://")) for s in audio] == [
            b"first part", b"second part"]
        transcripts = [archive.read("sources/" + s.find("q:Transcript", NS).get("plainTextPath").removeprefix(
            "internal://")).decode() for s in audio]
    assert transcripts == ["[00:00:01] Interviewer: Part one question?\n\n[00:00:05] KI-08: Part one answer.\n",
                           "[00:00:02] KI-08: Part two answer.\n"]
    points = [[(int(p.get("position")), int(p.get("timeStamp"))) for p in s.iterfind("q:Transcript/q:SyncPoint", NS)]
              for s in audio]
    assert points[0] == [(0, 1000), (42, 4000), (44, 5000), (78, 30000)]  # the answer's end is held to the part's end
    assert [transcripts[0][position] for position, _ in points[0]] == ["[", "\n", "[", "\n"]
    assert points[1] == [(0, 2000), (34, 6000)]
    case = root.find("q:Cases/q:Case", NS)
    assert len(case.findall("q:SourceRef", NS)) == 3
