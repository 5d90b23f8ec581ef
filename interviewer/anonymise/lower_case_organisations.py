"""Provides organisation rules for lower-case transcripts that need evidence on both sides of a name of ordinary
words: a head that closes a name ('tigers', 'baptist', 'house', 'surgery') and a cue that puts an organisation
there ('plays for', 'my church,', 'ring', 'union'); with the head alone the reviewer is asked instead."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import (CALLING, CARE_ROLES, DETERMINERS, FILLERS, KIN_NOUNS, MONTHS, PERSON_NOUNS,
                                        PLACE_PREPOSITIONS, PLAYING, TITLES, WEEKDAYS)
from interviewer.anonymise.found import Found
from interviewer.anonymise.never_names import DISCOURSE_WORDS
from interviewer.anonymise.numbers import TEENS, TENS, UNITS
from interviewer.anonymise.suggestions import possible_identifier
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_word, singular

REASON = "an organisation's name"
"""Shared with organisation_shapes, so the Anonymiser ranks these spans with the other context rules."""

TEAM_HEADS = frozenset("""tigers lions rovers united wanderers rangers athletic albion eagles hawks sharks bulldogs
panthers bears wolves warriors saints stars harriers dragons falcons knights raiders titans cowboys broncos roosters
magpies swans bombers storm thunder steelers sabres blues reds hornets jets vikings spartans trojans dolphins cobras
pirates giants tornadoes hurricanes crusaders chiefs highlanders""".split())
"""Plural or collective nouns that close a sports club's name ('otara tigers', 'bradford bulls')."""
DENOMINATIONS = frozenset("""baptist baptists methodist congregational presbyterian lutheran pentecostal episcopal
episcopalian adventist wesleyan nazarene apostolic tabernacle""".split())
"""Denominations that close a congregation's name ('first baptist', 'siloama congregational')."""
DENOMINATION_QUALIFIERS = frozenset("""southern northern american reformed free independent primitive missionary
united evangelical full gospel strict particular general seventh day bible african methodist episcopal christian
church churches""".split())
"""Words that name a kind of denomination ('southern baptist', 'free presbyterian'), not a congregation."""
CHURCH_CUES = frozenset("church chapel congregation parish fellowship worship".split())
ATTENDING = frozenset("at to from for into attend attends attended attending joined join member members".split())
"""Words just before a congregation's name that say someone goes there."""
NAMED_BUILDING_BEFORE = frozenset("at to from fae into in".split())
"""Prepositions before a home, hostel or centre named '… house' ('fae rowan house', 'at ashgrove house')."""
HOUSE_COMPOUNDS = frozenset("""council halfway open full guest farm town court green tree dog club boarding work power ware
light bath care nursing public coffee ale opera steak pancake round safe mad dolls doll play summer country manor
alms poor mission meeting rest lodging rooming boat beach wendy bird hen hot glass pent store wash pump gate coach""".split())
"""Words that make '… house' a kind of house ('halfway house', 'council house'), not one house's name."""
RUNG_HEADS = frozenset("surgery practice pharmacy chemist chemists clinic cars taxis cabs".split())
"""Heads of places one rings that close their name."""
NICKNAMED_HOSPITALS = frozenset("royal general".split())
"""Adjectives that alone, after 'the', name the local hospital ('a nurse at the royal')."""
HOSPITAL_PLACE_BEFORE = frozenset("at in into to from up down outta".split())


def lower_name_word(v: TokenView, k: int) -> bool:
    """A lower-case content word that can stand in a name (no stop word, filler, calendar word or allowed term; a
    position outside the text has no word)."""
    w, lower = v.word(k), v.lower(k)
    return is_word(w) and w.islower() and len(w) >= 2 and not v.tokens[k].is_stop and lower not in FILLERS \
        and lower not in DISCOURSE_WORDS and lower not in MONTHS and lower not in WEEKDAYS and not v.allowed(k)


def _generic(v: TokenView, k: int) -> bool:
    from interviewer.anonymise.lower_case import GENERIC_MODIFIERS

    return v.lower(k) in GENERIC_MODIFIERS


ORDINALS = frozenset("first second third".split())
"""Ordinals that open a congregation's name ('first baptist'), though on spaCy's stop list."""


