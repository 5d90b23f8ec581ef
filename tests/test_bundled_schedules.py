"""Tests for the bundled schedules and the `interviewer schedule` commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.schedule import npt
from interviewer.cli.schedule import schedule as schedule_group
from interviewer.schedule import PLACEHOLDER, bundled_schedules, find_schedule


@pytest.fixture(scope="module")
def key_informant():
    return find_schedule("npt-key-informant")


@pytest.fixture(scope="module")
def toolkit():
    return find_schedule("npt-toolkit")


def run(*args: str):
    return CliRunner().invoke(schedule_group, list(args))


def test_both_bundled_schedules_load():
    assert {"npt-key-informant", "npt-toolkit"} <= {schedule.id for schedule in bundled_schedules()}


def test_bundled_schedules_have_scripts_probes_and_minutes():
    for schedule in bundled_schedules():
        assert schedule.introduction and schedule.consent and schedule.closing, schedule.id
        assert all(item.minutes for item in schedule.items), schedule.id
        assert sum(1 for item in schedule.items if item.probes) >= len(schedule.items) - 1, schedule.id


def test_every_bundled_prompt_has_phrases_to_listen_for():
    for schedule in bundled_schedules():
        for item in schedule.items:
            for index, prompt in enumerate(item.prompts):
                assert len(item.listen_for_prompt(index)) >= 5, (schedule.id, item.id, prompt)


def test_toolkit_covers_all_sixteen_sub_constructs_with_probes(toolkit):
    probed = {code for item in toolkit.items if item.probes for code in item.constructs}
    assert set(npt.SUB_CONSTRUCT_IDS) <= probed


def test_toolkit_uses_the_placeholder_and_fills_it(toolkit):
    assert toolkit.has_placeholder and PLACEHOLDER in toolkit.introduction
    filled = toolkit.with_intervention("video consultations")
    assert not filled.has_placeholder
    assert "video consultations" in filled.title


def test_key_informant_has_the_named_sections(key_informant):
    titles = [section.title.lower() for section in key_informant.sections]
    for expected in (
        "understanding user involvement and participation",
        "multidisciplinary perspectives",
        "knowledge and experience of care planning",
        "resource allocation",
        "official policy catalysts",
        "organisational cultural acceptance",
        "organisational resistance and facilitation",
    ):
        assert expected in titles


def test_key_informant_asks_how_user_led_differs_and_what_it_is_for(key_informant):
    questions = [item.question.lower() for item in key_informant.items]
    assert any("distinguish" in q and "user-led" in q and "current care planning" in q for q in questions)
    assert any("purpose" in q and "user-led" in q for q in questions)


def test_key_informant_centres_on_coherence_and_cognitive_participation(key_informant):
    constructs = {npt.construct_of(code) for code in key_informant.constructs_covered()}
    assert {"coherence", "cognitive-participation"} <= constructs
    assert 45 <= key_informant.planned_minutes <= 60


def test_key_informant_consent_covers_recording_quotation_and_withdrawal(key_informant):
    consent = key_informant.consent.lower()
    assert "record" in consent and "anonymised" in consent and "withdraw" in consent


def test_cli_list_shows_bundled_schedules():
    result = run("list")
    assert result.exit_code == 0, result.output
    assert "npt-key-informant" in result.output and "npt-toolkit" in result.output
    assert "MINUTES" in result.output


def test_cli_show_lists_the_phrases_to_listen_for_only_when_asked():
    phrase = find_schedule("npt-key-informant").item("resources-needed").listen_for_prompt(0)[0]
    assert phrase not in run("show", "npt-key-informant").output
    result = run("show", "npt-key-informant", "--listen-for", "--no-scripts")
    assert result.exit_code == 0, result.output
    assert f"~ {phrase}" in result.output


def test_cli_show_outlines_items_constructs_and_probes():
    result = run("show", "npt-toolkit", "--intervention", "the new pathway")
    assert result.exit_code == 0, result.output
    assert "Coherence: Differentiation" in result.output
    assert "Probes:" in result.output and "the new pathway" in result.output
    assert PLACEHOLDER not in result.output


def test_cli_validate_reports_ok_with_counts():
    path = Path(find_schedule("npt-toolkit").source)
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK") and "16 of 16 sub-constructs" in result.output


def test_cli_validate_invalid_file_exits_1_with_the_line(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text(
        "id: broken\nversion: 1\ntitle: Broken\nsections:\n  - id: one\n    title: One\n    items:\n"
        "      - id: q\n        question: Why?\n        constructs: [coherense]\n",
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:10:22: unknown NPT construct 'coherense'" in result.output
    assert "did you mean 'coherence'?" in result.output


def test_cli_show_unknown_name_is_a_user_error():
    result = run("show", "no-such-schedule")
    assert result.exit_code == 1 and "schedule list" in result.output


def test_every_schedule_command_has_help_with_an_example():
    for name, command in schedule_group.commands.items():
        assert command.help and "Example" in command.help, name
