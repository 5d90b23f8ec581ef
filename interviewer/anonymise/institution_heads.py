"""Provides the head words that close an institution's name (strong ones name one whatever stands before them, weak
ones need a name) and the tests of whether the words before a head name one: a proper noun or place, ordinary words
before the heads that take them (a surgery, a business, a group, a centre), and not a kind of one ('the Job Centre')."""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import WORKPLACE_BEFORE
from interviewer.anonymise.cues import KIN_NOUNS, MONTHS, SERVICE_KIND_WORDS, WEEKDAYS
from interviewer.anonymise.gazetteers import default_allow_terms, load_gazetteers
from interviewer.anonymise.lower_case_organisations import DENOMINATION_QUALIFIERS, DENOMINATIONS
from interviewer.anonymise.words import content_word_after

# Heads that name an institution whatever words precede them; weak heads need a proper noun before them.
STRONG = {
    "HOSPITAL": r"Hospital|Infirmary|Hospice|Medical Centre|Health Centre|Medical Practice|Medical Group|Family Practice|"
                r"Health Park|Medical Center|Health Center|Health System|Urgent Care|Memorial Hospital",
    "ORGANIZATION": r"NHS Foundation Trust|Foundation Trust|NHS Trust|CCG|ICB|PCN|CVS|CIC|CIO|Ltd|Limited|PLC|plc|LLP|Inc|"
                    r"Clinical Commissioning Group|Housing|Network|"
                    r"Voices|Association|Society|Forum|Alliance|Advocacy(?: Service)?|Uni|Borough Council|City Council|"
                    r"LLC|Corporation|Corp|Credit Union|Institute|Senior Center|Community Center|Associates|"
                    r"Community Centre|Community Hall|Village Hall|Parish Hall|Church Hall|Memorial Hall|Scout Hall|"
                    r"Support Group|Support Centre|Support Center",
}


WEAK = {
    "HOSPITAL": r"General|Clinic|Surgery|Practice|Unit|Centre|Center|Memorial|Regional|Rehab|Physio|Physiotherapy|"
                r"Chiropractic|Podiatry|Dental|Optometrists|Opticians|Audiology|Medical|Private",
    "ORGANIZATION": r"University|College|School(?: of [A-Z][a-z]+)?|Council|Trust|Group|Project|Partnership|Service|Services|"
                    r"Charity|Foundation|Church|Chapel|Mosque|Masjid|Temple|Gurdwara|Mandir|Synagogue|Academy|Met|Poly|Lodge|"
                    r"Care Home|Nursing Home|Home Care|Wing|Suite|Carers|Hotel|Arms|Inn|Tavern|Café|Cafe|Restaurant|Bakery|Chemists?|"
                    r"Pharmacy|Pantry|Larder|Men's Shed|Men’s Shed|Company|Elementary|Middle School|High|Parish|Diocese|Department|"
                    r"Primary|Secondary|Grammar|Comprehensive|Infants|Juniors|"
                    r"Club|Mill|Works|Choir|Singers|Walkers|Ramblers|Runners|Swimmers|Knitters|Stitchers|Quilters|Crafters|"
                    r"Growers|Gardeners|Recovery|Collective|"
                    r"Garage|Studio|Salon|Logistics|Engineering|Transport|Homes|Homecare|Hub|Home Health|"
                    r"Senior Living|Assisted Living|Fellowship|Ministries|Ministry|Tabernacle|Assembly|Cathedral|Basilica|"
                    r"Dairies|Foods|Meats|Freight|Haulage|Motors|Builders|Construction|Poultry|Feeds?|Mining|Couriers|"
                    r"Pallets|Tyres|Tires?|Timber|Plastics|Textiles|Printers|Butchers|Earthmoving|Distillery|Brewery|"
                    r"Winery|Fisheries|Seafoods|Trucking|Contracting|Removals|Joinery|Roofing|Scaffolding|Landscaping|House|"
                    r"Security|Solutions|Cleaning|Plumbing|Electrical|Recruitment|Consulting|Lettings|Care|Vets|Orchestra|Health|"
                    r"Baptist|Methodist|Presbyterian|Lutheran|Pentecostal|Episcopal|Congregational|Wesleyan|Adventist",
}


