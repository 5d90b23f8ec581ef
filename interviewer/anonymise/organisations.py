"""Provides the organisation rules for cased speech that read context rather than a capitalised head word: a name
before a lower-case generic head ('the Maplecrest centre'), a name set beside an organisation noun ('an agency,
Staffwise'; 'Open Gate, a little charity'), a name after a provider or work cue ('a plan from Humana', 'a hostel run
by Safe Harbour', 'security for Guardline'), a name answering a question about an institution ('Which hospital? -
Cypress Regional'), and 'the Royal' before a name."""

from __future__ import annotations

import functools
from typing import Iterator

from interviewer.anonymise.cues import (
    FILLERS, GENERIC_CAPITALISED, MONTHS, SERVICE_WORDS, TITLES, WEEKDAYS, WORK_NOUNS, WORK_VERBS,
)
from interviewer.anonymise.employers import ROLE_NOUNS, employer_cue
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import brand_terms
from interviewer.anonymise.institution_heads import GENERIC_MODIFIERS
from interviewer.anonymise.words import TokenView, is_acronym, is_brand_case, is_capitalised, is_word

BRAND_AT_WORK = "(a brand named as a workplace or provider)"
"""Marks spans the allow list would otherwise drop (see Anonymiser._without_allowed)."""
REASON = "an organisation's name"
"""Reason prefix of every span found here: it outranks a bare capitalised word's person reading (see _priority)."""
GENERIC_HEADS = frozenset("""centre center practice surgery clinic hospital hospice club group home school college
project hub unit service services charity trust foundation association society church chapel team pharmacy chemist
chemists agency shop store branch site campus office offices academy nursery gym library bank pantry mill plant
factory warehouse kitchen cafe café restaurant pub bar diner hotel""".split())
"""Lower-case nouns after a name that make it an organisation's ('the Maplecrest centre', 'the Seapoint club')."""
ORGANISATION_NOUNS = frozenset("""charity charities agency agencies company firm business organisation organization
group crowd outfit centre center service provider insurer bank store shop chain supermarket supplier contractor
employer clinic hospital practice hostel project scheme network association society trust foundation cooperative
co-op club church team union nursery academy school college refinery plant mill factory works warehouse rescue shelter
district league dealership garage salon studio bakery restaurant diner cafe café pub bar""".split())
"""Nouns that, set beside a name by a comma, say it names an organisation ('an agency, Staffwise', 'a refinery, Gulf
Channel Refining')."""
PROVIDER_NOUNS = frozenset("""plan plans insurance insurer cover coverage policy supplement pension pensions
prescription prescriptions parcel parcels referral grant grants loan loans walker wheelchair equipment carers care
support help programme program funding meals package packages benefit mortgage hoist stairlift scooter aids
adaptations""".split())
"""Nouns of a thing provided after which 'from', 'through', 'with' or 'via' names who provides it ('a supplement plan
from Humana', 'a walker through Mobility Plus', 'health cover with Coralfund')."""
PROVIDER_PREPOSITIONS = frozenset("from through with via by".split())
OBTAINING = frozenset("got get gets getting received receive arranged sorted came comes".split())
"""Verbs before 'through' or 'via' that make what follows who provided it ('we got it through Able Living')."""
RUN_BY = frozenset("run funded organised organized provided operated owned managed".split())
"""Participles before 'by' that name an organisation ('a hostel run by Safe Harbour')."""
TEACHING_STUDYING = frozenset("""taught teach teaches teaching studied study studies studying trained training
lectured lecturing volunteer volunteers volunteered volunteering""".split())
"""Verbs before 'at' that make what follows a school, college or workplace ('I taught at Stivers')."""
INSTITUTION_QUESTION = frozenset("""hospital hospitals school schools college university practice surgery clinic gp
employer company firm church charity agency insurer insurance pharmacy club hospice""".split())
"""Words in a question that make a name opening the answer an institution's ('How far is the nearest hospital?')."""
ANSWER_OPENERS = frozenset("""oh um erm er uh well yeah yes mostly mainly usually probably that'd it's its that's
it was at the""".split()) | FILLERS
DETERMINERS_BEFORE_HEAD = frozenset("the our my his her their your".split())
CONNECTORS = frozenset("and & of".split())
NATIONAL_ROYALS = frozenset("""navy mail marines air family engineers signals artillery mint household society academy
ballet opera legion institution commission mounted canadian australian irish ulster college""".split())
"""Words after 'the Royal' that make a national body or the monarchy, not a local hospital."""


