"""Tests each recognizer of the anonymiser on sentences written for these tests (not corpus lines)."""

from __future__ import annotations

import pytest

from interviewer.anonymise import get_anonymiser


@pytest.fixture(scope="module")
def detect():
    anonymiser = get_anonymiser()
    return lambda text: [(d.entity_type, d.text) for d in anonymiser.detect(text)]


def covered(found, surface):
    return any(surface in text for _, text in found)


@pytest.mark.parametrize("text, entity_type, surface", [
    ("His NHS number is 943 476 5919, I think.", "NHS_NUMBER", "943 476 5919"),
    ("It's nine four three, four seven six, five nine one nine on the letter.", "NHS_NUMBER", "nine four three, four seven six, five nine one nine"),
    ("You can ring me on 0113 496 0812 any time.", "PHONE", "0113 496 0812"),
    ("My mobile is oh seven seven double oh, nine oh oh, one two three.", "PHONE", "oh seven seven double oh, nine oh oh, one two three"),
    ("We moved to LS6 2QT last spring.", "POSTCODE", "LS6 2QT"),
    ("Email me at j.okafor@leeds.ac.uk please.", "EMAIL", "j.okafor@leeds.ac.uk"),
    ("It's j dot okafor at leeds dot ac dot uk, all lower case.", "EMAIL", "j dot okafor at leeds dot ac dot uk"),
    ("Their page is www.moorlandcarers.org.uk/help for families.", "URL", "www.moorlandcarers.org.uk/help"),
    ("Go to w w w dot moorland carers dot org dot uk and click help.", "URL", "w w w dot moorland carers dot org dot uk"),
    ("That's Pilkington, P-I-L-K-I-N-G-T-O-N.", "PERSON", "P-I-L-K-I-N-G-T-O-N"),
    ("Well, I'm 52 and I've seen it all.", "AGE", "52"),
    ("My husband, he's sixty-three now, still drives.", "AGE", "sixty-three"),
    ("She was admitted on the 12th of October 2019 and discharged later.", "DATE", "12th of October 2019"),
    ("That was back in March 2011, before the merger.", "DATE", "March 2011"),
    ("She lives at 31 Thornfield Avenue in the village.", "ADDRESS", "31 Thornfield Avenue"),
    ("They moved him to Heron Ward after a week.", "WARD", "Heron Ward"),
    ("He was on Ward 7 for a month.", "WARD", "Ward 7"),
    ("She was at St Luke's for years.", "HOSPITAL", "St Luke's"),
    ("I was sent to Calderbrook Infirmary in the end.", "HOSPITAL", "Calderbrook Infirmary"),
    ("Our surgery is Willowbank Medical Practice on the corner.", "HOSPITAL", "Willowbank Medical Practice"),
    ("The referral came from Kirkholt Community Partnership NHS Trust eventually.", "ORGANIZATION", "Kirkholt Community Partnership NHS Trust"),
    ("We're in L S six, two Q T, near the park.", "POSTCODE", "L S six, two Q T"),
    ("The form wants M fourteen, five R B, that's us.", "POSTCODE", "M fourteen, five R B"),
    ("Write to tom dot barlow eighty-two at hotmail dot co dot uk for that.", "EMAIL", "tom dot barlow eighty-two at hotmail dot co dot uk"),
    ("The team's inbox is m h t dot referrals at nhs dot net these days.", "EMAIL", "m h t dot referrals at nhs dot net"),
    ("It's all on their site, holly bank farm shop dot co dot uk, have a look.", "URL", "holly bank farm shop dot co dot uk"),
    ("Call the desk on oh one six three two, nine six oh, two hundred.", "PHONE", "oh one six three two, nine six oh, two hundred"),
    ("Our youngest, Maisie, she was four, and she understood.", "AGE", "four"),
    ("Jayden's seventeen, he's at college.", "AGE", "seventeen"),
    ("We're registered with Brookside Surgery across the road.", "HOSPITAL", "Brookside Surgery"),
    ("He's in a home now, Meadow View Lodge, and settled.", "ORGANIZATION", "Meadow View Lodge"),
    ("She was moved to Ward B12 overnight.", "WARD", "Ward B12"),
    ("We used to meet at Spring Gardens Social Club on a Friday.", "LOCATION", "Spring Gardens"),
    ("Our lad plays for Pontypridd Panthers on a Saturday.", "ORGANIZATION", "Pontypridd Panthers"),
    ("I spoke to Bradford Smith about it.", "PERSON", "Bradford Smith"),
    ("I went to Leeds and then to Bradford.", "LOCATION", "Bradford"),
    ("We retired down to Leigh-on-Sea in the end.", "LOCATION", "Leigh-on-Sea"),
    ("He played for Pontypridd RFC for years.", "ORGANIZATION", "Pontypridd RFC"),
    ("His NHS number is 721 593 0846, I think.", "NHS_NUMBER", "721 593 0846"),
    ("We met in the Cricketers Arms on a Friday.", "ORGANIZATION", "Cricketers Arms"),
    ("They've moved to 14 Tenter Croft now.", "ADDRESS", "14 Tenter Croft"),
    ("Bolton Carers helped with the forms.", "ORGANIZATION", "Bolton Carers"),
    ("Then my granddaughter Sky put the app on my phone.", "PERSON", "Sky"),
    ("It was my grandson's party, he was six that day.", "AGE", "six"),
    ("On Mondays we're at the Hive, the community cafe on the high street.", "ORGANIZATION", "Hive"),
    ("We had a do at the Anchor, the pub down the road.", "ORGANIZATION", "Anchor"),
    ("I joined up at sixteen, boy soldier.", "AGE", "sixteen"),
    ("It's all on safe harbour manchester dot org slash young people, have a look.", "URL",
     "safe harbour manchester dot org slash young people"),
    ("Not in the shed. Rosie'll tell you I take them out.", "PERSON", "Rosie"),
    ("I started it on the ninth of March twenty twenty-one, and it helped.", "DATE", "ninth of March twenty twenty-one"),
    ("Mr Abernethy, Hector Abernethy, ninety-one, came in with a UTI.", "AGE", "ninety-one"),
    ("She'd have been seventy-three on the 4th of April.", "AGE", "seventy-three"),
    ("I get them from Hocking's Chemist on the corner.", "ORGANIZATION", "Hocking's Chemist"),
    ("We answer to Kernow Valley ICB now.", "ORGANIZATION", "Kernow Valley ICB"),
])
def test_recognizer_finds_identifier(detect, text, entity_type, surface):
    found = detect(text)
    assert (entity_type, surface) in found or covered(found, surface), found


