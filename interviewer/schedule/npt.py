"""Provides the Normalisation Process Theory taxonomy: 4 constructs and their 16 sub-constructs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Construct:
    id: str
    name: str
    question: str
    """What the construct asks of an intervention, in plain words."""
    sub_constructs: tuple[tuple[str, str], ...]
    """(id, name) pairs."""


CONSTRUCTS: tuple[Construct, ...] = (
    Construct(
        "coherence",
        "Coherence",
        "Do people make sense of the work together?",
        (
            ("differentiation", "Differentiation"),
            ("communal-specification", "Communal specification"),
            ("individual-specification", "Individual specification"),
            ("internalisation", "Internalisation"),
        ),
    ),
    Construct(
        "cognitive-participation",
        "Cognitive participation",
        "Do people commit to and engage with the work?",
        (
            ("initiation", "Initiation"),
            ("enrolment", "Enrolment"),
            ("legitimation", "Legitimation"),
            ("activation", "Activation"),
        ),
    ),
    Construct(
        "collective-action",
        "Collective action",
        "Do people do the work that makes it function?",
        (
            ("interactional-workability", "Interactional workability"),
            ("relational-integration", "Relational integration"),
            ("skill-set-workability", "Skill set workability"),
            ("contextual-integration", "Contextual integration"),
        ),
    ),
    Construct(
        "reflexive-monitoring",
        "Reflexive monitoring",
        "Do people appraise the work and reshape it?",
        (
            ("systematisation", "Systematisation"),
            ("communal-appraisal", "Communal appraisal"),
            ("individual-appraisal", "Individual appraisal"),
            ("reconfiguration", "Reconfiguration"),
        ),
    ),
)

CONSTRUCT_IDS = tuple(c.id for c in CONSTRUCTS)
SUB_CONSTRUCT_IDS = tuple(f"{c.id}/{sub_id}" for c in CONSTRUCTS for sub_id, _ in c.sub_constructs)
"""Sub-constructs are written `construct/sub-construct`, e.g. `coherence/differentiation`."""


def is_known(code: str) -> bool:
    """True for a construct id or a `construct/sub-construct` id."""
    return code in CONSTRUCT_IDS or code in SUB_CONSTRUCT_IDS


def label(code: str) -> str:
    """Human label for a construct or sub-construct code."""
    construct_id, _, sub_id = code.partition("/")
    for construct in CONSTRUCTS:
        if construct.id == construct_id:
            if not sub_id:
                return construct.name
            for candidate, name in construct.sub_constructs:
                if candidate == sub_id:
                    return f"{construct.name}: {name}"
    raise KeyError(code)


def construct_of(code: str) -> str:
    """The construct id a code belongs to."""
    return code.partition("/")[0]