def _words_before(v: TokenView, head: int, limit: int = 3, also: frozenset[str] = frozenset()) -> int:
    """The first of up to `limit` name words (or words of `also`) that end just before `head` (head itself when
    there are none)."""
    first = head
    while first - 1 >= 0 and head - first < limit and (lower_name_word(v, first - 1) or v.lower(first - 1) in also) \
            and v.lower(first - 1) not in PLAYING and v.lower(first - 1) not in CALLING:
        first -= 1
    return first


SPORTS = frozenset("""hockey football footy soccer rugby league union netball basketball baseball softball cricket
hurling camogie gaelic darts bowls touch volleyball lacrosse""".split())
"""Sports said before 'with the' or 'for the' a team ('minor hockey with the timberlands wolves')."""


def _team_word(v: TokenView, k: int, cased: bool) -> bool:
    """A word that may stand in a team's name: in lower case, any content word; in a cased transcript, a capitalised
    word mid-sentence."""
    if not cased:
        return lower_name_word(v, k)
    return is_word(v.word(k)) and v.word(k)[:1].isupper() and not v.initial(k) and not v.tokens[k].is_stop \
        and v.lower(k) not in MONTHS and v.lower(k) not in WEEKDAYS and not v.allowed(k)


def find_teams(v: TokenView) -> Iterator[Found]:
    """'he's back playing touch for the otara tigers', 'plays for kirkby rovers', 'I played for the Carrickbawn
    Shamrocks', 'minor hockey with the Timberlands Wolves': words closed by a team noun after 'plays for', 'coaches'
    or a sport (not 'the tigers' at a zoo, 'the local rovers'); in a cased transcript, capitalised words."""
    from interviewer.anonymise.propagation import is_lower_case_text

    cased = not is_lower_case_text(v.text)
    for head in range(1, len(v.tokens)):
        if cased and not v.word(head)[:1].isupper():
            continue
        mascot = v.lower(head) not in TEAM_HEADS
        if mascot and not _plural_mascot(v, head, cased) or _team_word(v, head + 1, cased):
            continue
        first = head
        while first - 1 >= 0 and head - first < 3 and _team_word(v, first - 1, cased) \
                and v.lower(first - 1) not in PLAYING and v.lower(first - 1) not in CALLING:
            first -= 1
        if first == head and cased and mascot:
            first = head if _team_word(v, head, cased) and v.lower(head - 1) == "the" else head + 1
        if first > head or first == head and not cased or all(_generic(v, k) for k in range(first, head + (first == head))):
            continue
        k = first - 1
        if v.lower(k) == "the":
            k -= 1
        cue = v.lower(k) in PLAYING or v.lower(k) in ("for", "with") and (
            v.lower(k - 1) in PLAYING or v.lower(k - 2) in PLAYING or v.lower(k - 1) in SPORTS)  # 'playing touch for the …'
        if cue and mascot:
            cue = v.lower(k) in ("for", "with") and v.lower(first - 1) == "the"  # 'played for the southern stingrays'
        if cue and first == head and any(v.lower(n).startswith("support") for n in range(k - 2, k + 1)):
            cue = False  # 'he supports the Tigers': a famous side, perhaps; a side one plays for is local
        if cue:
            yield v.span(first, head, "ORGANIZATION", 0.55, f"{REASON}: words before the team noun '{v.word(head)}' after a playing cue")


PEOPLE_PLURALS = frozenset("""boys girls lads lasses kids guys fellas blokes men women children juniors seniors veterans
adults youngsters locals regulars oldies""".split())
"""People by age or sort ('played for the old boys', 'the juniors'): a side of a club, not a team's name."""


def _plural_mascot(v: TokenView, k: int, cased: bool = False) -> bool:
    """A plural noun that may close a team's name after 'played for the' ('southern stingrays', 'harbour herons'):
    an English plural that names no people (capitalised in a cased transcript)."""
    lower = v.lower(k)
    return (lower.endswith("s") and not lower.endswith("ss") and len(lower) >= 4 and (v.word(k).islower() or cased)
            and v.common(k) and lower not in PEOPLE_BY_ROLE and lower not in PEOPLE_PLURALS and not v.tokens[k].is_stop)


