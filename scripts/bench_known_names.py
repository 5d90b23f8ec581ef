"""Benchmarks the study's known names heard again by Whisper (transcribe/known_words.py and
Transcriber._with_known_names_heard), through the path an interview takes after it is recorded: participants whose
names Whisper has never seen introduce themselves (spoken by espeak-ng), alone or after minutes of other speech (the
shared real speech of ../shared/eval/speech), the recording is imported into a study that knows their name and
workplace, transcribed by the final pass and anonymised as the app does. It reports, with and without the known names,
how many mentions of the names were spelled as the study records them and how many reached the anonymised transcript
coders get (a mention counts as reaching them when a word the transcript has in its place is left unredacted). It also
reports the word error rate and time of a recording of the shared real speech with and without unrelated known names:
the cost when the names are never said.

Run: .venv/bin/python scripts/bench_known_names.py [--model NAME] [--lead SECONDS]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

PARTICIPANTS = [
    ("Adaeze Okonkwo", "Brightwater Logistics"), ("Siobhan Ni Dhuibhir", "Kilbride Mill Bakery"),
    ("Tavita Faleolo", "Harbourside Freight"), ("Marguerite Thibodeaux", "Bayou Landing Seafood"),
    ("Grzegorz Wozniak", "Northgate Tool Hire"), ("Nguyen Thi Thanh Huong", "Silverleaf Nails"),
    ("Eilidh MacLeod", "Stornoway Creel Company"), ("Wiremu Tamihana", "Kahikatea Landscaping"),
    ("Priyanka Raghunathan", "Orchard Lane Pharmacy"), ("Abdirahman Warsame", "Eastfield Cabs"),
    ("Gwenllian Pritchard", "Cwm Taf Carers"), ("Oksana Hrytsenko", "Meadowbank Care Home"),
]
"""Invented people with names of many origins, and workplaces named with ordinary words."""


def excerpt(name: str, workplace: str) -> str:
    given = name.split()[0]
    return (f"Interviewer: Could you start by telling me a bit about yourself?\n\n"
            f"Participant: Of course. My name is {name}, and I work at {workplace}, most days of the week.\n\n"
            f"Interviewer: And how long have you been there?\n\n"
            f"Participant: Eleven years now. Everyone there just calls me {given}, and they have been good to me.")


def name_words(name: str, workplace: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", f"{name} {workplace}")} - {"and", "of", "the"}


def mentions(study, interview_id: int, written: str, words: set[str]) -> tuple[int, int, int]:
    """(mentions written, mentions spelled right, mentions left unredacted) of the name words."""
    from interviewer.anonymise.study.settings import study_anonymiser

    anonymiser = study_anonymiser(study)
    heard: list[tuple[str, bool]] = []  # each transcript word, and whether anonymising leaves it
    for segment in study.segments(interview_id):
        redacted = [(d.start, d.end) for d in anonymiser.detect(segment.text)]
        for match in re.finditer(r"[\w'’-]+", segment.text):
            left = not any(start < match.end() and match.start() < end for start, end in redacted)
            heard.append((match.group().lower(), left))
    said = [w.lower() for w in re.findall(r"[\w'’-]+", re.sub(r"(?m)^(Interviewer|Participant):", "", written))]
    written_count = sum(w in words for w in said)
    spelled = sum(w in words for w, _ in heard)
    matcher = difflib.SequenceMatcher(None, said, [w for w, _ in heard], autojunk=False)
    leaked = 0
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal" or op == "replace":
            for a in range(a0, a1):
                if said[a] not in words:
                    continue
                b = b0 + min(a - a0, b1 - b0 - 1) if op == "replace" else b0 + (a - a0)
                if b0 <= b < b1 and heard[b][1]:
                    leaked += 1
    return written_count, min(spelled, written_count), leaked


def shared_speech(seconds: float):
    """The shared real speech joined (a second apart) and repeated to at least `seconds`; its reference words."""
    import numpy as np
    from conftest import speech_references
    from faster_whisper import decode_audio

    pieces, words, length = [], [], 0.0
    while length < seconds:
        for path, reference in speech_references().items():
            audio = decode_audio(path)
            pieces += [audio, np.zeros(16000, np.float32)]
            words.append(reference)
            length += len(audio) / 16000 + 1
    return np.concatenate(pieces), " ".join(words)


def run_interviews(transcriber, with_hotwords: bool, folder: Path, lead: float) -> tuple[int, int, int]:
    from spoken_excerpts import speak

    from interviewer.pipeline import import_recording, transcribe_interview
    from interviewer.store import Study
    from interviewer.transcribe import known_words

    folder.mkdir(parents=True, exist_ok=True)
    totals = [0, 0, 0]
    real = known_words.interview_hotwords
    known_words.interview_hotwords = real if with_hotwords else (lambda study, interview: None)
    try:
        study = Study.create(f"{'with' if with_hotwords else 'without'}-{int(lead)}")
        for number, (name, workplace) in enumerate(PARTICIPANTS, 1):
            code = f"P{number:02}"
            study.add_participant(code, name=name, workplace=workplace)
            written = excerpt(name, workplace)
            audio = folder / f"{code}.wav"
            if not audio.exists():
                speak(written, audio)
                if lead:
                    import numpy as np
                    import soundfile
                    from faster_whisper import decode_audio

                    soundfile.write(audio, np.concatenate([shared_speech(lead)[0], decode_audio(str(audio))]), 16000,
                                    subtype="PCM_16")
            interview = import_recording(study, audio, code).interview
            transcribe_interview(study, interview.id, transcriber=transcriber, speakers=1)
            counts = mentions(study, interview.id, written, name_words(name, workplace))
            totals = [t + c for t, c in zip(totals, counts)]
        study.close()
    finally:
        known_words.interview_hotwords = real
    return tuple(totals)


def speech_cost(transcriber, hotwords: str | None) -> tuple[float, float]:
    """Word error rate and seconds taken on five minutes of the shared real speech."""
    import time

    from conftest import word_error_rate

    audio, reference = shared_speech(280)
    started = time.perf_counter()
    said = transcriber.with_hotwords(hotwords).transcribe(audio)
    return word_error_rate(reference, " ".join(s.text for s in said.segments)), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="Catalogue name or folder (default: the bundled tiny.en).")
    parser.add_argument("--lead", type=float, default=140.0,
                        help="Seconds of other speech before each introduction in the second round (default 140).")
    args = parser.parse_args()
    from interviewer.transcribe.whisper import Transcriber

    transcriber = Transcriber(args.model)
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWER_HOME"] = home
        os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "known names benchmark, thrown away after")
        os.environ.setdefault("INTERVIEWER_KEY_PASSPHRASE", "known names benchmark key")
        folder = Path(home) / "audio"
        print(f"model {transcriber.model_name}; {len(PARTICIPANTS)} participants introducing themselves")
        for lead in (0.0, args.lead):
            for with_hotwords in (False, True):
                written, spelled, leaked = run_interviews(transcriber, with_hotwords, folder / str(int(lead)), lead)
                label = "with known names   " if with_hotwords else "without known names"
                print(f"after {lead:.0f} s of other speech, {label}: mentions spelled as the study knows them "
                      f"{spelled}/{written} ({spelled / written:.2f}); left unredacted for coders {leaked}/{written} "
                      f"({leaked / written:.2f})")
    unrelated = ", ".join(f"{name}, {workplace}" for name, workplace in PARTICIPANTS[:2])
    for hotwords in (None, unrelated):
        wer, seconds = speech_cost(transcriber, hotwords)
        print(f"shared real speech, {'unrelated known names' if hotwords else 'no known names'}: WER {wer:.3f}, "
              f"{seconds:.1f} s")


if __name__ == "__main__":
    main()
