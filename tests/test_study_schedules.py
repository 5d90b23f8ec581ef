"""Tests the study's own schedules: kept by id and version, offered before bundled ones, found again after
the original file is gone (resume, review, export)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import SHARED
from fake_audio import FakeAudio
from interviewer.cli import main
from interviewer.interview.running import LiveInterview
from interviewer.pipeline import align_interview
from interviewer.schedule import load_schedule
from interviewer.schedule.study import ScheduleConflict, add_schedule, available_schedules, schedule_for
from test_schedule import VALID


@pytest.fixture
def own_file(tmp_path):
    path = tmp_path / "my-schedule.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


def test_a_kept_schedule_is_offered_first_and_bundled_ones_follow(study, own_file):
    add_schedule(study, own_file)
    offered = [s.id for s in available_schedules(study)]
    assert offered[0] == "demo"
    assert "npt-key-informant" in offered[1:]


def test_adding_the_same_file_twice_keeps_one_copy(study, own_file):
    add_schedule(study, own_file)
    add_schedule(study, own_file)
    assert [p.name for p in (study.folder / "schedules").iterdir()] == ["demo@1.yaml"]


def test_changed_questions_under_the_same_version_are_refused_and_a_new_version_is_kept_beside(study, own_file):
    add_schedule(study, own_file)
    own_file.write_text(VALID.replace("Has it changed?", "What has changed?"), encoding="utf-8")
    with pytest.raises(ScheduleConflict, match="new 'version'"):
        add_schedule(study, own_file)
    own_file.write_text(VALID.replace("Has it changed?", "What has changed?").replace("version: 1", "version: 2"),
                        encoding="utf-8")
    add_schedule(study, own_file)
    assert schedule_for(study, "demo", "1").items[-1].question == "Has it changed?"
    assert schedule_for(study, "demo", "2").items[-1].question == "What has changed?"
    assert [s.version for s in available_schedules(study) if s.id == "demo"] == [2]


def test_an_interview_on_an_own_schedule_resumes_after_the_file_is_deleted(study, own_file):
    study.add_participant("KI-01")
    study.record_consent("KI-01", audio_recording=True, quotation=True)
    audio = FakeAudio()
    live = LiveInterview.create(study, "KI-01", load_schedule(own_file), audio)
    live.begin_part()
    audio.clock.advance(5.0)
    live.act("next")
    audio.recorders[-1].stop()
    live.writer.flush()
    live.close()
    own_file.unlink()

    resumed = LiveInterview.reopen(study, live.interview.id, audio)
    assert resumed.schedule.id == "demo"
    assert resumed.session.current_id == "tasks"
    resumed.close()


def test_import_with_a_schedule_file_keeps_it_for_review_after_the_file_is_gone(isolated_home, own_file):
    from interviewer.store import Study
    from interviewer.review.transcript import schedule_items

    runner = CliRunner()
    assert runner.invoke(main, ["--study", "s1", "study", "init"]).exit_code == 0
    assert runner.invoke(main, ["--study", "s1", "participant", "add", "KI-01"]).exit_code == 0
    result = runner.invoke(main, ["--study", "s1", "import", str(SHARED / "eval" / "speech" / "jfk.flac"),
                                  "-p", "KI-01", "--schedule", str(own_file)])
    assert result.exit_code == 0, result.output
    own_file.unlink()

    listed = runner.invoke(main, ["--study", "s1", "schedule", "list"]).output
    assert any(line.split()[:3] == ["study", "demo", "1"] for line in listed.splitlines())
    study = Study.open("s1")
    interview = study.interviews()[0]
    assert interview.schedule_id == "demo"
    assert [item.id for item in schedule_items(study, interview.id)] == ["purpose", "tasks", "changes"]
    study.replace_segments(interview.id, [{"start": 0, "end": 3, "text": "What does it ask of you?"},
                                          {"start": 3, "end": 9, "text": "Quite a lot of paperwork, honestly."}],
                           model="hand-written")
    assert align_interview(study, interview.id) == 2
    assert [segment.item_id for segment in study.segments(interview.id)] == ["tasks", "tasks"]
    study.close()


def test_schedule_add_reports_the_line_of_a_problem(isolated_home, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(VALID.replace("title: Demo schedule", "titel: Demo schedule"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--study", "s2", "study", "init"]).exit_code == 0
    result = runner.invoke(main, ["--study", "s2", "schedule", "add", str(broken)])
    assert result.exit_code == 1
    assert "broken.yaml:3" in result.output


def test_an_interview_on_a_bundled_schedule_keeps_it_when_the_study_adds_its_own_version(study, tmp_path):
    from interviewer.schedule import find_schedule

    bundled = find_schedule("npt-key-informant")
    own = tmp_path / "mine.yaml"
    own.write_text(bundled.source.read_text(encoding="utf-8").replace(f"version: {bundled.version}", "version: 99"),
                   encoding="utf-8")
    add_schedule(study, own)
    assert schedule_for(study, "npt-key-informant", str(bundled.version)).version == bundled.version
    assert str(schedule_for(study, "npt-key-informant", "99").version) == "99"
    assert str(schedule_for(study, "npt-key-informant").version) == "99"
