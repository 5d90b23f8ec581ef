"""Provides spelled-out acronyms: letters said one by one ('N H S', 'I B M', 'd w p') read as the acronym, kept
when it is an allowed national body and redacted as an organisation where it names a workplace."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from interviewer.anonymise.cues import WORK_VERBS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import default_allow_terms

SPELLED_UPPER = re.compile(r"(?<![\w.'’-])[A-Z](?:\.?[ \t](?:(?:and|&)[ \t])?[A-Z]){1,5}\.?(?![\w'’-])")
SPELLED_LOWER = re.compile(r"(?<![\w.'’-])[a-z](?:\.?[ \t](?:(?:and|&)[ \t])?[a-z]){1,5}\.?(?![\w'’-])")
"""Letters said one by one, perhaps joined by 'and' ('A T and T', 'p and g')."""
WORKPLACE_BEFORE = re.compile(r"\b(?:(?:" + "|".join(sorted(WORK_VERBS)) + r")\s+(?:at|for|with|by)|"
                              r"(?:at|for|joined|from|(?:been|was|is)\s+with|(?:went|go|goes|going|gone)\s+to|studied\s+at|"
                              r"graduated\s+from)\s+(?:the\s+)?)\s*$", re.IGNORECASE)
"""'worked at', 'a job with', 'joined', 'for', 'went to': what follows is where someone works or studies."""
WORK_CONTEXT = re.compile(r"\b(?:" + "|".join(sorted(WORK_VERBS)) + r"|retired|hired|laid off|contract|company|firm)\b", re.I)
COMPANY_NEAR = re.compile(r"\b(?:" + "|".join(sorted(WORK_VERBS)) + r"|retired|retire|hired|hiring|laid|layoffs?|fired|"
                          r"company|companies|firm|corporation|plant|factory|mill|headquarters|employees?|pension|"
                          r"union|shift|shifts|career|been with|was with|is with)\b", re.I)
"""Words near a spelled-out acronym that make it a company ('I B M was a good company', 'the G M plant closed')."""
COMMON_ABBREVIATIONS = frozenset("""tv pc it hr ceo cfo coo am pm pt ac dj id us usa uk eu ok md rn lpn cna emt er phd ba
ma bs bsc msc mba copd hiv aids dna iv atm asap fyi rv suv dvd cd gps pr qa hq vp cpr ae mri ct ecg ekg bp ibs ms als
obgyn ent pe diy bbq gcse sat act ged rsvp la ny dc uti std abc ot mau sau opd pacu slt uc mrn epu eau cdu cbt dbt emdr
mbct ect tia dvt ptsd adhd asd ocd icu er ae ccu""".split())
"""Letters people spell out that name no organisation (a television, a job title, a test, a condition, a place)."""


@functools.lru_cache(maxsize=1)
def allowed_acronyms() -> frozenset[str]:
    return frozenset(t.lower() for t in default_allow_terms() if " " not in t and t.isupper() and 2 <= len(t) <= 6)


def names_no_organisation(acronym: str) -> bool:
    """Letters that are an allowed national body or a common abbreviation ('NHS', 'COPD', 'TV'), whatever stands
    round them."""
    lower = acronym.lower()
    return lower in allowed_acronyms() or lower.replace("&", "") in COMMON_ABBREVIATIONS


def spelled_acronyms(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, acronym) for each run of two to six single letters; a run of lower-case letters counts only
    when at least two are not 'a' or 'i' (which are words)."""
    for pattern in (SPELLED_UPPER, SPELLED_LOWER):
        for match in pattern.finditer(text):
            end = match.end()
            if match.group().endswith(". I") and re.match(r" [a-z]", text[end:end + 2]):
                end -= 3  # 'met at L S U. I was ...': the next sentence's 'I'
            speaker = re.search(r"[ \t](?:and|&)[ \t]I$", text[match.start():end])
            if speaker and re.match(r" [a-z]", text[end:end + 2]):
                end = match.start() + speaker.start()  # 'works for I B M and I work ...': the speaker's 'I'
            letters = re.sub(r"[^A-Za-z&]", "", re.sub(r"\band\b", "&", text[match.start():end]))
            plain = sum(ch.lower() not in "ai&" for ch in letters)
            if len(letters) < 2 or plain == 0 or (pattern is SPELLED_LOWER and plain < 2):
                continue
            yield match.start(), end, letters.upper()


