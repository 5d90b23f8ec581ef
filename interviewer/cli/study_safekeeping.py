"""Provides the `interviewer study` commands that keep a study safe: passphrase, encrypt, backup, restore, check
and retention (added to the `study` group)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from interviewer.cli._common import UserError, open_study, study_option
from interviewer.cli.study import study

COMMANDS: list = []


def _store_errors(action):
    from interviewer.store import StoreError

    try:
        return action()
    except StoreError as error:
        raise UserError(str(error)) from None


def _confirm(question: str, yes: bool) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(f"{question} Run this in a terminal to confirm, or pass --yes.")
    if not click.confirm(question, default=False, err=True):
        raise UserError("Nothing was changed.")


@study.group("passphrase")
def passphrase() -> None:
    """The study passphrase that unlocks the database and the recordings.

    Example:

        interviewer study passphrase change --study key-informants
    """


@passphrase.command("change")
@study_option
def change(study: str | None) -> None:
    """Protect the study with a new passphrase; the old one stops opening it.

    The current passphrase comes from INTERVIEWER_STUDY_PASSPHRASE or a prompt; the new one from
    INTERVIEWER_NEW_STUDY_PASSPHRASE or a prompt (typed twice). Only the small key file study.key is
    rewritten, atomically: the data stays encrypted under the same study key throughout. Backups made
    before keep opening with the passphrase of their time.

    Example:

        interviewer study passphrase change --study key-informants
    """
    import os

    from interviewer.cli._common import ask_study_passphrase
    from interviewer.store import encryption

    opened = open_study(study)
    if not opened.encrypted:
        raise UserError(f"The study {opened.folder} is not encrypted; encrypt it with: interviewer study encrypt")
    new = os.environ.get(encryption.NEW_PASSPHRASE_VARIABLE) or ask_study_passphrase("New study passphrase")(True)
    if not new:
        raise UserError(f"Give the new passphrase in {encryption.NEW_PASSPHRASE_VARIABLE} or run this in a terminal.")
    _store_errors(lambda: encryption.change_passphrase(opened.folder, ask_study_passphrase(
        "Current study passphrase"), new))
    opened.audit("change passphrase", "study", 1, {"key_file": encryption.KEY_FILE_NAME})
    click.echo(f"The study {opened.folder} now opens with the new passphrase only. Update "
               f"{encryption.PASSPHRASE_VARIABLE} wherever it is set.")


@study.command("encrypt")
@study_option
def encrypt(study: str | None) -> None:
    """Encrypt a study made with --no-encryption (or by an older version), in place and safely.

    Copies are made and checked first (the database with SQLCipher, each recording sealed and read
    back); one rename then switches the study over, so a crash half-way leaves the study as it was.
    The plain files are deleted afterwards, and the study's own backups are encrypted too. The new
    passphrase comes from INTERVIEWER_STUDY_PASSPHRASE or is asked for (typed twice).

    Example:

        interviewer study encrypt --study key-informants
    """
    from interviewer.cli._common import ask_study_passphrase
    from interviewer.protection.encrypt import encrypt_study
    from interviewer.store.backup import known_backups

    open_study(study).close()  # a clear error for a missing or unreadable study
    result = _store_errors(lambda: encrypt_study(study, ask_study_passphrase(),
                                                 progress=lambda message: click.echo(f"  {message}", err=True)))
    opened = open_study(study)
    if result.recordings or result.backups:
        click.echo(f"Encrypted the study {opened.folder}: the database, {result.recordings} recording(s) and "
                   f"{result.backups} backup(s) of its own; {len(result.removed)} plain file(s) deleted.")
    else:
        click.echo(f"The study {opened.folder} is encrypted"
                   + (f"; {len(result.removed)} plain leftover(s) deleted." if result.removed else "."))
    outside = [b for b in known_backups(opened.folder) if not b.path.resolve().is_relative_to(opened.folder.resolve())]
    if outside:
        click.echo("Backups made elsewhere before are not changed; if they were made before encryption they are "
                   "readable by anyone holding them: " + ", ".join(str(b.path) for b in outside), err=True)
    click.echo("Deleted files may stay readable on the disk itself until overwritten; for full protection keep "
               "studies on an encrypted disk as well.", err=True)


@study.command("backup")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@study_option
def backup(study: str | None, dest: Path) -> None:
    """Copy the whole study into DEST (a new or empty folder), while it stays in use.

    The database is copied as of one moment (SQLite's online backup) and stays encrypted; the key
    files, the recordings that moment's database names and the study's schedules are copied as they
    are. A manifest lists every file with its checksum. Keep backups on another disk.

    Example:

        interviewer study backup /media/usb/key-informants-2026-12-04 --study key-informants
    """
    from interviewer.protection.backups import backup_study

    opened = open_study(study)
    info = _store_errors(lambda: backup_study(opened, dest))
    click.echo(f"Backed up the study {opened.folder} to {info.path} "
               f"({'encrypted' if opened.encrypted else 'NOT encrypted'}).")


@study.command("restore")
@click.argument("backup", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@study_option
def restore(study: str | None, backup: Path, yes: bool) -> None:
    """Put a backup back in place of the study's database and keys, and of any recordings missing or changed.

    The backup is checked first (every file's checksum, its passphrase, its database's integrity). What it
    replaces is moved into the study's backups folder, never deleted. Close every window and command using
    the study first.

    Example:

        interviewer study restore /media/usb/key-informants-2026-12-04 --study key-informants
    """
    from interviewer.cli._common import ask_study_passphrase
    from interviewer.protection.backups import restore_study, verify_backup
    from interviewer.store import study_folder

    manifest = _store_errors(lambda: verify_backup(backup))
    folder = _store_errors(lambda: study_folder(study))
    _confirm(f"Replace the study in {folder} with the backup made {manifest.get('made_at')}?", yes)
    result = _store_errors(lambda: restore_study(backup, study, ask_study_passphrase()))
    click.echo(f"Restored the study {result.folder} from the backup made {result.made_at}"
               + (f"; what it replaced is kept in {result.replaced}." if result.replaced else "."))
    if manifest.get("encrypted"):
        click.echo("The study opens with the passphrase it had when the backup was made.")


@study.command("check")
@study_option
def check(study: str | None) -> None:
    """Check the database's integrity and every recording against its checksum; list problems by file.

    Exits with status 1 when anything is wrong.

    Example:

        interviewer study check --study key-informants
    """
    from interviewer.protection.check import check_study

    opened = open_study(study)
    report = check_study(opened)
    click.echo(f"Database {report.database}: " + ("integrity check passed" if not any(
        p.path == report.database for p in report.problems) else "PROBLEMS found")
        + (", every page's authentication checked" if report.encrypted else ""))
    click.echo(f"Recordings: {report.recordings_checked} checked against their checksums"
               + (f", {report.recordings_deleted} deleted under the retention policy or a withdrawal"
                  if report.recordings_deleted else ""))
    if report.ok:
        click.echo("No problems found.")
        return
    for problem in report.problems:
        click.echo(f"PROBLEM {problem}", err=True)
    raise UserError(f"{len(report.problems)} problem(s) found in the study {opened.folder}.")


@study.group("retention")
def retention() -> None:
    """What happens to recordings once their transcript is verified (its review is done).

    Example:

        interviewer study retention set --delete-after 30
    """


@retention.command("set")
@click.option("--keep", is_flag=True, help="Keep recordings (the default).")
@click.option("--delete-after", "days", type=click.IntRange(min=0), default=None,
              help="Delete recordings this many days after their transcript is verified.")
@study_option
def retention_set(study: str | None, keep: bool, days: int | None) -> None:
    """Set the study's retention of recordings: keep them, or delete them N days after verification.

    The decision is recorded in the audit log; `interviewer study retention apply` carries it out.

    Examples:

        interviewer study retention set --delete-after 30

        interviewer study retention set --keep
    """
    from interviewer.protection.retention import set_retention

    if keep == (days is not None):
        raise UserError("Give either --keep or --delete-after DAYS.")
    opened = open_study(study)
    policy = _store_errors(lambda: set_retention(opened, None if keep else days))
    click.echo(f"Retention for {opened.name}: {policy.describe()}.")


@retention.command("apply")
@click.option("--dry-run", is_flag=True, help="Only list the recordings that are due.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@study_option
def retention_apply(study: str | None, dry_run: bool, yes: bool) -> None:
    """Delete the recordings the retention policy says are due; each deletion is audited.

    Transcripts are kept; playback and transcribing again are no longer possible for those parts.

    Example:

        interviewer study retention apply --dry-run
    """
    from interviewer.protection.retention import apply_retention, due_recordings, retention_policy

    opened = open_study(study)
    policy = retention_policy(opened)
    due = due_recordings(opened)
    if not due:
        click.echo(f"Nothing is due: {policy.describe()}.")
        return
    for item in due:
        click.echo(f"  interview #{item.recording.interview_id} part {item.recording.part}: transcript verified "
                   f"{item.verified_at[:10]}, due {item.due_at:%Y-%m-%d}")
    if dry_run:
        click.echo(f"{len(due)} recording(s) due; nothing deleted (--dry-run).")
        return
    _confirm(f"Delete these {len(due)} recording(s) for good?", yes)
    deleted = _store_errors(lambda: apply_retention(opened))
    click.echo(f"Deleted {len(deleted)} recording(s) under the retention policy ({policy.describe()}).")
