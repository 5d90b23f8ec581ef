"""Provides guards for live pieces against Whisper's known failures: filler made up in silence, repeats at piece joins."""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.transcribe.whisper import TranscriptSegment

FILLER_NO_SPEECH = 0.4
"""A segment the model itself thinks is this likely to be silence ..."""
FILLER_LOG_PROB = -0.8
"""... and whose text it finds this unlikely is filler invented in a pause ("Thank you.", "You.")."""
MAX_WORDS_PER_SECOND = 10.0
"""Faster than anyone speaks (fast speech is five or six words a second): an unsure segment squeezed into the
last tenth of a second of a piece ("Thank you very much for watching.") was never said."""
REPEAT_WINDOW = 30.0
"""Seconds back in which a segment that repeats an earlier one word for word counts as a repeat."""
MIN_REPEATED_WORDS = 3
"""A whole segment is dropped as a repeat only from this length: people do say "Yes. Yes." twice."""
MIN_OVERLAP_WORDS = 2
"""A piece that starts with the last words of the one before repeats them when at least this many match."""

_NOT_WORD = re.compile(r"[^\w']+")


def is_silence_filler(no_speech_prob: float, avg_logprob: float) -> bool:
    """Whether a decoded segment is text the model made up in silence (its own no-speech and confidence scores).

    Whisper's own rule (no speech above 0.6 and log probability below -1) is made for 30-second windows; a
    short piece's tail is mostly pause, and what the model writes there sits just under that rule.
    """
    return no_speech_prob > FILLER_NO_SPEECH and avg_logprob < FILLER_LOG_PROB


def is_too_fast_to_be_said(text: str, start: float, end: float, avg_logprob: float) -> bool:
    """Whether an unsure segment holds more words than its time could: text the model made up at a piece's end."""
    words = len(_words_of(text))
    return words >= 2 and avg_logprob < FILLER_LOG_PROB and words > MAX_WORDS_PER_SECOND * max(end - start, 0.0)


def _words_of(text: str) -> list[str]:
    return [word for word in _NOT_WORD.sub(" ", text.lower()).split() if word]


def without_repeats(earlier: list[TranscriptSegment], new: list[TranscriptSegment]) -> list[TranscriptSegment]:
    """The new piece's segments without what merely repeats the transcript so far.

    Two kinds of repeat are removed: a segment saying word for word what one of the last segments said
    (within REPEAT_WINDOW seconds, from MIN_REPEATED_WORDS words), and the opening words of the piece when
    they are exactly the words the previous piece ended with (pieces do not overlap in audio, so the same
    words at both sides of a join were heard once).
    """
    kept: list[TranscriptSegment] = []
    history = list(earlier[-10:])  # only the last few can be repeated
    for index, segment in enumerate(new):
        words = _words_of(segment.text)
        if not words:
            continue
        recent = [s for s in history if segment.start - s.end <= REPEAT_WINDOW]
        if len(words) >= MIN_REPEATED_WORDS and any(_words_of(s.text) == words for s in recent[-3:]):
            continue
        if index == 0 and history and segment.start - history[-1].end <= REPEAT_WINDOW:
            segment = _without_opening_overlap(history[-1], segment)
            if segment is None:
                continue
        kept.append(segment)
        history.append(segment)
    return kept


def _without_opening_overlap(previous: TranscriptSegment, segment: TranscriptSegment) -> TranscriptSegment | None:
    """`segment` without its first words if they are exactly the words `previous` ended with; None if nothing is left."""
    before = _words_of(previous.text)
    words = _words_of(segment.text)
    overlap = 0
    for size in range(min(len(before), len(words)), MIN_OVERLAP_WORDS - 1, -1):
        if before[-size:] == words[:size]:
            overlap = size
            break
    if not overlap:
        return segment
    if overlap == len(words):
        return None
    return _drop_leading_words(segment, overlap)


def _drop_leading_words(segment: TranscriptSegment, count: int) -> TranscriptSegment:
    """The segment without its first `count` words (text and timed words)."""
    if segment.words:
        remaining, dropped = [], 0
        for word in segment.words:
            spoken = _words_of(word.word)
            if dropped < count and spoken:
                dropped += len(spoken)
                continue
            if dropped < count:  # punctuation-only token at the start
                continue
            remaining.append(word)
        if not remaining:
            return replace(segment, text="", words=[])
        text = "".join(word.word for word in remaining).strip()
        return replace(segment, start=remaining[0].start, text=text, words=remaining)
    tokens = segment.text.split()
    kept_tokens, dropped = [], 0
    for token in tokens:
        if dropped < count:
            dropped += len(_words_of(token))
            continue
        kept_tokens.append(token)
    return replace(segment, text=" ".join(kept_tokens))
