"""Provides labelled anonymisation corpora of Whisper output: a written corpus spoken, transcribed and relabelled.

Run:  .venv/bin/python scripts/anon_speech_corpus.py CORPUS.jsonl OUT.jsonl [--model tiny.en] [--fresh]
then: unshare -rn .venv/bin/interviewer eval anonymisation OUT.jsonl

Each excerpt of a labelled corpus (`interviewer eval anonymisation` format; turns written "Interviewer: ..." and
"Participant: ...") is spoken by espeak-ng, one voice per role (tests/spoken_excerpts.py), into a WAV file. The
file goes the way a research team's recordings go: imported into a new encrypted study and transcribed there by the
product's own pipeline (the same calls as `interviewer import` and `interviewer transcribe`, speakers attributed).
The stored transcript, joined as the anonymiser reads it, becomes the new excerpt's text.

With `--through interview` the excerpt goes the way a live interview goes instead: the interviewer's turns are
played into the call's microphone and the participant's into the call (a private PulseAudio daemon, as in the call
tests) while the interview screen records in call mode (Textual's Pilot, the real recorder); after the stop the
app's own processing makes the stored transcript (final pass by channel), which becomes the excerpt's text. Each
excerpt takes as long as it is spoken, plus processing.

Labels are carried over by aligning the written words with the transcribed ones. An identifier is kept when the
transcript still says something like it (letters and digits similar to at least SIMILAR_ENOUGH), a number still
written as one, or some other name in its place ('Pádraig' heard as 'Patrick'); one the transcription garbled beyond
that ("Siobhan O'Donnell" heard as "She's gone") identifies nobody in the transcript and is counted as lost instead.
A trap term is kept only when transcribed exactly. The synthetic voice garbles more names than a person would, so
the figures are a lower bound on what transcription keeps.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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

from spoken_excerpts import WORD, speak, speak_sides, written_words  # noqa: E402  (tests/ holds the shared helper)

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


@contextlib.contextmanager
def interview_recorder(model: str | None = None):
    """A function hearing an excerpt through the interview screen, in one encrypted study with a sound server;
    `model` is the study's transcription model (`interviewer study set-model`), which the final pass uses."""
    sys.path.insert(0, str(REPO / "scripts"))
    from bench_study import bench_study

    from interviewer import pipeline
    from interviewer.anonymise.study.interview import SEPARATOR
    from interviewer.app import default_live_model, make_app
    from interviewer.audio.capture import AudioBackend
    from interviewer.processing import process_interview

    async def record(study, sink, tracks: tuple[Path, Path], seconds: float) -> int:
        from test_call_interview_app import record_call_interview
        from test_interview_app import SIZE

        app = make_app(study, audio=AudioBackend(), process=process_interview, live_model=default_live_model,
                       model_status=lambda: (True, "speech corpus"), check_seconds=0.5)
        async with app.run_test(size=SIZE) as pilot:
            interview_id = await record_call_interview(app, pilot, sink, list(tracks), play_seconds=seconds + 60,
                                                       process_seconds=900)
            await pilot.pause(0.5)
        return interview_id

    def hear(text: str, folder: Path) -> tuple[str, float]:
        *tracks, seconds = speak_sides(text, folder)
        interview_id = asyncio.run(record(bench.study, bench.sink, tuple(tracks), seconds))
        return SEPARATOR.join(segment.text for segment in bench.study.segments(interview_id)), seconds

    original = pipeline.anonymise_interview
    pipeline.anonymise_interview = lambda study, interview_id: 0  # the words as transcribed; the eval anonymises
    try:
        with bench_study("spoken corpus, thrown away after") as bench:
            if model is not None:
                from interviewer.transcribe.study_model import set_study_model

                set_study_model(bench.study, model)
            yield hear
    finally:
        pipeline.anonymise_interview = original


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
    parser.add_argument("--model", default=None, help="Whisper model (default: the product's default); through the "
                        "interview screen, the study's model, which its final pass uses (live text stays tiny.en)")
    parser.add_argument("--fresh", action="store_true", help="transcribe again even where OUT has a transcript")
    parser.add_argument("--through", choices=("import", "interview"), default="import",
                        help="import the spoken file and transcribe it, or record it through the interview screen")
    parser.add_argument("--keep-audio", type=Path, default=None, help="folder to keep the spoken WAV files in")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    documents = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    heard_before = {}
    if args.out.exists() and not args.fresh:  # relabel the transcripts already made
        heard_before = {row["id"]: row["text"] for row in map(json.loads, args.out.read_text().splitlines())}
    kept = lost = seconds = 0
    recorder = (interview_recorder(args.model) if args.through == "interview" and len(heard_before) < len(documents)
                else contextlib.nullcontext())
    with (tempfile.TemporaryDirectory() as folder, recorder as hear,
          args.out.open("w", encoding="utf-8") as out):
        # OUT was read above; rows are written back as each excerpt is done, so a stopped run keeps its work
        for document in documents:
            heard = heard_before.get(document["id"])
            if heard is None:
                audio = (args.keep_audio or Path(folder)) / document["id"]
                audio.mkdir(parents=True, exist_ok=True)
                if hear:
                    heard, spoken = hear(document["text"], audio)
                else:
                    spoken = speak(document["text"], audio / "excerpt.wav")
                    heard = transcribe(audio / "excerpt.wav", args.model)
                seconds += spoken
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
