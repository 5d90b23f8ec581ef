"""Provides the employer rule: a name where an employer stands ('a job with Dell', 'retired from Chevron', 'twelve
years at Harrods', 'he was with Boeing for years') is an organisation, in cased and lower-case transcripts; in lower
case, ordinary words there too ('worked for family thrift for six years', 'on the tills at fresh choice')."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import COMMON_ABBREVIATIONS, allowed_acronyms
from interviewer.anonymise.cues import FILLERS, GENERIC_CAPITALISED, KIN_NOUNS, SERVICE_WORDS, TITLES, WORK_NOUNS, WORK_VERBS
from interviewer.anonymise.found import Found
from interviewer.anonymise.deed_words import a_deed_word
from interviewer.anonymise.numbers import number_value
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_acronym, is_capitalised, is_word

NUMBER = re.compile(r"\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)")

JOB_NOUNS = frozenset("job jobs contract contracts placement apprenticeship internship position post role".split())
"""Nouns after which 'with' or 'at' names who employs ('a job with Dell'), not a colleague ('I work with Dorota')."""
ROLE_NOUNS = frozenset("""nurse nurses teacher teachers manager doctor engineer cleaner carer driver receptionist
secretary technician assistant porter chef cook lecturer professor volunteer administrator supervisor accountant
pharmacist mechanic electrician plumber programmer analyst clerk cashier teller worker officer agent rep adviser advisor
consultant coordinator operator custodian labourer laborer welder machinist installer fitter tiler roofer painter
builder trainer guard librarian developer designer dispatcher bookkeeper caretaker janitor housekeeper""".split())
"""Jobs after which 'at' or 'with' names the employer ('a nurse at Kennestone', 'a bank teller with Prairie Trust')."""
WORKING_FOR = frozenset("""drive drives drove driving volunteer volunteers volunteered volunteering teach teaches taught
teaching clean cleans cleaned cleaning temp temps temped temping""".split())
"""Verbs of a job before 'for' ('he drives for Werner'): a weak cue, as 'work for'."""
SPAN_WORDS = frozenset("years months weeks decades".split())
"""'thirty-one years at/with Bell Helicopter'."""
LEFT_FROM = frozenset("retired resigned sacked fired redundant".split())
BY_EMPLOYER = frozenset("employed hired recruited taken".split())
TRADE_HEADS = frozenset("""dairies dairy foods food meats freight transport logistics haulage motors builders
construction engineering plumbing electrical farms poultry feeds feed mining couriers courier pallets tyres tire tires
timber steel plastics textiles printers print bakery bakeries butchers hardware furniture removals security cleaning
catering homecare recruitment solutions systems industries holdings enterprises supplies distribution packaging
fabrication joinery roofing scaffolding landscaping earthmoving quarries quarry mills brewery distillery winery
vineyards abattoir meatworks cannery fisheries seafoods seafood produce nurseries autos contracting contractors
haulers hauling trucking freightlines lines""".split())
"""Words naming a kind of business that close an employer's name after the name ('shannonside dairies',
'capricorn mining', 'valleys pallets')."""
EMPLOYMENT_STATUS = frozenset("casual casuals permanent part-time full-time temp temping agency shifts".split())
"""Words before 'at' that say someone is employed there ('I'm casual at ...')."""
HEDGES = frozenset("""nearly roughly about almost probably basically literally mostly mainly only really actually
originally recently initially eventually finally usually previously properly part full full-time part-time""".split())
"""Words after an employer's name that end it ('at shannonside dairies nearly twenty years')."""
NOT_EMPLOYERS = frozenset("""home night nights day days weekend weekends morning mornings evening evenings week weeks
month months year years time times least first last present moment minute end start beginning christmas summer winter
free nothing money myself himself herself themselves yourself ourselves itself cash peanuts""".split())
"""Words after 'works at' or 'works for' that name no employer ('at night', 'for years', 'for nothing')."""
HOW_ONE_WORKS = frozenset("""offshore onshore nights days weekends shifts part-time full-time casual away abroad overseas
locally remotely""".split())
"""Words between a work verb and 'at' or 'for' that say how or when the work is done ('works offshore for Shell')."""
HOW_LONG = frozenset("for since until till".split())
"""Words after 'was at' or 'been with' and a name that say how long someone was there ('been with Xerox since 1980')."""
CUE_WORDS = frozenset("at with from by for the".split())
"""The word before an employer's name is one of these (a cheap first test)."""
STRONG = "an employer's name"
"""Reason prefix of spans found after a cue only an employer fits: they outrank a first name's reading."""


def employer_cue(v: TokenView, i: int) -> tuple[str, bool] | None:
    """The cue before token i that makes it an employer's name, and whether the cue is strong enough to outweigh
    a first name ('a job with Dell', but 'I work for Sarah'); None where no employer stands."""
    back = 2 if v.lower(i - 1) == "the" else 1
    prep, verb, third = v.lower(i - back), v.lower(i - back - 1), v.lower(i - back - 2)
    if verb in HOW_ONE_WORKS and third in WORK_VERBS:
        verb, third = third, v.lower(i - back - 3)  # 'works offshore for Shell', 'worked nights at Asda'
    if prep == "at" and (verb in WORK_VERBS or verb in SPAN_WORDS or verb in ROLE_NOUNS or verb in EMPLOYMENT_STATUS):
        return f"{verb} at", True  # 'worked at', 'twelve years at', 'a nurse at'
    if prep == "at" and verb in ("was", "were", "been", "is") and _how_long_after(v, _last(v, i) + 1):
        return f"{verb} at", True  # 'I was at Lockheed for thirty years' (a first name there is a person: see below)
    if prep == "with" and verb in JOB_NOUNS:
        return f"{verb} with", True
    if prep == "at" and verb in ("'m", "’m", "am") and third == "i" and back == 1 and not v.lower(i).endswith(("'s", "’s")) \
            and v.word(_last(v, i) + 1) not in ("'s", "’s"):
        return f"{verb} at", False  # "these days I'm at Sobeys": where one works; not "I'm at the Kroger", "at Mum's"
    if prep == "with" and (verb in ROLE_NOUNS or verb in ("'m", "’m", "am") and third == "i" and _last(v, i) > i) \
            and v.lower(i) not in KIN_NOUNS and v.lower(i) not in FILLERS and v.lower(i).rstrip(".") not in TITLES:
        # 'a bank teller with Prairie Trust', "I'm with Front Range Tile"; not 'with Sarah', "I'm with Vodafone" (a
        # provider) or 'the nurse with Dr Patel'
        return f"{verb} with", False
    if prep == "from" and verb in LEFT_FROM or prep in ("from", "by") and verb == "off" and third in ("laid", "let"):
        return f"{verb} {prep}", True
    if prep == "by" and verb in BY_EMPLOYER:
        return f"{verb} by", True
    if prep in ("for", "by") and (verb in WORK_VERBS or verb in WORKING_FOR):
        return f"{verb} {prep}", False
    if prep == "with" and (verb in SPAN_WORDS or verb in ("was", "been", "is") and v.lower(_last(v, i) + 1) in HOW_LONG):
        return f"{verb} with", False  # 'years with', 'he was with Boeing for twenty years' (not 'was with Sarah')
    if prep == "with" and verb in ("'s", "’s", "is", "was") and (third in KIN_NOUNS or third in ("he", "she")) \
            and v.lower(i) not in KIN_NOUNS and v.lower(i) not in FILLERS:
        return f"{third} {verb} with", True  # 'my husband's with Exxon', 'my son is with Nutrien now'
    return None


def _how_long_after(v: TokenView, k: int) -> bool:
    """Token k, past a possessive's "'s", says how long someone was somewhere ("at Cadbury's for twenty years", 'at
    Morrisons nine years')."""
    if v.word(k) in ("'s", "’s"):
        k += 1
    return v.lower(k) in HOW_LONG or v.lower(k + 1) in ("years", "year") and number_value(v.lower(k)) is not None


def _last(v: TokenView, i: int) -> int:
    """The last of the capitalised words from i, stopping before a title ('Seaview Practice Dr Macrae')."""
    last = i
    while last + 1 < len(v.tokens) and _name_goes_on(v, last + 1):
        last += 1
    return last


def _name_goes_on(v: TokenView, k: int) -> bool:
    return is_capitalised(v.word(k)) and is_word(v.word(k)) and not v.initial(k) and v.lower(k).rstrip(".") not in TITLES


def _joined_last(v: TokenView, i: int, last: int) -> int:
    """The end of an employer's name of two names joined by 'and' or '&' ('Lansdowne and Hirst', 'Paws and Claws',
    'Hartley and Moss Castings'), though a name alone stops at 'and'; not where given names are listed ('Sarah and
    Tom'), nor before 'I'."""
    if v.lower(last + 1) not in ("and", "&") or not _name_goes_on(v, last + 2) or len(v.word(last + 2)) < 2 \
            or v.lower(i) in v.gaz.first_names or v.lower(last + 2) in v.gaz.first_names:
        return last
    return _last(v, last + 2)


def _lower_case_last(v: TokenView, i: int) -> int | None:
    """The last word of a lower-case employer's name starting at i: words no English word list holds, a word on
    a name or place list ('dell', 'halliburton'), then any institution heads ('limerick youth service')."""
    def name_word(k: int) -> bool:
        lower = v.lower(k)
        return is_word(v.word(k)) and len(lower) >= 3 and not v.allowed(k) and not v.group_word(k) and (
            not v.common(k) or lower in v.gaz.first_names or lower in v.gaz.surnames or lower in v.gaz.places)
    if not name_word(i) or v.common(i) and v.lower(i) in GENERIC_CAPITALISED | SERVICE_WORDS:
        return None
    last = i
    while last + 1 < len(v.tokens) and last - i < 3 and v.lower(last + 1).rstrip(".") not in TITLES \
            and (v.lower(last + 1) in INSTITUTION_HEADS or v.lower(last + 1) in TRADE_HEADS
                 or is_word(v.word(last + 1)) and not v.common(last + 1)):
        last += 1  # a title opens the next name: 'the seaview practice dr macrae'
    for k in range(last + 1, min(len(v.tokens), last + 3)):
        if not is_word(v.word(k)) or v.lower(k) in STOP_WORDS:
            break
        if v.lower(k) in INSTITUTION_HEADS:
            return k  # 'limerick youth service'
    return last


def find_employers(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    generic = GENERIC_CAPITALISED | SERVICE_WORDS | INSTITUTION_HEADS
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) not in CUE_WORDS or v.initial(i) or not is_word(v.word(i)):
            continue
        cue = employer_cue(v, i)
        if cue is None:
            continue
        said, strong = cue
        if said.split()[-2] in ("was", "were", "been", "is", "'s", "’s", "'m", "’m", "am") and v.lower(i) in v.gaz.first_names:
            continue  # 'I was at Sarah's for the weekend', 'he was with Sarah for years'
        if lower_case_text and v.word(i).islower():
            last = _lower_case_last(v, i)
            if last is not None and (strong or v.lower(last) in INSTITUTION_HEADS):
                yield v.span(i, last, "ORGANIZATION", 0.55, f"{STRONG} after '{said}', in lower case")
            continue
        if is_acronym(v.word(i)):
            # 'he was with IBM for ten years', 'an engineer at GM'; not 'I was with BT for broadband' (a provider)
            if employer_acronym(v.word(i)) and (strong or said.split()[-1] != "with" or _time_span_after(v, i)):
                reason = f"{STRONG} after '{said}'" if strong else f"an acronym where an employer stands, after '{said}'"
                yield v.span(i, i, "ORGANIZATION", 0.55, reason)
            continue
        if not is_capitalised(v.word(i)):
            continue
        last = _joined_last(v, i, _last(v, i))
        span = range(i, last + 1)
        if all(v.allowed(k) for k in span) or all(v.lower(k) in generic or v.group_word(k) for k in span):
            continue  # 'the NHS', 'the Council', 'Social Services': no one's employer in particular
        if v.lower(i) in v.gaz.first_names and v.lower(last) not in INSTITUTION_HEADS \
                and (v.lower(last) in v.gaz.surnames if last > i else not strong):
            continue  # 'worked for Sarah Jones', 'I work for Sarah': a person
        reason = f"{STRONG} after '{said}'" if strong else f"capitalised words where an employer stands, after '{said}'"
        yield v.span(i, last, "ORGANIZATION", 0.55, reason)


def employer_acronym(word: str) -> bool:
    """Whether an acronym where an employer stands names one: not a national body the study allows ('the NHS', 'the
    VA') nor letters that name no organisation ('a nurse at ICU', 'a job in IT')."""
    letters = re.sub(r"(?:'s|’s|s)$", "", word).lower()
    return len(letters) >= 2 and letters not in allowed_acronyms() and letters.replace("&", "") not in COMMON_ABBREVIATIONS


def _place_starts(v: TokenView, k: int) -> bool:
    lower = v.lower(k)
    return lower in v.gaz.places or f"{lower} {v.lower(k + 1)}" in v.gaz.places


def find_venues_in_places(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'I'm at Magna in Aurora', 'mum works nights at bunnings in carrum downs': a name after 'at' that is no
    place, person or English word, with a known place after 'in', is somewhere in that place: an organisation."""
    for i in range(1, len(v.tokens)):
        if v.lower(i - 1) != "at":
            continue
        first = i + 1 if v.lower(i) == "the" else i
        if first >= len(v.tokens) or v.initial(first):
            continue
        last = first
        while last < len(v.tokens) and last - first < 3 and _venue_word(v, last, lower_case_text):
            last += 1
        if last == first or v.lower(last) != "in" \
                or not (_place_starts(v, last + 1) or _venue_word(v, last + 1, lower_case_text)):
            continue
        known_place = v.lower(first) in v.gaz.places and v.lower(first) not in v.gaz.world_places
        if known_place or v.lower(first) in v.gaz.first_names:
            continue  # 'at Harpurhey in Manchester', 'at Sarah's in Leeds'
        yield v.span(first, last - 1, "ORGANIZATION", 0.5, f"{STRONG} after 'at', somewhere in '{v.word(last + 1)}'")


def _venue_word(v: TokenView, k: int, lower_case_text: bool) -> bool:
    w = v.word(k)
    if not is_word(w) or len(w) < 3 or v.allowed(k) or v.group_word(k):
        return False
    if lower_case_text and w.islower():
        return not v.common(k) and w not in STOP_WORDS
    return is_capitalised(w) and not v.common(k)


def _time_span_after(v: TokenView, last: int) -> bool:
    """'... for six years', '... nearly twenty years': how long someone worked there follows the name."""
    return any(v.lower(k) in SPAN_WORDS or v.lower(k) == "years" for k in range(last + 1, last + 5))


CONTENT_STOP_WORDS = frozenset("name fire top bottom front side".split())
"""Nouns on spaCy's stop list that stand inside names ('holy name primary', 'top side motors')."""


def _run_word(v: TokenView, k: int) -> bool:
    w, lower = v.word(k), v.lower(k)
    return is_word(w) and w.islower() and len(w) >= 2 and (lower not in STOP_WORDS or lower in CONTENT_STOP_WORDS) \
        and lower not in NOT_EMPLOYERS \
        and lower not in HEDGES \
        and not v.allowed(k) and not v.group_word(k) and not NUMBER.fullmatch(lower)


CLOSING_HEADS = TRADE_HEADS | frozenset("""primary elementary infants juniors cars taxis cabs diner pharmacy chemist
chemists""".split())
"""Heads that close an employer's name in lower case: a trade's, a school's, a cab firm's or a shop's ('holy name
primary', 'city star cars')."""
AGENT_ENDING = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)$")
NOT_AGENTS = frozenset("""other number corner water letter paper order error sister brother mother father daughter
dinner summer winter member customer visitor prisoner patient answer matter character computer weather thunder
shoulder finger border chamber hour power tower flower""".split())
"""Words ending like a job ('welder', 'barber', 'pharmacist') that are no job."""
ROLE_PEOPLE = frozenset("lady man woman girl boy".split())
"""Heads of a job named by a noun before them ('a dinner lady', 'a lollipop man')."""


def _role_cue(v: TokenView, prep: int) -> str | None:
    """'i was a welder at', "i'm a barber at", 'a dinner lady at', 'i drive the taxi for': someone's job, then 'at' or
    'for', names the employer; None elsewhere."""
    if v.lower(prep) not in ("at", "for"):
        return None
    noun, before = v.lower(prep - 1), v.lower(prep - 2)
    agent = noun in ROLE_NOUNS or AGENT_ENDING.fullmatch(noun) and noun not in NOT_AGENTS
    if agent and (before in ("a", "an") or v.lower(prep - 3) in ("a", "an")) \
            or noun in ROLE_PEOPLE and v.lower(prep - 3) in ("a", "an") and before not in STOP_WORDS:
        return f"{before} {noun} {v.lower(prep)}"
    if v.lower(prep) == "for" and before in ("the", "a") and (v.lower(prep - 3) in WORKING_FOR or v.lower(prep - 3) in WORK_VERBS):
        return f"{v.lower(prep - 3)} {before} {noun} for"  # 'i drive the taxi for'
    return None


def find_lower_case_employer_runs(v: TokenView) -> Iterator[Found]:
    """'worked for family thrift for six years', 'on the tills at fresh choice', 'shifts for pathways whanau care': in
    lower case, one to three words where an employer stands name it when a word of them is in no word list, or, two
    or three opening with no generic word, a trade head closes them or how long follows; other ordinary words there
    ('casual at woolies', 'worked for family thrift') are left to the reviewer."""
    from interviewer.anonymise.lower_case import GENERIC_MODIFIERS
    from interviewer.anonymise.suggestions import possible_identifier

    def generic(k: int) -> bool:
        return v.lower(k) in GENERIC_MODIFIERS or v.lower(k) in SERVICE_WORDS or v.lower(k) in GENERIC_CAPITALISED \
            or v.lower(k) in INSTITUTION_HEADS

    n = len(v.tokens)
    for i in range(2, n):
        the = 1 if v.lower(i - 1) == "the" else 0  # 'working at the pine level poultry plant'
        prep = v.lower(i - 1 - the)
        if prep not in ("at", "for", "with", "from", "by") or not _run_word(v, i):
            continue
        last = i
        while last + 1 < n and last - i < 2 and _run_word(v, last + 1) and v.lower(last) not in CLOSING_HEADS:
            last += 1
        if v.lower(last + 1) in ("and", "&") and last + 2 - i <= 3 and _run_word(v, last + 2) \
                and not a_deed_word(v.lower(last + 2), v.gaz) and not _run_word(v, last + 3):
            last += 2  # 'bayside tile and stone', 'harlan tool and die': a pair of a trade's words ends the name
        if all(generic(k) for k in range(i, last + 1)):
            continue  # 'worked for social services', 'worked at the hospital', 'worked for local government'
        cue = employer_cue(v, i)
        said = cue[0] if cue else (f"{v.lower(i - 2 - the)} {prep}" if prep in ("at", "for") and v.lower(i - 2 - the) in WORK_NOUNS
                                   else _role_cue(v, i - 1 - the))
        if the and not (said and last - i >= 2 and v.lower(last) in CLOSING_HEADS and not any(generic(k) for k in range(i, last))):
            continue  # after 'the', only a name of three words that a trade's head closes ('the pine level poultry plant')
        if said is None and prep == "at" and v.lower(i - 2) in ("was", "were", "been") and _time_span_after(v, last):
            said = f"{v.lower(i - 2)} at"  # 'i was at shannonside dairies nearly twenty years'
        if said is None:
            continue
        if _run_word(v, last + 1) and v.lower(last) not in CLOSING_HEADS:
            continue  # the words run on into the sentence: no name's end in sight
        words = range(i, last + 1)
        unknown = any(not v.common(k) and v.lower(k) not in v.gaz.first_names for k in words)
        if last == i and not unknown and v.lower(i) in v.gaz.first_names:
            continue  # 'I work for sarah': a person, left to the name rules
        long_at = _time_span_after(v, last) and prep != "for"  # 'worked for minimum wage for years'
        if unknown or (v.lower(last) in CLOSING_HEADS or long_at) and last > i and not generic(i):
            yield v.span(i, last, "ORGANIZATION", 0.55, f"{STRONG} after '{said}', ordinary words in lower case")
        else:
            yield possible_identifier(v, i, last, "ORGANIZATION", f"ordinary words where an employer stands, after '{said}'",
                                      0.5)
