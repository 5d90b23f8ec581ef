"""Tests placeholder consistency, seeding from a study's mapping, generalised ages, redaction and policy errors."""

from __future__ import annotations

import pytest

from interviewer.anonymise import Detection, Placeholders, PolicyError, load_policy, redact


def det(start, end, entity_type, text, group):
    return Detection(start, end, entity_type, text, 0.9, "test", group)


def test_same_group_gets_same_placeholder_and_numbering_continues_from_existing():
    placeholders = Placeholders(existing={"PERSON:ann lee": "[PERSON 4]", "LOCATION:bury": "[PLACE 1]"})
    assert placeholders.placeholder_for(det(0, 3, "PERSON", "Ann", "PERSON:ann lee")) == "[PERSON 4]"
    assert placeholders.placeholder_for(det(0, 3, "PERSON", "Raj", "PERSON:raj")) == "[PERSON 5]"
    assert placeholders.placeholder_for(det(0, 3, "PERSON", "Raj", "PERSON:raj")) == "[PERSON 5]"
    assert placeholders.placeholder_for(det(0, 3, "LOCATION", "Wigan", "LOCATION:wigan")) == "[PLACE 2]"
    assert placeholders.placeholder_for(det(0, 3, "DATE", "3rd of May", "DATE:3rd of may")) == "[DATE]"
    assert placeholders.placeholder_for(det(0, 3, "AGE", "forty-seven", "AGE:forty-seven")) == "[AGE 40s]"


def test_redact_replaces_spans_and_reports_offsets_into_the_input():
    text = "Ann met Raj in Wigan."
    detections = [det(0, 3, "PERSON", "Ann", "PERSON:ann"), det(8, 11, "PERSON", "Raj", "PERSON:raj"),
                  det(15, 20, "LOCATION", "Wigan", "LOCATION:wigan")]
    redacted, spans = redact(text, detections, Placeholders())
    assert redacted == "[PERSON 1] met [PERSON 2] in [PLACE 1]."
    assert [(s["start"], s["end"], s["placeholder"]) for s in spans] == [(0, 3, "[PERSON 1]"), (8, 11, "[PERSON 2]"), (15, 20, "[PLACE 1]")]


def test_policy_errors_name_file_and_line(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text("entities:\n  PERSON: {label: PERSON}\n  AGE: {generalise: century}\n")
    with pytest.raises(PolicyError, match=r"policy.yaml:3: 'generalise'"):
        load_policy(path)
    path.write_text("entities:\n  PERSON: {lable: PERSON}\n")
    with pytest.raises(PolicyError, match=r"policy.yaml:2: unknown setting"):
        load_policy(path)


def test_policy_can_keep_a_type_and_rename_a_label(tmp_path):
    from interviewer.anonymise import Anonymiser

    path = tmp_path / "policy.yaml"
    path.write_text("entities:\n  PERSON: {label: NAME}\n  LOCATION: {label: TOWN}\n  DATE: {replace: false}\n")
    policy = load_policy(path)
    found = Anonymiser(policy).detect("Ann Lee moved to Rochdale on the 3rd of May 2014.")
    assert {d.entity_type for d in found} == {"PERSON", "LOCATION"}
    redacted, _ = redact("Ann Lee moved to Rochdale", found, Placeholders(policy=policy))
    assert redacted == "[NAME 1] moved to [TOWN 1]"


@pytest.mark.parametrize("said, placeholder", [
    ("3rd of March 2019", "[DATE 2019]"),
    ("june twenty nineteen", "[DATE 2019]"),
    ("Boxing Day two thousand and nine", "[DATE 2009]"),
    ("the 5th of May", "[DATE]"),
])
def test_a_policy_can_generalise_dates_to_their_year(tmp_path, said, placeholder):
    path = tmp_path / "policy.yaml"
    path.write_text("version: 1\nentities:\n  DATE: {label: DATE, numbered: false, generalise: year}\n", encoding="utf-8")
    placeholders = Placeholders(policy=load_policy(path))
    assert placeholders.placeholder_for(det(0, len(said), "DATE", said, f"DATE:{said}")) == placeholder


def test_a_generalisation_meant_for_another_type_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text("version: 1\nentities:\n  PERSON: {label: PERSON}\n  AGE: {label: AGE, generalise: year}\n",
                    encoding="utf-8")
    with pytest.raises(PolicyError, match=r"policy.yaml:4: 'generalise: year' applies to DATE only"):
        load_policy(path)
