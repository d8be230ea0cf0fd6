"""Numbers written in words or digits ("two", "twenty-one", "a dozen", "12", "1,200")."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "lone": 1,
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
GROUPS = {"dozen": 12, "couple": 2, "pair": 2}

#: A number phrase as a regex fragment (used inside the casualty patterns).
NUMBER_RE = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|a\s+dozen|a\s+couple(?:\s+of)?|a\s+pair\s+of|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|both|"
    r"a|an|another|single|lone)"
)
QUALIFIER_RE = (
    r"(?:at\s+least|more\s+than|over|about|around|nearly|almost|up\s+to|some|roughly|"
    r"approximately|an\s+estimated|as\s+many\s+as)"
)
_QUAL_NORM = {
    "over": "more than",
    "some": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "nearly": "almost",
    "as many as": "up to",
}


_YEAR = re.compile(r"(?:18|19|20)\d\d")


def is_year(text: str) -> bool:
    """ "2013" in "2013 Santa Monica shooting": a year, not 2,013 people."""
    return bool(_YEAR.fullmatch(text.strip()))


def parse_number(text: str) -> int | None:
    """The value of a number phrase, or None ("several", unknown words)."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    if not s:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    if s == "another":
        return 1
    for key, val in GROUPS.items():
        if re.fullmatch(rf"a {key}(?: of)?", s):
            return val
    if s in UNITS:
        return UNITS[s]
    parts = re.split(r"[\s-]", s)
    if parts[0] in TENS:
        if len(parts) == 1:
            return TENS[parts[0]]
        if len(parts) == 2 and parts[1] in UNITS and 0 < UNITS[parts[1]] < 10:
            return TENS[parts[0]] + UNITS[parts[1]]
    return None


def norm_qualifier(text: str | None) -> str | None:
    if not text:
        return None
    s = re.sub(r"\s+", " ", text.strip().lower())
    return _QUAL_NORM.get(s, s)
