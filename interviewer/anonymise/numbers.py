"""Provides spoken-number parsing: digit words, number words and NHS number checksums."""

from __future__ import annotations

import re

DIGIT_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
           "nineties": 90, **{f"{d}0s": d * 10 for d in range(2, 10)}}
"""A decade of life, said or written ('her eighties', 'late 40s'), and its first year."""
UNIT_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
TEN_OR_MORE_ORDINAL = (rf"(?:\d{{2,3}}(?:st|nd|rd|th)|(?:{'|'.join(TENS)})[\s-](?:{UNIT_ORDINALS})"
                       r"|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|hundredth|tenth|eleventh|twelfth"
                       r"|(?:thir|four|fif|six|seven|eigh|nine)teenth)")
"""An ordinal of ten or more, written or said: '75th', 'seventy-fifth', 'twentieth', 'thirteenth'."""
DIGIT_WORD = r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_DIGIT = rf"(?:(?:double|triple|treble)\s+)?{DIGIT_WORD}(?:\s+(?:hundred|thousand)\b)?"
SPOKEN_PAIR = rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)})\b"
"""Two digits of a phone number said as one number: 'twelve', 'thirty-four' ('five five five, twelve thirty-four')."""
NUMBER_WORD = (rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)}|{'|'.join(UNITS)}"
               r"|a hundred(?: and \w+)?|one hundred(?: and \w+)?)")


def spoken_digits(text: str) -> str:
    """'oh one six one, double four' -> '016144', 'treble four' -> '444', 'nine hundred' -> '900', 'twelve thirty-four'
    -> '1234'; written digits pass through."""
    digits = []
    repeat = 1
    tens_open = False
    for word in re.findall(r"\d+|[a-z]+", text.lower()):
        if tens_open and word in UNITS:
            digits[-1] = digits[-1][0] + DIGIT_WORDS[word]
            tens_open = False
            continue
        tens_open = False
        if word.isdigit():
            digits.append(word)
        elif word == "double":
            repeat = 2
        elif word in ("triple", "treble"):
            repeat = 3
        elif word in ("hundred", "thousand") and digits:
            digits.append("00" if word == "hundred" else "000")
        elif word in DIGIT_WORDS:
            digits.append(DIGIT_WORDS[word] * repeat)
            repeat = 1
        elif word in TEENS:
            digits.append(str(TEENS.index(word) + 10))
        elif word in TENS:
            digits.append(str(TENS.index(word) + 2) + "0")
            tens_open = True
    return "".join(digits)


def number_value(text: str) -> int | None:
    """'forty-seven' -> 47, '47' -> 47; None when it is not a number below 200."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    total = 0
    for word in re.split(r"[\s-]+", text):
        if word in ("a", "and"):
            continue
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in UNITS:
            total += UNITS.index(word) + 1
        elif word in TEENS:
            total += TEENS.index(word) + 10
        elif word in TENS:
            total += (TENS.index(word) + 2) * 10
        else:
            return None
    return total if total < 200 else None


ORDINAL_ENDINGS = (("twelfth", "twelve"), ("fifth", "five"), ("eighth", "eight"), ("ninth", "nine"), ("first", "one"),
                   ("second", "two"), ("third", "three"), ("ieth", "y"), ("th", ""))


def cardinal(text: str) -> str:
    """An ordinal as the number it counts: 'seventy-fifth' -> 'seventy-five', '18th' -> '18'; other text unchanged."""
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    for ending, number in ORDINAL_ENDINGS:
        if text.lower().endswith(ending):
            return text[:len(text) - len(ending)] + number
    return text


def valid_nhs_number(digits: str) -> bool:
    """Modulus 11 check of a 10-digit NHS number."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])
