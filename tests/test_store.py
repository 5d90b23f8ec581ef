"""Tests for the study store: participants, consent, interviews, timeline, audit log, study lookup."""

from __future__ import annotations

import pytest

from interviewer import locations
from interviewer.store import Study, StoreError, study_folder


def test_named_study_lives_under_interviewer_home(isolated_home):
    created = Study.create("brooks")
    assert created.folder == isolated_home / "studies" / "brooks"
    assert (created.folder / "study.db").is_file()
    assert locations.data_dir() == isolated_home


def test_study_path_can_be_a_folder_or_its_database_file(tmp_path):
    assert study_folder(str(tmp_path / "s1")) == tmp_path / "s1"
    assert study_folder(str(tmp_path / "s1" / "study.db")) == tmp_path / "s1"


def test_database_uses_write_ahead_logging(study):
    assert study.db.journal_mode == "wal"


def test_opening_a_missing_study_says_how_to_create_it():
    with pytest.raises(StoreError, match="interviewer study init"):
        Study.open("nope")


def test_creating_a_study_twice_is_refused(study):
    with pytest.raises(StoreError, match="already exists"):
        Study.create("test-study")


def test_participant_attributes_and_referrer_round_trip(study):
    study.add_participant("KI-01", gender="Male", role="Consultant", sector="NHS")
    study.add_participant("KI-02", gender="Female", role="Professor", sector="Academia", referred_by="KI-01",
                          attributes={"years": "12"})
    second = study.participant("ki-02")
    assert (second.gender, second.role, second.sector) == ("Female", "Professor", "Academia")
    assert second.referred_by == "KI-01"
    assert second.attributes == {"years": "12"}


def test_editing_changes_only_given_fields_and_merges_attributes(study):
    study.add_participant("KI-01", gender="Male", attributes={"years": "3"})
    study.edit_participant("KI-01", role="Nurse", attributes={"band": "6"})
    edited = study.participant("KI-01")
    assert edited.gender == "Male" and edited.role == "Nurse"
    assert edited.attributes == {"years": "3", "band": "6"}


@pytest.mark.parametrize("code", ["", "KI 08", "x" * 40, "-lead"])
def test_invalid_participant_codes_are_refused(study, code):
    with pytest.raises(StoreError, match="not a valid participant code"):
        study.add_participant(code)


def test_duplicate_and_unknown_participants_are_clear_errors(study):
    study.add_participant("KI-01")
    with pytest.raises(StoreError, match="already exists"):
        study.add_participant("KI-01")
    with pytest.raises(StoreError, match="Unknown participant 'KI-99'.*KI-01"):
        study.participant("KI-99")
    with pytest.raises(StoreError, match="Unknown participant"):
        study.add_participant("KI-02", referred_by="KI-99")
    assert [p.code for p in study.participants()] == ["KI-01"]


def test_latest_consent_record_wins_and_all_are_kept(study):
    study.add_participant("KI-01")
    assert study.consent("KI-01") is None
    study.record_consent("KI-01", audio_recording=False, quotation=True)
    study.record_consent("KI-01", audio_recording=True, quotation=True, information_sheet_sent="2026-11-01")
    latest = study.consent("KI-01")
    assert latest.audio_recording and latest.quotation
    assert latest.information_sheet_sent == "2026-11-01"
    assert study.db["consent"].count == 2


def test_interview_timeline_events_keep_their_offsets(study):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01", mode="phone", schedule_id="npt-toolkit", schedule_version=1)
    study.add_event(interview.id, "asked", item_id="purpose", offset=12.5)
    study.add_event(interview.id, "probe", item_id="purpose", probe=2, offset=40.0)
    study.add_event(interview.id, "note", text="hesitant", offset=41.0)
    events = study.events(interview.id)
    assert [(e.kind, e.item_id, e.probe, e.offset) for e in events] == [
        ("asked", "purpose", None, 12.5), ("probe", "purpose", 2, 40.0), ("note", None, None, 41.0)]
    assert interview.schedule_version == "1"


def test_unknown_interview_mode_and_number_are_refused(study):
    study.add_participant("KI-01")
    with pytest.raises(StoreError, match="Unknown interview mode"):
        study.add_interview("KI-01", mode="carrier pigeon")
    with pytest.raises(StoreError, match="No interview #7"):
        study.interview(7)


def test_every_change_is_in_the_audit_log(study):
    study.add_participant("KI-01", gender="Female")
    study.edit_participant("KI-01", role="GP")
    study.record_consent("KI-01", audio_recording=True, quotation=False)
    actions = [(entry["action"], entry["table_name"]) for entry in study.audit_entries()]
    assert actions == [("create", "study"), ("add", "participants"), ("edit", "participants"), ("record", "consent")]
    assert all(entry["actor"] for entry in study.audit_entries())


def test_replacing_a_transcript_drops_the_old_segments(study):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01")
    study.replace_segments(interview.id, [{"start": 0, "end": 1, "text": "old"}], model="m")
    study.replace_segments(interview.id, [{"start": 0, "end": 1, "text": "new",
                                           "words": [{"start": 0, "end": 0.5, "word": " new", "probability": 0.9}]}],
                           model="m")
    segments = study.segments(interview.id)
    assert [s.text for s in segments] == ["new"]
    assert segments[0].words[0]["probability"] == 0.9


def test_known_identifiers_include_participant_names_and_workplaces(study):
    study.add_participant("KI-01", name="Ada Lovelace", workplace="Analytical Engine Trust")
    assert set(study.known_identifiers()) == {("Ada Lovelace", "PERSON"), ("Analytical Engine Trust", "ORGANIZATION")}


def test_two_connections_to_one_study_see_each_others_writes(study):
    other = Study.open("test-study")
    study.add_participant("KI-01")
    assert [p.code for p in other.participants()] == ["KI-01"]
    other.close()


def test_interviewer_channel_is_set_from_the_cli_and_auto_clears_it(isolated_home):
    from click.testing import CliRunner

    from interviewer.cli import main
    from interviewer.speakers.roles import interviewer_channel

    runner = CliRunner()
    runner.invoke(main, ["--study", "phone", "study", "init"])
    assert runner.invoke(main, ["--study", "phone", "study", "set-interviewer-channel", "right"]).exit_code == 0
    study = Study.open("phone")
    assert interviewer_channel(study) == 1
    assert study.audit_entries()[-1]["action"] == "set"
    assert runner.invoke(main, ["--study", "phone", "study", "set-interviewer-channel", "auto"]).exit_code == 0
    assert interviewer_channel(study) is None
    study.close()
