"""Provides `interviewer key`: show the re-identification key (audited) and change its passphrase."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option
from interviewer.cli._passphrase import ask_passphrase, key_errors


@click.group("key")
def key() -> None:
    """The study's re-identification key: which placeholder stands for which original.

    The key is encrypted with a passphrase (from INTERVIEWER_KEY_PASSPHRASE or asked for) in
    key/reidentification.key inside the study folder, readable by its owner only. Never give it to coders.

    Example:

        interviewer key show --study key-informants
    """


@key.command("show")
@click.option("--interview", type=int, default=None, help="Only the placeholders used in this interview.")
@study_option
def show(study, interview) -> None:
    """Decrypt the key and list each placeholder with the originals it stands for (the viewing is audited).

    Example:

        interviewer key show --interview 3
    """
    from interviewer.anonymise.study.key import open_key

    opened = open_study(study)
    opened_key = key_errors(lambda: open_key(opened, ask_passphrase()))
    rows = [row for row in opened_key.mapping() if interview is None or interview in row["interviews"]]
    opened.audit("key show", "study", 1, {"interview": interview, "placeholders": len(rows)})
    if not rows:
        click.echo("The key holds no identifiers" + (f" for interview #{interview}." if interview else "."))
        return
    width = max(len(row["placeholder"]) for row in rows)
    for row in rows:
        interviews = ", ".join(f"#{number}" for number in row["interviews"]) or "-"
        click.echo(f"{row['placeholder']:<{width}}  {row['entity_type']:<13} {' | '.join(row['originals']) or '-'}"
                   f"  ({interviews})")


@key.command("rotate-passphrase")
@study_option
def rotate(study) -> None:
    """Re-encrypt the key under a new passphrase; the old one stops working.

    The current passphrase comes from INTERVIEWER_KEY_PASSPHRASE or a prompt; the new one from
    INTERVIEWER_NEW_KEY_PASSPHRASE or a prompt (typed twice).

    Example:

        interviewer key rotate-passphrase --study key-informants
    """
    import os

    from interviewer.anonymise.study.key import has_key, key_path, rotate_passphrase

    opened = open_study(study)
    if not has_key(opened):
        raise UserError(f"The study has no re-identification key yet ({key_path(opened)}).")
    new = os.environ.get("INTERVIEWER_NEW_KEY_PASSPHRASE") or ask_passphrase(label="New passphrase")(new=True)
    if not new:
        raise UserError("Give the new passphrase in INTERVIEWER_NEW_KEY_PASSPHRASE or run this in a terminal.")
    key_errors(lambda: rotate_passphrase(opened, ask_passphrase(), new))
    click.echo(f"The key {key_path(opened)} now opens with the new passphrase only. "
               "Update INTERVIEWER_KEY_PASSPHRASE wherever it is set.")


COMMANDS = [key]
