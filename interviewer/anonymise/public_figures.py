"""Provides the cue that a name is talked of as a public figure or a work: listened to, voted for, a film or a song, on
the radio; and the names of well-known public figures ('Nicola Sturgeon', 'Tom Hanks'). Such a name goes to the
reviewer as a possible identifier rather than being redacted."""

from __future__ import annotations

import functools
import re

MEDIA_BEFORE = re.compile(
    r"(?:\blisten(?:s|ed|ing)?\s+to|\bput(?:s|ting)?\s+on\s+(?:a\s+bit\s+of|some)|\bfans?\s+of|\b(?:vote[sd]?|voting)\s+for"
    r"|\ba\s+(?:picture|poster|photo)\s+of|\bsing(?:s|ing)?|\bsang|\bargu(?:e|es|ed|ing)\s+about\s+whether"
    r"|\b(?:something|anything|songs?|albums?|films?|books?|records?|tunes?)\s+by"
    r"|\bplay(?:s|ed|ing)?(?:\s+a\s+bit\s+of)?|\b(?:obsessed|besotted)\s+with|\b(?:mad|crazy|daft)\s+about"
    r"|\b(?:addicted\s+to|hooked\s+on)|\bnamed\s+after|\bsounds?\s+like|\bthe\s+next"
    r"|\bon\s+(?:the\s+)?(?:tv|telly|television|radio|netflix)(?:\s+and|,)?)"
    r"(?:\s+(?:some|every|all|the|old|that|of))*\s+$",
    re.IGNORECASE)
"""What is said before a singer, player, politician, game or show: 'I listen to', 'put on a bit of', 'a big fan of',
'voted for', 'argue about whether', 'something by', 'she plays', 'obsessed with', 'mad about', 'named after', 'sounds
like', 'the next', 'on TV,' (not 'on Facebook', where people find people they know; not 'watch', said of minding
children as often as of television)."""
MEDIA_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:films?|movies?|songs?|albums?|concerts?|gigs?|podcasts?|documentar(?:y|ies))\b"
    r"|\s+(?:music|tunes|on\s+the\s+(?:radio|telly|tv|television|laptop|wireless))\b"
    r"|\s+on\s+(?:in\s+the\s+(?:car|kitchen|background)|for\s+(?:the\s+kids|nobody|hours)|the\s+whole\s+time|all\s+day)\b"
    r"|\s+(?:game|games|match|matches|fans?|supporters?|season|shirt|jersey|tickets?)\b")
"""What is said after one, in lower case: "a Mohanlal film", 'Daniel O'Donnell on the radio', "Dolly Parton's songs",
'Peppa Pig on for nobody', 'the Flames game', 'a Rangers supporter' (not "Sarah's music lessons", "her records"; not
'Newlyn Gig Rowers', where the capital keeps the word in the name)."""
WATCHING_BEFORE = re.compile(r"\b(?:watch(?:es|ed|ing)?|binge(?:s|d|ing)?(?:[ -]watch(?:es|ed|ing)?)?|tun(?:e|es|ed|ing)\s+in\s+to)"
                             r"(?:\s+(?:some|every|all|the|old|that|of|a\s+bit\s+of))*\s+$", re.IGNORECASE)
"""Watching before a show, team or performer ('we watch Emmerdale', 'watching the Lions'); a given name alone there is
someone being minded ('I watch Ellie on Tuesdays'), as in `talked_of_as_public`."""
DOING_AFTER = re.compile(r"\s+(?:play|plays|playing|swim|swims|swimming|dance|dances|dancing|run|runs|running|race|races"
                         r"|racing|ride|rides|riding|box|boxing|fight|fights|sing|sings|singing|perform|performs|grow|grows"
                         r"|growing|walk|walks|walking|sleep|sleeps|sleeping|get|gets|getting|go|goes|going)\b", re.IGNORECASE)
"""Someone watched doing something ('watch Jayden Smith play') is someone the speaker knows, not a show."""
SENTENCE_BREAK = re.compile(r"[.!?\n]")
REST_OF_NAME = re.compile(r"[ \t]+[A-Z][\w'’-]*")
"""A capitalised word that finishes a name the candidate holds only the start of ('Peppa' of 'Peppa Pig')."""


def talked_of_as_public(text: str, start: int, end: int, first_names: frozenset[str]) -> bool:
    """Whether the name at text[start:end] is talked of as media or public life: a cue straight before it in the same
    sentence, or a work or broadcast straight after it. A given name alone ('I listen to Sarah') is someone known."""
    if " " not in text[start:end].strip() and text[start:end].strip().lower() in first_names:
        return False
    before = text[max(0, start - 40):start]
    last_break = max((m.end() for m in SENTENCE_BREAK.finditer(before)), default=0)
    rest_of_name = REST_OF_NAME.match(text, end)  # 'Peppa' of 'Peppa Pig on for nobody'
    watched = WATCHING_BEFORE.search(before, last_break) is not None and DOING_AFTER.match(text, end) is None
    return watched or MEDIA_BEFORE.search(before, last_break) is not None or MEDIA_AFTER.match(text, end) is not None \
        or rest_of_name is not None and MEDIA_AFTER.match(text, rest_of_name.end()) is not None


