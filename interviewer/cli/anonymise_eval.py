"""Provides `interviewer eval anonymisation`: recall and trap figures for our anonymiser beside Presidio's out-of-box setup."""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.cli._common import UserError


@click.group("eval")
def eval_group() -> None:
    """Evaluate the product's components on labelled corpora.

    Example:

        interviewer eval anonymisation ../shared/eval/anon/dev.jsonl
    """


@eval_group.command("anonymisation")
@click.argument("corpus", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write our spans and suggestions, one JSON line per document: {id, spans: [{start, end, entity_type}], "
                   "suggestions: [{start, end, entity_type, reason}]}.")
@click.option("--no-baseline", is_flag=True, help="Skip the out-of-box Presidio comparison (faster).")
@click.option("--show-misses", is_flag=True, help="List missed identifiers and redacted trap terms.")
@click.option("--second-model/--no-second-model", default=True, show_default=True,
              help="Ask the second model (Rampart) too on documents written in lower case.")
def anonymisation(corpus: Path, predictions: Path | None, no_baseline: bool, show_misses: bool, second_model: bool) -> None:
    """Score the anonymiser on CORPUS.jsonl (lines of {id, text, spans: [{start, end, type}], traps?}).

    Prints recall per entity type (an identifier counts as removed when all its letters and digits are
    covered) and same-type recall (removed under a placeholder of its own type: a place as a place),
    overall recall of direct identifiers, the share of trap terms wrongly redacted, and the share of
    labelled people, places and organisations found that carry their own type, for our anonymiser and
    for Presidio's documented out-of-box analyzer on the same spaCy model; then how many identifiers
    redactions plus suggestions (possible identifiers left for the reviewer) cover, and how many
    suggestions that takes per 1,000 words.

    Example:

        interviewer eval anonymisation ../shared/eval/anon/dev.jsonl --predictions ours.jsonl
    """
    from interviewer.anonymise.anonymiser import get_anonymiser
    from interviewer.anonymise.evaluate import format_comparison, load_corpus, score_documents

    if not corpus.is_file():
        raise UserError(f"{corpus}: no such file; give a JSON Lines corpus such as ../shared/eval/anon/dev.jsonl")
    try:
        documents = load_corpus(corpus)
    except ValueError as error:
        raise UserError(str(error)) from error
    from interviewer.anonymise.second_model import SecondModelMissing

    anonymiser = get_anonymiser(second_model=second_model)
    analyses = {}

    def analysis(text: str):
        if text not in analyses:
            try:
                analyses[text] = anonymiser.analyse(text)
            except SecondModelMissing as error:
                raise UserError(f"{error}; or score without it: --no-second-model") from error
        return analyses[text]

    def ours(text: str) -> list[dict]:
        return [{"start": d.start, "end": d.end, "entity_type": d.entity_type} for d in analysis(text).detections]

    def suggested(text: str) -> list[dict]:
        return [{"start": s.start, "end": s.end, "entity_type": s.entity_type, "reason": s.reason}
                for s in analysis(text).suggestions]

    score, spans = score_documents(documents, ours, suggested)
    baseline = None
    if not no_baseline:
        from interviewer.anonymise.baseline import baseline_spans

        baseline, _ = score_documents(documents, baseline_spans)
    click.echo(f"{len(documents)} documents from {corpus}")
    click.echo(format_comparison(score, baseline))
    if show_misses:
        for document_id, kind, text in score.missed:
            click.echo(f"missed {document_id} {kind}: {text!r}")
        for document_id, text in score.redacted_traps:
            click.echo(f"trap redacted {document_id}: {text!r}")
    if predictions:
        with predictions.open("w", encoding="utf-8") as out:
            for document in documents:
                out.write(json.dumps({"id": document.id, "spans": spans[document.id],
                                      "suggestions": suggested(document.text)}) + "\n")
        click.echo(f"predictions written to {predictions}")


COMMANDS = [eval_group]
