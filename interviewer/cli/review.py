"""Provides `interviewer review`: go through an interview's detections and its possible misses, and decide each."""

from __future__ import annotations

import click

from interviewer.cli._common import UserError, open_study, study_option
from interviewer.cli._passphrase import ask_passphrase, key_errors


@click.command("review")
@click.argument("interview")
@click.option("--list", "show", is_flag=True, help="List the detections in context, undecided and least certain first.")
@click.option("--accept", "accept_ids", type=int, multiple=True, help="Keep the placeholder of detection ID.")
@click.option("--accept-all", is_flag=True, help="Keep every undecided placeholder.")
@click.option("--reject", "reject_ids", type=int, multiple=True, help="Not an identifier: restore the text of ID.")
@click.option("--allow", is_flag=True, help="With --reject: add the term to the study's allow list too.")
@click.option("--widen", "widen_id", type=int, default=None, help="Take in one more word (right; --left for left).")
@click.option("--narrow", "narrow_id", type=int, default=None, help="Give back one word (right; --left for left).")
@click.option("--left", is_flag=True, help="With --widen/--narrow: work on the left end.")
@click.option("--add", "missed", default=None, help="A missed identifier, as written in the transcript.")
@click.option("--type", "entity_type", default=None, help="With --add (default PERSON) or --accept-miss: the entity type.")
@click.option("--deny", is_flag=True, help="With --add: add it to the study's deny list, caught in every transcript.")
@click.option("--accept-miss", "accept_miss_ids", type=int, multiple=True,
              help="Redact possible miss ID (and put it on the deny list); --type gives its type if not the guessed one.")
@click.option("--dismiss-miss", "dismiss_miss_ids", type=int, multiple=True,
              help="Possible miss ID is no identifier: keep it (and put it on the allow list).")
@click.option("--done", is_flag=True, help="Mark the interview reviewed (every detection must be decided).")
@study_option
def review(study, interview, show, accept_ids, accept_all, reject_ids, allow, widen_id, narrow_id, left, missed,
           entity_type, deny, accept_miss_ids, dismiss_miss_ids, done) -> None:
    """Review an interview's anonymisation: accept, reject, widen, narrow or add detections, then --done.

    --list also shows the second queue, possible misses: words the anonymiser suggests may identify someone
    but left in the text, riskiest first, each with its reason. Accept one to redact it (it joins the deny
    list), dismiss it to keep it (it joins the allow list).

    Every decision goes to the audit log. The export refuses an unreviewed transcript unless --draft.

    Examples:

        interviewer review 3 --list

        interviewer review 3 --reject 12 --allow --accept 14

        interviewer review 3 --add "Greyfriars" --type HOSPITAL --deny

        interviewer review 3 --accept-miss 7 --type ORGANIZATION --dismiss-miss 8

        interviewer review 3 --accept-all --done
    """
    from interviewer.review import redactions as decisions

    opened = open_study(study)
    try:
        interview_id = int(interview.lstrip("#"))
    except ValueError:
        raise UserError(f"'{interview}' is not an interview number; list them with: interviewer interview list") from None
    key_errors(lambda: opened.interview(interview_id))
    _check_belongs(opened, interview_id, [*accept_ids, *reject_ids, widen_id, narrow_id])
    _check_misses_belong(opened, interview_id, [*accept_miss_ids, *dismiss_miss_ids])
    passphrase = ask_passphrase()
    acted = False
    for redaction_id in accept_ids:
        key_errors(lambda: decisions.accept(opened, redaction_id, passphrase))
        click.echo(f"Accepted #{redaction_id}.")
        acted = True
    if accept_all:
        click.echo(f"Accepted {decisions.accept_all(opened, interview_id)} detection(s).")
        acted = True
    for redaction_id in reject_ids:
        rejected = key_errors(lambda: decisions.reject(opened, redaction_id, allow=allow, passphrase=passphrase))
        click.echo(f"Rejected {', '.join(f'#{i}' for i in rejected)}" + (" and allow-listed the term." if allow else "."))
        acted = True
    side = "left" if left else "right"
    if widen_id is not None:
        key_errors(lambda: decisions.widen(opened, widen_id, side, passphrase))
        click.echo(f"Widened #{widen_id} on the {side}.")
        acted = True
    if narrow_id is not None:
        key_errors(lambda: decisions.narrow(opened, narrow_id, side, passphrase))
        click.echo(f"Narrowed #{narrow_id} on the {side}.")
        acted = True
    if missed:
        added = key_errors(lambda: decisions.add_missed(opened, interview_id, missed, entity_type or "PERSON", deny=deny,
                                                        passphrase=passphrase))
        click.echo(f"Added {len(added)} occurrence(s) as {decisions.item(opened, added[0]).placeholder}"
                   + (" and put the term on the deny list." if deny else "."))
        acted = True
    acted = _decide_misses(opened, accept_miss_ids, dismiss_miss_ids, entity_type, passphrase) or acted
    if done:
        key_errors(lambda: decisions.finish(opened, interview_id))
        click.echo(f"Interview #{interview_id} is reviewed.")
        acted = True
    if show or not acted:
        _list(opened, interview_id)


