"""Provides the schema changes the study side of anonymisation needs: the study's policy, allow and deny terms."""

from __future__ import annotations

import sqlite_utils


def anonymisation_settings(db: sqlite_utils.Database) -> None:
    """A study keeps its own policy (YAML text) and its allow and deny terms, so every transcript agrees."""
    db["anonymisation_policy"].create(
        {"id": int, "text": str, "source": str, "set_at": str, "set_by": str},
        pk="id",
    )
    db["anonymisation_terms"].create(
        {"id": int, "kind": str, "term": str, "entity_type": str, "note": str, "added_at": str, "added_by": str},
        pk="id",
        not_null={"kind", "term"},
    )
    db.execute("create unique index idx_anonymisation_terms_kind_term on anonymisation_terms (kind, term collate nocase)")