def find_congregations(v: TokenView) -> Iterator[Found]:
    """'my church, new hope missionary baptist', 'at siloama congregational', 'we go to first baptist': words closed
    by a denomination where a church or going there is said (not 'a southern baptist', 'raised methodist')."""
    for head in range(1, len(v.tokens)):
        if v.lower(head) not in DENOMINATIONS:
            continue
        last = head + 1 if v.lower(head + 1) in ("church", "chapel", "tabernacle") else head
        if lower_name_word(v, last + 1):
            continue
        first = _words_before(v, head, also=ORDINALS)
        naming = [k for k in range(first, head) if not _generic(v, k) and v.lower(k) not in DENOMINATION_QUALIFIERS
                  and v.lower(k) not in v.gaz.regions]
        if not naming:
            continue
        before = first - 1 if v.lower(first - 1) != "the" else first - 2
        cue = v.lower(before) in ATTENDING or any(v.lower(k) in CHURCH_CUES for k in range(max(0, before - 3), before + 1))
        if cue:
            yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON}: words before the denomination '{v.word(head)}' where a church is said")
        elif v.lower(first - 1) in DETERMINERS or v.lower(first - 1) in NAMED_BUILDING_BEFORE:
            yield possible_identifier(v, first, last, "ORGANIZATION", f"words before the denomination '{v.word(head)}'", 0.5)


def find_named_houses(v: TokenView) -> Iterator[Found]:
    """'the volunteer drivers fae rowan house', 'the memory clinic at ashgrove house': a name before 'house' straight
    after a preposition names a home, hostel or centre when a word of it is in no word list or is a place or a
    surname; ordinary words there ('at pine house') go to the reviewer ('my house', "sarah's house", 'at council
    house' are no one's name)."""
    for head in range(2, len(v.tokens)):
        if v.lower(head) != "house" or lower_name_word(v, head + 1) and v.lower(head + 1) not in ("they", "the"):
            continue
        first = next((k for k in (head - 1, head - 2) if v.lower(k - 1) in NAMED_BUILDING_BEFORE
                      and all(lower_name_word(v, j) for j in range(k, head))), None)
        if first is None:
            continue
        words = range(first, head)
        if any(v.lower(k) in HOUSE_COMPOUNDS or _generic(v, k) for k in words):
            continue
        if any(not v.common(k) or v.lower(k) in v.gaz.places and v.lower(k) not in v.gaz.world_places for k in words):
            yield v.span(first, head, "ORGANIZATION", 0.55, f"{REASON}: a proper word before 'house' after '{v.word(first - 1)}'")
        else:
            yield possible_identifier(v, first, head, "ORGANIZATION", "ordinary words before 'house' after a preposition", 0.45)


def find_rung_practices(v: TokenView) -> Iterator[Found]:
    """'you ring orchard surgery at eight', 'i phoned riverside pharmacy': words closed by a practice's or firm's head
    straight after 'ring' or 'phone' (not 'a phone clinic', 'ring the surgery')."""
    for head in range(2, len(v.tokens)):
        if v.lower(head) not in RUNG_HEADS or lower_name_word(v, head + 1):
            continue
        first = _words_before(v, head)
        if first == head or v.lower(first - 1) not in CALLING or v.lower(first - 2) in DETERMINERS \
                or v.lower(first - 2) == "on":
            continue
        if all(_generic(v, k) for k in range(first, head)):
            continue
        kind = "HOSPITAL" if v.lower(head) in ("surgery", "practice", "clinic") else "ORGANIZATION"
        yield v.span(first, head, kind, 0.55, f"{REASON}: words before '{v.word(head)}' after '{v.word(first - 1)}'")


def find_hospital_nicknames(v: TokenView) -> Iterator[Found]:
    """'she's a hca on nights at the royal', 'in the general for a week': 'the royal' or 'the general' standing
    alone after a place preposition is the local hospital (not 'the general public', 'the royal family')."""
    for i in range(2, len(v.tokens)):
        if v.lower(i) not in NICKNAMED_HOSPITALS or v.lower(i - 1) != "the" or v.lower(i - 2) not in HOSPITAL_PLACE_BEFORE:
            continue
        if lower_name_word(v, i + 1) or v.word(i + 1)[:1].isalpha() and not v.tokens[i + 1].is_stop:
            continue
        yield v.span(i - 1, i, "HOSPITAL", 0.55, f"{REASON}: 'the {v.word(i)}' standing alone after '{v.word(i - 2)}'")


NUMBER_WORDS = frozenset(UNITS + TEENS + TENS + ["hundred", "oh", "zero"])


