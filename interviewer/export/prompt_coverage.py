"""Provides prompt coverage for exports: which prompts were covered, when, and whether the interviewer confirmed it.

The words that covered a prompt are never exported: they are the live draft, not the anonymised transcript."""

from __future__ import annotations

from typing import Any

from interviewer.export.document import TranscriptDocument, timestamp


def prompt_coverage_data(document: TranscriptDocument) -> list[dict[str, Any]]:
    """The JSON transcript's `prompt_coverage`: one entry per prompt marked, `at` in seconds into the interview."""
    return [{"item": covered.mark.item_id, "prompt_index": covered.mark.index, "prompt": covered.mark.prompt,
             "at": round(covered.seconds, 3), "state": covered.mark.state, "confirmed": covered.confirmed}
            for covered in document.prompt_marks]


def prompts_covered_value(document: TranscriptDocument) -> str:
    """The REFI-QDA `Prompts covered` variable: each prompt covered, when, confirmed or not ('' when none)."""
    return "; ".join(f"{c.mark.prompt} ({c.mark.item_id}) at {timestamp(c.seconds)}, "
                     + ("confirmed" if c.confirmed else "not confirmed") for c in document.prompt_marks if c.mark.covered)
