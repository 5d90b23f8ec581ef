"""Provides who said each word of a transcript: by channel for stereo recordings, by voice for mono ones."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from interviewer.transcribe.whisper import Transcriber, Transcript, TranscriptSegment, Word, iter_words

SAMPLE_RATE = 16000
CHANNEL_LABELS = ("left", "right")
MAX_PAUSE_IN_SEGMENT = 1.5
"""A pause longer than this (seconds) between one speaker's words starts a new segment."""
LONGEST_SEGMENT = 30.0
"""Past this length a segment ends at the next sentence end."""


def segments_from_words(words: Iterable[Word]) -> list[TranscriptSegment]:
    """Group speaker-labelled words into segments: a new one at each change of speaker or long pause."""
    segments: list[TranscriptSegment] = []
    current: list[Word] = []

    def close() -> None:
        if current:
            text = "".join(w.word for w in current).strip()
            segments.append(TranscriptSegment(current[0].start, current[-1].end, text, list(current), current[0].speaker))
            current.clear()

    for word in words:
        if current:
            previous = current[-1]
            long_enough = word.start - current[0].start > LONGEST_SEGMENT and previous.word.rstrip().endswith((".", "?", "!"))
            if word.speaker != previous.speaker or word.start - previous.end > MAX_PAUSE_IN_SEGMENT or long_enough:
                close()
        current.append(word)
    close()
    return segments


SAME_SIGNAL_CORRELATION = 0.8
"""Channels correlated above this carry one mix (a stereo microphone), not one party each."""