def find_union_locals(v: TokenView) -> Iterator[Found]:
    """'an electrician union guy local two twelve', 'teamsters local 743': a union's local branch by its number."""
    for i in range(1, len(v.tokens)):
        if v.lower(i) != "local" or v.lower(i - 1) in DETERMINERS:
            continue
        last = i
        while last + 1 < len(v.tokens) and last - i < 4 and (v.lower(last + 1) in NUMBER_WORDS or v.word(last + 1).isdigit()):
            last += 1
        if last == i or not any(v.lower(k) in ("union", "unions", "teamsters", "ibew", "seiu") for k in range(max(0, i - 9), i)):
            continue
        yield v.span(i, last, "ORGANIZATION", 0.6, f"{REASON}: a union's local by its number")


APPOSED_TO = frozenset("""group place church charity club clinic centre center service team project gym pub cafe café shop
business firm company hostel salon""".split())
"""Nouns an organisation's name is set beside in talk ('there's a group, brockley warriors, young people ...')."""
APPOSITION_BEFORE = frozenset("a an our their my the".split())


def find_apposed_names(v: TokenView) -> Iterator[Found]:
    """'there's a place, northwoods pediatric therapy, and', 'our church, greater mount pilgrim missionary baptist,':
    up to six name words set between commas after an organisation noun name it, when one of them is in no word
    list, a place, or the last an institution's head."""
    for i in range(2, len(v.tokens) - 2):
        if v.word(i) != "," or v.lower(i - 1) not in APPOSED_TO or not (
                v.lower(i - 2) in APPOSITION_BEFORE or v.lower(i - 3) in APPOSITION_BEFORE and lower_name_word(v, i - 2)):
            continue  # 'a group, …', 'a small shop, …'
        if v.lower(i + 1).rstrip(".") in TITLES:
            continue  # 'the foot clinic, nurse campbell, she …': a person there
        last = i + 1
        while last < len(v.tokens) and last - i <= 6 and (lower_name_word(v, last) or v.lower(last) in DENOMINATIONS):
            last += 1
        if last == i + 1 or v.word(last) not in (",", ".", "—", "–") or last - i > 6 \
                or v.lower(last + 1) in ("he", "she", "he's", "she's", "who"):
            continue  # 'the day centre, siti, she …': a person there, not its name
        words = range(i + 1, last)
        if any(not v.common(k) or v.lower(k) in v.gaz.places for k in words) or v.lower(last - 1) in INSTITUTION_HEADS \
                or v.lower(last - 1) in DENOMINATIONS:
            yield v.span(i + 1, last - 1, "ORGANIZATION", 0.55, f"{REASON} set beside '{v.word(i - 1)}'")


GROUP_NOUNS = frozenset("group club choir team circle crew".split())
"""What a group's name is said beside without commas: 'a singing group the wearside wheezers for folk'."""
DESCRIBING = frozenset("""young younger old older elderly usual regular lovely nice whole real same proper other poor
wee fellow""".split())
"""Words that describe the people of a group rather than name it ('the young mums', 'the older members')."""
JOINS = frozenset("and in of & on".split())
"""Little words inside a group's name ('bumps and bubbles', 'sisters in step')."""
CLAUSE_GOES_ON = frozenset("it it's its they they're we we're that which who where".split())
PEOPLE_BY_ROLE = frozenset("""workers members helpers volunteers carers users sufferers leaders teachers others mothers
fathers brothers sisters customers players lovers walkers runners swimmers singers readers drinkers smokers speakers
learners trainers officers managers caregivers fighters survivors partners farmers dancers""".split())
"""People named by what they do ('the physio workers', 'the other walkers'): a group's members, not its name."""


def _named_like_a_group(v: TokenView, first: int, last: int) -> bool:
    """Two or three name words that read as a group's name: no generic word or adjective first, and a plural or a
    head last ('basford striders', 'foyle mums' circle'; not 'the young mums', 'the local lads')."""
    if last - first not in (1, 2) or any(not lower_name_word(v, k) or _generic(v, k) for k in range(first, last + 1)):
        return False
    if v.lower(first) in DESCRIBING or v.lower(first) in v.gaz.first_names:
        return False
    head = v.lower(last).rstrip("'’")
    return head in GROUP_NOUNS or head in TEAM_HEADS or head.endswith("ers") and len(head) > 5 and head not in PEOPLE_BY_ROLE


