"""Provides the long-recording accuracy benchmark: words lost when Whisper skips a passage, by decoding setting.

Run:  .venv/bin/python scripts/bench_dropped_speech.py CORPUS.jsonl [CORPUS.jsonl ...] [--limit N]

Each excerpt of a written corpus (the anonymisation corpora: turns "Interviewer: ..." / "Participant: ...", three
to four minutes each when spoken) is spoken by espeak-ng (tests/spoken_excerpts.py), then transcribed by the
product's Transcriber four ways: with and without the previous window's text given to the next, and with and
without long gaps between segments listened to again. Printed per setting: the word error rate against the
written words, and the words lost in passages of ten or more that the transcript leaves out (Whisper jumping its
timestamps past speech).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

from speech_source import word_error_rate
from spoken_excerpts import skipped_words, speak, written_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--limit", type=int, default=0, help="at most this many excerpts")
    args = parser.parse_args()
    from interviewer.transcribe.whisper import Transcriber, TranscriptionSettings

    transcribers = {
        f"{'conditioned' if conditioned else 'unconditioned'}, gaps {'heard again' if again else 'left'}":
            Transcriber(settings=dataclasses.replace(TranscriptionSettings(), condition_on_previous_text=conditioned,
                                                     gaps_heard_again=again))
        for conditioned in (True, False) for again in (True, False)}
    documents = [json.loads(line) for corpus in args.corpora for line in corpus.read_text().splitlines() if line]
    documents = documents[:args.limit or None]
    totals = {name: [0, 0, 0.0] for name in transcribers}  # skipped words, written words, WER x written words
    with tempfile.TemporaryDirectory() as folder:
        for document in documents:
            wav = Path(folder) / "excerpt.wav"
            speak(document["text"], wav)
            written = " ".join(w.group() for w in written_words(document["text"]))
            line = [document["id"]]
            for name, transcriber in transcribers.items():
                heard = " ".join(s.text for s in transcriber.transcribe(wav).segments)
                skipped, wer = skipped_words(document["text"], heard), word_error_rate(written, heard)
                counts = totals[name]
                counts[0], counts[1], counts[2] = counts[0] + skipped, counts[1] + len(written.split()), \
                    counts[2] + wer * len(written.split())
                line.append(f"{name}: WER {wer:.3f}, skipped {skipped}")
            print("; ".join(line), flush=True)
    for name, (skipped, words, weighted) in totals.items():
        print(f"{name}: {len(documents)} excerpts, {words} words; WER {weighted / words:.3f}; "
              f"words in skipped passages {skipped} ({skipped / words:.1%})")


if __name__ == "__main__":
    sys.exit(main())
