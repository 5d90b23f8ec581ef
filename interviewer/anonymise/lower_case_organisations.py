"""Provides organisation rules that need evidence on both sides of a name of ordinary words, written for lower-case
transcripts (teams also in cased ones): a head that closes a name ('tigers', 'baptist', 'house', 'surgery') and a
cue that puts an organisation there ('plays for', 'my church,', 'ring', 'union'); with the head alone the reviewer
is asked instead."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import CALLING, DETERMINERS, FILLERS, MONTHS, PLAYING, TITLES, WEEKDAYS
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
pirates giants tornadoes hurricanes crusaders chiefs highlanders celtic city town county villa hotspur thistle shamrocks
gaels harps fc afc rfc gaa gac juniors""".split())
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
                    and not any(_generic(v, k) for k in range(i + 1, last + 1)) and v.lower(last) not in PEOPLE_BY_ROLE:
                # a name may hold people by role ('sisters in step'), though it never ends with them ('carers and users')
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
NAME_JOINS = frozenset("and of & 's ’s".split())
"""Little words inside an organisation's name ('hearts and minds', "nanna's pantry")."""
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


def find_lower_case_organisations(v: TokenView) -> list[Found]:
    return [*find_teams(v), *find_congregations(v), *find_named_houses(v), *find_rung_practices(v),
            *find_hospital_nicknames(v), *find_apposed_names(v), *find_groups_named_beside(v), *find_groups_named_in_commas(v),
            *find_organisations_running_it(v)]
