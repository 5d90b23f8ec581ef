"""Provides `interviewer eval coverage`: precision and recall of prompt coverage on a labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.cli._common import UserError
from interviewer.cli.anonymise_eval import eval_group


@eval_group.command("coverage")
@click.argument("corpus", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write the detector's prompts, one JSON line per answer: {id, covered: [[item_id, index], ...]}.")
@click.option("--schedule", "schedule_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A schedule file the corpus refers to besides the bundled ones (repeatable).")
def coverage(corpus: Path, predictions: Path | None, schedule_files: tuple[Path, ...]) -> None:
    """Score prompt coverage on CORPUS.jsonl: lines of {id, schedule, item, text, covered}.

    `item` is the item being asked, `covered` the [item_id, prompt_index] pairs (0-based) of the whole
    schedule the answer covers. Prints precision and recall over all prompts, overall and per schedule.

    Example:

        interviewer eval coverage tests/data/coverage_dev/dev.jsonl --predictions ours.jsonl
    """
    from interviewer.coverage.detector import CoverageDetector
    from interviewer.coverage.encoder import EncoderMissing, shared_encoder
    from interviewer.coverage.evaluate import CorpusError, load_corpus, score_answers
    from interviewer.schedule import ScheduleError, bundled_schedules, load_schedule

    if not corpus.is_file():
        raise UserError(f"{corpus}: no such file; give a JSON Lines corpus such as tests/data/coverage_dev/dev.jsonl")
    schedules = {schedule.id: schedule for schedule in bundled_schedules()}
    for path in schedule_files:
        try:
            schedule = load_schedule(path)
        except (OSError, ScheduleError) as error:
            raise UserError(f"{path}: {error}") from None
        schedules[schedule.id] = schedule
    try:
        answers = load_corpus(corpus, schedules)
        encoder = shared_encoder()
    except (CorpusError, EncoderMissing) as error:
        raise UserError(str(error)) from None
    detectors: dict[str, CoverageDetector] = {}

    def predict(answer) -> set[tuple[str, int]]:
        if answer.schedule not in detectors:
            detectors[answer.schedule] = CoverageDetector(schedules[answer.schedule], encoder)
        return {(hit.item_id, hit.index) for hit in detectors[answer.schedule].detect(answer.text, answer.item)}

    score, predicted = score_answers(answers, predict)
    click.echo(f"{len(answers)} answers from {corpus}")
    click.echo(score.line("all prompts"))
    for schedule_id, part in sorted(score.by_schedule.items()):
        click.echo(part.line(schedule_id))
    if predictions:
        with predictions.open("w", encoding="utf-8") as out:
            for answer in answers:
                out.write(json.dumps({"id": answer.id, "covered": sorted(map(list, predicted[answer.id]))}) + "\n")
        click.echo(f"predictions written to {predictions}")


COMMANDS: list = []
"""The command joins the `eval` group, which anonymise_eval registers."""