def find_groups_named_beside(v: TokenView) -> Iterator[Found]:
    """'the walking group as well the basford striders we meet', 'a singing group the wearside wheezers for folk',
    'there's the thistle talkers a group for folk': a group's name said beside the word 'group' with no commas,
    as speech recognised in lower case often is."""
    for i in range(1, len(v.tokens) - 2):
        if v.lower(i) not in GROUP_NOUNS or v.word(i) != v.lower(i):
            continue
        start = i + 1 if v.lower(i + 1) == "the" else i + 3 if v.lower(i + 1) == "as" and v.lower(i + 2) == "well" \
            and v.lower(i + 3) == "the" else None
        if start is not None:
            start += 1
            last = start
            while last + 1 < len(v.tokens) and last - start < 2 and lower_name_word(v, last + 1):
                last += 1
            if _named_like_a_group(v, start, last) and not lower_name_word(v, last + 1):
                yield v.span(start, last, "ORGANIZATION", 0.55, f"{REASON} said beside '{v.word(i)}'")
        elif v.lower(i + 1) not in ("the", "as") and lower_name_word(v, i + 1):
            # 'a group bumps and bubbles it's at', 'a walking group sisters in step we walk': a name joined by 'and'
            # or 'in', then the clause goes on
            last = i + 1
            while last + 1 < len(v.tokens) and last - i < 4 and (lower_name_word(v, last + 1) or v.lower(last + 1) in JOINS):
                last += 1
            while last > i + 1 and v.lower(last) in JOINS:
                last -= 1
            if last - i >= 3 and any(v.lower(k) in JOINS for k in range(i + 2, last)) \
                    and (v.lower(last + 1) in CLAUSE_GOES_ON or v.word(last + 1) in (",", ".")) \
                    and not any(_generic(v, k) or v.lower(k) in PEOPLE_BY_ROLE for k in range(i + 1, last + 1)):
                yield v.span(i + 1, last, "ORGANIZATION", 0.55, f"{REASON} said beside '{v.word(i)}'")
        if v.lower(i - 1) in ("a", "an") and i >= 4:
            last = i - 2
            first = last
            while first - 1 >= 0 and last - first < 2 and lower_name_word(v, first - 1):
                first -= 1
            if v.lower(first - 1) == "the" and _named_like_a_group(v, first, last):
                yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} said beside '{v.word(i)}'")


GROUP_GOES_ON = CLAUSE_GOES_ON | frozenset("meets meet met run runs ran".split())


def find_groups_named_in_commas(v: TokenView) -> Iterator[Found]:
    """'my knitting group, the thistle knitters. we meet', 'a walking group, the sunflower walkers, which', 'a group,
    seafarers mind, meets in the hall': up to four name words set off by commas after a group's noun, the clause then
    going on about the group, name it; not a description ('a group, older ladies mostly, who', 'a group, bereaved
    parents, they')."""
    for i in range(2, len(v.tokens) - 3):
        if v.word(i) != "," or v.lower(i - 1) not in GROUP_NOUNS or v.word(i - 1) != v.lower(i - 1):
            continue
        first = i + 2 if v.lower(i + 1) == "the" else i + 1
        last = first
        while last + 1 < len(v.tokens) and last - first < 3 and (lower_name_word(v, last + 1) or v.lower(last + 1) in JOINS):
            last += 1
        if v.word(last + 1) not in (",", ".") or v.lower(last + 2) not in GROUP_GOES_ON or v.lower(last) in JOINS:
            continue
        words = range(first, last + 1)
        if not lower_name_word(v, first) or v.lower(first) in DESCRIBING or v.lower(first).endswith("ed") \
                or v.lower(first) in v.gaz.first_names or all(_generic(v, k) or v.lower(k) in PEOPLE_BY_ROLE for k in words):
            continue
        yield v.span(first if first == i + 1 else i + 1, last, "ORGANIZATION", 0.55, f"{REASON} set off by commas after '{v.word(i - 1)}'")


RUNNING = frozenset("run ran organised organized funded founded".split())
"""Verbs before 'by' whose doer is who runs a group or service ('a men's group run by open gate')."""
NAME_JOINS = frozenset("and & of".split())
PEOPLE_RUNNING = frozenset("""people folk folks mums mams moms dads parents women men ladies lads girls guys kids
students locals nuns monks priests nurses doctors staff themselves himself herself myself ourselves""".split())
"""People, not an organisation, that may run something ('run by volunteers', 'run by two ladies')."""