OWNED_BEFORE = re.compile(
    r"\b(?:my|our|his|her|their|your)\s+(?:[\w'’-]+\s+){0,2}$|\b(?:mr|mrs|ms|miss|dr|nurse|sister|uncle|aunty|auntie|aunt"
    r"|called|named|cousin)\.?\s+$", re.IGNORECASE)
"""What makes a name someone the speaker knows, whoever else shares it: 'my neighbour Tom Jones', 'Dr Patel'."""
WHERE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|the|on|off)\s+$", re.IGNORECASE)
NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+$")
NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][\w'’-]*")
"""A capitalised word just before or after a name, which may be part of it ('Ilhan' before 'Omar')."""


@functools.lru_cache(maxsize=1)
def public_names() -> tuple[frozenset[str], frozenset[str]]:
    """The well-known public figures' and public works' names of two words or more, and their single names, lower
    case: data/public-figures.txt (single stage names in its '# Single names' section) and data/public-works.txt (TV
    shows, films, songs, brands and teams, of two words or more: a one-word brand may be someone's name, as 'Tui' is
    both a beer and a Māori given name; no events, which are places one goes)."""
    from interviewer.anonymise.gazetteers import DATA_DIR

    full, single, section = set(), set(), ""
    for line in (DATA_DIR / "public-figures.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#"):
            section = line.lower()
        elif line:
            (single if "single" in section else full).add(" ".join(line.lower().split()))
    section = ""
    for line in (DATA_DIR / "public-works.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            section = line.lower()
        elif " " in line.strip() and "events" not in section:  # 'Galway Races', 'Isle of Man TT': where one goes
            full.add(" ".join(line.lower().split()))
    return frozenset(full), frozenset(single)


def a_known_public_figure(text: str, start: int, end: int, first_names: frozenset[str]) -> bool:
    """Whether text[start:end], or the capitalised run of words holding it, is a well-known public figure's full name
    ('Ilhan Omar', 'Lamar Jackson'), or a stage name no one else has ('Beyoncé'), and not said as someone the speaker
    knows ('my neighbour Tom Jones')."""
    full, single = public_names()
    run_start, run_end = start, end
    while (before := NAME_WORD_BEFORE.search(text[max(0, run_start - 30):run_start])) is not None:
        run_start -= len(before.group(0))
    while (after := NAME_WORD_AFTER.match(text[run_end:run_end + 30])) is not None:
        run_end += len(after.group(0))
    words = [re.sub(r"['’]s$", "", w) for w in text[run_start:run_end].split()]
    key = " ".join(words).lower()
    if not words or said_as_someone_known(text, run_start) or WHERE_BEFORE.search(text[max(0, run_start - 12):run_start]):
        return False  # 'grew up in Prince George', 'at the Lord Nelson': a place or a pub named after someone
    if len(words) == 1:
        return key in single and key not in first_names
    # The run may hold a word before the name ('Watching Tom Hanks'): any two or more words in a row of it count.
    return any(" ".join(words[i:j]).lower() in full for i in range(len(words)) for j in range(i + 2, len(words) + 1))


@functools.lru_cache(maxsize=1)
def _title_index():
    from interviewer.anonymise.terms import TermIndex

    return TermIndex(public_names()[0])


PLACE_BEFORE_A_TITLE = re.compile(
    r"\b(?:in|at|from|near|to|off|down|up|over|round|(?:live|lives|lived|living)(?:\s+on)?)\s+(?:the\s+)?$", re.IGNORECASE)
"""Words before a listed title that make it a place ('down the Jersey Shore', 'lives on Sesame Street'). Unlike
WHERE_BEFORE for names, 'the' alone is no place ('watch the Seattle Kraken') and 'on' counts only after 'live' ('grew
up on Sleepless in Seattle')."""
SMALL_TITLE_WORDS = frozenset("a an and the of in on at to for with by from is or & de la le".split())
"""Words a title keeps in lower case inside title case ('Sleepless in Seattle')."""


def public_titles(text: str, lower_case_text: bool) -> list[tuple[int, int]]:
    """Where the text names a listed public figure or work of two words or more ('Sleepless in Seattle', 'Derry Girls',
    'Paddy Power'), written with its capital unless the whole transcript is in lower case; not one in a place's
    position ('down the Jersey Shore') or said as someone the speaker knows."""
    spans = []
    for match in _title_index().finditer(text):
        if not lower_case_text and not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in SMALL_TITLE_WORDS
                                           for w in match.group().split()):
            continue  # 'a Galway girl' is no 'Galway Girl'
        if PLACE_BEFORE_A_TITLE.search(text, max(0, match.start() - 16), match.start()) or said_as_someone_known(text, match.start()):
            continue
        spans.append((match.start(), match.end()))
    return spans


def said_as_someone_known(text: str, start: int) -> bool:
    """Whether the name starting at `start` follows 'my neighbour', a title or 'called': someone the speaker knows."""
    return OWNED_BEFORE.search(text[max(0, start - 40):start]) is not None