ORDINARY_ONLY = r"Pool|League|Support|Tap|Taproom|Gym|Fitness|Barbers|Barbering"
"""Heads that name an organisation only after ordinary capitalised words (see `ordinary_named`); kept out of WEAK, which
recasing reads: in lower case, 'send support' and 'the hydro pool' are no names."""


DENOMINATION_HEADS = frozenset({"Baptist", "Methodist", "Presbyterian", "Lutheran", "Pentecostal", "Episcopal",
                                "Congregational", "Wesleyan", "Adventist"})
"""Denominations that close a congregation's name ('First Baptist', 'Grace Lutheran')."""


GROUP_HEADS = frozenset({"Choir", "Singers", "Walkers", "Ramblers", "Runners", "Swimmers", "Knitters", "Stitchers",
                         "Quilters", "Crafters", "Growers", "Gardeners", "Recovery", "Collective"})
"""Heads of local groups and services people join, named in ordinary words ('the Puffin Choir', 'Sunflower Walkers',
'New Day Recovery')."""


GROUP_KIND_WORDS = frozenset("""male female voice voices gospel church chapel cathedral parish hospital school youth junior
senior ladies women's womens men's mens children's childrens chamber rock pop show barbershop military wives mums dads
walking running swimming sea river open water cold nordic fell road trail park garden allotment market""".split())
"""Words that say what kind of choir, walkers or growers they are ('the Male Voice Choir', 'the Gospel Choir'), no
name of one."""


PLACE_NAMED_HEADS = frozenset({"Surgery", "Practice", "Lodge", "Project", "Care Home", "Nursing Home", "Wing", "Suite",
                               "Hotel", "Arms", "Inn", "Tavern", "Home Care", "Men's Shed", "Men’s Shed", "Home Health",
                               "Senior Living", "Assisted Living", "Fellowship", "Ministries", "Tabernacle", "Assembly",
                               "Elementary", "Middle School", "Primary", "Academy", "Grammar", "Comprehensive", "Infants",
                               "Juniors", "Garage", "Motors", "Builders", "Construction", "Haulage", "Freight", "Salon",
                               "Studio", "Bakery", "Restaurant", "Cafe", "Café", "House", "Hub", "Pharmacy", "Chemist", "Pantry", "Larder",
                               "Chemists", "Vets"}) | DENOMINATION_HEADS | GROUP_HEADS
"""Heads whose names are usually ordinary words ('Headlands Surgery', 'Riverside Lodge', 'The Hope Project',
'Table Mountain Elementary', 'Sunrise Bakery'):
a capitalised name before them counts even when every word of it is English."""


NATIONAL_WORDS = frozenset({"National", "British", "UK", "English", "Scottish", "Welsh", "Royal"})


GENERIC_MODIFIERS = frozenset("""gp general day dental family group medical local private nurse nursing community cardiac
plastic minor major eye vascular pilot research housing care residential the our my your their his her this that new old
main big small same other recovery""".split())


def head_type(head: str) -> tuple[str, bool]:
    for kind, pattern in STRONG.items():
        if re.fullmatch(pattern, head):
            return kind, True
    for kind, pattern in WEAK.items():
        if re.fullmatch(pattern, head):
            return kind, False
    return "ORGANIZATION", False


def opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens the text, a sentence, a line or a speaker's turn."""
    return text[:at].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n")


def has_proper(words: list[str]) -> bool:
    gaz = load_gazetteers()
    # A capitalised possessive names a business after its owner ("Hocking's Chemist", "Moretti's Café").
    return any(w.lower() in gaz.places or not gaz.is_common(w.rstrip("'’s")) or (w[:1].isupper() and w.endswith(("'s", "’s")))
               for w in words if w.lower() not in STOP_WORDS and w not in ("St", "St.", "&"))