def find_organisations_running_it(v: TokenView) -> Iterator[Found]:
    """'a men's group run by open gate, a little charity', 'a hostel run by safe harbour.', 'it's funded by second
    wind and': up to four name words after 'run by', 'organised by', 'funded by' ..., ending where the clause goes
    on, name who runs it; not people ('run by volunteers', 'run by two mums', 'run by akka mathi who'), a first name
    (a person) or 'the ...'."""
    for i in range(2, len(v.tokens) - 1):
        if v.lower(i) != "by" or v.lower(i - 1) not in RUNNING and (v.lower(i - 2), v.lower(i - 1)) != ("set", "up"):
            continue
        first = last = i + 1
        if not lower_name_word(v, first):
            continue
        while last + 1 < len(v.tokens) and last - first < 3 and (lower_name_word(v, last + 1) or v.lower(last + 1) in NAME_JOINS):
            last += 1  # not 'in': 'run by anchor ireland in mullingar' says where it is
        while last > first and v.lower(last) in NAME_JOINS:
            last -= 1
        words = range(first, last + 1)
        if lower_name_word(v, last + 1) or v.lower(last + 1) == "who" or v.lower(first) in v.gaz.first_names \
                or v.lower(first) in DESCRIBING \
                or v.lower(first) in UNITS or any(v.lower(k) in PEOPLE_RUNNING or v.lower(k) in PEOPLE_BY_ROLE for k in words) \
                or all(_generic(v, k) or v.common(k) and singular(v.lower(k)) in INSTITUTION_HEADS for k in words):
            continue
        yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} after '{v.word(i - 1)} by'")


DESCRIBED_AS = frozenset("""charity group bakery shop cafe café pub company firm business centre center service organisation
organization practice clinic club agency trust project network scheme gym salon garage nursery outfit crowd society
association foundation restaurant bar store hostel home mob team league pantry larder bank choir""".split())
"""What a name is said to be just after it ('second wind, it's a peer society', 'c r g, an insurance company', 'the
birches it's a nursing home', 'clear head which is a counselling mob', 'harvest table that's a food bank')."""
SAYING_WHAT_IT_IS = (("it", "'s"), ("it", "is"), ("they", "'re"), ("they", "are"), ("that", "'s"), ("that", "is"),
                     ("which", "is"), ("which", "are"), ("who", "are"), ())
"""The words (spaCy's tokens) that may say what a name is before 'a'/'an': 'it's', 'they're', or, after a comma,
none."""
BUSINESS_NOUNS = frozenset("""salon bakery bakers mechanic mechanics diner cafe café shop pub bar chippy takeaway garage
hairdresser hairdressers barber barbers butcher butchers newsagent newsagents chemist florist restaurant quarry builders
joiners plumbers""".split())
"""What a business is said to be after its name ("Lang's, the bakery", "tracy's the salon", 'kilmore aggregates the
quarry')."""
HEDGES = frozenset("like just basically really more".split())
"""Words between saying what a name is and the article ('it's like a community pantry')."""
KINDS_SAID_BARE = frozenset("""work school church chapel college uni university mass bingo yoga pilates zumba swimming
football rugby darts bowls boxing dancing singing physio chemo dialysis rehab hospital prison jail court home town
shed""".split())
"""Ordinary words for an institution or pastime said without an article ('at work, it's a big company', 'to yoga,
it's a nice class'): a kind, not one organisation's name."""
TIME_SAID = (("as", "well"), ("now",), ("too",), ("then",), ("every", "week"), ("on", "a", WEEKDAYS), ("on", WEEKDAYS),
             ("on", "a", frozenset(f"{d}s" for d in WEEKDAYS)), ("on", frozenset(f"{d}s" for d in WEEKDAYS)))
"""What may stand between a name and what it is said to be ('the fermanagh otters on a saturday which is a club',
'the bellows as well that's a singing group')."""


def _said_to_be_an_organisation(v: TokenView, at: int, bare: bool) -> bool:
    """From token `at`: '(it's|they're|which is|…) [like] a/an/the' ('a/an' alone when `bare`) and up to three
    describing words before an organisation noun, other than the word before `at` ('the shops, it's a big shop' says
    nothing)."""
    named = singular(v.lower(at - 2 if v.word(at - 1) == "," else at - 1))
    for opening in SAYING_WHAT_IT_IS if bare else SAYING_WHAT_IT_IS[:-1]:
        if all(v.lower(at + n).replace("’", "'") == word for n, word in enumerate(opening)):
            k = at + len(opening)
            k += v.lower(k) in HEDGES and bool(opening)
            if v.lower(k) not in ("a", "an", "the"):
                continue
            noun = next((n for n in range(1, 5) if v.lower(k + n) in DESCRIBED_AS), None)
            return noun is not None and all(is_word(v.word(k + n)) or v.word(k + n) in ("'", "’")
                                            for n in range(1, noun)) \
                and (v.lower(k + noun) != "home" or v.lower(k + noun - 1) in CARE_HOMES) \
                and (v.lower(k + noun) != "bank" or v.lower(k + noun - 1) == "food") \
                and v.lower(k + noun) != named and singular(v.lower(k + noun + 1)) not in ROLES_AFTER
    return False


