"""Provides `interviewer transcript show`: an interview's transcript in the terminal, one speaker turn a line."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option


@click.group("transcript")
def transcript() -> None:
    """Read an interview's transcript in the terminal.

    Example:

        interviewer transcript show 3
    """


@transcript.command("show")
@click.argument("interview")
@click.option("--original", is_flag=True,
              help="The identifiable transcript, not anonymised: for the research team only (audited).")
@click.option("--draft", is_flag=True,
              help="The live draft written during the interview instead of the transcript (identifiable: "
                   "needs --original).")
@study_option
def show(study, interview, original, draft) -> None:
    """Print an interview's transcript as `[hh:mm:ss] Speaker: text` turns, anonymised unless --original.

    Times are from the start of each recording part. What the transcript is (anonymised, reviewed or
    not, identifiable) is said on standard error, so the turns alone can be piped.

    Examples:

        interviewer transcript show 3

        interviewer transcript show 3 --original

        interviewer transcript show 3 --draft --original
    """
    from interviewer.export.document import ExportRefused, NotAnonymised, build_document, draft_turns, timestamp
    from interviewer.store import StoreError

    opened = open_study(study)
    try:
        interview_id = int(interview.lstrip("#"))
    except ValueError:
        raise UserError(f"'{interview}' is not an interview number; list them with: interviewer interview list") from None
    try:
        found = opened.interview(interview_id)
    except StoreError as error:
        raise UserError(str(error)) from None
    if draft:
        if not original:
            raise UserError("The live draft is not anonymised. To read it (research team only), pass "
                            f"--draft --original: interviewer transcript show {interview_id} --draft --original")
        turns = draft_turns(opened, interview_id)
        if not turns:
            raise UserError(f"Interview #{interview_id} has no live draft (live transcription was off or failed, "
                            "or the interview was imported).")
        note = ("LIVE DRAFT — written during the interview, identifiable; the transcript proper comes from the "
                "final pass over the recording")
    else:
        try:
            document = build_document(opened, interview_id, original=original)
        except NotAnonymised:
            raise UserError(f"Interview #{interview_id} is not anonymised yet. Anonymise it first (interviewer "
                            f"anonymise {interview_id}), or read the identifiable transcript, for the research team "
                            f"only: interviewer transcript show {interview_id} --original") from None
        except ExportRefused as error:
            raise UserError(str(error)) from None
        turns = document.turns
        note = ("IDENTIFIABLE — not anonymised, for the research team only" if original else
                "anonymised" + (", review not done" if document.draft else ", reviewed"))
    if original:
        opened.audit("show original", "interviews", interview_id, {"draft": draft})
    click.echo(f"Interview #{interview_id} with {found.participant_code}: {note}.", err=True)
    for turn in turns:
        click.echo(f"[{timestamp(turn.start)}] {turn.speaker}: {turn.text}")


COMMANDS = [transcript]