def capitalised_names(words: list[str]) -> bool:
    """Every word capitalised like a name (not an acronym) and none a nationality or other group's word."""
    from interviewer.anonymise.never_names import is_group_word

    gaz = load_gazetteers()
    return all(w[:1].isupper() and not w.isupper() and not is_group_word(w, gaz) for w in words)


TWO_NAME_WORD_HEADS = frozenset({"Centre", "Center", "Health", "Medical", "High", "Orchestra", "Private", "University", "College",
                                 "Church", "Chapel"})
"""Heads that one word before them makes a kind ('the Job Centre', 'Mental Health', 'Junior High'), but two ordinary
words or more name ('the Silver Thread Day Centre', 'Prairie Lakes Health', 'West Central High', 'Friendly Society
Private', a private hospital as Australians and the Irish name one)."""


def kind_word(word: str) -> bool:
    lower = word.lower()
    return lower in GENERIC_MODIFIERS or lower in SERVICE_KIND_WORDS


def centre_named(head: str, words: list[str]) -> bool:
    """A centre, health system, high school, college or church named with two ordinary words or more that are no
    kind words ('Bayou City University'); one word names a kind. A denomination in a church's name is neither
    ('Laurel Fork Freewill Baptist Church'; 'a Free Presbyterian Church' has no name words)."""
    words = [w for w in words if w.lower() not in DENOMINATION_QUALIFIERS and w.lower() not in DENOMINATIONS]
    named = [w for w in words if not kind_word(w) and w.lower() not in STOP_WORDS]
    return head in TWO_NAME_WORD_HEADS and len(named) >= 2 and capitalised_names(words)


def place_named(head: str, words: list[str]) -> bool:
    # A kind word may stand inside ('Northwest Recovery Hub'), but not only kind words ('the Recovery Hub',
    # 'Dental Practice').
    head = re.sub(r"\s+", " ", head)
    kind_of_group = GROUP_KIND_WORDS if head in GROUP_HEADS else frozenset()
    return head in PLACE_NAMED_HEADS and capitalised_names(words) and any(
        not kind_word(w) and w.lower() not in kind_of_group for w in words) \
        and not all(w.lower() in allowed_lower_terms() for w in words)


BUSINESS_HEADS = frozenset({"Services", "Group", "Company", "Works", "Club", "Engineering", "Transport", "Logistics",
                            "Homecare", "Home Care", "Construction", "Builders", "Motors", "Garage", "Salon", "Studio",
                            "Security", "Solutions", "Cleaning", "Plumbing", "Electrical", "Recruitment", "Consulting",
                            "Lettings", "Care"})
"""Heads of firms and clubs named in ordinary words ('Harbour Marine Services', 'Golden Triangle Logistics')."""


ORDINARY_ONLY_HEADS = frozenset(ORDINARY_ONLY.split("|"))


ORDINARY_NAMED_HEADS = frozenset({"Trust", "Centre", "Center"}) | ORDINARY_ONLY_HEADS
"""Heads a local centre, trust, pool, league, support service, bar or gym takes after a name in ordinary words ('the
Sunbeam Centre', 'the Oak Tree Trust', 'the Bower Pool', 'Comeragh Cancer Support', 'the Dubliner Tap')."""


