"""`interviewer transcript show`: the turns in the terminal, anonymised unless --original; the live draft on request."""

from __future__ import annotations

from click.testing import CliRunner

from interviewer.cli import main
from test_export_txt import transcribed_interview


def show(*args):
    return CliRunner().invoke(main, ["transcript", "show", *args, "--study", "test-study"])


def test_turns_are_shown_anonymised_by_default(study):
    interview = transcribed_interview(study)
    result = show(str(interview.id))
    assert result.exit_code == 0, result.output
    assert "[00:00:01] Interviewer: What is your role, Ms [PERSON 1]?" in result.stdout
    assert "[00:00:04] KI-08: I lead the team at [HOSPITAL 1]. It is café culture, really." in result.stdout
    assert "Jones" not in result.stdout
    assert "anonymised, review not done" in result.stderr


def test_a_transcript_not_yet_anonymised_is_refused_with_both_ways_on(study):
    interview = transcribed_interview(study, anonymised=False)
    result = show(str(interview.id))
    assert result.exit_code == 1
    assert f"interviewer anonymise {interview.id}" in result.output and "--original" in result.output
    assert "Jones" not in result.output


def test_original_shows_the_identifiable_text_and_is_audited(study):
    interview = transcribed_interview(study)
    result = show(str(interview.id), "--original")
    assert result.exit_code == 0, result.output
    assert "[00:00:01] Interviewer: What is your role, Ms Jones?" in result.stdout
    assert "IDENTIFIABLE" in result.stderr
    assert any(entry["action"] == "show original" for entry in study.audit_entries())


def test_the_live_draft_is_shown_only_with_original_and_is_not_the_transcript(study):
    study.add_participant("KI-09")
    interview = study.add_interview("KI-09", status="recorded")
    study.update_interview(interview.id, pending_stage="final pass")
    study.replace_live_draft(interview.id, [{"start": 2.0, "end": 4.0, "text": "Hello, I'm Sheila.", "speaker": "Speech"},
                                            {"start": 4.5, "end": 6.0, "text": "From Texas.", "speaker": "Speech"}],
                             model="tiny.en")
    refused = show(str(interview.id), "--draft")
    assert refused.exit_code == 1 and "--draft --original" in refused.output and "Sheila" not in refused.output
    drafted = show(str(interview.id), "--draft", "--original")
    assert drafted.exit_code == 0, drafted.output
    assert drafted.stdout == "[00:00:02] Speech: Hello, I'm Sheila. From Texas.\n"
    assert "LIVE DRAFT" in drafted.stderr
    pending = show(str(interview.id), "--original")
    assert pending.exit_code == 1 and "final pass" in pending.output and f"interviewer transcribe {interview.id}" in pending.output


def test_an_unknown_interview_is_a_clear_error(study):
    result = show("42")
    assert result.exit_code == 1 and "No interview #42" in result.output