def channels_are_separate(left: np.ndarray, right: np.ndarray) -> bool:
    """True when the two channels hold different signals, as a phone adapter or two microphones give."""
    step = max(1, len(left) // 2_000_000)  # a sample of the file is plenty to tell
    a, b = left[::step].astype(np.float64), right[::step].astype(np.float64)
    if a.std() < 1e-6 or b.std() < 1e-6:
        return a.std() >= 1e-6 or b.std() >= 1e-6
    return float(np.corrcoef(a, b)[0, 1]) < SAME_SIGNAL_CORRELATION


def transcribe_stereo(transcriber: Transcriber, path: Path, labels: Sequence[str] = CHANNEL_LABELS) -> Transcript | None:
    """Transcribe each channel on its own (one party per channel) and merge the words in time order.

    Each channel is transcribed separately so that overlapping speech is kept; a word that is only the
    other party's voice leaking into this microphone is dropped. Returns None when both channels carry
    the same mix (an ordinary stereo recording), which is then treated as mono.
    """
    from faster_whisper import decode_audio

    from interviewer.audio.source import opened_audio

    with opened_audio(path) as opened:
        left, right = decode_audio(opened, split_stereo=True)
    return transcribe_stereo_audio(transcriber, left, right, labels)


def transcribe_stereo_audio(transcriber: Transcriber, left: np.ndarray, right: np.ndarray,
                            labels: Sequence[str] = CHANNEL_LABELS) -> Transcript | None:
    """`transcribe_stereo` of 16 kHz channels already decoded (a whole part, or a stretch of one)."""
    if not channels_are_separate(left, right):
        return None
    channels = [transcriber.transcribe(channel) for channel in (left, right)]
    return merge_channels(channels, np.stack([left, right], axis=1), labels)


def merge_channels(channels: Sequence[Transcript], stereo: np.ndarray,
                   labels: Sequence[str] = CHANNEL_LABELS) -> Transcript:
    """One transcript from each channel's own: words in time order, each labelled with its channel.

    `stereo` is the recording as (samples, 2) at 16 kHz; a word heard only as the other party's voice
    leaking into this channel's microphone is dropped.
    """
    from interviewer.speakers.diarisation import merge_channel_words

    merged = merge_channel_words([list(iter_words(t)) for t in channels], stereo, SAMPLE_RATE, labels=labels)
    merged = without_leaked_words(merged, stereo, labels)
    words = [replace(word, speaker=label) for word, label in merged]
    return Transcript(channels[0].model, channels[0].language, len(stereo) / SAMPLE_RATE, segments_from_words(words))


LEAKED_BELOW_DB = 10.0
"""A word on a channel that a leak feeds is the leak's when, with the leak taken out, its channel is this
much quieter (each channel measured against its own speech level) than the channel the leak comes from."""


def without_leaked_words(merged: list, stereo: np.ndarray, labels: Sequence[str] = CHANNEL_LABELS) -> list:
    """Drop words one channel heard only as the other's sound leaking into it (a call played through the
    computer's speakers reaching the microphone): transcribed once, on the channel where they began."""
    from interviewer.speakers.channel_loudness import ChannelLoudness

    loudness = ChannelLoudness(SAMPLE_RATE, 2)
    loudness.add(stereo)
    leaks = loudness.remove_leaks()
    if not any(leak.present for leak in leaks):
        return merged
    speech = loudness.speech_power() + 1e-12
    kept = []
    for word, label in merged:
        channel = list(labels).index(label)
        if leaks[channel].present:
            relative = loudness.power(word.start, word.end) / speech + 1e-12
            if 10 * np.log10(relative[1 - channel] / relative[channel]) > LEAKED_BELOW_DB:
                continue
        kept.append((word, label))
    return kept


def diarise(transcript: Transcript, audio: np.ndarray, num_speakers: int = 2) -> Transcript:
    """Split a mono transcript by voice: each word gets the speaker ("S1", "S2", ...) whose turn it falls in.

    `audio` is scratch: it may be rescaled in place (callers read it fresh from the recording).
    """
    from interviewer.speakers.diarisation import diarise_mono

    if not any(segment.words for segment in transcript.segments):
        return transcript
    return _on_turns(transcript, diarise_mono(audio, SAMPLE_RATE, num_speakers=num_speakers, scratch_audio=True))


def diarise_embedded(transcript: Transcript, voices, num_speakers: int = 2) -> Transcript:
    """`diarise` for audio whose voices were embedded already (`diarisation.EmbeddedVoices`, stretch by stretch
    while an interview recorded)."""
    from interviewer.speakers.diarisation import voice_turns

    if not any(segment.words for segment in transcript.segments):
        return transcript
    return _on_turns(transcript, voice_turns(voices, num_speakers))


def _on_turns(transcript: Transcript, turns) -> Transcript:
    """The transcript's words put on the speaker turns they fall in, and grouped into segments anew."""
    from interviewer.speakers.diarisation import assign_words

    words = list(iter_words(transcript))
    speakers = assign_words(words, turns)
    labelled = [replace(word, speaker=speaker) for word, speaker in zip(words, speakers)]
    return replace(transcript, segments=segments_from_words(labelled))


def transcribe_with_speakers(transcriber: Transcriber, path: Path, channels: int, num_speakers: int = 2) -> Transcript:
    """A transcript whose segments and words carry a speaker label (channel names or S1, S2, ...)."""
    if channels == 2 and num_speakers == 2:
        by_channel = transcribe_stereo(transcriber, path)
        if by_channel is not None:
            return by_channel
    from interviewer.audio.long_audio import read_mono

    transcript = transcriber.transcribe(path)
    if num_speakers < 2:
        return transcript
    return diarise(transcript, read_mono(path, transcript.duration), num_speakers)


def speaking_time(segments: Sequence[TranscriptSegment]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for segment in segments:
        if segment.speaker:
            totals[segment.speaker] = totals.get(segment.speaker, 0.0) + segment.end - segment.start
    return totals


def find_interviewer(segments: Sequence[TranscriptSegment], question_times: Sequence[float] = (),
                     questions: Sequence[str] = ()) -> tuple[str | None, str]:
    """Which speaker label is the interviewer, and how that was decided.

    In order: who talks just after the moments the interviewer marked a question in the timeline; whose
    words best match the schedule's questions; otherwise whoever talks less (interviewers listen more).
    """
    from interviewer.schedule.alignment import question_similarity
    from interviewer.speakers.diarisation import SpeakerTurn, label_interviewer

    totals = speaking_time(segments)
    if not totals:
        return None, "none"
    if question_times:
        turns = [SpeakerTurn(s.start, s.end, s.speaker) for s in segments if s.speaker]
        found = label_interviewer(turns, question_times)
        if found:
            return found, "timeline"
    if questions:
        best: dict[str, float] = {}
        for segment in segments:
            if segment.speaker:
                score = max(question_similarity(segment.text, q) for q in questions)
                best[segment.speaker] = max(best.get(segment.speaker, 0.0), score)
        if best and max(best.values()) >= 0.7:
            return max(best, key=best.get), "questions"
    return min(totals, key=totals.get), "less speech"


def name_speakers(transcript: Transcript, names: dict[str, str]) -> Transcript:
    """Rename speaker labels (e.g. S1 → Interviewer, S2 → KI-08) in segments and words."""
    segments = [
        replace(s, speaker=names.get(s.speaker, s.speaker),
                words=[replace(w, speaker=names.get(w.speaker, w.speaker)) for w in s.words])
        for s in transcript.segments
    ]
    return replace(transcript, segments=segments)