def _name_word(v: TokenView, k: int, inside: bool = False) -> bool:
    """A word that can stand in an organisation's name; a title only inside one ('Royal Flying Doctor')."""
    w = v.word(k)
    return is_word(w) and (is_capitalised(w) or is_acronym(w)) and v.lower(k) not in MONTHS \
        and v.lower(k) not in WEEKDAYS and (inside or v.lower(k).rstrip(".") not in TITLES)


def _run_end(v: TokenView, i: int, limit: int = 4) -> int | None:
    """The last token of a capitalised run starting at i (joined by 'and', '&', 'of' between capitalised words, a
    trailing possessive kept), or None where no capitalised word starts at i."""
    if not _name_word(v, i) or v.lower(i) in CONNECTORS:
        return None
    last = i
    while last - i < limit:
        k = last + 1
        if v.lower(k) in CONNECTORS and _name_word(v, k + 1) and not v.initial(k + 1):
            last = k + 1
        elif _name_word(v, k, inside=True) and not v.initial(k):
            last = k
        else:
            break
    if v.word(last + 1) in ("'s", "’s"):
        last += 1
    return last


def _words(v: TokenView, i: int, last: int) -> list[int]:
    return [k for k in range(i, last + 1) if is_word(v.word(k)) and v.lower(k) not in CONNECTORS]


def _generic(v: TokenView, k: int) -> bool:
    lower = v.lower(k)
    return lower in SERVICE_WORDS or lower in GENERIC_MODIFIERS or lower in GENERIC_CAPITALISED or v.allowed(k) \
        or v.group_word(k) or v.tokens[k].is_stop or lower in FILLERS


def _a_person(v: TokenView, words: list[int]) -> bool:
    """'Sarah', 'Sarah Jones', 'Dr Patel': a person's name, not an organisation's."""
    first = v.lower(words[0])
    if v.lower(words[0] - 1).rstrip(".") in TITLES:
        return True
    if first not in v.gaz.first_names:
        return False
    return len(words) == 1 or all(v.lower(k) in v.gaz.surnames or not v.common(k) for k in words[1:])


def _organisation_like(v: TokenView, i: int, last: int, strong: bool) -> bool:
    """Whether tokens i..last can be an organisation's name: not a person's, not only generic or allowed words;
    with a weak cue a single word must be no English word, and a known place alone stays a place."""
    words = _words(v, i, last)
    if not words or all(_generic(v, k) for k in words) or _a_person(v, words):
        return False
    if len(words) == 1:
        lower = v.lower(words[0])
        if lower in v.gaz.regions:
            return False  # 'Otago', 'Kerry': a region is a place wherever it stands
        if v.common(words[0]) and not strong or lower in v.gaz.places and not strong or len(lower) < 2:
            return False
    return True


def _span(v: TokenView, i: int, last: int, why: str, score: float = 0.62) -> Found:
    return v.span(i, last, "ORGANIZATION", score, f"{REASON} {why}")


def find_named_before_heads(v: TokenView) -> Iterator[Found]:
    """'the Maplecrest centre', 'the Garryowen rugby club', 'our Seaview practice': a capitalised name mid-sentence
    between a determiner and a lower-case generic head (perhaps after one or two lower-case words)."""
    n = len(v.tokens)
    for i in range(1, n):
        if v.lower(i - 1) not in DETERMINERS_BEFORE_HEAD or v.initial(i) or not _name_word(v, i):
            continue
        last = _run_end(v, i)
        if last is None:
            continue
        k = last + 1
        while k < n and k - last <= 3 and v.word(k).islower() and is_word(v.word(k)) and v.lower(k) not in GENERIC_HEADS \
                and not v.tokens[k].is_stop:
            k += 1
        if not (v.word(k).islower() and v.lower(k) in GENERIC_HEADS):
            continue
        words = _words(v, i, last)
        if len(words) == 1 and v.common(words[0]):
            continue  # 'the Memory clinic', 'the Pain clinic': a service written with a capital
        if any(is_acronym(v.word(w)) or is_brand_case(v.word(w)) for w in words):
            continue  # 'the TB clinic', 'the COPD team', 'the TRiM team': a condition's or a programme's service
        if any(_generic(v, w) for w in words) or not _organisation_like(v, i, last, strong=True):
            continue
        if len(words) > 1 and (all(v.lower(w) in v.gaz.places for w in words)
                               or v.lower(words[0] + 1) == "and" and not any(v.common(w) for w in words)):
            continue  # 'the Harpurhey and Blackley team': the areas a service covers are places
        yield _span(v, i, last, f"before the generic head '{v.word(k)}'")


