"""Provides the organisation rules that read the shape of a name in its position, in cased and lower-case text:
ordinary words before a country or region ('Open Hearth Ireland', 'a group run by anchor ireland'), a business
named by a possessive ('a pint in Drummond's', 'Nanna's Pantry'), a pub named by a pair, a sign or an old name ('the
Plough and Harrow', 'down the crooked anchor', 'at the crown'), a group after a noun and 'called' ('a grief group
called Circle of Friends'), and a hospital named before 'regional' or 'memorial' ('at mercy regional')."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from interviewer.anonymise.employers import find_lower_case_employer_runs
from interviewer.anonymise.cues import (
    DETERMINERS, EMBLEMS, FILLERS, GENERIC_CAPITALISED, KIN_NOUNS, MONTHS, MOTION_WORDS, SERVICE_WORDS, TITLES, WEEKDAYS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.landmarks import find_capitalised_landmarks
from interviewer.anonymise.described_organisations import BUSINESS_NOUNS, find_names_said_to_be_organisations
from interviewer.anonymise.lower_case_organisations import (
    find_lower_case_organisations, find_union_locals, lower_name_word,
)
from interviewer.anonymise.suggestions import possible_identifier
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_capitalised, is_word

REASON = "an organisation's name"
"""The prefix the Anonymiser ranks with the other rules that read context (see anonymiser._priority)."""
COUNTRY_SHORT_FORMS = frozenset("uk nz nsw aotearoa cymru alba eire éire usa".split())
"""Countries and states written short or in their own language, which the region list does not hold."""
GEO_QUALIFIERS = frozenset("""north south east west northern southern eastern western central north-east north-west
south-east south-west northeast northwest southeast southwest mid far upper lower inner outer greater rural regional
country coastal outback remote urban deep whole all sunny rainy beautiful modern old new republic the of in
county""".split())
"""Words that, before a country or region, say which part of it ('rural Ireland', 'far north Queensland')."""
PUBLIC_FUNCTION_WORDS = frozenset("""public police sport sports transport education revenue tourism visit team rugby
football cricket hockey netball athletics basketball swimming tennis golf rowing sailing water energy environment
fire ambulance coastguard courts prison prisons probation justice legal aid highways roads rail forestry heritage
historic statistics food standards skills jobs employment enterprise trade invest arts screen film music museums
libraries archives ordnance survey weather met land registry housing homes""".split()) | SERVICE_WORDS \
    | GENERIC_CAPITALISED
"""Words a national public body names itself with before its country ('Police Scotland', 'Sport Ireland', 'Public
Health Wales'): such a body identifies no one."""
INNER_CONNECTORS = frozenset("and & in for of".split())
CUES_BEFORE_REGION_NAMED = frozenset("""with by to from at for through via called named joined join contacted rang
phoned emailed""".split())
"""Words after which ordinary words and a region, in lower case, name who someone deals with ('a group run by anchor
ireland', 'i volunteer with second chance ontario')."""
ORIGIN_VERBS = frozenset("i'm im am is are was were originally come comes came born raised grew".split())
"""Words before 'from' that make what follows where someone comes from ('she's from rural ireland')."""
VENUE_PREPOSITIONS = frozenset("at in into to down from up round near outside".split())
"""Prepositions before a business named by a possessive ('a pint in Drummond's', 'coffee at Lupe's')."""
NOT_A_BUSINESS_AFTER = frozenset("""day eve night disease syndrome palsy law theorem test sign gap wort""".split())
"""Nouns after a possessive that make a day, a condition or an eponym ("Mother's Day", "Parkinson's Disease")."""
GROUP_POSSESSORS = frozenset("""women men children people girls boys mother mothers father fathers farmers citizens
veterans soldiers sailors workers ladies gentlemen kids queen king new year years valentine valentines saint st
patrick patricks""".split())
"""Words whose possessive names a group or a feast, not an owner ("Women's Aid", "St Patrick's Day")."""
PUB_SIGNS = frozenset("""lion lions swan swans bull horse horses crown anchor ship bell bells star plough harp fox hound
hounds stag oak rose feathers eagle falcon cock hart boar bear unicorn dragon griffin mitre wheatsheaf kettle spur saddle
drum barrel cask tankard lamb greyhound pheasant mermaid dolphin globe compass compasses hare hares goat ram raven
crow owl magpie pelican peacock angel bishop abbot friar monk sheaf thistle shamrock grapes vine acorn woolpack
jolly roger sloop schooner""".split())
"""Nouns pubs are named with after an adjective ('the Crooked Anchor', 'the Rusty Spur'): a pub-sign head."""
PUB_ADJECTIVES_NOT = frozenset("""big small little local nearest other same new old main only first last whole usual
nice good bad real""".split())
"""Adjectives that make 'the X anchor' a thing described, not a pub named."""
NOUNS_BEFORE_CALLED = frozenset("""group groups charity charities organisation organization organisations company firm
business shop store cafe café pub bar restaurant club team service services project scheme programme program centre
center hostel shelter agency home nursery school college church fellowship ministry mission network association society
trust foundation place outfit crowd clinic practice gym hub lot class classes course""".split())
"""Nouns after which 'called' names an organisation ('a grief group called Circle of Friends')."""
NAMED_HOSPITAL_HEADS = frozenset("regional memorial".split())
"""Heads that close a hospital's name after one or two words ('mercy regional', 'candler memorial')."""
NOT_BEFORE_HOSPITAL_HEAD = frozenset("""war the a an our my your their his her this that local big new old national
state county city district general area""".split())
POSSESSIVE = ("'s", "’s")


def _plain_cap(v: TokenView, k: int) -> bool:
    """A capitalised word that can stand in an organisation's name."""
    w = v.word(k)
    return is_word(w) and is_capitalised(w) and v.lower(k) not in MONTHS and v.lower(k) not in WEEKDAYS \
        and v.lower(k).rstrip(".") not in TITLES


@functools.lru_cache(maxsize=1)
def _region_last_words(regions: frozenset[str]) -> frozenset[str]:
    return frozenset(region.split()[-1] for region in regions) | COUNTRY_SHORT_FORMS


def _region_before(v: TokenView, last: int) -> int | None:
    """The first token of a country or region (one to three words) ending at `last`, or None."""
    lower = v.lower(last)
    if lower not in _region_last_words(v.gaz.regions) and not lower.endswith("shire"):
        return None
    for first in range(max(0, last - 2), last + 1):
        words = [v.lower(k) for k in range(first, last + 1)]
        phrase = " ".join(words)
        if phrase in v.gaz.regions or len(words) == 1 and (phrase in COUNTRY_SHORT_FORMS
                                                           or phrase.endswith("shire") and len(phrase) > 6):
            return first
    return None


def _name_before(v: TokenView, end: int, cased: bool) -> int:
    """The first token of the name words ending at `end` (joined by 'and', 'in', 'of' between name words)."""
    word = _plain_cap if cased else lower_name_word
    first = end + 1
    k = end
    while k >= 0 and end - k < 5 and v.lower(k) not in v.gaz.regions:
        if word(v, k):
            first = k
            k -= 1
        elif v.lower(k) in INNER_CONNECTORS and first <= end and word(v, k - 1):
            k -= 1
        else:
            break
        if cased and v.initial(first):
            break
    return first


def find_region_named(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'Open Hearth Ireland', 'Hearts and Minds Lanarkshire', 'a group run by anchor ireland': ordinary words
    before a country or region name a charity or service there (not 'rural Ireland', 'Police Scotland', 'Cork,
    Ireland', 'Kathy Ireland')."""
    for last in range(1, len(v.tokens)):
        region = _region_before(v, last)
        if region is None or region == 0:
            continue
        cased = is_capitalised(v.word(region)) or v.word(region).isupper()
        if not cased and not (lower_case_text and v.word(region).islower()):
            continue
        first = _name_before(v, region - 1, cased)
        if first >= region:
            continue
        words = [k for k in range(first, region) if v.lower(k) not in INNER_CONNECTORS]
        lowers = [v.lower(k) for k in words]
        if all(w in GEO_QUALIFIERS or w in v.gaz.places or v.group_word(k) for w, k in zip(lowers, words)):
            continue  # 'rural Ireland', 'Belfast Northern Ireland', 'Irish Ireland'
        if all(w in PUBLIC_FUNCTION_WORDS or v.allowed(k) for w, k in zip(lowers, words)):
            continue  # 'Police Scotland', 'Sport Ireland', 'Mental Health Ireland': a national body
        if len(words) == 1 and (lowers[0] in v.gaz.first_names or lowers[0] in v.gaz.surnames and not v.common(words[0])):
            continue  # 'Kathy Ireland', 'Jones Victoria': a person
        if cased:
            if v.initial(first) and len(words) == 1:
                continue  # 'Thankfully Ireland ...': a sentence opener
            yield v.span(first, last, "ORGANIZATION", 0.62, f"{REASON}: ordinary words before the region '{v.word(last)}'")
            continue
        cue, before = v.lower(first - 1), v.lower(first - 2)
        if cue not in CUES_BEFORE_REGION_NAMED and not (cue == "the" and before in CUES_BEFORE_REGION_NAMED):
            continue
        if cue in ("to", "from") and (before in MOTION_WORDS or before in ORIGIN_VERBS) \
                or cue == "from" and before in ("back", "home", "away"):
            continue  # 'moved to sunny queensland', 'she's from county clare ireland'
        yield v.span(first, last, "ORGANIZATION", 0.55,
                     f"{REASON}: ordinary words before the region '{v.word(last)}' after '{v.word(first - 1)}', in lower case")


def _possessor(v: TokenView, k: int) -> bool:
    lower = v.lower(k)
    return lower not in GROUP_POSSESSORS and not v.allowed(k) and not v.group_word(k) and lower not in INSTITUTION_HEADS


def find_possessive_businesses(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'a pint in Drummond's', 'coffee at Lupe's with the guys', 'Nanna's Pantry', 'down to mulligans': a shop, pub
    or cafe named by its owner's possessive, standing alone after a venue preposition or before a capitalised noun."""
    n = len(v.tokens)
    for i in range(1, n - 1):
        if v.word(i + 1) not in POSSESSIVE or not is_word(v.word(i)) or not _possessor(v, i):
            continue
        nxt = i + 2
        cased = is_capitalised(v.word(i))
        if cased and not v.initial(i) and _plain_cap(v, nxt) and not v.initial(nxt) \
                and v.lower(nxt) not in NOT_A_BUSINESS_AFTER and v.lower(nxt) not in INSTITUTION_HEADS \
                and not v.tokens[nxt].is_stop:
            yield v.span(i, nxt, "ORGANIZATION", 0.62, f"{REASON}: a possessive before the capitalised noun '{v.word(nxt)}'")
            continue
        before = v.lower(i - 1)
        if before == "the":
            continue
        if before not in VENUE_PREPOSITIONS or not (v.tokens[nxt].is_stop or v.tokens[nxt].is_punct or nxt >= n) \
                or v.lower(nxt) in ("own", "place", "house", "home"):
            continue  # 'at Sarah's house', 'in Lupe's own kitchen': a person's
        if v.lower(i) in FILLERS or v.lower(i) in KIN_NOUNS \
                or v.lower(i) in v.gaz.first_names and not _a_business_said(v, nxt):
            continue  # 'I was at Sarah's for the weekend', 'we're still at mom's': a person's home
        if cased or lower_case_text and v.word(i).islower() and (not v.common(i) or v.lower(i) in v.gaz.surnames):
            yield v.span(i, i + 1, "ORGANIZATION", 0.62 if cased else 0.55,
                         f"{REASON}: a possessive standing alone after '{v.word(i - 1)}'")


OUT_FOR = frozenset("""pint pints drink drinks quiz meal coffee cuppa bite counter carvery pie pies wings breakfast
lunch brew haircut trim""".split())
def _a_business_said(v: TokenView, k: int) -> bool:
    """From token k, after a possessive standing alone: what it is ('the salon', ', the bakery'), where on a street it
    is ('on the high street'), or what one goes there for ('for a pie'): a business, not a friend's home."""
    k += v.word(k) == ","
    if v.lower(k) == "the" and v.lower(k + 1) in BUSINESS_NOUNS:
        return True
    if v.lower(k) == "on" and ("street" in (v.lower(k + 2), v.lower(k + 3)) or v.lower(k + 1) == "main"):
        return True
    return v.lower(k) == "for" and (v.lower(k + 1) if v.lower(k + 1) not in ("a", "an", "some") else v.lower(k + 2)) in OUT_FOR
OUT_WITH = frozenset("lads boys girls ladies gang".split())


def _a_night_out(v: TokenView, k: int) -> bool:
    """From token k, what one goes to a pub or café for, or when, or with whom: 'for a pint', 'on a friday',
    'thursdays', 'with the lads'."""
    after = v.lower(k + 1) if v.lower(k + 1) not in ("a", "the", "our", "my") else v.lower(k + 2)
    return (v.lower(k) == "for" and after in OUT_FOR or v.lower(k) == "on" and after.rstrip("s") in WEEKDAYS
            or v.lower(k).rstrip("s") in WEEKDAYS or v.lower(k) == "with" and after in OUT_WITH)


def find_pub_names(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'the Plough and Harrow', 'down the crooked anchor', 'at the rusty spur': a pub named by a capitalised pair
    after 'the', or, in lower case, by an adjective and a pub-sign noun or a pair of emblems ('at the swan and anchor')
    after a venue preposition and 'the'; another lower-case pair ('the rag and famish') is left to the reviewer. (A pub's
    old name, 'at the crown', is find_pubs_by_old_name's.)"""
    n = len(v.tokens)
    for i in range(1, n - 2):
        if v.lower(i - 1) != "the":
            continue
        if _plain_cap(v, i) and not v.initial(i) and v.lower(i + 1) in ("and", "&") and _plain_cap(v, i + 2) \
                and not v.tokens[i].is_stop and v.lower(i) not in INSTITUTION_HEADS and v.lower(i + 2) not in INSTITUTION_HEADS \
                and not v.allowed(i) and not v.allowed(i + 2) and v.lower(i) not in SERVICE_WORDS \
                and v.common(i) and v.common(i + 2):  # ordinary words: 'the Harpurhey and Blackley team' are areas
            yield v.span(i, i + 2, "ORGANIZATION", 0.62, f"{REASON}: a capitalised pair after 'the'")
            continue
        if not lower_case_text or v.lower(i - 2) not in VENUE_PREPOSITIONS and v.lower(i - 2) not in ("for", "by"):
            continue
        if v.lower(i) in PUB_SIGNS and lower_name_word(v, i) and _a_night_out(v, i + 1):
            yield v.span(i, i, "ORGANIZATION", 0.55, f"{REASON}: the pub-sign noun '{v.word(i)}' where one goes out")
        elif lower_name_word(v, i) and lower_name_word(v, i + 1) and v.lower(i + 1) in PUB_SIGNS \
                and v.lower(i) not in PUB_ADJECTIVES_NOT and not lower_name_word(v, i + 2):
            yield v.span(i, i + 1, "ORGANIZATION", 0.55, f"{REASON}: a word and the pub-sign noun '{v.word(i + 1)}'")
        elif lower_name_word(v, i) and v.lower(i + 1) == "and" and lower_name_word(v, i + 2) and not lower_name_word(v, i + 3) \
                and v.lower(i) not in SERVICE_WORDS:
            if all(v.lower(k) in PUB_SIGNS or v.lower(k) in EMBLEMS for k in (i, i + 2)):
                yield v.span(i, i + 2, "ORGANIZATION", 0.55, f"{REASON}: a pair of emblems after a venue preposition and 'the'")
            else:
                yield possible_identifier(v, i, i + 2, "ORGANIZATION", "a pair after a venue preposition and 'the'", 0.45)


OLD_PUB_NAMES = ("red lion|royal oak|white hart|white horse|black horse|black bull|white lion|golden lion|green man"
                 "|blue anchor|rose and crown|lamb and flag|coach and horses|horse and groom|fox and hounds|dog and duck"
                 "|cross keys|nags head|nag's head|kings head|king's head|queens head|queen's head|kings arms|king's arms"
                 "|wheatsheaf|holly bush|hollybush|plough|crown|feathers|grapes|greyhound|swan|old bell|new inn|ship inn"
                 "|punch bowl|bricklayers arms|masons arms|hare and hounds|royal standard|prince of wales|duke of york"
                 "|marquis of granby")
"""The names pubs have been given for centuries; after 'at the', 'down the', a pub and no other thing ('meets at the
crown', 'his mates from the lamb and flag')."""
OLD_PUB_NAME = re.compile(
    rf"\b(?:at|in|from|down|round|to|outside|near|by|opposite|behind|past)[ \t]+the[ \t]+({OLD_PUB_NAMES})\b"
    r"(?![ \t]+(?:of|court|jewels|estate|prosecution|office|court's|green|lake|river|bird|birds|dive|ring)\b)", re.IGNORECASE)


RESTING_PLACE_PUB = re.compile(
    r"\b(?:at|in|from|down|round|to|outside|near|by|opposite|behind|past)[ \t]+the[ \t]+"
    r"([a-z]+['’]s[ \t]+(?:rest|inn|tavern|retreat|return))\b", re.IGNORECASE)
"""'at the drover's rest', 'down the sailor's return': an inn named for whose rest it was, after a venue preposition."""


def find_pubs_by_old_name(text: str) -> Iterator[Found]:
    """Pubs by their old names, in a lower-case transcript or written with capitals ('at the Crown', 'the Whaler's
    Rest'). Read by the Anonymiser beside the recognizers, not in their pass, so that its candidates compete with
    theirs by priority."""
    for pattern in (OLD_PUB_NAME, RESTING_PLACE_PUB):
        for match in pattern.finditer(text):
            name = match.group(1)
            if name.islower() or all(w[0].isupper() for w in name.split() if w not in ("and", "of")):
                yield Found(match.start(1), match.end(1), "ORGANIZATION", 0.7, "a pub's old name where a venue stands")


def find_called_organisations(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'a grief group called Circle of Friends', 'a little cafe called the Copper Pot': a name after a noun that
    only an organisation fits and 'called', or after 'they call themselves'; in lower case the reviewer decides."""
    n = len(v.tokens)
    for i in range(2, n):
        named = v.lower(i - 1) in ("called", "named") and (v.lower(i - 2) in NOUNS_BEFORE_CALLED or (
            v.lower(i - 2) in ("'s", "’s", "is") and v.lower(i - 3) in ("it", "that")
            and any(v.lower(k) in NOUNS_BEFORE_CALLED for k in range(max(0, i - 9), i - 3))))  # 'the class, it's called …'
        self_named = v.lower(i - 1) in ("themselves", "itself") and v.lower(i - 2) in ("call", "calls", "called", "calling")
        if not (named or self_named):
            continue
        start = i + 1 if v.lower(i) == "the" else i
        if _plain_cap(v, start):
            last = start
            while last + 1 < n and last - start < 4 and (_plain_cap(v, last + 1) or v.lower(last + 1) in INNER_CONNECTORS
                                                          and _plain_cap(v, last + 2)):
                last += 1
            if last == start and v.word(start) == "I":
                continue  # 'a group called I can't remember': the speaker, not a name
            yield v.span(start, last, "ORGANIZATION", 0.62, f"{REASON} after '{v.word(i - 2)} {v.word(i - 1)}'")
        elif lower_case_text and lower_name_word(v, start):
            last = start
            while last + 1 < n and last - start < 3 and (lower_name_word(v, last + 1) or v.lower(last + 1) in INNER_CONNECTORS
                                                          and lower_name_word(v, last + 2)):
                last += 1
            if v.lower(i - 2) in LOCAL_BEFORE_CALLED and _name_ends_here(v, last + 1):
                yield v.span(start, last, "ORGANIZATION", 0.55, f"{REASON} in lower case after '{v.word(i - 2)} {v.word(i - 1)}'")
            else:
                yield possible_identifier(v, start, last, "ORGANIZATION", f"a name after '{v.word(i - 2)} {v.word(i - 1)}'", 0.7)
        elif lower_case_text and v.lower(i - 2) in LOCAL_BEFORE_CALLED:
            last = _short_name_of_small_words(v, start)
            if last is not None:
                yield v.span(start, last, "ORGANIZATION", 0.5,
                             f"{REASON} of small words in lower case after '{v.word(i - 2)} {v.word(i - 1)}'")


LOCAL_BEFORE_CALLED = NOUNS_BEFORE_CALLED - frozenset("""charity charities organisation organization organisations
service services scheme programme program network association society trust foundation place home lot class classes
course""".split())
"""Nouns after which 'called' names a local organisation, in lower case as well: not 'a programme called', 'a course
called', 'a charity called', which name national things as often."""
NAME_ENDS_BEFORE = frozenset("""it it's its they they're we we're that which who where for on in at and but so run runs
ran meets meet met is was""".split()) | {",", ".", "?", "!", ""}


NOT_A_NAME_AFTER_CALLED = FILLERS | DETERMINERS | frozenset("""i you he she we they it what whatever something summat
whatsit thingy like oh""".split())
"""Words that begin no name said after 'a group called': the speaker lost for the name ('a group called, um, what's
it'), or a pronoun starting the next clause."""


CLAUSE_GOES_ON_AFTER = NAME_ENDS_BEFORE - {"", ",", ".", "?", "!", "and", "in", "on", "at", "for"}
"""Words that start the clause going on after a name of small words ('still here it's …'): not a pause or a
preposition, which may be inside such a name."""


def _short_name_of_small_words(v: TokenView, start: int) -> int | None:
    """The last token of a name of one to three words, stop words allowed ('still here', 'move more'), that ends
    where the clause goes on ('a group called still here it's people with long covid'); None when there is none."""
    for last in range(start, min(start + 3, len(v.tokens))):
        if not (is_word(v.word(last)) and v.word(last).islower()) or v.lower(last) in NOT_A_NAME_AFTER_CALLED \
                or v.lower(last) in NAME_ENDS_BEFORE or v.allowed(last):
            return None
        if v.lower(last + 1) in CLAUSE_GOES_ON_AFTER:
            return last
    return None


def _name_ends_here(v: TokenView, k: int) -> bool:
    """Whether the words before token k end a name: the clause goes on, or ends, at k."""
    return v.lower(k) in NAME_ENDS_BEFORE or k >= len(v.tokens)


ROYAL_TITLES = frozenset("prince princess queen king duke duchess".split())
"""Titles a hospital or a building takes with a royal's name ('the Prince Charles', 'the Princess Royal')."""
NAMED_AFTER_BEFORE = frozenset("at in into to of through outside".split())


def find_places_named_after_royals(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'in and out of the Prince Charles', 'sent me to the Queen Elizabeth', 'she had him in the princess royal': a
    royal's title and name after 'the', where one goes or is, name a hospital or a building; no one calls the royal
    so, and 'a letter from the Prince of Wales' stays the man."""
    def name_word(k: int) -> bool:
        if lower_case_text:
            return lower_name_word(v, k) and (v.lower(k) in v.gaz.first_names or v.lower(k) == "royal")
        return is_capitalised(v.word(k)) and is_word(v.word(k))

    for i in range(2, len(v.tokens) - 1):
        if v.lower(i) not in ROYAL_TITLES or v.lower(i - 1) != "the" or v.lower(i - 2) not in NAMED_AFTER_BEFORE \
                or not (lower_case_text or v.word(i)[:1].isupper()) or not name_word(i + 1):
            continue
        last = i + 2 if name_word(i + 2) and not v.gaz.is_common(v.word(i + 2)) else i + 1
        yield v.span(i - 1, last, "HOSPITAL", 0.6, f"{REASON}: a royal's title and name after 'the'")


def find_hospitals_before_heads(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'at mercy regional they have a clinic', 'sent me to candler memorial': one or two words before 'regional' or
    'memorial', where nothing follows that they could describe, name a hospital (not 'the war memorial')."""
    if not lower_case_text:
        yield from _cased_hospitals_before_heads(v)
        return
    n = len(v.tokens)
    for k in range(1, n):
        if v.lower(k) not in NAMED_HOSPITAL_HEADS or not v.word(k).islower():
            continue
        if k + 1 < n and lower_name_word(v, k + 1) and v.lower(k + 1) not in ("they", "for"):
            continue  # 'regional manager', 'memorial service'
        first = k - 1
        if not lower_name_word(v, first) or v.lower(first) in NOT_BEFORE_HOSPITAL_HEAD or v.lower(first) in SERVICE_WORDS:
            continue
        if lower_name_word(v, first - 1) and v.lower(first - 1) not in NOT_BEFORE_HOSPITAL_HEAD:
            first -= 1
        if v.lower(first - 1) not in ("at", "to", "in", "from", "into", "the"):
            continue
        yield v.span(first, k, "HOSPITAL", 0.55, f"{REASON}: words before '{v.word(k)}' after '{v.word(first - 1)}'")


RANKS_BEFORE_GENERAL = frozenset("""attorney secretary surgeon major director consul governor postmaster lieutenant
brigadier solicitor inspector auditor accountant paymaster adjutant""".split())
"""Words before 'General' that make a rank or office of it ('the Attorney General')."""


def _cased_hospitals_before_heads(v: TokenView) -> Iterator[Found]:
    """'took me to Harbour General', 'at Mercy Regional': a capitalised word before a capitalised 'General',
    'Regional' or 'Memorial' after a word saying where, closing a hospital's name (not 'the Attorney General', 'the
    War Memorial')."""
    for k in range(2, len(v.tokens)):
        if v.word(k) not in ("General", "Regional", "Memorial") or _plain_cap(v, k + 1):
            continue
        first = k - 1
        if not _plain_cap(v, first) or v.initial(first) or v.allowed(first) \
                or v.lower(first) in NOT_BEFORE_HOSPITAL_HEAD or v.lower(first) in RANKS_BEFORE_GENERAL:
            continue
        if v.lower(first - 1) in ("at", "to", "in", "from", "into", "the"):
            yield v.span(first, k, "HOSPITAL", 0.55, f"{REASON}: a word before '{v.word(k)}' after '{v.word(first - 1)}'")


REFERRAL_CUES = {"to": frozenset("referral referred refer refers sent signposted".split()),
                 "with": frozenset("volunteer volunteers volunteered volunteering involved".split()),
                 "from": frozenset("worker workers officer nurse someone lady fella bloke".split())}
"""Words before 'to', 'with' or 'from' that make what follows a service ('a referral to', 'volunteer with', 'my
support worker from')."""


NAMING_HEADS = frozenset("housing trust project charity foundation network partnership alliance association society".split())
"""Heads seldom made into a kind of place by the word before them, so ordinary words before them name one ('new leaf
housing'), unlike 'centre' or 'group' ('the job centre', 'the knitting group')."""


def find_services_after_cues(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'a hostel run by new leaf housing', 'a referral to kindred carers trust', 'my worker from open door project':
    in lower case, ordinary words closed by an organisation's head word after a provider, referral or volunteering
    cue name that service (without the cue, 'safe harbour housing' stays a suggestion)."""
    if not lower_case_text:
        return
    from interviewer.anonymise.lower_case import GENERIC_MODIFIERS, HEADS
    from interviewer.anonymise.organisations import _cue_before

    heads = HEADS["ORGANIZATION"]
    n = len(v.tokens)
    for i in range(2, n):
        start = i + 1 if v.lower(i) == "the" else i
        if not lower_name_word(v, start) or v.lower(start) in heads:
            continue
        last = start
        while last + 1 < n and last - start < 3 and lower_name_word(v, last + 1) and v.lower(last) not in heads:
            last += 1
        if v.lower(last) not in heads or last == start:
            continue
        if all(v.lower(k) in GENERIC_MODIFIERS for k in range(start, last)):
            continue  # 'the local support group', 'a community mental health team': kinds of service
        if v.lower(last) not in NAMING_HEADS and all(v.common(k) for k in range(start, last)):
            continue  # 'the job centre', 'the knitting group', 'the leisure centre': a kind of place, named by its use
        prep = v.lower(i - 1)
        cue = _cue_before(v, i)
        if cue is None and v.lower(i - 2) in REFERRAL_CUES.get(prep, ()):
            cue = f"after '{v.word(i - 2)} {prep}'"
        if cue is not None:
            yield v.span(start, last, "ORGANIZATION", 0.55, f"{REASON} {cue}, ordinary words before '{v.word(last)}'")


def find_organisation_shapes(v: TokenView, lower_case_text: bool) -> list[Found]:
    return [*find_region_named(v, lower_case_text), *find_possessive_businesses(v, lower_case_text),
            *find_pub_names(v, lower_case_text), *find_called_organisations(v, lower_case_text),
            *find_hospitals_before_heads(v, lower_case_text), *find_services_after_cues(v, lower_case_text),
            *find_places_named_after_royals(v, lower_case_text),
            *find_union_locals(v), *find_lower_case_organisations(v), *find_names_said_to_be_organisations(v),
            *(find_lower_case_employer_runs(v) if lower_case_text else ()), *find_capitalised_landmarks(v, lower_case_text)]