ROLES_AFTER = frozenset("manager worker lead leader coordinator owner staff nurse secretary receptionist".split())
"""Nouns that make the organisation noun before them a modifier ('deb, the practice manager'): a person is said."""
CARE_HOMES = frozenset("nursing care residential retirement funeral children's seniors' seniors rest".split())
"""What makes 'a … home' an organisation ('it's a nursing home'), not someone's ('it's a nice home')."""


NAME_JOINS = frozenset("and of & 's ’s".split())
"""Little words inside an organisation's name ('hearts and minds', "nanna's pantry")."""
PRONOUNS = frozenset("i me you he him she her it we us they them mine yours his hers ours theirs".split())


def _in_a_name(v: TokenView, k: int) -> bool:
    """A word that may stand in an organisation's name: no pronoun, determiner, filler or preposition of place."""
    lower = v.lower(k)
    return lower in NAME_JOINS or is_word(v.word(k)) and lower not in DETERMINERS and lower not in FILLERS \
        and lower not in PLACE_PREPOSITIONS and lower not in PRONOUNS and lower not in DISCOURSE_WORDS


def _before_time_said(v: TokenView, end: int) -> int:
    """The token before `end`, or before a time said just before it ('on a saturday', 'as well')."""
    for said in TIME_SAID:
        first = end - len(said)
        if first > 0 and all(v.lower(first + n) == w if isinstance(w, str) else v.lower(first + n) in w
                             for n, w in enumerate(said)):
            return first - 1
    return end - 1


def _name_ending(v: TokenView, last: int) -> int:
    """The first of up to five name words ending at `last` (little words only inside), or last + 1 if none."""
    first = last + 1
    while first - 1 >= 0 and last - first < 4 and _in_a_name(v, first - 1) \
            and (v.lower(first - 1) in NAME_JOINS or not v.tokens[first - 1].is_stop or v.lower(first - 1) in ORDINALS):
        first -= 1
    while first <= last and v.lower(first) in NAME_JOINS:
        first += 1
    return first


PERSON_WORDS = PERSON_NOUNS | KIN_NOUNS | CARE_ROLES
SIZE_AND_AGE = frozenset("little new old big".split())
"""Generic modifiers that still open a name ('little acorns'), though alone they name no one ('the new one')."""
KIND_MODIFIERS = frozenset("food soup".split())


def _names_a_kind(v: TokenView, words: range) -> bool:
    """Ordinary words that name a kind of place, pastime or person, or a time, rather than one organisation ('work',
    'the nurses', 'a saturday', 'the food bank', 'the walking group', 'the little one')."""
    named = [k for k in words if is_word(v.word(k)) and v.lower(k) not in NAME_JOINS]
    if all(v.lower(k) in SIZE_AND_AGE or v.tokens[k].is_stop for k in named):
        return True
    if len(named) > 1 and v.lower(named[-1]) in DESCRIBED_AS | INSTITUTION_HEADS \
            and any(v.lower(k) in KIND_MODIFIERS or v.lower(k).endswith("ing") for k in named[:-1]):
        return True
    return any(v.lower(k) in KINDS_SAID_BARE or v.lower(k) in SPORTS or singular(v.lower(k)) in PERSON_WORDS
               or singular(v.lower(k)) in ("week", "month", "year", "morning", "afternoon", "evening", "night")
               for k in words)


BEING = frozenset("is was are were 's ’s be been".split())
LOCATING = frozenset("in on near off by round around outside behind past like than or as".split())
"""Words before a name that make it where the organisation described is, or another one it is compared with ('a flat
in possilpark, it's a housing association one', 'the big guys like exxon or shell, it's a smaller outfit')."""
SUBJECTS = PRONOUNS | frozenset("who which that".split())


