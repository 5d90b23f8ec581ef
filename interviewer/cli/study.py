"""Provides `interviewer study`: create a study and show where it is and what it holds."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option


@click.group()
def study() -> None:
    """Create and inspect studies (one SQLite database per study).

    Example:

        interviewer study init --study brooks-2015 --title "User-led care planning"
    """


@study.command("init")
@click.option("--title", default=None, help="A readable title for the study.")
@click.option("--no-encryption", is_flag=True,
              help="Keep the database and recordings unencrypted (only for a study on an encrypted volume).")
@study_option
def init(study: str | None, title: str | None, no_encryption: bool) -> None:
    """Create a new, empty study, encrypted under a study passphrase.

    The passphrase comes from INTERVIEWER_STUDY_PASSPHRASE or is asked for (typed twice). The database
    (SQLCipher, AES-256) and every recording (AES-256-GCM) are encrypted; everything in the study
    folder is readable by you only. Lose the passphrase and the study cannot be opened: keep it safe.

    Examples:

        interviewer study init --study key-informants

        interviewer study init --study on-encrypted-disk --no-encryption
    """
    from interviewer.cli._common import ask_study_passphrase
    from interviewer.store import Study, StoreError

    try:
        created = Study.create(study, title=title, passphrase=ask_study_passphrase(), encrypted=not no_encryption)
    except StoreError as error:
        raise UserError(str(error)) from None
    how = "not encrypted (--no-encryption)" if no_encryption else "encrypted with the study passphrase"
    click.echo(f"Created study '{created.name}' in {created.folder}, {how}.")


@study.command("info")
@study_option
def info(study: str | None) -> None:
    """Show where a study lives and what it holds.

    Example:

        interviewer study info --study key-informants
    """
    from interviewer.protection.retention import next_due, retention_policy
    from interviewer.store.backup import newest_backup
    from interviewer.transcribe.models import default_model_name
    from interviewer.transcribe.study_model import study_model

    opened = open_study(study)
    counts = opened.row_counts("participants", "interviews", "recordings", "transcript_segments")
    click.echo(f"Study: {opened.name}\nFolder: {opened.folder}")
    if opened.encrypted:
        click.echo("Encryption: encrypted at rest (database: SQLCipher 4, AES-256; recordings: AES-256-GCM), "
                   "unlocked with the study passphrase")
    else:
        click.echo("Encryption: NOT encrypted (created with --no-encryption; keep it on an encrypted volume, or "
                   "run: interviewer study encrypt)")
    for table, count in counts.items():
        click.echo(f"{table.replace('_', ' ').capitalize()}: {count}")
    deleted = sum(1 for recording in opened.all_recordings() if recording.deleted_at)
    if deleted:
        click.echo(f"Recordings deleted (retention or withdrawal): {deleted}")
    policy = retention_policy(opened)
    due = next_due(opened)
    click.echo(f"Retention: {policy.describe()}" + (f"; next due {due:%Y-%m-%d}" if due else ""))
    click.echo(f"Transcription model: {study_model(opened) or default_model_name() + ' (the default)'} "
               "(choose with: interviewer study set-model NAME)")
    backup = newest_backup(opened.folder)
    click.echo(f"Newest backup: {backup.path} ({backup.made_at}, {backup.reason})" if backup else
               "Newest backup: none yet (make one with: interviewer study backup DEST)")


@study.command("set-quote-label")
@click.argument("template")
@study_option
def set_quote_label(study: str | None, template: str) -> None:
    """Set the template for quote labels, filled from each participant's attributes.

    Fields: {number} (digits of the code), {code}, {gender}, {role}, {sector}, or any attribute name.
    Empty fields are dropped with their commas.

    Example:

        interviewer study set-quote-label "Key informant {number} ({gender}, {role}, {sector})"
    """
    from interviewer.export.quote_labels import preview, set_quote_label_template
    from interviewer.store import StoreError

    opened = open_study(study)
    try:
        unknown = set_quote_label_template(opened, template)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"Quote labels now follow: {template}")
    if unknown:
        click.echo(f"Warning: no participant has {', '.join('{' + name + '}' for name in unknown)}; "
                   "those fields will be blank.", err=True)
    for code, label in preview(opened)[:5]:
        click.echo(f"  {code}: {label}")


@study.command("set-interviewer-channel")
@click.argument("channel", type=click.Choice(["left", "right", "auto"]))
@study_option
def set_interviewer_channel(study: str | None, channel: str) -> None:
    """Say which channel of stereo recordings (a phone adapter, two microphones) is the interviewer's.

    With `auto` (the default), it is worked out from the interview's timeline: the channel that speaks
    while the questions are asked.

    Example:

        interviewer study set-interviewer-channel left --study key-informants
    """
    opened = open_study(study)
    opened.set_setting("interviewer_channel", None if channel == "auto" else channel)
    if channel == "auto":
        click.echo("The interviewer's channel of stereo recordings will be worked out from each interview.")
    else:
        click.echo(f"The interviewer is on the {channel} channel of this study's stereo recordings.")


@study.command("set-document")
@click.option("--paper", default=None, help="Paper size of Word transcripts: a4 (default), letter, legal or a5.")
@click.option("--language", default=None,
              help="Language of Word transcripts, for spelling and hyphenation: en-GB (default), en-US, en-AU, ...")
@study_option
def set_document(study: str | None, paper: str | None, language: str | None) -> None:
    """Set the paper size and language of the study's Word (.docx) transcripts.

    Without options, show the current setting.

    Example:

        interviewer study set-document --paper letter --language en-US
    """
    from interviewer.export.page_setup import document_setup, set_document_setup
    from interviewer.store import StoreError

    opened = open_study(study)
    if paper is None and language is None:
        setup = document_setup(opened)
    else:
        try:
            setup = set_document_setup(opened, paper=paper, language=language)
        except StoreError as error:
            raise UserError(str(error)) from None
    click.echo(f"Word transcripts: paper {setup.paper.upper() if setup.paper.startswith('a') else setup.paper}, "
               f"language {setup.language}.")


@study.command("set-input")
@click.argument("source")
@study_option
def set_input(study: str | None, source: str) -> None:
    """Choose the input the start screen preselects: `call`, `default` or a device (number or part of its name).

    `call` records a call made on this computer (Teams, Zoom, a softphone): the microphone on the left
    channel, the call's sound on the right, so speakers are told apart by channel. `default` is the
    computer's default input. A device name is matched as in `interviewer audio devices`.

    Example:

        interviewer study set-input call --study remote-interviews
    """
    opened = open_study(study)
    source = source.strip()
    if not source:
        raise UserError("Give `call`, `default` or a device (see `interviewer audio devices`).")
    if source.lower() in ("call", "default"):
        source = source.lower()
    opened.set_setting("default_input", None if source == "default" else source)
    if source == "call":
        from interviewer.audio.call import find_call_input

        found = find_call_input()
        click.echo("Interviews will record the call on this computer by default (microphone left, call right).")
        if not found.available:
            click.echo(f"Warning: on this computer a call cannot be recorded: {found.reason}", err=True)
    elif source == "default":
        click.echo("Interviews will record from the computer's default input by default.")
    else:
        click.echo(f"Interviews will record from the input device matching '{source}' by default.")


@study.command("set-model")
@click.argument("model", required=False)
@study_option
def set_model(study: str | None, model: str | None) -> None:
    """Choose the Whisper model that makes the study's transcripts: the final pass after every interview, and
    `interviewer transcribe` without --model.

    MODEL is a catalogue name (see `interviewer models list`), a name registered with `interviewer models
    add`, or a CTranslate2 Whisper folder; `default` goes back to the bundled model. It must be installed on
    this computer. Live transcription while recording keeps the fast default model. Without MODEL, show the
    current choice.

    Example:

        interviewer study set-model base --study key-informants
    """
    from interviewer.transcribe.models import ModelError, default_model_name
    from interviewer.transcribe.study_model import model_for, set_study_model, study_model

    opened = open_study(study)
    if model is None:
        chosen = study_model(opened)
        try:
            found = f"at {model_for(opened).path}"
        except ModelError as error:
            found = f"NOT USABLE here — {error}"
        click.echo(f"This study transcribes with {chosen or default_model_name() + ' (the default)'}, {found}.")
        return
    try:
        resolved = set_study_model(opened, None if model.strip().lower() == "default" else model.strip())
    except ModelError as error:
        raise UserError(str(error)) from None
    click.echo(f"Interviews of this study will be transcribed with {resolved.name} ({resolved.path}).")


COMMANDS = [study]
