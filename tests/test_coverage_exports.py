"""Prompt coverage after the interview: JSON and REFI-QDA exports, and the transcript review's jump to the moment."""

from __future__ import annotations

import json
import zipfile

import pytest
import xmlschema

from coding_study import build
from interviewer.coverage.interview import interview_prompt_marks, segment_at
from interviewer.export.collection import collect
from interviewer.export.formats import write_study
from interviewer.pipeline import export_interview
from interviewer.schedule import find_schedule
from test_export_refi_qda import NS, SCHEMA


def mark_prompts(study, interview_id):
    """Part 1 lasts 20 s; part 2 holds the rest. Two prompts covered, one confirmed, one suggestion cleared."""
    events = [("part", None, None, "part 1", 0.0),
              ("covered", "meaning-of-involvement", 2, "carers too, my mother especially", 9.6),
              ("confirmed", "meaning-of-involvement", 2, "involvement of carers as well as service users", 11.0),
              ("part", None, None, "part 2", 0.0),
              ("covered", "policy-drivers", 1, "the national guidance matters", 3.0),
              ("covered", "fit-with-culture", 1, "risk", 4.0),
              ("cleared", "fit-with-culture", 1, "attitudes to risk", 5.0)]
    for kind, item_id, probe, text, offset in events:
        study.add_event(interview_id, kind, item_id=item_id, probe=probe, text=text, offset=offset)
    for part, seconds in ((1, 20.0), (2, 3710.0)):
        study.db["recordings"].insert({"interview_id": interview_id, "part": part, "path": f"p{part}.wav",
                                       "sha256": str(part), "format": "wav", "sample_rate": 16000, "channels": 1,
                                       "duration": seconds})


def test_json_export_says_which_prompts_were_covered_when_and_whether_confirmed(study, tmp_path):
    interview_id = build(study)[0]
    mark_prompts(study, interview_id)
    raw = export_interview(study, interview_id, tmp_path, fmt="json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["prompt_coverage"] == [
        {"item": "meaning-of-involvement", "prompt_index": 1, "prompt": "involvement of carers as well as service users",
         "at": 9.6, "state": "confirmed", "confirmed": True},
        {"item": "policy-drivers", "prompt_index": 0, "prompt": "national guidance and standards", "at": 23.0,
         "state": "suggested", "confirmed": False},
        {"item": "fit-with-culture", "prompt_index": 0, "prompt": "attitudes to risk", "at": 24.0, "state": "cleared",
         "confirmed": False}]
    assert "my mother" not in raw, "the live words that covered a prompt are not anonymised: never exported"


def test_refi_qda_project_carries_prompts_covered_as_a_variable_and_validates(study, tmp_path):
    interview_id = build(study)[0]
    mark_prompts(study, interview_id)
    path = write_study(collect(study), "qdpx", tmp_path / "study.qdpx")
    with zipfile.ZipFile(path) as archive:
        project = archive.read("project.qde")
    xmlschema.XMLSchema(str(SCHEMA)).validate(project)
    from xml.etree import ElementTree as ET

    root = ET.fromstring(project)
    variable = next(v for v in root.iterfind(".//q:Variables/q:Variable", NS) if v.get("name") == "Prompts covered")
    values = [value.findtext("q:TextValue", namespaces=NS) for value in root.iterfind(".//q:TextSource/q:VariableValue", NS)
              if value.find("q:VariableRef", NS).get("targetGUID") == variable.get("guid")]
    assert values == ["involvement of carers as well as service users (meaning-of-involvement) at 00:00:09, confirmed;"
                      " national guidance and standards (policy-drivers) at 00:00:23, not confirmed"]


def test_the_moment_a_prompt_was_covered_finds_its_transcript_segment(study):
    interview_id = build(study)[0]
    mark_prompts(study, interview_id)
    marks = interview_prompt_marks(study, interview_id, find_schedule("npt-key-informant"))
    segments = study.segments(interview_id)
    found = segment_at(segments, study, interview_id, marks[0].mark)
    assert found.start == 9.5 and "trust" in found.text


@pytest.mark.asyncio
async def test_transcript_review_jumps_to_the_moment_a_prompt_was_covered(study):
    from test_transcript_review_screen import build as build_app, open_transcript

    interview_id = build(study)[0]
    mark_prompts(study, interview_id)
    app = build_app(study)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_transcript(app, pilot, interview_id)
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "ChooseScreen"
        await pilot.press("enter")  # the first: carers, said 9.6 s in
        await pilot.pause()
        assert screen.selected().start == 9.5
