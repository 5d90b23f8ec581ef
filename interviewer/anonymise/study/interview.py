"""Provides the anonymisation of a stored interview with the study's settings, placeholders and key."""

from __future__ import annotations

from dataclasses import replace

from interviewer.anonymise.study.keyfile import Passphrase
from interviewer.store import Study, StoreError
from interviewer.store.redactions import render

SEPARATOR = "\n\n"


def anonymise_interview(study: Study, interview_id: int, *, anonymiser=None, passphrase: Passphrase = None) -> int:
    """Replace identifiers in an interview's transcript with study-wide placeholders; returns redactions made.

    Uses the study's policy, allow and deny terms and known identifiers; originals go into the encrypted key
    (the passphrase comes from the argument, $INTERVIEWER_KEY_PASSPHRASE, or the prompt given as `passphrase`).
    """
    from interviewer.anonymise import Placeholders, redact
    from interviewer.anonymise.study.key import editing_key
    from interviewer.anonymise.study.settings import study_anonymiser

    interview = study.interview(interview_id)
    segments = study.segments(interview.id)
    if not segments:
        raise StoreError(f"Interview #{interview.id} has no transcript; run: interviewer transcribe {interview.id}")
    anonymiser = anonymiser or study_anonymiser(study)
    joined = SEPARATOR.join(segment.text for segment in segments)
    analysis = anonymiser.analyse(joined)
    detections = analysis.detections
    with editing_key(study, passphrase) as key:
        existing = study.pseudonym_map()
        identity_of, identity_text = _identities(key, detections, existing, anonymiser.known)
        placeholders = Placeholders(existing=existing, policy=anonymiser.policy)
        anonymised: dict[int, str] = {}
        redactions: list[dict] = []
        new_pseudonyms: dict[str, tuple[str, str]] = {}
        start = 0
        for segment in segments:
            end = start + len(segment.text)
            originals = [d for d in detections if start <= d.start < end]
            inside = [replace(d, start=d.start - start, end=min(d.end, end) - start, group=identity_of[d.group])
                      for d in originals]
            text, spans = redact(segment.text, inside, placeholders)
            carried = [d for d in detections if d.start < start < d.end]
            for detection in carried:  # a name the recogniser read across a segment break ("Riverside | Hospital")
                rows = [r for r in redactions if r["detection"] is detection]
                if rows:
                    redactions.append({**rows[0], "segment_id": segment.id, "start": 0,
                                       "end": min(detection.end - start, len(segment.text)), "placeholder": "",
                                       "reason": f"continues {rows[0]['placeholder']} from the previous segment"})
            if carried:
                text = render(segment.text, [r for r in redactions if r["segment_id"] == segment.id] + [
                    {"start": sp["start"], "end": sp["end"], "placeholder": sp["placeholder"]} for sp in spans])
            anonymised[segment.id] = text
            for detection, found, span in zip(inside, originals, spans):
                token = key.remember_redaction(" ".join(detection.text.split()), placeholder=span["placeholder"],
                                               entity_type=span["entity_type"], interview_id=interview.id,
                                               identity_id=detection.group)
                redactions.append({
                    "segment_id": segment.id, "start": span["start"], "end": span["end"],
                    "entity_type": span["entity_type"], "original": token, "placeholder": span["placeholder"],
                    "score": span["score"], "reason": detection.reason, "detection": found,
                })
                if detection.group not in existing:
                    new_pseudonyms[detection.group] = (detection.entity_type, span["placeholder"])
                    key.remember_identity(detection.group, identity_text[detection.group], detection.entity_type,
                                          span["placeholder"])
            start = end + len(SEPARATOR)
        others = study.redaction_originals(excluding_interview=interview.id)
        key.keep_only(others | {r["original"] for r in redactions})
        if key.changed:
            key.save()
        for row in redactions:
            row.pop("detection", None)
        study.save_anonymisation(interview.id, anonymised, redactions, new_pseudonyms,
                                 _possible_misses(segments, analysis.suggestions))
    study.update_interview(interview.id, status="anonymised")
    return len(redactions)


def _possible_misses(segments, suggestions) -> list[dict]:
    """The anonymiser's suggestions as rows of the segment they fall in (offsets into that segment)."""
    rows, start = [], 0
    for segment in segments:
        end = start + len(segment.text)
        for s in suggestions:
            if start <= s.start and s.end <= end:
                rows.append({"segment_id": segment.id, "start": s.start - start, "end": s.end - start,
                             "entity_type": s.entity_type, "reason": s.reason, "risk": s.risk})
        start = end + len(SEPARATOR)
    return rows


def _identities(key, detections, existing: dict[str, str], known) -> tuple[dict[str, str], dict[str, str]]:
    """Each detection group's identity id, linking a lone first name or surname to the one fuller name the
    study already knows (from its key or its register); and each id's identity text."""
    from interviewer.anonymise.propagation import NAME_TYPES, surface_key

    candidates: dict[str, tuple[str, str]] = {}
    for identity_id in existing:
        entry = key.identities.get(identity_id)
        if entry:
            candidates[identity_id] = (entry["identity"], entry["entity_type"])
    for item in known:
        group = f"{item.entity_type}:{surface_key(item.text)}"
        candidates.setdefault(key.identity_id(group), (group, item.entity_type))
    for detection in detections:
        candidates.setdefault(key.identity_id(detection.group), (detection.group, detection.entity_type))
    identity_of: dict[str, str] = {}
    for detection in detections:
        if detection.group in identity_of:
            continue
        identity_id = key.identity_id(detection.group)
        if identity_id not in existing and detection.entity_type in NAME_TYPES:
            identity_id = key.linked_identity(detection.group, detection.entity_type, candidates) or identity_id
        identity_of[detection.group] = identity_id
    return identity_of, {identity_id: candidates[identity_id][0] for identity_id in candidates}
