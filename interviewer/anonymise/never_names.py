"""Provides the words that are never names whatever their capital letter: nationalities and other group words,
discourse words opening a turn, seasons, months and weekdays, what people call their kin ('my Nan'), medicines, and
everyday words of other languages and dialects ('craic', 'whānau')."""

from __future__ import annotations

import functools
import re

from interviewer.anonymise.cues import (
    CONDITION_WORDS, MONTHS, PERSON_VERBS, PERSON_WORDS, POSSESSIVES, SPEECH_VERBS, WEEKDAYS,
)
from interviewer.anonymise.gazetteers import Gazetteers, demonym_place

GROUP_WORDS = frozenset("""american americans british brit brits english scottish scots scot welsh irish dutch french swiss
greek greeks thai thais filipino filipinos filipina peruvian peruvians norwegian norwegians kiwi kiwis aussie aussies yank
yanks yankee yankees geordies scouser scousers brummie brummies mancunian mancunians glaswegian glaswegians cockney
cockneys latino latinos latina latinas latinx hispanic hispanics asian asians african africans european europeans caucasian
caucasians arab arabs arabic native natives aboriginal aboriginals aborigine aborigines indigenous maori inuit
midwestern midwesterner midwesterners southerner southerners northerner northerners westerner westerners easterner
easterners yorker yorkers texan texans catholic catholics protestant protestants baptist baptists methodist methodists
mormon mormons jewish jew jews muslim muslims moslem hindu hindus sikh sikhs buddhist buddhists christian christians
evangelical evangelicals pentecostal anglican anglicans presbyterian presbyterians lutheran lutherans quaker quakers
democrat democrats democratic republican republicans tory tories labour liberal liberals conservative conservatives
unionist unionists nationalist nationalists loyalist loyalists gaelic celtic anglo saxon saxons welshman welshmen
welshwoman welshwomen irishman irishmen irishwoman irishwomen englishman englishmen englishwoman englishwomen scotsman
scotsmen scotswoman scotswomen frenchman frenchmen dutchman dutchmen countryman countrymen kikuyu kalenjin luhya kamba
maasai masai kisii yoruba igbo ibo hausa fulani akan asante ewe fante zulu xhosa sotho tswana venda tsonga ndebele swahili
amhara oromo tigrayan wolof mandinka hakka hokkien teochew cantonese mandarin malay malays tamil tamils telugu punjabi
punjabis gujarati gujaratis bengali bengalis sinhalese pashtun pashto kurd kurds kurdish cornish manx cree ojibwe ojibway
anishinaabe mohawk haudenosaunee iroquois dene haida inuk metis métis navajo navaho cherokee sioux apache hopi choctaw
chickasaw blackfoot mikmaq cajun cajuns creole creoles acadian acadians trini trinis bajan bajans mennonite mennonites
amish hutterite hutterites adventist adventists episcopalian episcopalians unitarian unitarians wesleyan wesleyans calvinist
calvinists congregationalist congregationalists orthodox shiite sunni ismaili zoroastrian parsee
rastafarian rastafarians rasta geordie mackem mackems smoggie smoggies sandancer sandancers yinzer yinzers sassenach
sassenachs corkonian corkonians newfie newfies newfoundlander newfoundlanders maritimer maritimers bluenoser bluenosers
yorkshireman yorkshiremen yorkshirewoman yorkshirewomen lancastrian lancastrians cumbrian cumbrians cornishman cornishmen
ulsterman ulstermen weegie weegies teuchter teuchters jackeen jackeens culchie culchies pom poms pommie pommies pommy
sandgroper sandgropers hoosier hoosiers buckeye buckeyes okie okies yooper yoopers hillbilly hillbillies redneck
rednecks highlander highlanders lowlander lowlanders""".split())
"""Nationalities, peoples, regional and religious groups and parties the demonym rule cannot read from a place name,
and the everyday names for people of a region ('a Geordie', 'us Yinzers', 'a Newfie'); a people's name that is also a
given name, such as Shona or Luo, is left to the name rules."""
DISCOURSE_WORDS = frozenset("""oh ooh ah aah aha ahh huh uh uhh uh-huh um umm hm hmm mm mhm mm-hm erm er eh yeah yea yep yup
yes no nope nah ok okay alright right well so and but or then now anyway anyways like sure wow gosh gee geez jeez jeepers
golly dang darn damn shoot whoa hey hi hello bye goodbye thanks please sorry true really exactly absolutely definitely
totally cool great yikes ugh ouch oops whew phew boy man god lord jesus christ ja jah ag eish aye och ach crikey blimey
strewth cor crumbs heck jeepers goodness gracious lah leh lor meh yaar abeg""".split())
"""Words that open a turn in talk ('Oh.', 'Huh.', 'So, ...', 'Boy, ...'); at a turn start they name nobody, and
particles that close a phrase ('call me ani lah') name nobody anywhere."""
SEASONS = frozenset("spring summer autumn fall winter springtime summertime wintertime".split())
SEASON_BEFORE = frozenset("""in this last next that the every each during over through since until till by early late mid
of before after one all whole""".split())
SEASON_AFTER = frozenset("""term terms holiday holidays holidays break breaks months time season semester camp school
fete fair""".split())
FESTIVALS = frozenset("""christmas xmas easter halloween hallowe'en thanksgiving juneteenth kwanzaa hanukkah chanukah
hannukah passover pesach purim sukkot shavuot diwali deepavali divali holi navratri navaratri dussehra onam pongal vaisakhi
baisakhi lohri ramadan ramadhan ramzan eid vesak wesak hogmanay samhain beltane matariki songkran nowruz lent advent
epiphany pentecost whitsun whitsuntide candlemas michaelmas shrovetide sallah dasara dashain tihar ugadi sankranti bihu
thaipusam chuseok seollal mawlid muharram ashura nochebuena""".split())
"""Feasts, festivals and seasons of the year, one word each: never a person's or a place's name."""
CALENDAR_WORDS = (MONTHS - {"april", "may", "june", "july", "august"}) | WEEKDAYS | FESTIVALS
"""Months, weekdays and festivals, less the months that are also given names ('April', 'May', 'June')."""
KIN_CALLS = frozenset("""nan nana nanna nanny gran granny grandma grandmama grandad granda grandpa grampa gramps nain taid
grandmom grandpop gramma grammy grandmommy
mam mammy mum mummy mom mommy momma ma mama da dad daddy papa pop pops meemaw mawmaw mamaw pawpaw papaw abuela abuelo
abuelita abuelito tia tía tio tío ammi ammu ammiji abbu abba abbaji bhai bhaiya bhaijaan baji apa apaa didi dadi nani
nanima dadima baba ba babu shosho amma appa akka chechi chetta chettan thambi ammachi appachan iya tita tito
lola lolo kuya manang manong nonna nonno babcia dziadek yiayia
papou mzee cucu dada kaka gogo mkhulu makhulu mme mma ntate rre bhuti malume tannie oom ouma oupa ajji ajja atte masi
mausi maasi kaki chacha chachi bua phupho phuppo mamu mamaji thatha paati bhabhi jiju nanaji dadaji ate aling mang maas
makcik pakcik kakak atuk nenek popo yeye nainai laolao waipo hooyo aabo ayeeyo awoowe abti eedo jiddo teta sitti khala
khalu khalto halmeoni harabeoji umma omma oppa unnie noona hyung mami papi mija mijo savta mamgu tadcu mamó daideo
maw koro kui maa jjajja ssenga kojja amai sekuru mbuya ambuya tete abah abang kak cik tanty tantie
ammamma chithappa periyappa periyamma mamiyar mamanar ninang ninong nanay tatay inay itay""".split())
"""What people call their kin in place of a name ('my Nan', 'Mam said', 'my tía Lupe'): a name follows, or none."""
RESPECT_AFTER = frozenset("ji sahib sahab bhai baji didi bhaiya jaan".split())
"""Words of respect said after a name ('Tariq bhai', 'Gupta ji'): no part of it."""
KIN_AFTER_A_NAME = RESPECT_AFTER | frozenset("""kaka kaki masi mausi maasi chacha chachi bua phupho mamu mamaji apa amma
appa akka anna chechi chetta chettan thatha paati aunty auntie uncle""".split())
"""Kin words South Asian English says after a name ('Ramesh Kaka', 'Jyoti Masi', 'Meena Aunty'): the word before is
the name."""
SPEAKER_LABEL = r"[A-Z][\w .'’-]{0,30}:"
"""A speaker's label opening a turn: 'B:', 'Participant:'."""
TURN_START = re.compile(rf"(?:^|\n)[ \t]*(?:{SPEAKER_LABEL}[ \t]*)?$")
"""A turn opens here: the start of a line, perhaps after a speaker label ('B: ', 'Participant: ')."""


def singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith(("'s", "’s")):
        return lower[:-2]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return lower


_GROUP_SEEN: dict[str, bool] = {}


def is_group_word(word: str, gaz: Gazetteers) -> bool:
    """A nationality, demonym or group word ('Mexicans', 'Texan', 'Catholics'): never a person or place."""
    lower = word.lower().rstrip("'’")
    known = _GROUP_SEEN.get(lower)
    if known is None:
        parts = lower.split("-")
        known = _GROUP_SEEN[lower] = lower in GROUP_WORDS or singular(lower) in GROUP_WORDS \
            or demonym_place(lower, gaz) is not None \
            or len(parts) > 1 and all(parts) and (is_group_word(parts[-1], gaz) or parts[-1] in ("caribbean", "asian")) \
            and all(part in COMBINING_FORMS or is_group_word(part, gaz) for part in parts[:-1])
    return known


COMBINING_FORMS = frozenset("franco anglo afro euro sino indo italo greco hispano luso russo judeo latino".split())
"""The first halves of joined nationalities ('Franco-Ontarian', 'Afro-Caribbean', 'Anglo-Indian')."""


INTERJECTION_AFTER = re.compile(r"[ \t]*[,!]")
SENTENCE_START_BEFORE = re.compile(r"[.!?…][ \t]+$")
"""A discourse word set off by a comma at a sentence's start is said as one, even mid-turn ('. Man, I'm not')."""
WORD_BEFORE = re.compile(r"([\w'’-]+)[\s,.!?…-]*$")


