"""Tests for the JSON transcript: segments, speakers, schedule items with NPT constructs, and anonymised words."""

from __future__ import annotations

import json

from coding_study import ORIGINAL_ONLY, build
from interviewer.pipeline import export_interview


def test_json_holds_segments_speakers_items_and_timings(study, tmp_path):
    interview_id = build(study)[0]
    data = json.loads(export_interview(study, interview_id, tmp_path, fmt="json").read_text(encoding="utf-8"))
    assert data["anonymised"] is True and data["draft"] is False
    assert data["interview"]["participant"] == "KI-01" and data["interview"]["mode"] == "phone"
    assert data["interview"]["schedule"] == {"id": "npt-key-informant", "version": "1"}
    assert data["speakers"] == ["Interviewer", "KI-01"]
    items = {item["id"]: item for item in data["items"]}
    assert items["meaning-of-involvement"]["constructs"] == ["coherence/differentiation", "coherence/individual-specification"]
    assert items["policy-drivers"]["section"] == "Official policy catalysts"
    segment = data["segments"][1]
    assert (segment["start"], segment["end"], segment["speaker"], segment["item"]) == (4.0, 9.25, "KI-01", "meaning-of-involvement")
    assert segment["text"] == "For me it means Dr [PERSON 1] listening to people."
    assert len(data["turns"]) == 5 and data["turns"][1]["end"] == 14.0


def test_json_words_follow_the_anonymised_text_and_keep_timings(study, tmp_path):
    interview_id = build(study)[0]
    raw = export_interview(study, interview_id, tmp_path, fmt="json").read_text(encoding="utf-8")
    assert not any(word in raw for word in ORIGINAL_ONLY)
    data = json.loads(raw)
    for segment in data["segments"]:
        assert " ".join(word["word"] for word in segment["words"]) == segment["text"]
    words = data["segments"][1]["words"]
    placeholder = [word for word in words if word["word"] in ("[PERSON", "1]")]
    smith = 5  # "Smith" was the 6th of 9 words spoken between 4.0 and 9.25 s
    step = 5.25 / 9
    assert [w["start"] for w in placeholder] == [round(4.0 + smith * step, 3)] * 2
    assert words[0] == {"word": "For", "start": 4.0, "end": round(4.0 + step, 3), "probability": 0.9}
    mary_jones = data["segments"][4]["words"]
    stand_in = [w for w in mary_jones if w["word"] in ("[PERSON", "2]")]
    assert stand_in[0]["start"] < stand_in[0]["end"] and "probability" not in stand_in[0]