def find_spelled_acronyms(text: str) -> Iterator[Found]:
    """Spelled-out acronyms that name a workplace ('I work for I B M', 'at T I'); national bodies are kept."""
    yield from find_written_acronyms(text)
    for start, end, acronym in spelled_acronyms(text):
        if names_no_organisation(acronym):
            continue
        if WORKPLACE_BEFORE.search(text, max(0, start - 30), start):
            yield Found(start, end, "ORGANIZATION", 0.7, f"acronym '{acronym}' spelled out, a workplace")
        elif COMPANY_NEAR.search(text, max(0, start - 40), min(len(text), end + 40)):
            yield Found(start, end, "ORGANIZATION", 0.6, f"acronym '{acronym}' spelled out, near talk of a company")


WRITTEN_ACRONYM = re.compile(r"(?<![\w.'’-])[A-Z]{2,5}(?:&[A-Z])?(?![\w'’-])")


CARE_PLACE_BEFORE = re.compile(r"\b(?:at|in\s+to|into|to|in)\s+(?:the\s+)?$", re.IGNORECASE)
CARE_CONTEXT = re.compile(r"\b(?:surgeon|neurologist|consultant|specialist|nurse|midwife|doctors?|physio|cardiologist|"
                          r"oncologist|paediatrician|pediatrician|referred|referral|booked|admitted|appointment|scan|"
                          r"operation|delivered|treated|transferred|ambulance|sent|rushed|gp|kept\s+(?:him|her|me|them))\b", re.IGNORECASE)
"""Talk of care just before 'at'/'in to' an acronym: the acronym is where the care was ('a neurologist at QA')."""
NOUN_AFTER = re.compile(r"[ \t]+(?!(?:and|for|with|then|when|because|that|this|last|again|today|tonight|yesterday|once|after|"
                        r"before|where|which|who)\b)[a-z]{3,}\b")
"""A lower-case word after the acronym that it qualifies ('the TB clinic', 'the MS nurse'): the acronym is no place."""


SOMEONE_THERE_BEFORE = re.compile(
    r"(?:['’](?:s|m|re)|\b(?:is|am|are|was|were|study|studies|studying|studied|enrolled|started|starts)|\bnow)\s+at\s+$",
    re.IGNORECASE)
"""Where someone is, studies or started just before an acronym ("she's at UNB", "my son's at DCU", 'studying at UCD');
not 'in' ('he's in AA', 'in the US')."""
GOES_ON_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|[ \t]+(?:[a-z]+ing|for|now|and|but|so|since|until|till|then|in|on|at)\b")
"""After such an acronym, the clause ends or goes on without a noun the acronym would qualify ('at UNB doing nursing';
not 'at MS clinic')."""


def find_written_acronyms(text: str) -> Iterator[Found]:
    """An acronym that is no allowed body or common abbreviation, where a workplace, a place of care or where someone
    is stands ('I worked for EDS', 'a job at GTE', 'the surgeon at HSN', 'booked in to UHG', "she's at UNB")."""
    for match in WRITTEN_ACRONYM.finditer(text):
        if names_no_organisation(match.group()) or match.group() in ("I", "OK", "TV", "PC", "AM", "PM"):
            continue
        before = max(0, match.start() - 40)
        if WORKPLACE_BEFORE.search(text, max(0, match.start() - 30), match.start()) \
                and WORK_CONTEXT.search(text, before, match.start()):
            yield Found(match.start(), match.end(), "ORGANIZATION", 0.65, f"acronym '{match.group()}', a workplace")
        elif CARE_PLACE_BEFORE.search(text, max(0, match.start() - 12), match.start()) \
                and CARE_CONTEXT.search(text, before, match.start()) and not NOUN_AFTER.match(text, match.end()):
            yield Found(match.start(), match.end(), "ORGANIZATION", 0.65, f"acronym '{match.group()}', a place of care")
        elif SOMEONE_THERE_BEFORE.search(text, max(0, match.start() - 14), match.start()) \
                and GOES_ON_AFTER.match(text, match.end()):
            yield Found(match.start(), match.end(), "ORGANIZATION", 0.6, f"acronym '{match.group()}', where someone is")


def allowed_spelled_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where a national body is spelled out letter by letter ('N H S', 'd w p'): never redacted."""
    for start, end, acronym in spelled_acronyms(text):
        if acronym.lower() in allowed_acronyms():
            yield start, end