def _check_belongs(opened, interview_id: int, ids) -> None:
    from interviewer.review import redactions as decisions

    for redaction_id in ids:
        if redaction_id is not None and key_errors(lambda: decisions.item(opened, redaction_id)).interview_id != interview_id:
            raise UserError(f"Detection #{redaction_id} belongs to another interview; see: interviewer review "
                            f"{interview_id} --list")


def _check_misses_belong(opened, interview_id: int, ids) -> None:
    from interviewer.review import misses

    for miss_id in ids:
        if key_errors(lambda: misses.item(opened, miss_id)).interview_id != interview_id:
            raise UserError(f"Possible miss #{miss_id} belongs to another interview; see: interviewer review "
                            f"{interview_id} --list")


def _decide_misses(opened, accept_ids, dismiss_ids, entity_type, passphrase) -> bool:
    from interviewer.review import misses

    for miss_id in accept_ids:
        added = key_errors(lambda: misses.accept(opened, miss_id, entity_type, passphrase=passphrase))
        click.echo(f"Accepted possible miss #{miss_id}: {len(added)} occurrence(s) redacted, the term is on the deny list.")
    for miss_id in dismiss_ids:
        dismissed = key_errors(lambda: misses.dismiss(opened, miss_id))
        click.echo(f"Dismissed possible miss {', '.join(f'#{i}' for i in dismissed)}; the term is on the allow list.")
    return bool(accept_ids or dismiss_ids)


def _list_misses(opened, interview_id: int) -> None:
    from interviewer.export.document import timestamp
    from interviewer.review import misses

    found = misses.items(opened, interview_id)
    click.echo(f"\nPossible misses ({misses.open_count(opened, interview_id)} open), riskiest first:" if found else
               "\nNo possible misses.")
    for entry in found:
        mark = {"open": " ", "accepted": "✓", "dismissed": "✗"}.get(entry.status, "?")
        context = f"{entry.before}«{entry.text}»{entry.after}".replace("\n", " ")
        click.echo(f"{mark} m{entry.id:<4} {entry.risk:.2f} {entry.entity_type:<12} [{timestamp(entry.at)}] {context}")
        click.echo(f"{'':9}{entry.reason}")


def _list(opened, interview_id: int) -> None:
    from interviewer.review import redactions as decisions
    from interviewer.export.document import timestamp

    found = decisions.items(opened, interview_id)
    if not found:
        click.echo(f"Interview #{interview_id} has no detections.")
    for entry in found:
        mark = {"proposed": " ", "accepted": "✓", "added": "+", "rejected": "✗"}.get(entry.status, "?")
        context = f"{entry.before}«{entry.text}»{entry.after}".replace("\n", " ")
        click.echo(f"{mark} #{entry.id:<5} {entry.score:.2f} {entry.entity_type:<12} {entry.placeholder:<16} "
                   f"[{timestamp(entry.at)}] {context}")
        click.echo(f"{'':9}{entry.reason}")
    _list_misses(opened, interview_id)
    left = decisions.undecided(opened, interview_id)
    status = opened.interview(interview_id).status
    click.echo(f"{left} undecided; interview #{interview_id} is {status}."
               + (f" When done: interviewer review {interview_id} --done" if not left and status != "reviewed" else ""))


COMMANDS = [review]