KINDS_OF_CENTRE = frozenset("""job jobcentre garden leisure sports sport town city shopping visitor visitors call test testing
vaccination vaccine walk-in conference arts art heritage resource resources drop-in wellbeing children's childrens
skills rape trauma distribution sorting data contact repair recycling fitness aquatic aquatics swimming swim tennis golf
bowls climbing cricket rugby football soccer hockey ice skating dance music craft citizens welcome tourist bus rail
ferry airport police fire ambulance diagnostic imaging screening breast hearing dialysis birth baby antenatal postnatal
fertility blood donor transplant burns spinal brain chest skin allergy covid travel wound foot podiatry physio premier
little major minor national royal county state regional international world european american british english scottish
welsh irish australian canadian outdoor indoor public private local school college university student students staff
it tech technical customer legal money debt housing energy water park parks river wildlife nature animal pet dog
horse equestrian farm rural urban village island lifeboat coastguard mountain rescue search crisis counselling
therapy hydro hydrotherapy lido olympic junior senior under vets veterans ex-forces forces army navy emotional practical
financial moral spiritual pastoral social champions europa darts pool snooker netball basketball baseball softball
bowling fantasy church ivy super car kids home work hospital deep shallow planet anytime snap virgin nuffield goodlife
crunch equinox acute canal woodland prince's princes sure start injury injuries eating disorders women's womens men's mens
islamic muslim sikh hindu jewish christian buddhist catholic asian""".split())
"""Words that say what kind of centre, pool, league or service it is, capitalised or not ('the Job Centre', 'the
Leisure Centre', 'Little League', 'Peer Support'), no name of one."""


ORDINARY_NAME = "(ordinary words)"
"""Reason of `ordinary_named` finds: they read capitals as a transcriber wrote them, so recased text never gives one."""


def ordinary_named(text: str, start: int, head: str, words: list[str]) -> bool:
    """Capitalised ordinary words mid-sentence before a centre's, trust's, pool's, league's, support service's, bar's or
    gym's head, one of them at least no kind of one, no calendar word and no allowed term."""
    if head not in ORDINARY_NAMED_HEADS or opens_sentence(text, start) or not 1 <= len(words) <= 3 \
            or not capitalised_names(words) or " ".join(words).lower() in allowed_lower_terms() \
            or f"{' '.join(words)} {head}".lower() in allowed_lower_terms():
        return False
    lowered = [w.lower() for w in words]
    if any(w in WEEKDAYS or w in MONTHS or w in KIN_NOUNS for w in lowered):
        return False
    return any(w not in KINDS_OF_CENTRE and not kind_word(w) and w not in STOP_WORDS and w not in allowed_lower_terms()
               for w in lowered)


def business_named(text: str, start: int, head: str, words: list[str]) -> bool:
    """Ordinary capitalised words mid-sentence before a firm's or club's head (two or more, or one where someone works),
    not all of them words of a service or field, or days ('Harbour Marine Services', 'the Friday Friendship Group',
    'a guard for Steadfast Security', but not 'Adult Social Services', 'the Mental Health Group')."""
    if re.sub(r"\s+", " ", head) not in BUSINESS_HEADS or opens_sentence(text, start):
        return False
    if len(words) < 2 and not WORKPLACE_BEFORE.search(text, max(0, start - 40), start):
        return False  # one ordinary word names a firm only where someone works ('a guard for Steadfast Security')
    gaz = load_gazetteers()
    lowered = [w.lower() for w in words]
    if not capitalised_names(words) \
            or any(w in KIN_NOUNS or (w in gaz.first_names and not gaz.is_common(w)) for w in lowered):
        return False  # 'my Partner Dean Works for': a person before a verb
    return any(not kind_word(w) and w not in STOP_WORDS and w not in WEEKDAYS and w not in MONTHS for w in lowered)


CONGREGATION_NOUNS = frozenset("church chapel congregation school college hospital mission fellowship parish".split())


def describes_a_noun(text: str, end: int) -> bool:
    """Whether a lower-case noun other than a congregation's follows, so the word before it is an adjective ('good
    Lutheran guilt'); a word that may be a verb ('Little Zion Baptist preached', 'Grace Lutheran runs') is no noun."""
    noun = content_word_after(text, end)
    return noun is not None and noun not in CONGREGATION_NOUNS and not noun.endswith(("ed", "s", "ing"))


@functools.lru_cache(maxsize=1)
def allowed_lower_terms() -> frozenset[str]:
    return frozenset(t.lower() for t in default_allow_terms())
