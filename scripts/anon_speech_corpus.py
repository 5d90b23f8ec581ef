"""Provides labelled anonymisation corpora of Whisper output: a written corpus spoken, transcribed and relabelled.

Run:  .venv/bin/python scripts/anon_speech_corpus.py CORPUS.jsonl OUT.jsonl [--model tiny.en] [--fresh]
then: unshare -rn .venv/bin/interviewer eval anonymisation OUT.jsonl

Each excerpt of a labelled corpus (`interviewer eval anonymisation` format; turns written "Interviewer: ..." and
"Participant: ...") is spoken by espeak-ng, one voice per role (tests/spoken_excerpts.py), into a WAV file. The
file goes the way a research team's recordings go: imported into a new encrypted study and transcribed there by the
product's own pipeline (the same calls as `interviewer import` and `interviewer transcribe`, speakers attributed).
The stored transcript, joined as the anonymiser reads it, becomes the new excerpt's text.

Labels are carried over by aligning the written words with the transcribed ones. An identifier is kept when the
transcript still says something like it (letters and digits similar to at least SIMILAR_ENOUGH), a number still
written as one, or some other name in its place ('Pádraig' heard as 'Patrick'); one the transcription garbled beyond
that ("Siobhan O'Donnell" heard as "She's gone") identifies nobody in the transcript and is counted as lost instead.
A trap term is kept only when transcribed exactly. The synthetic voice garbles more names than a person would, so
the figures are a lower bound on what transcription keeps.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from spoken_excerpts import WORD, speak, written_words  # noqa: E402  (tests/ holds the shared helper)

SIMILAR_ENOUGH = 0.6
NUMBER_WORDS = frozenset("""zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
first second third fourth fifth sixth seventh eighth ninth tenth twentieth thirtieth double treble""".split())


def transcribe(wav: Path, model: str | None) -> str:
    """The wav imported into a new encrypted study and transcribed by the pipeline, joined as the anonymiser reads it."""
    from interviewer.anonymise.study.interview import SEPARATOR
    from interviewer.pipeline import import_recording, transcribe_interview
    from interviewer.store import Study

    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWER_HOME"] = home
        os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "spoken corpus, thrown away after")
        study = Study.create("speech")
        study.add_participant("P-01")
        study.record_consent("P-01", audio_recording=True, quotation=True)
        interview = import_recording(study, wav, "P-01").interview
        transcribe_interview(study, interview.id, model=model)
        return SEPARATOR.join(segment.text for segment in study.segments(interview.id))


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def word_map(written: list[str], heard: list[str]) -> list[list[int]]:
    """For each written word, the transcribed words it became (none when transcription dropped it)."""
    mapping: list[list[int]] = [[] for _ in written]
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in written], [_key(w) for w in heard], autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            for k in range(a1 - a0):
                mapping[a0 + k] = [b0 + k]
        elif op == "replace":
            n, m = a1 - a0, b1 - b0
            for k in range(n):
                mapping[a0 + k] = list(range(b0 + k * m // n, max(b0 + k * m // n + 1, b0 + -(-(k + 1) * m // n))))
    return mapping


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def carry(span: dict, said_words: list[re.Match], heard_words: list[re.Match], mapping: list[list[int]],
          written: str, heard: str, exact: bool) -> dict | None:
    """The span moved onto the transcript, or None when the transcript no longer says it."""
    inside = [k for k, w in enumerate(said_words) if w.start() < span["end"] and w.end() > span["start"]]
    targets = sorted({j for k in inside for j in mapping[k]})
    edges = {said_words[k].group().lower() for k in inside[:1] + inside[-1:]}

    def taken_in(j: int) -> bool:  # a word the alignment took in from beside the name ("I'm nine, nine, four ...")
        word = heard_words[j].group()
        return _little(word) and word.lower() not in edges

    while targets and taken_in(targets[0]):
        targets.pop(0)
    while targets and taken_in(targets[-1]):
        targets.pop()
    if not targets:
        return None
    start, end = heard_words[targets[0]].start(), heard_words[targets[-1]].end()
    if heard[end - 2:end] in ("'s", "’s") and written[span["end"] - 2:span["end"]] not in ("'s", "’s"):
        end -= 2  # the possessive ending is no part of the name ("Patrick's home place")
    said, got = _letters(written[span["start"]:span["end"]]), _letters(heard[start:end])
    if exact:
        similar = said == got
    else:
        similar = (difflib.SequenceMatcher(None, said, got).ratio() >= SIMILAR_ENOUGH
                   or (_has_number(written[span["start"]:span["end"]]) and _has_number(heard[start:end]))
                   or _names_something(heard, start, end))
    return {**span, "start": start, "end": end} if similar else None


def _little(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    return (lower in STOP_WORDS or lower in ("um", "uh", "like")) and lower not in NUMBER_WORDS


def _names_something(heard: str, start: int, end: int) -> bool:
    """A capitalised word other than a little word, not opening a sentence: Whisper heard a name there, if not the
    one said ('Pádraig' written 'Patrick', 'Moycullen' written 'Moica'), and the transcript names someone."""
    for word in WORD.finditer(heard, start, end):
        before = heard[:word.start()].rstrip(" ")
        opens = not before or before[-1] in ".?!\n"  # a segment starts on a new line
        if word.group()[0].isupper() and word.group().lower() not in STOP_WORDS and not opens:
            return True
    return False


def _has_number(text: str) -> bool:
    """Digits or number words: Whisper writes 'fifteen' as '15', and the number is still said."""
    return any(c.isdigit() for c in text) or any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def relabel(document: dict, heard: str) -> dict:
    written = document["text"]
    said_words, heard_words = written_words(written), list(WORD.finditer(heard))
    mapping = word_map([w.group() for w in said_words], [w.group() for w in heard_words])
    spans, lost = [], []
    for span in document.get("spans", []):
        moved = carry(span, said_words, heard_words, mapping, written, heard, exact=False)
        (spans if moved else lost).append(moved or {"type": span.get("type"), "text": written[span["start"]:span["end"]]})
    traps = [t for t in (carry(t, said_words, heard_words, mapping, written, heard, exact=True)
                         for t in document.get("traps", [])) if t]
    return {"id": document["id"], "text": heard, "spans": spans, "traps": traps, "lost_in_transcription": lost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--model", default=None, help="Whisper model (default: the product's default)")
    parser.add_argument("--fresh", action="store_true", help="transcribe again even where OUT has a transcript")
    parser.add_argument("--keep-audio", type=Path, default=None, help="folder to keep the spoken WAV files in")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    documents = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    heard_before = {}
    if args.out.exists() and not args.fresh:  # relabel the transcripts already made
        heard_before = {row["id"]: row["text"] for row in map(json.loads, args.out.read_text().splitlines())}
    kept = lost = seconds = 0
    with tempfile.TemporaryDirectory() as folder, args.out.open("w", encoding="utf-8") as out:
        # OUT was read above; rows are written back as each excerpt is done, so a stopped run keeps its work
        for document in documents:
            heard = heard_before.get(document["id"])
            if heard is None:
                wav = (args.keep_audio or Path(folder)) / f"{document['id']}.wav"
                wav.parent.mkdir(parents=True, exist_ok=True)
                seconds += speak(document["text"], wav)
                heard = transcribe(wav, args.model)
            row = relabel(document, heard)
            kept, lost = kept + len(row["spans"]), lost + len(row["lost_in_transcription"])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            print(f"{document['id']}: {len(row['spans'])} identifiers carried over, "
                  f"{len(row['lost_in_transcription'])} lost in transcription", file=sys.stderr)
    print(f"{len(documents)} excerpts, {seconds / 60:.1f} min of speech newly made; identifiers carried over {kept}, "
          f"lost in transcription {lost} ({lost / max(1, kept + lost):.1%})")


if __name__ == "__main__":
    main()