def is_turn_opener(text: str, start: int, word: str) -> bool:
    """A discourse word ('Oh', 'So', 'Huh') opening a turn, perhaps after other such words ('Oh. Huh.')."""
    if word.lower() not in DISCOURSE_WORDS:
        return False
    if INTERJECTION_AFTER.match(text, start + len(word)) and SENTENCE_START_BEFORE.search(text, max(0, start - 4), start):
        return True  # '... for the fiftieth time. Man, I'm not nodding out', 'Crikey, it was grim.'
    for _ in range(6):
        if TURN_START.search(text, max(0, start - 40), start):
            return True
        before = WORD_BEFORE.search(text, max(0, start - 30), start)
        if not before or before.group(1).lower() not in DISCOURSE_WORDS:
            return False
        start = before.start(1)
    return False


def is_season(word: str, before: str, after: str) -> bool:
    """A season word used as a season ('last Summer', 'in the Fall', 'Spring term'), not as a name ('Summer said')."""
    lower = word.lower()
    return lower in SEASONS and (before.lower() in SEASON_BEFORE or after.lower() in SEASON_AFTER or lower in ("fall", "autumn",
                                                                                                         "winter", "spring"))


NAME_WORD = re.compile(r"[\w'’-]+")


def never_a_name(text: str, start: int, end: int, entity_type: str, gaz: Gazetteers, named: bool = False) -> bool:
    """Whether a name-type span holds only words that are never names here: group words, discourse words
    opening a turn, seasons used as seasons, months and weekdays, medicines, everyday words of other languages (but
    not an organisation's name of two words or more, often made of them: 'Kaitiaki Whānau', nor a person `named` so by
    what is said of them: 'everyone calls him Craic'), words in lower case for a sort of person ('fellas', 'the
    physio'), and (for a person) kin calls."""
    if entity_type not in ("PERSON", "LOCATION", "ORGANIZATION"):
        return False
    words = list(NAME_WORD.finditer(text, start, end))
    if not words:
        return False
    if len(words) > 1 and " ".join(w.group().lower() for w in words) in loanwords():
        return True  # 'kia ora', though 'Kia' alone is a given name
    before = text[max(0, start - 60):start].lower()  # the regular expressions below run only where a cue word is
    if ("speak" in before or "spoke" in before or "learn" in before) and LANGUAGE_SPOKEN.search(text, max(0, start - 60), start):
        return True  # 'he speaks Tiwi and Kriol': languages
    qualification = QUALIFICATION.match(text, start)
    if qualification and qualification.end() >= end:
        return True  # 'Cert IV', 'Level 3'
    if CHARITY_HEAD.search(text, start, end + 40) and any(
            m.start() <= start and end <= m.end() and all(w.lower() in CONDITION_WORDS for w in m.group(1).split())
            for m in CONDITION_CHARITY.finditer(text, max(0, start - 40), min(len(text), end + 40))):
        return True  # 'the Alzheimer Society', 'Sickle Cell Society': a national charity for a condition
    if CONSUMED_CUE.search(before) and CONSUMED_BEFORE.search(text, max(0, start - 50), start) \
            and text[end:end + 2] not in ("'s", "’s") and not (len(words) == 1 and words[0].group().lower() in gaz.first_names):
        return True  # 'drinking Lucozade like water', 'smoke Benson & Hedges', 'a can of Irn-Bru'; not "ate Jamie's cake"
    if len(words) == 1 and describes_a_plural(text, start, end, gaz):
        return True  # 'these Appalachian towns', 'in Malayali families'
    if len(words) <= 2 and " ".join(w.group().lower() for w in words) in gaz.regions and (
            (after := WORD_AFTER.match(text, end)) and after.group(1) in GENERAL_OF_A_REGION
            or SYSTEM_IN_BEFORE.search(text, max(0, start - 40), start)):
        return True  # 'Texas weather', 'the NHS in England', 'healthcare in Canada': a state or country in general
    if _holiday(text, start, end, gaz):
        return True  # 'Anzac Day', 'a Waitangi Day baby'
    if STORM.search(text, max(0, start - 20), end) and any(
            m.start() <= start and end <= m.end() for m in STORM_NAMED.finditer(text, max(0, start - 20), end + 1)):
        return True  # 'Hurricane Ida', 'Cyclone Debbie': a storm, not a person
    if text[start:start + 1].islower() and any(
            m.start() <= start and end <= m.end()
            and not ARTICLE_BEFORE_A_STORM.search(text, max(0, m.start() - 6), m.start())
            for m in LOWER_STORM_NAMED.finditer(text, max(0, start - 24), end + 1)):
        return True  # 'hurricane ida', 'there was storm arwen' in lower case; not 'the storm kevin slept through'
    if len(words) == 2 and demonym_place(f"{words[0].group()} {words[1].group()}", gaz) is not None:
        return True  # 'Puerto Rican', 'South Africans'
    for match in words:
        word = match.group()
        before = NAME_WORD.findall(text, max(0, match.start() - 20), match.start())
        after = NAME_WORD.search(text, match.end(), min(len(text), match.end() + 20))
        lower = word.lower()
        if not (is_group_word(word, gaz) or is_turn_opener(text, match.start(), word)
                or is_season(word, before[-1] if before else "", after.group() if after else "")
                or lower in CALENDAR_WORDS
                or word.islower() and singular(lower) in PERSON_WORDS and "-" not in text[max(0, start - 1):end + 1]
                # 'fellas', 'the physio': a sort of person; but a nickname doubling one, 'man-man'
                or lower in KIN_CALLS and (entity_type == "PERSON" or before and before[-1].lower() in POSSESSIVES
                                           or after is not None and _a_name_or_deed_after(after.group(), gaz))
                or is_medicine(lower, gaz)
                or is_loanword(lower, gaz) and not named and (entity_type != "ORGANIZATION" or len(words) == 1)
                or (before and f"{before[-1].lower()} {lower}" in loanwords())
                or (after and f"{lower} {after.group().lower()}" in loanwords())):
            return False
    return True