@pytest.mark.parametrize("text, surface", [
    ("and then i rang priya and she came straight over", "priya"),
    ("i told siobhan about it the next day", "siobhan"),
    ("Later on Mrs Threlfall came round to see us.", "Threlfall"),
    ("Dr. Okeke was brilliant with him.", "Okeke"),
    ("I asked Will if he minded, and Will said no.", "Will"),
    ("Our neighbour, Hope, does the shopping for her.", "Hope"),
    ("We got the bus over to Todmorden every Friday.", "Todmorden"),
    ("she grew up round ramsbottom way", "ramsbottom"),
    ("Talk to Mr Ashcroft at Ashcroft's office.", "Ashcroft"),
    ("My daughter rose came in halfway through the visit.", "rose"),
    ("There was a lad on the ward, mark Ridgeway, who helped.", "mark Ridgeway"),
    ("Dr Black came round, then Mrs Christian from the office.", "Black"),
    ("Dr Black came round, then Mrs Christian from the office.", "Christian"),
])
def test_names_and_places_missed_by_ner_are_found(detect, text, surface):
    assert covered(detect(text), surface), detect(text)


@pytest.mark.parametrize("text", [
    "I've been in post for six months and it took two years to get there.",
    "We review it every three months, and every April the figures go in.",
    "There's always hope, and you need a bit of faith in this job.",
    "She'll mark it and I hope they will grace us with a reply.",
    "I may be wrong but I will say the bill came to £300.",
    "He was one of the first, and it was two in the morning when they came.",
    "We see it in Primary Care a lot, and in General Practice generally.",
    "The GP Practice and the Day Surgery unit both said so.",
    "The Nurse Practitioner put him on Trelegy and the Macmillan nurse rang on Tuesday.",
    "She reads Makaton, speaks Slovak and Cantonese, and logs it in SystmOne.",
    "So that was the plan. Do you see what I mean?",
    "Young Carers Action Day is in March. We support young carers all year.",
    "She saw it on TikTok, paired the Bluetooth aid, and Audiology rang in November.",
    "The National Eczema Society and the British Heart Foundation have good leaflets.",
    "I read it on the Internet, then rang the Police and went to the Council.",
    "We start at nine, then break at eleven.",
    "Many older Deaf people use the Deaf club, and the Cystic Fibrosis Trust helped with Pseudomonas.",
    "He was up at half eleven and Dad'd already be trying to cook.",
])
def test_durations_and_ordinary_words_survive(detect, text):
    assert detect(text) == []


def test_a_count_after_a_place_is_not_an_age(detect):
    found = detect("Then Leeds, two, three times a year, we'd go.")
    assert ("LOCATION", "Leeds") in found
    assert not any(entity_type == "AGE" for entity_type, _ in found)