def _a_business_named_before(v: TokenView, last: int) -> bool:
    """Whether 'the' and up to two words before a business noun follow the name word `last`, with no comma, as Whisper
    writes 'works at kilmore aggregates the quarry', and 'at', 'with' or 'for' just before the name (not 'wants to
    reach the group')."""
    if v.lower(last + 1) != "the" or not lower_name_word(v, last):
        return False
    noun = next((n for n in range(2, 5) if v.lower(last + n) in DESCRIBED_AS | BUSINESS_NOUNS), None)
    if noun is None or not all(is_word(v.word(last + n)) for n in range(2, noun)) \
            or singular(v.lower(last + noun + 1)) in ROLES_AFTER or v.lower(last + noun) in ("home", "bank") \
            or v.lower(last).endswith("ing"):
        return False  # 'the in home supportive services', 'would look at funding the group
    first = _name_ending(v, last)
    return v.lower(first - 1) in ("at", "with", "for") and first <= last \
        and all(lower_name_word(v, k) or v.lower(k) in NAME_JOINS for k in range(first, last + 1))


def find_names_said_to_be_organisations(v: TokenView) -> Iterator[Found]:
    """'dragged me along to hearts and minds lanarkshire, it's a recovery charity', 'what saved me was the puffins
    it's a parents group', 'a leaflet for bluebell, which is a carers' group', 'the curlews that's a walking group':
    up to five name words closed by what they are (after a comma, or straight after them from 'it's', 'which is' on,
    perhaps after when: 'on a saturday'); in a cased transcript, capitalised ones. Ordinary words are a name there
    too, unless they say a kind of place, pastime or person ('at work, it's a big company', 'the nurses, they're a
    good team'), which go to the reviewer; so do words of a service ('the food bank, it's a charity' names no one)."""
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    for end in range(2, len(v.tokens) - 3):
        comma = v.word(end) == ","
        if not (comma and _said_to_be_an_organisation(v, end + 1, bare=True)
                or lower_case_text and _a_business_named_before(v, end - 1)
                or v.word(end) == "." and v.word(end + 1) in ("It", "They", "That")
                and _said_to_be_an_organisation(v, end + 1, bare=False)
                or v.lower(end) in ("it", "they", "that", "which", "who") and is_word(v.word(end - 1))
                and _said_to_be_an_organisation(v, end, bare=False)):
            continue
        if comma and v.lower(end + 1) == "the" and v.lower(end - 1) in v.gaz.places:
            continue  # 'we went to Leeds, the centre': a place
        last = _before_time_said(v, end)
        first = _name_ending(v, last)
        if first < last and v.lower(first - 1) in SUBJECTS:
            first += 1  # 'the one who found sickle strong, a support group': a subject's verb opens no name
        if first > last or v.text[v.tokens[first].idx:v.tokens[last].idx].count("\n"):
            continue
        before = v.lower(first - 2) if v.lower(first - 1) == "the" else v.lower(first - 1)
        being = v.lower(first - 1) in BEING and (v.lower(first - 1) not in ("'s", "’s") or v.lower(first - 2) in SUBJECTS)
        if before in LOCATING or before == "," or being and v.lower(first - 2) != "there":
            continue  # 'it's grand, it's the company', 'the clinic is fine, the food bank …': what something is
        words = range(first, last + 1)
        if not lower_case_text and not all(v.word(k)[:1].isupper() or v.lower(k) in NAME_JOINS for k in words):
            continue
        if any(_generic(v, k) and v.lower(k) not in SIZE_AND_AGE for k in words) or first == last and v.allowed(first) \
                or any(v.lower(k) in WEEKDAYS or singular(v.lower(k)) in WEEKDAYS or v.lower(k) in MONTHS for k in words):
            continue
        if any(not v.common(k) or v.lower(k) in v.gaz.places for k in words if is_word(v.word(k))):
            yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} said to be an organisation after it")
        elif not _names_a_kind(v, words) and not (v.initial(first) and v.word(first)[:1].isupper()):
            yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} of ordinary words said to be an organisation after it")
        elif last > first or v.lower(first - 1) == "the":  # 'the nurses, they're a good team', for the reviewer
            yield possible_identifier(v, first, last, "ORGANIZATION", "ordinary words said to be an organisation "
                                      "after them", 0.5)


def find_lower_case_organisations(v: TokenView) -> list[Found]:
    return [*find_teams(v), *find_congregations(v), *find_named_houses(v), *find_rung_practices(v),
            *find_hospital_nicknames(v), *find_apposed_names(v), *find_groups_named_beside(v), *find_groups_named_in_commas(v),
            *find_organisations_running_it(v),
            *find_names_said_to_be_organisations(v)]