def _head_noun_after(v: TokenView, k: int) -> int | None:
    """From an article or "that's a" at k, the index of the noun that ends the noun phrase ('a little charity',
    'a volunteer visiting group'), or None."""
    if v.lower(k) in ("that's", "that’s", "thats") or (v.lower(k) == "that" and v.lower(k + 1) in ("'s", "’s", "is")):
        k += 1 if v.lower(k) != "that" else 2
    if v.lower(k) not in ("a", "an", "the"):
        return None
    end = k
    while end + 1 < len(v.tokens) and end - k < 5 and is_word(v.word(end + 1)) and not v.tokens[end + 1].is_stop:
        end += 1
    return end if end > k else None


def find_named_beside_nouns(v: TokenView) -> Iterator[Found]:
    """'an agency, Staffwise', 'a housing association one, Queens Cross', 'Open Gate, a little charity',
    'Brightwater, that's a family resource centre': a name set by a comma beside a noun that only an organisation
    fits."""
    n = len(v.tokens)
    for i in range(2, n):
        if v.word(i - 1) != "," or not v.word(i)[:1].isupper() or not _name_word(v, i) or v.initial(i):
            continue
        last = _run_end(v, i)
        if last is None:
            continue
        noun = v.lower(i - 3) if v.lower(i - 2) == "one" else v.lower(i - 2)
        before = noun in ORGANISATION_NOUNS
        after = False
        if v.word(last + 1) == ",":
            head = _head_noun_after(v, last + 2)
            after = head is not None and v.lower(head) in ORGANISATION_NOUNS
        if (before or after) and _organisation_like(v, i, last, strong=True):
            yield _span(v, i, last, "beside the noun '" + (noun if before else v.word(head)) + "'")
    for comma in range(2, n):
        # 'run by Open Gate, a little charity': read back from a comma that an organisation noun follows
        if v.word(comma) != ",":
            continue
        head = _head_noun_after(v, comma + 1)
        if head is None or v.lower(head) not in ORGANISATION_NOUNS:
            continue
        i = comma - 1
        while i > 0 and comma - i < 5 and (_name_word(v, i - 1, inside=True) or v.lower(i - 1) in CONNECTORS) \
                and not v.initial(i):
            i -= 1
        while v.lower(i) in CONNECTORS:
            i += 1
        if i >= comma or v.word(i - 1) == "," or v.initial(i) or _run_end(v, i) != comma - 1:
            continue
        if _organisation_like(v, i, comma - 1, strong=True):
            yield _span(v, i, comma - 1, f"beside the noun '{v.word(head)}'")


def _cue_before(v: TokenView, i: int) -> str | None:
    """The provider or work cue that makes the name at i an organisation's, if any."""
    prep = v.lower(i - 1)
    if prep == "by" and v.lower(i - 2) in RUN_BY:
        return f"after '{v.word(i - 2)} by'"
    if prep in PROVIDER_PREPOSITIONS:
        for k in range(i - 2, max(-1, i - 5), -1):
            if not is_word(v.word(k)):
                break
            if v.lower(k) in PROVIDER_NOUNS or v.lower(k) in OBTAINING and prep in ("through", "via"):
                return f"after '{v.word(k)} … {v.word(i - 1)}'"
    if prep in ("for", "at") and v.lower(i - 2) in WORK_NOUNS:
        return f"after '{v.word(i - 2)} {v.word(i - 1)}'"
    if prep == "at" and v.lower(i - 2) in TEACHING_STUDYING:
        return f"after '{v.word(i - 2)} at'"
    if prep == "at" and v.lower(i - 2) in ("over", "down", "up", "out") \
            and (v.lower(i - 3) in ROLE_NOUNS or v.lower(i - 3) in WORK_VERBS):
        return f"after '{v.word(i - 3)} {v.word(i - 2)} at'"
    return None


def find_named_after_cues(v: TokenView) -> Iterator[Found]:
    """'a supplement plan from Humana', 'a walker through Mobility Plus', 'a hostel run by Safe Harbour', 'a
    warehouse for Canadian Tire', 'on the tills at Crannog Foods': a capitalised name after a provider or work cue."""
    for i in range(2, len(v.tokens)):
        start = i + 1 if v.lower(i) == "the" else i
        if not v.word(start)[:1].isupper() or not _name_word(v, start):
            continue
        cue = _cue_before(v, i)
        if cue is None or v.initial(start):
            continue
        last = _run_end(v, start)
        if last is None or v.lower(i - 1) == "from" and v.lower(last + 1) == "to":
            continue  # 'I cover from Inchicore to Clondalkin': a journey's places
        if _organisation_like(v, start, last, strong=False):
            yield _span(v, start, last, cue)


