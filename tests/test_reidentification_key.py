"""Tests for the re-identification key: originals only in the encrypted, owner-only key, consistent placeholders."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from anonymisation_study import PASSPHRASE, add_transcript, database_text, known_study
from interviewer.cli import main
from interviewer.anonymise.study.keyfile import PassphraseNeeded, WrongPassphrase
from interviewer.pipeline import anonymise_interview
from interviewer.anonymise.study.key import editing_key, key_path, open_key, rotate_passphrase
from interviewer.anonymise.study.settings import add_term


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)


def run(*args, **env):
    return CliRunner().invoke(main, [*args, "--study", "test-study"], env=env or None)


def test_originals_live_only_in_the_owner_only_encrypted_key(study, passphrase):
    first, second = known_study(study)
    anonymise_interview(study, first)
    anonymise_interview(study, second)
    stored = database_text(study)
    raw = key_path(study).read_bytes()
    for original in ("Sarah", "Thompson", "Riverside", "Patel", "Kate"):
        assert original not in stored and original.encode() not in raw
    assert stat.S_IMODE(key_path(study).stat().st_mode) == 0o600
    assert stat.S_IMODE(key_path(study).parent.stat().st_mode) == 0o700
    originals = open_key(study).originals()
    assert {"Sarah", "Sarah Thompson", "Riverside Hospital", "Patel", "Kate"} <= originals


def test_the_same_person_keeps_one_placeholder_across_the_study(study, passphrase):
    first, second = known_study(study)
    anonymise_interview(study, first)
    anonymise_interview(study, second)
    one = " ".join(s.anonymised_text for s in study.segments(first))
    two = " ".join(s.anonymised_text for s in study.segments(second))
    assert one.startswith("Hello [PERSON 1], thank you for coming over from [ORGANISATION 1]")
    assert two.startswith("Last time you mentioned [PERSON 1] and the [ORGANISATION 1] team.")
    patel = next(row["placeholder"] for row in open_key(study).mapping() if "Patel" in row["originals"])
    assert f"{patel} moved to" in two


def test_reanonymising_keeps_placeholders_and_drops_stale_originals(study, passphrase):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    before = [s.anonymised_text for s in study.segments(first)]
    tokens_before = set(open_key(study).redactions)
    anonymise_interview(study, first)
    assert [s.anonymised_text for s in study.segments(first)] == before
    assert not tokens_before & set(open_key(study).redactions)


def test_a_wrong_or_missing_passphrase_is_refused_clearly(study, passphrase, monkeypatch):
    first, second = known_study(study)
    anonymise_interview(study, first)
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        open_key(study, "not the passphrase")
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE")
    with pytest.raises(PassphraseNeeded, match="INTERVIEWER_KEY_PASSPHRASE"):
        anonymise_interview(study, second)
    assert study.interview(second).status != "anonymised"


def test_a_new_key_needs_a_long_enough_passphrase(study):
    first, _ = known_study(study)
    with pytest.raises(Exception, match="at least 8"):
        anonymise_interview(study, first, passphrase="short")
    assert not key_path(study).exists()


def test_rotating_the_passphrase_retires_the_old_one(study, passphrase):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    originals = open_key(study).originals()
    rotate_passphrase(study, PASSPHRASE, "a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        open_key(study, PASSPHRASE)
    assert open_key(study, "a brand new passphrase").originals() == originals
    assert stat.S_IMODE(key_path(study).stat().st_mode) == 0o600


def test_plain_text_originals_from_older_versions_move_into_the_key(study, passphrase):
    study.add_participant("KI-09")
    interview = add_transcript(study, "KI-09", [("KI-09", "Ask Bob.")])
    segment = study.segments(interview)[0]
    study.save_anonymisation(interview, {segment.id: "Ask [PERSON 1]."},
                             [{"segment_id": segment.id, "start": 4, "end": 7, "entity_type": "PERSON",
                               "original": "Bob", "placeholder": "[PERSON 1]", "score": 0.9, "reason": "old"}],
                             {"PERSON:bob": ("PERSON", "[PERSON 1]")})
    with editing_key(study):
        pass
    assert "Bob" not in database_text(study) and "bob" not in database_text(study)
    assert open_key(study).originals() == {"Bob"}
    add_term(study, "deny", "Bob", entity_type="PERSON")
    follow_up = add_transcript(study, "KI-09", [("KI-09", "Then I asked Bob again.")])
    anonymise_interview(study, follow_up)
    assert study.segments(follow_up)[0].anonymised_text == "Then I asked [PERSON 1] again."


def test_key_show_lists_placeholders_with_originals_and_is_audited(study, passphrase):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    result = run("key", "show")
    assert result.exit_code == 0, result.output
    assert "[PERSON 1]" in result.output and "Sarah" in result.output and "(#1)" in result.output
    assert any(entry["action"] == "key show" for entry in study.audit_entries())
    assert "Sarah" not in str([e for e in study.audit_entries() if e["action"].startswith("key")])
    wrong = run("key", "show", INTERVIEWER_KEY_PASSPHRASE="nope nope nope")
    assert wrong.exit_code == 1 and "Wrong passphrase" in wrong.output and "Traceback" not in wrong.output


def test_key_rotate_passphrase_command(study, passphrase):
    first, _ = known_study(study)
    anonymise_interview(study, first)
    result = run("key", "rotate-passphrase", INTERVIEWER_NEW_KEY_PASSPHRASE="another long passphrase")
    assert result.exit_code == 0, result.output
    assert run("key", "show", INTERVIEWER_KEY_PASSPHRASE="another long passphrase").exit_code == 0