SYSTEM_IN_BEFORE = re.compile(
    r"\b(?:nhs|hse|system|systems|healthcare|health\s+care|health\s+service|services|government|law|laws|rules|benefits"
    r"|politics|prices|waiting\s+lists?|wait\s+times|the\s+same\s+as\s+everywhere)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
"""What a country's or state's system is said of ('the NHS in England', 'healthcare in Canada', 'the laws in Texas')."""
GENERAL_OF_A_REGION = frozenset("""weather humidity traffic prices taxes politics politicians law laws drivers
style culture""".split())
"""What a state or country is talked of for in general ('Texas weather', 'California prices'), locating no one."""
LANGUAGE_SPOKEN = re.compile(
    r"\b(?:speak|speaks|spoke|speaking|spoken|learn|learns|learnt|learned|learning)\s+(?:(?:a\s+bit\s+of|some|fluent|broken"
    r"|good|little|more|only|in)\s+)*(?:[^\W\d_][\w'’-]*(?:,\s*|\s+(?:and|or)\s+))*$", re.IGNORECASE)
"""What is said before languages: 'he speaks Tiwi and Kriol', 'she learnt some Punjabi', 'spoke Polish, Russian and'."""
CHARITY_HEADS = "Society|Association|Foundation|Trust|Alliance|Network|Forum|Charity"
CONDITION_CHARITY = re.compile(rf"((?:[A-Z][\w'’]*\s+){{1,4}})(?:{CHARITY_HEADS})\b")
"""A charity's name: up to four capitalised words and its head; named only for a condition, a national body."""
CHARITY_HEAD = re.compile(rf"\b(?:{CHARITY_HEADS})\b")
CONSUMED_CUE = re.compile(r"drink|drank|eat|ate\b|smok|vap|sip| of |much|swear")
CONSUMED_BEFORE = re.compile(
    r"\b(?:drink|drinks|drinking|drank|eat|eats|eating|ate|smoke|smokes|smoking|smoked|vape|vapes|vaping|sip|sipping"
    r"|(?:so|too)\s+much|swears?\s+by|swore\s+by"
    r"|(?:a|an|the|one|two|three|four|five|six|some|few)\s+(?:cans?|bottles?|packets?|packs?|pints?|cups?|mugs?|glass|glasses"
    r"|boxe?s?|bags?|tins?|jars?|bars?|slices?|tubs?|sachets?|cartons?|two-lit(?:er|re)s?|lit(?:er|re)s?)\s+of)(?:\s+(?:a|some|the|my|his|her|their|our))?"
    r"(?:\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?:&|and))?){0,2}\s+$",
    re.IGNORECASE)
"""What is said before a food, drink or smoke: 'drinking Lucozade', 'smoke Benson & Hedges', 'a can of Irn-Bru', 'so much
Bisto', 'swears by Marmite', 'a two-liter of Pepsi'."""
QUALIFICATION = re.compile(r"(?:Cert|Certificate|Diploma|Level|Grade|Band|Stage|Year|Key Stage)\s+(?:[IVX]{1,4}|\d{1,2})\b")
"""A qualification, grade or level by its number: 'Cert IV', 'Level 3', 'Band 6'."""
BEFORE_A_DESCRIBED_PLURAL = frozenset("the these those our their many some most all in of for among other".split())
WORD_AFTER = re.compile(r"[ \t]+([a-z]{4,})\b")


def describes_a_plural(text: str, start: int, end: int, gaz: Gazetteers) -> bool:
    """A capitalised word between a determiner or preposition and a plural noun describes the noun: a people, faith or
    region ('these Appalachian towns', 'in Malayali families', 'our Mennonite neighbours'), no one's name."""
    before = NAME_WORD.findall(text, max(0, start - 12), start)
    after = WORD_AFTER.match(text, end)
    if not before or before[-1].lower() not in BEFORE_A_DESCRIBED_PLURAL or not after:
        return False
    noun, word = after.group(1), text[start:end].lower()
    if word in gaz.places or word in gaz.world_places:
        return False  # 'Leeds hospitals', 'Kottayam churches': the place still tells where
    if not (noun.endswith("s") and not noun.endswith("ss") and gaz.is_common(noun) and gaz.is_common(singular(noun))
            and noun not in PLURAL_LOOKING_VERBS):
        return False
    # A word said elsewhere on its own is a name there and here ('we farm outside Cordal' ... 'the Cordal Harps').
    return not any(m.start() != start and not WORD_AFTER.match(text, m.end())
                   for m in re.finditer(rf"\b{re.escape(text[start:end])}\b", text, re.IGNORECASE))


PLURAL_LOOKING_VERBS = frozenset("""says goes does has was is comes runs works lives takes makes gets keeps knows thinks
wants helps brings tells calls rings texts drives visits needs likes loves hates sees""".split())
STORM = re.compile(r"\b(?:Hurricane|Cyclone|Typhoon|Storm)\b")
STORM_NAMED = re.compile(r"\b(?:Hurricane|Cyclone|Typhoon|(?:Tropical )?Storm)\s+[A-Z][a-z]+")
"""A storm's given name after its kind ('Hurricane Ida', 'Storm Arwen')."""
LOWER_STORM_NAMED = re.compile(r"\b(?:hurricane|cyclone|typhoon|(?:tropical\s+)?storm)\s+[a-z]+")
"""The same in lower case ('hurricane ida', 'storm arwen'), a name only where no article makes the storm a thing."""
ARTICLE_BEFORE_A_STORM = re.compile(r"\b(?:the|a|that|this|big|bad)\s+$")
"""Words that make 'storm' a thing, not a named storm ('after the storm kevin came round')."""
HOLIDAY_DAY = re.compile(r"([A-Z][\w'’]*)\s+Day\b")
LOWER_HOLIDAY_DAY = re.compile(r"\b(anzac|canada|australia|waitangi|labou?r|memorial|independence|remembrance|boxing|christmas"
                               r"|mother['’]?s|father['’]?s|valentine['’]?s|thanksgiving|armistice|veterans['’]?|presidents['’]?"
                               r"|columbus|victoria|paddy['’]s|patrick['’]s|david['’]s|andrew['’]s|george['’]s|stephen['’]s"
                               r"|new year['’]s|pancake|election|sports)\s+day\b")
"""Holidays written in lower case, as speech recognition writes them ('round anzac day', "on paddy's day")."""


def _holiday(text: str, start: int, end: int, gaz: Gazetteers) -> bool:
    """A span inside a holiday's name, a capitalised word before 'Day' that is no given name ('Anzac Day', 'Canada
    Day', "St Patrick's Day"), though 'Doris Day' is a person."""
    if "day" not in text[start:end + 12].lower():
        return False
    for match in LOWER_HOLIDAY_DAY.finditer(text, max(0, start - 30), min(len(text), end + 12)):
        if match.start() <= start and end <= match.end():
            return True
    for match in HOLIDAY_DAY.finditer(text, max(0, start - 30), min(len(text), end + 12)):
        word = match.group(1)
        if match.start() <= start and end <= match.end() and (
                word.endswith(("'s", "’s")) or word.lower() not in gaz.first_names):
            return True
    return False


@functools.lru_cache(maxsize=1)
def loanwords() -> frozenset[str]:
    """Everyday words of other languages and dialects in English talk ('craic', 'whānau', 'masjid'), lower case."""
    from interviewer.anonymise.gazetteers import DATA_DIR, read_list

    return frozenset(read_list(DATA_DIR / "loanwords.txt"))


@functools.lru_cache(maxsize=1)
def dialect_words() -> frozenset[str]:
    """Regional dialect and slang ('mardy', 'mithered', 'arvo'), lower case: words, though in no English word list."""
    from interviewer.anonymise.gazetteers import DATA_DIR, read_list

    return frozenset(read_list(DATA_DIR / "dialect.txt"))


def is_loanword(lower: str, gaz: Gazetteers) -> bool:
    """An everyday word of another language or dialect ('craic', 'alhamdulillah') that is no given name in the lists."""
    return lower in loanwords() and lower not in gaz.first_names


def is_medicine(lower: str, gaz: Gazetteers) -> bool:
    """A medicine's name ('Tylenol', 'Efudix') that is no given name, surname or place in the lists: no person, place
    or organisation of anyone's, even where spoken of as a brand."""
    from interviewer.anonymise.medicines import medicine_names

    return lower in medicine_names() and lower not in gaz.first_names and lower not in gaz.surnames \
        and lower not in gaz.places


def _a_name_or_deed_after(word: str, gaz: Gazetteers) -> bool:
    """'tete chipo', 'sekuru came': a kin call before a name or a person's verb is no place."""
    lower = word.lower()
    return lower in SPEECH_VERBS or lower in PERSON_VERBS or not gaz.is_common(lower)


def after_kin_call(text: str, start: int, end: int) -> int:
    """Where a person's name starts in a span that opens with what they are called as kin ('Nana Bridie' ->
    'Bridie') or with a feast run into it ('Christmas Keith'); `start` when it does not."""
    if len(text[start:end].split()) < 2:
        return start  # one word: no call and name
    words = list(NAME_WORD.finditer(text, start, end))
    if len(words) > 1 and (words[0].group().lower() in KIN_CALLS or words[0].group().lower() in FESTIVALS):
        return words[1].start()  # and 'At Christmas Keith had her': the feast is no part of his name
    return start


def before_kin_call(text: str, start: int, end: int) -> int:
    """Where a person's name ends in a span that closes with a kin or respect word ('Tariq bhai' -> 'Tariq'); `end`
    when it does not."""
    if len(text[start:end].split()) < 2:
        return end
    words = list(NAME_WORD.finditer(text, start, end))
    if len(words) > 1 and (words[-1].group().lower() in KIN_CALLS or words[-1].group().lower() in RESPECT_AFTER):
        return words[-2].end()
    return end


@functools.lru_cache(maxsize=1)
def _home_places() -> frozenset[str]:
    """UK and Irish places and the very largest cities, lower-case (not every city of 100,000+: brands share their
    names, as in 'a Toyota')."""
    from interviewer.anonymise.gazetteers import DATA_DIR, read_list

    return frozenset(p.lower() for p in read_list(DATA_DIR / "places-geonames.txt"))


ARTICLE_BEFORE = re.compile(r"(?:^|[^\w'’])(?:a|an)[ \t]+$", re.IGNORECASE)


def a_thing_not_a_name(text: str, start: int, end: int, entity_type: str, gaz: Gazetteers) -> bool:
    """Capitalised words straight after 'a' or 'an' name a kind of thing ('a Chevy Silverado', 'an Xbox'), not a
    person or place, unless the first is a name from the lists ('she was a Jones before she married') or a place of
    home or a region ('a Galway girl', 'a Vietnam vet')."""
    if entity_type not in ("PERSON", "LOCATION") or not ARTICLE_BEFORE.search(text, max(0, start - 6), start):
        return False
    first = NAME_WORD.match(text, start)
    lower = first.group().lower() if first else ""
    home_place = lower in gaz.regions or lower in _home_places()  # 'a Galway girl' still tells where
    return bool(lower) and lower not in gaz.surnames and lower not in gaz.first_names and not home_place


VEHICLE_MAKES = frozenset("""toyota honda nissan hyundai kia mazda subaru mitsubishi suzuki isuzu lexus daihatsu datsun
vauxhall opel ford chevy chevrolet dodge jeep chrysler buick cadillac gmc pontiac lincoln tesla rivian holden peugeot
renault citroen citroën dacia fiat skoda škoda seat cupra volkswagen vw audi bmw mercedes mercedes-benz porsche volvo saab
mini jaguar infiniti acura genesis lada tata mahindra maruti proton perodua yamaha kawasaki ducati triumph vespa
massey-ferguson kubota jcb deutz claas fendt""".split()) | frozenset({
    "land rover", "range rover", "massey ferguson", "john deere", "new holland", "alfa romeo", "aston martin",
    "rolls royce", "harley davidson", "mercedes benz"})
"""Makers of cars, motorbikes and farm machines: what follows in 'my Toyota Corolla' or 'the old Massey Ferguson' is a
vehicle, not a person, place or organisation of anyone's."""
VEHICLE_BEFORE = re.compile(r"(?:^|[^\w'’])(?:a|an|the|my|his|her|our|their|your|old|new|little|big|wee|own|second-hand"
                            r"|used|brand-new)[ \t]+$", re.IGNORECASE)
WORD_BEFORE = re.compile(r"([\w-]+)[ \t]+$")
MODEL_AFTER = re.compile(r"[ \t]+(?:[A-Z][\w-]*|\d[\w-]*)")
MAKER_BEFORE = re.compile(r"([\w-]+)(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|&|versus|vs)[ \t]+)$", re.IGNORECASE)
MAKER_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|&|versus|vs)[ \t]+)([\w-]+)", re.IGNORECASE)
VEHICLE_MODELS = frozenset("""camry corolla prius yaris aygo hilux rav4 tacoma tundra civic cr-v crv hr-v jazz corsa astra
zafira insignia fiesta mondeo kuga f-150 f150 silverado tahoe malibu impala equinox qashqai juke micra altima sentra
navara clio megane twingo octavia fabia passat jetta tiguan touareg elantra tucson sonata picanto sportage cherokee
wrangler outlander forester impreza commodore berlingo""".split())
"""Car models that are no English word, named without their maker ('my Camry', 'the old Corolla')."""


