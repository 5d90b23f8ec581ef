"""Guards on live pieces: filler made up in a pause is dropped, and so are exact repeats across piece joins."""

from __future__ import annotations

from interviewer.transcribe.live_guards import is_silence_filler, is_too_fast_to_be_said, without_repeats
from interviewer.transcribe.whisper import TranscriptSegment, Word


def said(start: float, text: str, seconds_per_word: float = 0.4) -> TranscriptSegment:
    words = []
    for number, word in enumerate(text.split()):
        at = start + number * seconds_per_word
        words.append(Word(at, at + seconds_per_word, f" {word}", 0.9))
    return TranscriptSegment(start, words[-1].end, text, words)


def texts(segments):
    return [segment.text for segment in segments]


def test_a_sentence_said_again_word_for_word_by_the_next_piece_is_dropped():
    earlier = [said(0.0, "Tear a thin sheet from the yellow pad.")]
    new = [said(4.0, "Tear a thin sheet from the yellow pad."), said(7.0, "Mend the coat before you go out.")]
    assert texts(without_repeats(earlier, new)) == ["Mend the coat before you go out."]


def test_a_repeat_inside_one_piece_is_dropped_too():
    new = [said(0.0, "We are sure that one war is enough."), said(3.0, "We are sure that one war is enough.")]
    assert texts(without_repeats([], new)) == ["We are sure that one war is enough."]


def test_words_the_previous_piece_ended_with_are_cut_from_the_start_of_the_next():
    earlier = [said(0.0, "ask what you can do for your country.")]
    new = [said(3.5, "for your country. Hello there.")]
    (kept,) = without_repeats(earlier, new)
    assert kept.text == "Hello there."
    assert [w.word.strip() for w in kept.words] == ["Hello", "there."] and kept.start == kept.words[0].start


def test_short_answers_said_twice_and_old_sentences_said_again_are_kept():
    yes = [said(0.0, "Yes.")]
    assert texts(without_repeats(yes, [said(2.0, "Yes.")])) == ["Yes."], "people do say yes twice"
    long_ago = [said(0.0, "What matters to you about the plan?")]
    again = [said(120.0, "What matters to you about the plan?")]
    assert texts(without_repeats(long_ago, again)) == ["What matters to you about the plan?"]


def test_a_single_shared_word_at_a_join_is_kept():
    earlier = [said(0.0, "I said no.")]
    assert texts(without_repeats(earlier, [said(2.0, "No, not at all.")])) == ["No, not at all."]


def test_filler_is_text_the_model_itself_finds_silent_and_unlikely():
    assert is_silence_filler(no_speech_prob=0.77, avg_logprob=-0.9)  # "Thank you very much." in a pause
    assert not is_silence_filler(no_speech_prob=0.45, avg_logprob=-0.51), "quiet but confident speech stays"
    assert not is_silence_filler(no_speech_prob=0.05, avg_logprob=-1.3), "unsure words in speech stay"


def test_an_unsure_segment_with_more_words_than_its_time_could_hold_is_made_up():
    assert is_too_fast_to_be_said("Thank you very much for watching.", 1.46, 1.56, avg_logprob=-1.08)
    assert not is_too_fast_to_be_said("What joy there is in living.", 0.0, 1.46, avg_logprob=-1.08), "a normal pace stays"
    assert not is_too_fast_to_be_said("Thank you very much.", 1.46, 1.56, avg_logprob=-0.3), "confident words stay"
    assert not is_too_fast_to_be_said("Yes.", 1.46, 1.50, avg_logprob=-1.2), "one word can be short"