def _question_before(v: TokenView, line_start: int) -> bool:
    """Whether the line before the one starting at character line_start asks about an institution."""
    text = v.text
    end = text.rfind("\n", 0, max(0, line_start - 1))
    question = text[end + 1:line_start].lower()
    if "?" not in question:
        return False
    return any(w.strip("?.,!'’s") in INSTITUTION_QUESTION for w in question.split())


def find_answers_naming_institutions(v: TokenView) -> Iterator[Found]:
    """'I: How far is the nearest hospital? / P: Cypress Regional is about forty minutes': a capitalised name opening
    the answer to a question about a hospital, school, employer ... is that institution's."""
    text = v.text
    for i in range(2, len(v.tokens)):
        if v.word(i - 1) != ":" or text[v.tokens[i - 2].idx - 1:v.tokens[i - 2].idx] not in ("\n", "") \
                and v.tokens[i - 2].idx != 0:
            continue
        if not _question_before(v, v.tokens[i - 2].idx):
            continue
        k = i
        while k < i + 4 and (v.lower(k) in ANSWER_OPENERS or v.word(k) == ","):
            k += 1
        last = _run_end(v, k)
        if last is None or v.word(last + 1) == ":":
            continue
        words = _words(v, k, last)
        if len(words) == 1 and (v.common(words[0]) or v.lower(words[0]) in v.gaz.first_names):
            continue  # 'Honestly, ...', 'Sarah says ...'
        if any(v.allowed(w) for w in words) or not _organisation_like(v, k, last, strong=True):
            continue
        yield _span(v, k, last, "answering a question about an institution")


def find_royal_institutions(v: TokenView) -> Iterator[Found]:
    """'three years at the Royal Whitfield', 'to the Royal Free': 'the Royal' before a capitalised word names a
    hospital or institution (not 'the Royal Navy', 'the Royal Mail')."""
    for i in range(1, len(v.tokens) - 1):
        if v.word(i) != "Royal" or v.lower(i - 1) != "the" or v.initial(i) or not _name_word(v, i + 1):
            continue
        if v.lower(i + 1) in NATIONAL_ROYALS:
            continue
        last = _run_end(v, i + 1, limit=2)
        yield _span(v, i, last, "after 'the Royal'")


@functools.lru_cache(maxsize=1)
def _brand_first_words() -> frozenset[str]:
    return frozenset(term.split()[0] for term in brand_terms())


def _brand_said(v: TokenView, first: int, last: int) -> str:
    """Tokens first..last as the brand list writes them: lower case, spaced, a possessive's "'s" joined on."""
    said = ""
    for k in range(first, last + 1):
        word = v.lower(k).replace("’", "'")
        said += word if word == "'s" or not said else f" {word}"
    return said


def find_brands_at_work(v: TokenView) -> Iterator[Found]:
    """'first job was at a warehouse for Canadian Tire', 'she works at Kmart', 'a supplement plan from Humana', in
    lower case 'a job with tesla': a brand kept when merely mentioned ('bought it at Kmart') is redacted where it
    employs or provides."""
    from interviewer.anonymise.propagation import is_lower_case_text

    first_words, brands = _brand_first_words(), brand_terms()
    lower_case_text = is_lower_case_text(v.text)
    for i in range(2, len(v.tokens)):
        possessive = v.word(i + 1) in ("'s", "’s") and f"{v.lower(i)}'s" in first_words  # "Sainsbury's", two tokens
        if v.lower(i) not in first_words and not possessive or not (v.word(i)[:1].isupper() or lower_case_text) \
                or v.initial(i):
            continue
        last = next((k for k in range(min(len(v.tokens) - 1, i + 3), i - 1, -1)
                     if _brand_said(v, i, k) in brands), None)
        if last is None:
            continue
        before = i - 1 if v.lower(i - 1) == "the" else i
        cue = _cue_before(v, before)
        if cue is None:
            said = employer_cue(v, i)
            cue = f"after '{said[0]}'" if said else None
        if cue is not None:
            # scored above the same span found by the other rules (a head word: 0.8), which Presidio would otherwise keep
            yield _span(v, i, last, f"{BRAND_AT_WORK} {cue}", score=0.82)


def find_organisations(v: TokenView) -> list[Found]:
    return [*find_named_before_heads(v), *find_named_beside_nouns(v), *find_named_after_cues(v),
            *find_answers_naming_institutions(v), *find_royal_institutions(v), *find_brands_at_work(v)]
