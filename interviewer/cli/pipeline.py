"""Provides the pipeline commands: import, transcribe, anonymise, export and process (all of them in one go)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.cli._common import UserError, open_study, study_option
from interviewer.cli._common import friendly_errors as _friendly_errors, progress_bar as _progress_bar

MODES = ("phone", "face-to-face", "video")


def recording_options(command):
    """The options that file a recording as an interview, shared by `import` and `process`."""
    options = (
        click.option("--participant", "-p", required=True, help="Participant code, e.g. KI-08."),
        click.option("--mode", type=click.Choice(MODES), default="face-to-face", show_default=True,
                     help="How the interview was held."),
        click.option("--schedule", default=None,
                     help="Schedule the interview followed: an id (e.g. npt-key-informant) or a schedule file, "
                          "kept in the study."),
    )
    for option in reversed(options):
        command = option(command)
    return command


@click.command("import")
@click.argument("audio", type=click.Path(path_type=Path))
@recording_options
@click.option("--interviewer", default=None, help="Who ran the interview.")
@study_option
def import_(study, audio, participant, mode, schedule, interviewer) -> None:
    """Import an existing recording (any format FFmpeg decodes) as a new interview.

    The file is checked, then copied into the study's storage with its SHA-256 checksum.

    Example:

        interviewer import ki08.m4a --participant KI-08 --mode phone
    """
    opened = open_study(study)
    result = _friendly_errors(lambda: _import(opened, audio, participant, mode, schedule, interviewer))
    click.echo(
        f"Imported {audio} as interview #{result.interview.id} for {participant} "
        f"({result.recording.duration:.1f} s, {result.recording.channels} channel(s))."
    )


def _import(opened, audio, participant, mode, schedule, interviewer):
    from interviewer.pipeline import import_recording

    schedule_id = schedule_version = None
    if schedule:
        from interviewer.schedule.study import resolve_schedule

        found = resolve_schedule(opened, schedule)
        schedule_id, schedule_version = found.id, str(found.version)
    result = import_recording(opened, audio, participant, mode=mode, schedule_id=schedule_id,
                              schedule_version=schedule_version, interviewer=interviewer)
    if result.consent_missing:
        click.echo(f"Warning: {participant} has no consent to audio recording on file; the recording was imported "
                   f"and this is noted in interview #{result.interview.id}'s timeline. Record the consent with: "
                   f"interviewer consent record {participant} --audio", err=True)
    return result


@click.command("transcribe")
@click.argument("target", required=False)
@click.option("--model", default=None, help="Catalogue model name (see 'interviewer models list') or a CTranslate2 folder.")
@click.option("--json", "as_json", is_flag=True, help="For a FILE: print the transcript as JSON.")
@click.option("--speakers", type=click.IntRange(1, 8), default=None,
              help="Number of speakers to tell apart (stereo: one per channel). Interviews default to 2; "
                   "a standalone FILE to 1 (no speaker labels).")
@click.option("--all", "all_interviews", is_flag=True,
              help="Work through every untranscribed recording of the study (resumable: rerun after a stop).")
@click.option("--discard-corrections", is_flag=True,
              help="Transcribe an interview again even though its transcript was corrected in review.")
@click.option("--batched", is_flag=True,
              help="Decode recordings of 2 minutes or more in batches (faster-whisper's batched pipeline): about "
                   "twice as fast on this machine's cores but a little less accurate (see README); not with --cluster.")
@click.option("--cluster", "cluster", default=None, metavar="tcp://HOST:PORT",
              help="With --all: send the work to the workers of this running Dask scheduler.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="With --all: start a local Dask cluster of N worker processes on this machine.")
@click.option("--wait-for-workers", type=click.FloatRange(1, 3600), default=60.0, show_default=True,
              help="With --cluster: seconds to wait for the scheduler to have a worker.")
@click.option("--window", "window_minutes", type=click.FloatRange(0.1, 60), default=5.0, show_default=True,
              help="With --cluster/--workers: minutes of recording per task (cut at a pause).")
@study_option
def transcribe(study, target, model, as_json, speakers, all_interviews, discard_corrections, batched, cluster, workers,
               wait_for_workers, window_minutes) -> None:
    """Transcribe an interview of the study (by number) or, standalone, an audio FILE.

    With --all and --cluster or --workers, the study's waiting recordings go to Dask workers (long ones
    in windows cut at pauses); each transcript is stored here as it arrives, so a run stopped part-way
    continues where it left off when run again.

    Examples:

        interviewer transcribe 3

        interviewer transcribe --all --model base

        interviewer transcribe --all --workers 2

        interviewer transcribe --all --cluster tcp://10.1.2.3:8786 --model large-v3-turbo

        interviewer transcribe recording.wav --json --speakers 2 > transcript.json
    """
    if cluster or workers:
        if not all_interviews:
            raise UserError("--cluster and --workers work through the study's queue: add --all.")
        if cluster and workers:
            raise UserError("Use --cluster ADDRESS (an existing scheduler) or --workers N (a local cluster), not both.")
        if batched:
            raise UserError("--batched is for one machine; on a cluster each worker decodes its windows in turn.")
        from interviewer.cli._queue import transcribe_queue_on_cluster

        transcribe_queue_on_cluster(study, model, speakers or 2, address=cluster, workers=workers,
                                    wait_for_workers=wait_for_workers, window_minutes=window_minutes)
        return
    if all_interviews:
        from interviewer.cli._queue import transcribe_queue

        transcribe_queue(study, model, speakers or 2, batched=batched)
        return
    if target is None:
        raise UserError("Give an interview number (see 'interviewer interview list'), --all, or an audio file.")
    path = Path(target)
    if path.exists() or not target.lstrip("#").isdigit():
        _transcribe_file(path, model, as_json, speakers or 1, batched)
        return
    from interviewer.pipeline import transcribe_interview
    from interviewer.transcribe.study_model import model_for

    opened = open_study(study)
    count = _friendly_errors(
        lambda: transcribe_interview(opened, int(target.lstrip("#")),
                                     transcriber=_transcriber(model_for(opened, model), batched),
                                     speakers=speakers or 2, progress=_progress_bar("Transcribing"),
                                     discard_corrections=discard_corrections)
    )
    click.echo(f"Transcribed interview #{target.lstrip('#')}: {count} segments.")


def _transcriber(model, batched: bool):
    from interviewer.transcribe.whisper import Transcriber, batched_settings

    return _friendly_errors(lambda: Transcriber(model, batched_settings() if batched else None))


def _transcribe_file(path: Path, model: str | None, as_json: bool, speakers: int, batched: bool = False) -> None:
    from interviewer.audio.probe import probe

    def run():
        info = probe(path)
        transcriber = _transcriber(model, batched)
        if speakers >= 2:
            from interviewer.speakers.attribution import transcribe_with_speakers

            return transcribe_with_speakers(transcriber, path, info.channels, speakers)
        return transcriber.transcribe(path, progress=_progress_bar("Transcribing"))

    transcript = _friendly_errors(run)
    if as_json:
        click.echo(json.dumps(transcript.as_dict(), ensure_ascii=False, indent=2))
    else:
        for segment in transcript.segments:
            click.echo(f"{segment.speaker}: {segment.text}" if segment.speaker else segment.text)


@click.command("anonymise")
@click.argument("interview", required=False)
@click.option("--text-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Standalone: anonymise a UTF-8 text file instead of an interview.")
@click.option("--json", "as_json", is_flag=True, help="With --text-file: print the text and spans as JSON.")
@click.option("--redo", is_flag=True,
              help="Anonymise the whole interview again, discarding its review decisions.")
@study_option
def anonymise(study, interview, text_file, as_json, redo) -> None:
    """Replace names, places and other identifiers with placeholders such as [PERSON 1].

    The same identifier gets the same placeholder in every transcript of the study. For an interview
    already anonymised, only the segments corrected since are anonymised again (review decisions are
    kept) unless --redo is given.

    Examples:

        interviewer anonymise 3

        interviewer anonymise --text-file notes.txt --json
    """
    if text_file is not None:
        _anonymise_text(text_file, as_json)
        return
    if interview is None:
        raise UserError("Give an interview number, or --text-file FILE.")
    from interviewer.cli._passphrase import ask_passphrase
    from interviewer.pipeline import anonymise_interview

    from interviewer.review import redactions as review
    from interviewer.review import transcript as transcript_review

    opened = open_study(study)
    interview_id = int(interview.lstrip("#"))
    corrected = _friendly_errors(lambda: transcript_review.needs_anonymisation(opened, interview_id))
    decided = len(opened.redactions(interview_id)) - review.undecided(opened, interview_id)
    if decided and not redo:
        if not corrected:
            raise UserError(f"Interview #{interview_id} is anonymised and {decided} of its detections were reviewed; "
                            "nothing was corrected since. Pass --redo to anonymise it again from scratch "
                            "(the review decisions are discarded).")
        passphrase = ask_passphrase()
        added = sum(_friendly_errors(lambda: transcript_review.reanonymise_segment(opened, sid, passphrase=passphrase))
                    for sid in corrected)
        click.echo(f"Anonymised {len(corrected)} corrected segment(s) of interview #{interview_id} again: "
                   f"{added} new detection(s) to review; earlier decisions kept.")
        return
    count = _friendly_errors(lambda: anonymise_interview(opened, interview_id, passphrase=ask_passphrase()))
    click.echo(f"Anonymised interview #{interview_id}: {count} identifiers replaced.")


def _anonymise_text(text_file: Path, as_json: bool) -> None:
    from interviewer.anonymise import Placeholders, get_anonymiser, redact

    try:
        text = text_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UserError(f"{text_file}: not UTF-8 text (byte {error.start}); save it as UTF-8 and retry.") from None
    anonymiser = get_anonymiser()
    redacted, spans = redact(text, anonymiser.detect(text), Placeholders())
    if as_json:
        click.echo(json.dumps({"text": redacted, "spans": spans}, ensure_ascii=False, indent=2))
    else:
        click.echo(redacted, nl=False)


EXPORT_FORMATS = ("txt", "docx", "srt", "vtt", "json", "csv", "xlsx", "qdpx", "qdc")
"""The names of interviewer.export.formats.ALL_FORMATS, listed here so --help need not import the exporters."""


@click.command("export")
@click.argument("interview", required=False)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="Format for one interview (default txt). With --all every format is written.")
@click.option("--all", "everything", is_flag=True,
              help="Write the whole study's bundle: every format, a manifest and checksums.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: '.' for one interview; required with --all).")
@click.option("--draft", is_flag=True,
              help="Also take anonymised transcripts whose review is not done, marked DRAFT — NOT REVIEWED.")
@click.option("--include-audio", is_flag=True,
              help="With --all: copy the recordings too. Voices identify people: only when coders must listen.")
@click.option("--coder", default=None, help="With --all: only this coder's allocated transcripts.")
@click.option("--per-coder", is_flag=True, help="With --all: one bundle per coder, in OUT/coder-NAME.")
@click.option("--line-endings", type=click.Choice(["lf", "crlf"]), default="lf", show_default=True,
              help="Line endings of TXT transcripts and of the REFI-QDA project's text; crlf for MAXQDA, which "
                   "counts a line break as two characters (positions are counted for the text as written).")
@click.option("--original", is_flag=True,
              help="Export the identifiable transcript, anonymised or not, reviewed or not: the research team's "
                   "own copy, never for coders (its name and header say so).")
@study_option
def export(study, interview, fmt, everything, out_dir, draft, include_audio, coder, per_coder, line_endings,
           original) -> None:
    """Export anonymised transcripts for coders: one interview, or the whole study as a bundle.

    Formats: txt, docx, srt, vtt (speaker voice tags), json, csv, xlsx, qdpx (REFI-QDA project) and qdc
    (REFI-QDA codebook). By default a bundle holds only anonymised, reviewed transcripts, never audio; with
    --include-audio the recordings are also in the REFI-QDA project, synchronised with their transcripts.
    A coder's bundle (--coder, --per-coder) names that coder as the project's first user.

    Examples:

        interviewer export 3 --format docx --out coders/

        interviewer export --all --out bundle/

        interviewer export --all --per-coder --out bundles/

        interviewer export --all --coder AB --line-endings crlf --out bundle-for-maxqda/
    """
    if everything:
        _export_bundle(study, interview, fmt, out_dir, draft, include_audio, coder, per_coder, original,
                       line_endings)
        return
    if interview is None:
        raise UserError("Give an interview number (see 'interviewer interview list'), or --all for the whole study.")
    for flag, given in (("--include-audio", include_audio), ("--coder", coder), ("--per-coder", per_coder)):
        if given:
            raise UserError(f"{flag} works with --all only.")
    from interviewer.cli._passphrase import ask_passphrase
    from interviewer.pipeline import export_interview

    opened = open_study(study)
    path = _friendly_errors(
        lambda: export_interview(opened, _interview_number(interview), out_dir or Path("."), fmt=fmt or "txt",
                                 original=original, allow_unreviewed=draft, line_endings=line_endings,
                                 passphrase=None if original else ask_passphrase())
    )
    click.echo(f"Wrote {path}")


def _interview_number(text: str) -> int:
    try:
        return int(text.lstrip("#"))
    except ValueError:
        raise UserError(f"'{text}' is not an interview number; list them with: interviewer interview list") from None


def _export_bundle(study, interview, fmt, out_dir, draft, include_audio, coder, per_coder, original,
                   line_endings) -> None:
    if interview is not None:
        raise UserError("Give either an interview number or --all, not both.")
    if fmt is not None:
        raise UserError("--all writes every format; leave out --format.")
    if original:
        raise UserError("--original exports one interview at a time; a bundle for coders is always anonymised.")
    if out_dir is None:
        raise UserError("Say where the bundle goes: --out FOLDER (a new or empty folder, or an earlier bundle).")
    if coder and per_coder:
        raise UserError("Use --coder NAME or --per-coder, not both.")
    from interviewer.cli._passphrase import ask_passphrase
    from interviewer.export.bundle import write_bundle, write_per_coder

    opened = open_study(study)
    options = {"draft": draft, "include_audio": include_audio, "line_endings": line_endings,
               "passphrase": ask_passphrase()}
    if per_coder:
        results = _friendly_errors(lambda: write_per_coder(opened, out_dir, **options))
    else:
        results = [_friendly_errors(lambda: write_bundle(opened, out_dir, coder=coder, **options))]
    for result in results:
        export = result.export
        click.echo(f"Wrote {result.folder}: {len(export.documents)} transcript(s), {len(result.files)} files"
                   + (f" for coder {export.coder}" if export.coder else "") + ".")
        for left_out in export.excluded:
            click.echo(f"  left out #{left_out.interview_id} {left_out.participant_code}: {left_out.reason}", err=True)
    if not include_audio:
        click.echo("Audio was not included (pass --include-audio to add it).", err=True)


@click.command("process")
@click.argument("audio", type=click.Path(path_type=Path))
@recording_options
@click.option("--model", default=None, help="Whisper model (catalogue name or folder).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the transcript (default: the study's exports folder).")
@study_option
def process(study, audio, participant, mode, schedule, model, out_dir) -> None:
    """Import, transcribe, anonymise and export a recording in one go.

    Example:

        interviewer process ki08.wav --participant KI-08 --mode phone
    """
    path = run_process(study, audio, participant, mode=mode, schedule=schedule, model=model, out_dir=out_dir)
    click.echo(f"Wrote {path}")


def run_process(study, audio, participant, *, mode="face-to-face", schedule=None, model=None, out_dir=None,
                create_participant=False) -> Path:
    from interviewer.cli._passphrase import ask_passphrase
    from interviewer.pipeline import anonymise_interview, export_interview, transcribe_interview

    opened = open_study(study, create=create_participant)
    if create_participant and not any(p.code == participant for p in opened.participants()):
        opened.add_participant(participant)
    imported = _friendly_errors(lambda: _import(opened, audio, participant, mode, schedule, None))
    interview_id = imported.interview.id
    click.echo(f"Imported {audio} as interview #{interview_id} ({imported.recording.duration:.1f} s).", err=True)
    count = _friendly_errors(
        lambda: transcribe_interview(opened, interview_id, model=model, progress=_progress_bar("Transcribing"))
    )
    click.echo(f"Transcribed: {count} segments.", err=True)
    passphrase = _friendly_errors(lambda: _passphrase_once(opened, ask_passphrase()))
    redactions = _friendly_errors(lambda: anonymise_interview(opened, interview_id, passphrase=passphrase))
    click.echo(f"Anonymised: {redactions} identifiers replaced (not yet reviewed: the export says DRAFT).", err=True)
    target_dir = out_dir or opened.folder / "exports"
    return _friendly_errors(lambda: export_interview(opened, interview_id, target_dir, fmt="txt",
                                                     allow_unreviewed=True, passphrase=passphrase))


def _passphrase_once(opened, ask) -> str:
    """Ask for the key's passphrase once for both anonymising and the export check."""
    from interviewer.anonymise.study.keyfile import resolve_passphrase
    from interviewer.anonymise.study.key import has_key, key_path

    return resolve_passphrase(ask, key_path(opened), new=not has_key(opened))


COMMANDS = [import_, transcribe, anonymise, export, process]
