"""Tests that the schema is built only by migrations, from an empty file and from the previous version."""

from __future__ import annotations

import sqlite_utils

from interviewer.store.migrations import MIGRATIONS, applied, migrate
from interviewer.store import Study

EXPECTED_TABLES = {
    "study", "participants", "consent", "interviews", "recordings", "timeline_events",
    "transcript_segments", "redactions", "audit_log", "pseudonyms", "live_draft_segments",
}


def test_empty_file_migrates_to_the_full_schema(tmp_path):
    db = sqlite_utils.Database(tmp_path / "empty.db")
    assert migrate(db) == [name for name, _ in MIGRATIONS]
    assert EXPECTED_TABLES <= set(db.table_names())
    assert migrate(db) == []


def test_previous_version_migrates_and_keeps_its_data(tmp_path):
    folder = tmp_path / "old-study"
    folder.mkdir()
    db = sqlite_utils.Database(folder / "study.db")
    migrate(db, upto=len(MIGRATIONS) - 1)
    assert len(applied(db)) == len(MIGRATIONS) - 1
    db["participants"].insert({"code": "KI-01", "gender": "Female", "attributes": "{}"})
    db["interviews"].insert({"participant_id": 1, "mode": "phone", "status": "transcribed"})
    db["transcript_segments"].insert({"interview_id": 1, "position": 0, "start": 0.0, "end": 2.0, "text": "hello",
                                      "words": "[]"})
    db["study"].insert({"id": 1, "name": "old"})
    db.close()

    study = Study.open(str(folder))
    assert applied(study.db) == [name for name, _ in MIGRATIONS]
    assert study.participant("KI-01").gender == "Female"
    assert study.segments(1)[0].text == "hello"
    assert study.segments(1)[0].anonymised_text is None
    assert study.pseudonym_map() == {}
    fresh = sqlite_utils.Database(tmp_path / "fresh.db")
    migrate(fresh)
    assert schema_of(study.db) == schema_of(fresh)


def schema_of(db: sqlite_utils.Database) -> dict[str, list[tuple[str, str]]]:
    """Tables and their columns: the same whether a database was migrated step by step or all at once."""
    return {name: [(c.name, c.type) for c in db[name].columns] for name in sorted(db.table_names())}
