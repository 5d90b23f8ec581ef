"""Provides the headless pipeline: import a recording, transcribe, anonymise and export it, stage by stage."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from interviewer.audio.probe import probe, sha256_of
from interviewer.audio.sealed import SUFFIX as SEALED_SUFFIX
from interviewer.audio.sealed import seal_file
from interviewer.audio.source import AudioSource, audio_sha256, audio_source, stored_audio
from interviewer.private import harden, private_folder
from interviewer.speakers.roles import INTERVIEWER_SPEAKER, name_speakers_by_role
from interviewer.store import ANONYMISE, FINAL_PASS, Interview, Recording, Study, StoreError

Progress = Callable[[float, float], None]
T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    interview: Interview
    recording: Recording
    consent_missing: bool = False
    """The participant had no consent to audio recording on file (a warning, kept in the interview's timeline)."""


CONSENT_MISSING_EVENT = "consent missing"


def import_recording(
    study: Study,
    audio_path: Path,
    participant_code: str,
    *,
    mode: str = "face-to-face",
    schedule_id: str | None = None,
    schedule_version: str | None = None,
    interviewer: str | None = None,
) -> ImportResult:
    """Validate a recording, copy it into the study with its checksum and file a new interview for it.

    In an encrypted study the copy is sealed (AES-256-GCM) on the way in and checked by decrypting it, so
    no plain copy of the voice is ever in the study folder. The audio is checked and the participant looked
    up before anything is written, so a bad file or an unknown participant leaves the study unchanged.
    A participant with no consent to audio recording on file is imported, with that noted in the timeline.
    """
    from interviewer.interview.running import has_audio_consent

    audio_path = Path(audio_path)
    study.participant(participant_code)
    info = probe(audio_path)
    checksum = sha256_of(audio_path)
    consent_missing = not has_audio_consent(study, participant_code)
    private_folder(study.recordings_dir)
    sealed = study.encrypted
    suffix = audio_path.suffix.lower() + (SEALED_SUFFIX if sealed else "")
    handle, staging_name = tempfile.mkstemp(dir=study.recordings_dir, prefix=".import-", suffix=suffix)
    os.close(handle)
    staging = Path(staging_name)
    try:
        if sealed:
            copied = seal_file(audio_path, staging, study.audio_key)
            if copied != checksum or audio_sha256(audio_source(staging, study.audio_key)) != checksum:
                raise OSError(f"the encrypted copy of {audio_path} differs from the original; check the disk and "
                              "try again")
        else:
            shutil.copyfile(audio_path, staging)
            os.chmod(staging, 0o600)
            if sha256_of(staging) != checksum:
                raise OSError(f"the copy of {audio_path} differs from the original; check the disk and try again")
        with study.transaction():
            interview = study.add_interview(
                participant_code, mode=mode, schedule_id=schedule_id, schedule_version=schedule_version,
                interviewer=interviewer, started_at=None, status="recorded",
            )
            target = study.recordings_dir / f"interview-{interview.id:04d}-part-1{suffix}"
            os.replace(staging, target)
            recording = study.add_recording(
                interview.id, path=target, sha256=checksum, format=info.format, sample_rate=info.sample_rate,
                channels=info.channels, duration=info.duration, original_name=audio_path.name,
            )
            if consent_missing:
                study.add_event(interview.id, CONSENT_MISSING_EVENT, recording_id=recording.id,
                                text=f"Imported without consent to audio recording on file for {participant_code}.")
    except BaseException:
        staging.unlink(missing_ok=True)
        if "target" in locals():
            Path(target).unlink(missing_ok=True)
        raise
    return ImportResult(study.interview(interview.id), recording, consent_missing)


class CorrectionsWouldBeLost(StoreError):
    """Transcribing again would replace a transcript a reviewer has corrected."""


def transcribe_interview(study: Study, interview_id: int, *, transcriber=None, model: str | None = None,
                         progress: Progress | None = None, speakers: int = 2,
                         discard_corrections: bool = False, ahead: dict | None = None) -> int:
    """Transcribe every recording part of an interview and store the segments; returns their number.

    With `speakers` of 2 or more, every segment and word is attributed to a speaker (by channel for
    stereo recordings, by voice for mono ones) named by role: Interviewer, or the participant's code.
    A transcript corrected in review is only replaced with `discard_corrections` (the corrections are
    copied into the audit log first). `ahead` maps part files to what was transcribed and embedded of
    them while they recorded (`pass_ahead.PartAheadResult`); a part it covers whole is not read again.
    """
    from interviewer.locks import interview_lock
    from interviewer.review.transcript import corrections
    from interviewer.transcribe.known_words import interview_hotwords
    from interviewer.transcribe.study_model import model_for
    from interviewer.transcribe.whisper import Transcriber

    interview = study.interview(interview_id)
    recordings = study.recordings(interview.id)
    if not recordings:
        raise StoreError(f"Interview #{interview.id} has no recording to transcribe.")
    corrected = corrections(study, interview.id)
    if corrected and not discard_corrections:
        raise CorrectionsWouldBeLost(
            f"Interview #{interview.id}'s transcript has {len(corrected)} segment(s) corrected in review; transcribing "
            "again would discard them. Pass --discard-corrections to transcribe anyway (they stay in the audit log).")
    transcriber = transcriber or Transcriber(model_for(study, model))
    if known := interview_hotwords(study, interview):
        transcriber = transcriber.with_hotwords(known)
    with interview_lock(study, interview.id, "being transcribed"):
        return _transcribe_locked(study, interview, recordings, transcriber, progress, speakers, ahead or {})


def _transcribe_locked(study: Study, interview: Interview, recordings: list[Recording], transcriber,
                       progress: Progress | None, speakers: int, ahead: dict) -> int:
    total = sum(r.duration for r in recordings)
    done_before = 0.0
    parts = []
    for recording in recordings:
        path = stored_audio(study, recording)
        reported = [0.0]

        def part_progress(done: float, _part_total: float, offset=done_before) -> None:
            reported[0] = done
            if progress:
                progress(offset + done, total)

        def still_wanted() -> None:  # work without progress of its own waits here; the caller may stop it
            part_progress(min(reported[0], 0.99 * recording.duration), recording.duration)

        done_ahead = {Path(p).resolve(): result for p, result in ahead.items()}.get(
            study.recording_path(recording).resolve())
        if done_ahead is not None and _covers(done_ahead, recording, speakers):
            transcript, source = interruptible(lambda: _finish_ahead(done_ahead, speakers), still_wanted)
        else:
            transcript, source = _transcribe_recording(transcriber, path, recording, speakers, part_progress,
                                                       still_wanted)
        parts.append((recording, transcript, source))
        done_before += recording.duration
        part_progress(recording.duration, recording.duration)
    return store_transcript(study, interview, parts, model=transcriber.model_name)


def store_transcript(study: Study, interview: Interview, parts, *, model: str) -> int:
    """Store an interview's new transcript, part by part, and align it to its schedule; returns the segments stored.

    `parts` holds (recording, transcript, how speakers were found: 'channel', 'voice' or None) for every
    recording part; speaker labels are named by role (Interviewer, the participant's code) first.
    """
    from interviewer.review.transcript import release_corrections

    segments = []
    language = None
    for recording, transcript, source in parts:
        if source:
            transcript = name_speakers_by_role(study, interview, recording, transcript)
        language = transcript.language
        segments.extend(segment_rows(recording, transcript, source))
    release_corrections(study, interview.id)
    count = study.replace_segments(interview.id, segments, model=model)
    study.update_interview(interview.id, status="transcribed", language=language)
    align_interview(study, interview.id)
    if study.interview(interview.id).pending_stage == FINAL_PASS:
        study.update_interview(interview.id, pending_stage=ANONYMISE)
    return count


def segment_rows(recording: Recording, transcript, speaker_source: str | None) -> list[dict]:
    """The rows a recording part's transcript is stored as: its segments, with the part and how speakers were found."""
    return [{**segment.as_dict(), "recording_id": recording.id, "speaker_source": speaker_source}
            for segment in transcript.segments]


def _covers(done_ahead, recording: Recording, speakers: int) -> bool:
    """Whether a part transcribed ahead is the whole recording part, done as this pass would do it."""
    if done_ahead.channels != recording.channels or abs(done_ahead.seconds - recording.duration) > 0.1:
        return False
    return recording.channels == 1 or speakers == 2  # stereo ahead is by channel, one speaker each


def _finish_ahead(done_ahead, speakers: int):
    """The transcript of a part transcribed ahead and how its speakers were found: by channel (stereo), or
    by voice from its embedded stretches (mono)."""
    from interviewer.speakers.attribution import diarise_embedded

    if done_ahead.channels == 2:
        return done_ahead.transcript, "channel"
    if speakers < 2:
        return done_ahead.transcript, None
    return diarise_embedded(done_ahead.transcript, done_ahead.voices, speakers), "voice"


def interruptible(work: Callable[[], T], still_wanted: Callable[[], None], every: float = 0.2) -> T:
    """The result of `work`, run on a daemon thread while this one calls `still_wanted` every `every` seconds.

    A long step with no progress of its own (telling voices apart, both channels of a stereo part) must not
    keep the app from quitting: `still_wanted` raises to stop waiting (the step's result is then dropped;
    nothing was stored, and the pass resumes from the recording at the next start).
    """
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:
            outcome.append((False, error))

    worker = threading.Thread(target=run, name="final-pass-step", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(every)
        if worker.is_alive():
            still_wanted()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value


def _transcribe_recording(transcriber, path: AudioSource, recording: Recording, speakers: int, progress: Progress,
                          still_wanted: Callable[[], None] = lambda: None):
    """The transcript of one recording part and how its speakers were found ('channel', 'voice' or None)."""
    from interviewer.speakers.attribution import diarise, transcribe_stereo
    from interviewer.audio.long_audio import LONG_RECORDING

    if speakers == 2 and recording.channels == 2:
        by_channel = interruptible(lambda: transcribe_stereo(transcriber, path), still_wanted)
        if by_channel is not None:
            return by_channel, "channel"
    if recording.duration > LONG_RECORDING:
        transcript = transcriber.transcribe_long(path, recording.duration, progress=progress)
    else:
        transcript = transcriber.transcribe(path, progress=progress)
    if speakers < 2:
        return transcript, None
    from interviewer.audio.long_audio import read_mono

    return interruptible(lambda: diarise(transcript, read_mono(path, recording.duration), speakers),
                         still_wanted), "voice"


def align_interview(study: Study, interview_id: int) -> int:
    """Tag each segment with the schedule item under discussion; returns how many segments got an item.

    Uses the interview's timeline when it was run in interviewer, otherwise matches the interviewer's
    questions against the schedule the interview followed. Items set in review are kept.
    """
    from interviewer.schedule.alignment import align_by_questions, align_from_timeline
    from interviewer.schedule.study import followed_schedule

    interview = study.interview(interview_id)
    segments = study.segments(interview.id)
    reviewed = {segment.id for segment in segments if segment.item_source == "review"}
    events = study.events(interview.id)
    if any(event.kind == "item" for event in events):
        labels = align_from_timeline(segments, events, study.recordings(interview.id))
    elif (schedule := followed_schedule(study, interview)) is not None:
        speakers = {segment.speaker for segment in segments}
        labels = align_by_questions(segments, schedule,
                                    interviewer=INTERVIEWER_SPEAKER if INTERVIEWER_SPEAKER in speakers else None)
    else:
        return 0
    study.label_segments(
        interview.id,
        {sid: {"item_id": label.item_id, "item_confidence": label.confidence, "item_source": label.source}
         for sid, label in labels.items() if sid not in reviewed},
        action="align",
    )
    return sum(1 for sid, label in labels.items() if label.item_id and sid not in reviewed)


def untranscribed_interviews(study: Study) -> list[Interview]:
    """Interviews with a recording but no transcript yet, oldest first: the queue for `transcribe --all`."""
    return [study.interview(interview_id) for interview_id in study.untranscribed_interview_ids()]


def anonymise_interview(study: Study, interview_id: int, *, anonymiser=None, passphrase=None) -> int:
    """Replace identifiers in an interview's transcript with study-wide placeholders; returns redactions made.

    The study's policy, allow and deny terms and known names apply; originals go into the encrypted key
    (see interviewer.anonymise.study.interview).
    """
    from interviewer.locks import interview_lock
    from interviewer.anonymise.study.interview import anonymise_interview as anonymise

    with interview_lock(study, int(interview_id), "being anonymised"):
        count = anonymise(study, interview_id, anonymiser=anonymiser, passphrase=passphrase)
        if study.interview(interview_id).pending_stage == ANONYMISE:
            study.update_interview(interview_id, pending_stage=None)
        return count


def export_interview(study: Study, interview_id: int, out_dir: Path, *, fmt: str = "txt",
                     original: bool = False, allow_unreviewed: bool = True, line_endings: str = "lf",
                     passphrase=None) -> Path:
    """Write one interview's transcript in a coder format; returns the file written.

    `line_endings` 'crlf' writes TXT (and a REFI-QDA project's text) with CRLF, positions counted for them.

    An anonymised export is refused when it still contains an original from the study's key (the
    passphrase opens the key: given, $INTERVIEWER_KEY_PASSPHRASE, or a prompt function). With `original`,
    the identifiable transcript is written (the research team's copy, named and headed as such) whether or
    not it was anonymised or reviewed.
    """
    from interviewer.export import formats
    from interviewer.export.collection import single
    from interviewer.export.document import build_document

    if fmt not in formats.ALL_FORMATS:
        raise StoreError(f"Unknown export format '{fmt}': use one of {', '.join(formats.ALL_FORMATS)}.")
    document = build_document(study, interview_id, original=original, allow_unreviewed=allow_unreviewed)
    suffix = "" if document.anonymised else "-IDENTIFIABLE"
    target = Path(out_dir) / f"{document.participant.code}-interview-{document.interview.id:04d}{suffix}.{fmt}"
    from interviewer.export.guard import write_checked

    def write(path: Path) -> None:
        if fmt in formats.TRANSCRIPT_FORMATS:
            formats.write_transcript(document, fmt, path, line_endings=line_endings)
        else:
            formats.write_study(single(study, document, line_endings=line_endings), fmt, path)

    inside_study = Path(out_dir).resolve().is_relative_to(study.folder.resolve())
    if inside_study:
        private_folder(out_dir)
    if document.anonymised:
        write_checked(study, target, write, passphrase)
    else:
        write(target)
    if inside_study:
        harden(out_dir)  # the study folder stays owner-only, whatever the umask
    study.audit("export", "interviews", document.interview.id, {"format": fmt, "path": str(target)})
    return target


def store_live_draft(study: Study, interview_id: int, part_segments, *, model: str) -> int:
    """Store the live draft of an interview: what live transcription wrote while it was recorded; returns its lines.

    `part_segments` maps each recording part's file to its live segments (times from the start of the part,
    speakers as far as known live). The draft is kept apart from the transcript, which the final pass makes
    from the whole recording; parts the study has not filed (no audio) are left out.
    """
    recordings = {study.recording_path(r).resolve(): r for r in study.recordings(interview_id)}
    parts = []
    for path, segments in part_segments.items():
        recording = recordings.get(Path(path).resolve())
        if recording is not None:
            parts.append((recording.part, [{**s.as_dict(), "recording_id": recording.id} for s in segments]))
    rows = [row for _part, part_rows in sorted(parts, key=lambda each: each[0]) for row in part_rows]
    return study.replace_live_draft(interview_id, rows, model=model)

