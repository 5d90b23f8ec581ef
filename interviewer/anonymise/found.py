"""Provides Found, the span a recognizer reports before overlap resolution and allow-listing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    entity_type: str
    score: float
    reason: str
