from types import SimpleNamespace

from interviewer.speakers.attribution import segments_from_words
from interviewer.transcribe.whisper import from_faster_whisper


def word(text, start):
    return SimpleNamespace(word=text, start=start, end=start + 0.3, probability=0.9)


def test_half_a_character_split_between_words_is_dropped_and_the_space_before_it_kept():
    decoded = SimpleNamespace(start=0.0, end=2.0, text=" the subject. \ufffd\ufffdThere's iron",
                              words=[word(" the", 0.0), word(" subject.", 0.3), word(" \ufffd", 0.6),
                                     word("\ufffdThere's", 0.9), word(" iron", 1.2)])
    segment = from_faster_whisper(decoded)
    assert segment.text == "the subject. There's iron"
    assert [w.word for w in segment.words] == [" the", " subject.", " There's", " iron"]
    rebuilt = segments_from_words(segment.words)  # the final pass of a call builds text from its words
    assert [s.text for s in rebuilt] == ["the subject. There's iron"]


def test_ordinary_text_passes_unchanged():
    decoded = SimpleNamespace(start=1.0, end=2.0, text=" Café “open”, they said.",
                              words=[word(" Café", 1.0), word(" “open”,", 1.3), word(" they", 1.6), word(" said.", 1.8)])
    segment = from_faster_whisper(decoded)
    assert segment.text == "Café “open”, they said."
    assert "".join(w.word for w in segment.words) == " Café “open”, they said."