def a_vehicle(text: str, start: int, end: int, gaz: Gazetteers) -> bool:
    """A span naming a vehicle: a maker alone after 'my', 'the', 'an old' ('the Honda', 'my Vauxhall Corsa'), a maker
    and a model ('Toyota Prius', 'Massey Ferguson'), or the model after its maker, unless the maker is also a name in
    the lists ('Mercedes Lopez'); 'Ford' in 'Harrison Ford' or 'Mr Ford' stays a name."""
    before = WORD_BEFORE.search(text, max(0, start - 20), start)
    if before and before.group(1).lower() in VEHICLE_MAKES and before.group(1).lower() not in gaz.first_names:
        return True  # 'Corsa' of 'my Vauxhall Corsa': the model
    words = NAME_WORD.findall(text, start, end)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    if len(words) > 1 and f"{words[0]} {words[1]}".lower() in VEHICLE_MAKES:
        return True
    lower = words[0].lower()
    if len(words) == 1 and lower in VEHICLE_MODELS and VEHICLE_BEFORE.search(text, max(0, start - 14), start):
        return True  # 'my Camry', 'the old Corolla'
    if len(words) == 1 and lower.endswith("s") and lower[:-1] in VEHICLE_MAKES and lower[:-1] not in gaz.first_names \
            and lower[:-1] not in gaz.surnames:  # not 'the Fords next door', a family
        return True  # 'he's mad about Chevys'
    if lower in VEHICLE_MAKES and len(words) == 1 and (
            (listed := MAKER_BEFORE.search(text, max(0, start - 20), start)) and listed.group(1).lower() in VEHICLE_MAKES
            or (listed := MAKER_AFTER.match(text, end)) and listed.group(1).lower() in VEHICLE_MAKES):
        return True  # 'Ford and Chevy in the same house'
    if lower not in VEHICLE_MAKES:
        return False
    has_model = len(words) > 1 or MODEL_AFTER.match(text, end) is not None
    after_determiner = VEHICLE_BEFORE.search(text, max(0, start - 14), start) is not None or text[start:start + 4].lower() == "the "
    lower = words[0].lower()
    return after_determiner or has_model and lower not in gaz.first_names and lower not in gaz.surnames
