"""Tests for the SRT and WebVTT transcripts, read back by small independent parsers: cues, timings, voice tags."""

from __future__ import annotations

import re

from coding_study import ORIGINAL_ONLY, build
from interviewer.pipeline import export_interview

TIMING = re.compile(r"^(\d{2}):(\d{2}):(\d{2})[,.](\d{3}) --> (\d{2}):(\d{2}):(\d{2})[,.](\d{3})$")


def seconds(h, m, s, ms) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_srt(text: str) -> list[tuple[int, float, float, str]]:
    cues = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        match = TIMING.match(lines[1])
        assert match, f"bad SRT timing line {lines[1]!r}"
        values = match.groups()
        cues.append((int(lines[0]), seconds(*values[:4]), seconds(*values[4:]), "\n".join(lines[2:])))
    return cues


def parse_vtt(text: str) -> tuple[str, list[tuple[float, float, str, str]]]:
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0].startswith("WEBVTT")
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith("NOTE"):
            continue
        timing_line = lines[1] if not TIMING.match(lines[0]) else lines[0]
        match = TIMING.match(timing_line)
        assert match and "," not in timing_line, f"bad VTT timing line {timing_line!r}"
        payload = "\n".join(lines[lines.index(timing_line) + 1:])
        voice = re.fullmatch(r"<v ([^>]+)>(.*)", payload, flags=re.S)
        assert voice, f"cue without a voice tag: {payload!r}"
        values = match.groups()
        cues.append((seconds(*values[:4]), seconds(*values[4:]), voice.group(1), voice.group(2)))
    return blocks[0], cues


def test_srt_has_one_numbered_cue_per_segment_with_exact_timings(study, tmp_path):
    interview_id = build(study)[0]
    raw = export_interview(study, interview_id, tmp_path, fmt="srt").read_bytes()
    assert b"\r\n" not in raw
    cues = parse_srt(raw.decode("utf-8"))
    assert [cue[0] for cue in cues] == [1, 2, 3, 4, 5, 6]
    assert cues[1] == (2, 4.0, 9.25, "KI-01: For me it means Dr [PERSON 1] listening to people.")
    assert cues[4][1:3] == (17.5, 3725.0)
    assert cues[5][1:] == (3726.0, 3727.5, "KI-01: Thanks, that's all.")
    assert all(start < end for _, start, end, _ in cues)
    assert not any(word in raw.decode() for word in ORIGINAL_ONLY)


def test_vtt_uses_voice_tags_and_dot_millisecond_timings(study, tmp_path):
    interview_id = build(study)[0]
    text = export_interview(study, interview_id, tmp_path, fmt="vtt").read_text(encoding="utf-8")
    header, cues = parse_vtt(text)
    assert header == "WEBVTT - KI-01 interview 1"
    assert "01:02:05.000" in text
    assert cues[0][2:] == ("Interviewer", "When you hear about involvement in care, what does that mean to you?")
    assert cues[2] == (9.5, 14.0, "KI-01", "It's about trust — café conversations at [HOSPITAL 1], really.")
    assert [cue[2] for cue in cues] == ["Interviewer", "KI-01", "KI-01", "Interviewer", "KI-01", "KI-01"]
    assert not any(word in text for word in ORIGINAL_ONLY)


def test_overlapping_segments_give_cues_that_end_before_the_next_starts(study, tmp_path):
    study.add_participant("KI-09")
    interview = study.add_interview("KI-09", mode="phone")
    study.replace_segments(interview.id, [
        {"start": 1.0, "end": 5.0, "text": "First.", "speaker": "A"},
        {"start": 4.0, "end": 6.0, "text": "Second, over the first.", "speaker": "B"},
        {"start": 6.0, "end": 6.0, "text": "Zero length.", "speaker": "A"},
    ], model="hand-written")
    segments = study.segments(interview.id)
    study.save_anonymisation(interview.id, {s.id: s.text for s in segments}, [], {})
    study.update_interview(interview.id, status="reviewed")
    cues = parse_srt(export_interview(study, interview.id, tmp_path, fmt="srt").read_text())
    assert [(start, end) for _, start, end, _ in cues] == [(1.0, 4.0), (4.0, 6.0), (6.0, 6.2)]


def test_srt_of_a_draft_keeps_the_marker_out_of_the_spoken_cues(study, tmp_path):
    interview_id = build(study)[0]
    study.update_interview(interview_id, status="anonymised")
    cues = parse_srt(export_interview(study, interview_id, tmp_path, fmt="srt").read_text(encoding="utf-8"))
    assert [cue[0] for cue in cues] == [1, 2, 3, 4, 5, 6, 7]
    number, start, end, text = cues[0]
    assert start == 0.0 and text.startswith("[DRAFT — NOT REVIEWED") and text.endswith("]") and ":" not in text
    assert end == 3.5  # speech starts at once, so the marker is shown alongside the first cue
    spoken = cues[1:]
    assert spoken[0][1:] == (0.0, 3.5, "Interviewer: When you hear about involvement in care, what does that mean to you?")
    assert not any("DRAFT" in cue[3] for cue in spoken)


def test_srt_marker_comes_before_speech_when_there_is_room(study, tmp_path):
    study.add_participant("KI-09")
    interview = study.add_interview("KI-09", mode="phone")
    study.replace_segments(interview.id, [{"start": 6.0, "end": 9.0, "text": "Hello.", "speaker": "KI-09"}],
                           model="hand-written")
    segments = study.segments(interview.id)
    study.save_anonymisation(interview.id, {s.id: s.text for s in segments}, [], {})
    study.update_interview(interview.id, status="anonymised")
    cues = parse_srt(export_interview(study, interview.id, tmp_path, fmt="srt").read_text(encoding="utf-8"))
    assert [(start, end) for _, start, end, _ in cues] == [(0.0, 6.0), (6.0, 9.0)]
    assert cues[1][3] == "KI-09: Hello."


def test_reviewed_srt_has_no_marker_cue_and_vtt_keeps_markers_in_a_note(study, tmp_path):
    interview_id = build(study)[0]
    assert parse_srt(export_interview(study, interview_id, tmp_path, fmt="srt").read_text())[0][3].startswith(
        "Interviewer: ")
    study.update_interview(interview_id, status="anonymised")
    text = export_interview(study, interview_id, tmp_path, fmt="vtt").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    assert blocks[1].startswith("NOTE\nDRAFT")
    _, cues = parse_vtt(text)
    assert not any("DRAFT" in cue[3] for cue in cues)
