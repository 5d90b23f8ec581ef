"""End to end: a study with real recordings is exported from the command line, per coder and with audio, and the
.qdpx is read back with an independent REFI-QDA parser (pyrefiqda) and checked against the 1.0 schema."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import xmlschema
from click.testing import CliRunner
from pyrefiqda import RefiProject

from coding_study import ORIGINAL_ONLY, SCHEDULE, words
from conftest import SAMPLE, SHARED
from interviewer.cli import main
from interviewer.export.allocation import allocate
from interviewer.pipeline import import_recording

SCHEMA = SHARED / "schemas" / "refi-qda-project-1.0.xsd"
PEOPLE = [("KI-01", "Female", "Professor", "Academia", "16"), ("KI-02", "Male", "GP", "NHS", "")]
TURNS = [
    (0.4, 4.0, "Interviewer", "meaning-of-involvement", "What does involvement in care mean to you?", None),
    (4.5, 12.0, "P", "meaning-of-involvement", "It means Dr Smith listens to people.",
     "It means Dr [PERSON 1] listens to people."),
    (12.5, 20.0, "P", "meaning-of-involvement", "At Leeds General we talk about it.",
     "At [HOSPITAL 1] we talk about it."),
    (21.0, 25.0, "Interviewer", "policy-drivers", "What pushes services towards this?", None),
    (25.5, 40.0, "P", "policy-drivers", "Guidance, and Mary Jones pushed it.", "Guidance, and [PERSON 2] pushed it."),
    (41.0, 50.0, "P", None, "That's all from me.", None),
]
CODED_TURNS = ["What does involvement in care mean to you?",
               "It means Dr [PERSON 1] listens to people. At [HOSPITAL 1] we talk about it.",
               "What pushes services towards this?", "Guidance, and [PERSON 2] pushed it."]
"""The turns that answer a schedule item (the participant's first two segments form one turn), anonymised."""


def run(*args):
    return CliRunner().invoke(main, [*args, "--study", "test-study"])


def recorded_study(study) -> list[int]:
    """Participants whose interviews are real imported recordings, transcribed (by hand), anonymised, reviewed."""
    ids = []
    for code, gender, role, sector, years in PEOPLE:
        study.add_participant(code, name=f"Real Name {code}", gender=gender, role=role, sector=sector,
                              attributes={"years": years} if years else {})
        imported = import_recording(study, SAMPLE, code, mode="phone", schedule_id=SCHEDULE, schedule_version="1")
        interview_id, recording_id = imported.interview.id, imported.recording.id
        segments = [{"start": start, "end": end, "speaker": code if speaker == "P" else speaker, "item_id": item,
                     "text": text, "words": words(text, start, end), "recording_id": recording_id}
                    for start, end, speaker, item, text, _ in TURNS]
        study.replace_segments(interview_id, segments, model="hand-written")
        stored = study.segments(interview_id)
        study.save_anonymisation(interview_id, {s.id: anonymised or original for s, (*_, original, anonymised)
                                                in zip(stored, TURNS)}, [], {})
        study.update_interview(interview_id, status="reviewed")
        ids.append(interview_id)
    return ids


def flat_codes(codes) -> dict[str, object]:
    found = {}
    for code in codes:
        found[code.guid] = code
        found.update(flat_codes(code.code))
    return found


def read(path: Path, tmp_path: Path, name: str):
    xmlschema.XMLSchema(str(SCHEMA)).validate(zipfile.ZipFile(path).read("project.qde"))
    folder = tmp_path / name
    return RefiProject.load(path, extract_dir=str(folder)), folder


def test_coder_bundle_with_audio_reads_completely_in_an_independent_parser(study, tmp_path):
    ids = recorded_study(study)
    allocate(study, ["AB", "CD"], 1)
    result = run("export", "--all", "--per-coder", "--include-audio", "--out", str(tmp_path / "bundles"))
    assert result.exit_code == 0, result.output
    bundle = tmp_path / "bundles" / "coder-AB"
    project, folder = read(bundle / "test-study.qdpx", tmp_path, "ab")

    users = {user.guid: user.name for user in project.users.user}
    assert [user.name for user in project.users.user] == ["AB", "schedule pre-coding"]
    pre_coding = project.users.user[1].guid

    codes = flat_codes(project.code_book.codes.code)
    top = [code.name for code in project.code_book.codes.code]
    assert top[:4] == ["NPT: Coherence", "NPT: Cognitive participation", "NPT: Collective action",
                       "NPT: Reflexive monitoring"]
    assert all(len(code.code) == 4 for code in project.code_book.codes.code[:4])

    variables = {variable.guid: variable.name for variable in project.variables.variable}
    assert "Interview date" not in variables.values()  # imported recordings have no known interview date
    cases = {case.name: case for case in project.cases.case}
    assert list(cases) == ["KI-01"]  # AB's share: the first interview only
    values = {variables[value.variable_ref.target_guid]: value.text_value for value in cases["KI-01"].variable_value}
    assert values == {"Quote label": "Participant 1 (Female, Professor, Academia)", "Gender": "Female",
                      "Role": "Professor", "Sector": "Academia", "years": "16"}

    [text_source] = project.sources.text_source
    [audio_source] = project.sources.audio_source
    assert {ref.target_guid for ref in cases["KI-01"].source_ref} == {text_source.guid, audio_source.guid}
    source_values = {variables[v.variable_ref.target_guid]: v.text_value for v in text_source.variable_value}
    assert source_values["Participant"] == "KI-01" and source_values["Participant: Gender"] == "Female"

    text = RefiProject.resolve_source_path(text_source.plain_text_path, folder).read_bytes().decode("utf-8")
    assert text == (bundle / "transcripts" / "txt" / f"KI-01-interview-{ids[0]:04d}.txt").read_text(encoding="utf-8")
    selections = text_source.plain_text_selection
    assert len(selections) == 4 * 3  # four turns answer an item; each is coded with its item and two constructs
    coded: dict[str, set[str]] = {}
    for selection in selections:
        selected = text[selection.start_position:selection.end_position]
        assert selected in CODED_TURNS
        assert len(selection.coding) == 1
        [coding] = selection.coding
        assert users[coding.creating_user] == "schedule pre-coding" and coding.creating_user == pre_coding
        coded.setdefault(selected, set()).add(codes[coding.code_ref.target_guid].name)
    assert coded[CODED_TURNS[1]] == {"meaning-of-involvement", "Differentiation",
                                                                  "Individual specification"}
    assert coded[CODED_TURNS[3]] == {"policy-drivers", "Initiation", "Legitimation"}

    recording = study.recordings(ids[0])[0]
    audio_file = RefiProject.resolve_source_path(audio_source.path, folder)
    assert audio_file.suffix == ".flac" and audio_source.name.endswith(".flac")
    assert hashlib.sha256(audio_file.read_bytes()).hexdigest() == recording.sha256
    [transcript] = audio_source.transcript
    spoken = RefiProject.resolve_source_path(transcript.plain_text_path, folder).read_text(encoding="utf-8")
    points = transcript.sync_point
    assert len(points) == 2 * 5  # the interviewer's and the participant's turns, start and end of each
    positions = [point.position for point in points]
    times = [point.time_stamp for point in points]
    assert positions == sorted(positions) and times == sorted(times)
    assert 0 < times[-1] <= recording.duration * 1000
    starts = points[0::2]
    assert [spoken[point.position:].split("\n", 1)[0][:10] for point in starts][:2] == ["[00:00:00]", "[00:00:04]"]
    assert [point.time_stamp for point in starts] == [400, 4500, 21000, 25500, 41000]
    assert spoken[points[1].position - 1] == "?"  # the first turn's end point sits at the end of its text

    everything = b"".join(zipfile.ZipFile(bundle / "test-study.qdpx").read(name) for name in
                          zipfile.ZipFile(bundle / "test-study.qdpx").namelist() if not name.endswith(".flac"))
    assert not any(word.encode() in everything for word in ORIGINAL_ONLY)
    readme = (bundle / "README.txt").read_text(encoding="utf-8")
    for tool in ("NVivo", "ATLAS.ti", "MAXQDA", "QualCoder"):
        assert f"\n{tool}:" in readme
    flowing = " ".join(readme.split())
    assert "Cases > Manage cases" in flowing and "Your coder name becomes \"AB\"" in flowing


def test_without_audio_there_is_no_audio_anywhere(study, tmp_path):
    recorded_study(study)
    result = run("export", "--all", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 0, result.output
    bundle = tmp_path / "bundle"
    names = zipfile.ZipFile(bundle / "test-study.qdpx").namelist()
    assert all(name == "project.qde" or name.endswith(".txt") for name in names)
    project, _ = read(bundle / "test-study.qdpx", tmp_path, "all")
    assert project.sources.audio_source == [] and len(project.sources.text_source) == 2
    assert [user.name for user in project.users.user] == ["Research team", "schedule pre-coding"]
    assert not (bundle / "audio").exists()
    assert not any(path.suffix in (".flac", ".wav") for path in bundle.rglob("*"))


def test_crlf_bundle_counts_positions_in_the_text_as_written(study, tmp_path):
    ids = recorded_study(study)
    result = run("export", "--all", "--line-endings", "crlf", "--include-audio", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 0, result.output
    bundle = tmp_path / "bundle"
    project, folder = read(bundle / "test-study.qdpx", tmp_path, "crlf")
    for source in project.sources.text_source:
        raw = RefiProject.resolve_source_path(source.plain_text_path, folder).read_bytes()
        assert raw.count(b"\r\n") == raw.count(b"\n") > 10
        text = raw.decode("utf-8")  # bytes decoded as they are: CRLF stays two characters
        for selection in source.plain_text_selection:
            assert text[selection.start_position:selection.end_position] in CODED_TURNS
    for audio in project.sources.audio_source:
        [transcript] = audio.transcript
        raw = RefiProject.resolve_source_path(transcript.plain_text_path, folder).read_bytes()
        spoken = raw.decode("utf-8")
        assert b"\r\n" in raw
        assert [spoken[point.position] for point in transcript.sync_point] == ["[", "\r"] * 5
    txt = (bundle / "transcripts" / "txt" / f"KI-02-interview-{ids[1]:04d}.txt").read_bytes()
    assert b"\r\n" in txt and b"\n" not in txt.replace(b"\r\n", b"")
    assert b"\r\n" not in (bundle / "transcripts" / "srt" / f"KI-02-interview-{ids[1]:04d}.srt").read_bytes()
    assert "CRLF" in (bundle / "README.txt").read_text(encoding="utf-8")


def test_unknown_line_endings_are_refused_by_the_command_line(study, tmp_path):
    result = run("export", "--all", "--line-endings", "cr", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 2 and "'cr' is not one of 'lf', 'crlf'" in result.output


def test_a_missing_recording_is_named_and_nothing_is_written(study, tmp_path):
    ids = recorded_study(study)
    study.recording_path(study.recordings(ids[1])[0]).unlink()
    result = run("export", "--all", "--include-audio", "--out", str(tmp_path / "bundle"))
    assert result.exit_code == 1 and f"part 1 of interview #{ids[1]}) is missing" in result.output
    assert not (tmp_path / "bundle").exists()
