"""End to end with the real model: the bundled sample interview transcribed, anonymised, reviewed and exported;
the key decrypts to the originals and the export contains none of them."""

from __future__ import annotations

import re
import stat

from conftest import SAMPLE
from interviewer.review import redactions as review
from interviewer.export.guard import guarded_terms
from interviewer.pipeline import anonymise_interview, export_interview, import_recording, transcribe_interview
from interviewer.anonymise.study.key import key_path, open_key

PASSPHRASE = "end to end passphrase"


def test_sample_interview_from_audio_to_a_clean_reviewed_export(study, transcriber, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", PASSPHRASE)
    study.add_participant("DEMO-01", name="Sarah Thompson", workplace="Riverside Hospital", gender="Female")
    interview = import_recording(study, SAMPLE, "DEMO-01", schedule_id="npt-key-informant").interview
    transcribe_interview(study, interview.id, transcriber=transcriber)
    assert anonymise_interview(study, interview.id) > 0
    review.accept_all(study, interview.id)
    assert review.finish(study, interview.id).status == "reviewed"

    exported = export_interview(study, interview.id, tmp_path, fmt="txt", allow_unreviewed=False)
    text = exported.read_text(encoding="utf-8")
    assert not text.startswith("DRAFT") and "[PERSON 1]" in text

    key = open_key(study, PASSPHRASE)
    originals = key.originals()
    transcript = " ".join(" ".join(segment.text for segment in study.segments(interview.id)).split())
    assert "Sarah Thompson" in transcript and {"Sarah Thompson", "Riverside Hospital"} <= originals
    assert all(original in transcript for original in originals)
    for term in guarded_terms(originals):
        assert not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE), "an original reached the export"
    stored = " ".join(str(v) for table in ("redactions", "pseudonyms") for row in study.db[table].rows
                      for v in row.values())
    assert not any(original in stored for original in originals)
    assert stat.S_IMODE(key_path(study).stat().st_mode) == 0o600
