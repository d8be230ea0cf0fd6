"""Date and time-of-day expressions, resolved against the publication date.

Regexes only (dateparser is far too slow to run on every sentence): absolute dates ("Feb. 4,
2014", "4 January 2015", "4/9/2017", "2017-04-09"), relative ones ("yesterday", "last night",
"this morning", "earlier tonight", "on Sunday night", "Thursday morning") and times of day
("just after 8AM", "around 10:30 p.m.", "8:09").  A relative expression needs a publication
date to resolve; without one the value stays ``None`` with precision ``"unknown"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_ABS_MDY = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?"
)
_ABS_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b"
)
_ABS_NUM = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:20)?\d{2})\b")
_ABS_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_REL = re.compile(
    r"\b(?P<rel>(?:early\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|"
    rf"overnight(?!\s+{_WEEKDAY})|"
    r"(?:earlier|late|early)\s+(?:today|tonight|this\s+(?:morning|afternoon|evening))|"
    r"today|tonight|this\s+(?:morning|afternoon|evening)|"
    rf"(?:(?:last|this|on|early|late|since|overnight)\s+)?{_WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?)(?P<poss>['’]s)?\b",
    re.I,
)
# Holidays a report dates an incident by ("on New Year's Eve", "Christmas night"); a bare
# "Christmas" or "Thanksgiving" is a season or a meal as often as a day, so they need "on" or
# a part of the day.
_HOLIDAY = re.compile(
    r"\b(?:(?P<on>on|early|late|since)\s+)?(?P<name>New\s+Year['’]?s\s+(?:Eve|Day)|"
    r"Christmas(?:\s+(?P<cday>Eve|Day))?|Thanksgiving(?:\s+Day)?|Halloween|Independence\s+Day|"
    r"(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Memorial\s+Day|Labor\s+Day|"
    r"Valentine['’]?s\s+Day|Mother['’]?s\s+Day|Father['’]?s\s+Day)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?P<poss>['’]s)?\b"
    r"(?!\s+(?:weekend|holiday|season|party|celebration|bash|gathering))",
    re.I,
)
_BARE_SEASONS = {"christmas", "thanksgiving", "halloween"}
_TIME = re.compile(
    r"\b(?P<q>(?:just\s+)?(?:after|before|around|about|shortly\s+(?:after|before)|at|near)\s+)?"
    r"(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<q2>(?:just\s+)?(?:after|before|around|about|shortly\s+(?:after|before)|at)\s+)"
    r"(?P<h2>\d{1,2}):(?P<min2>\d{2})\b"
    r"|\b(?P<noon>noon|midnight)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets relative to the text searched
    end: int
    text: str
    value: date | None
    precision: str  # "day" | "month" | "year" | "unknown"
    relative: bool
    possessive: bool  # "yesterday's massacre": names another event, not this one's date
    part: str | None  # morning/afternoon/evening/night


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: str  # "HH:MM"
    qualifier: str | None


def _month(s: str) -> int | None:
    key = s.lower().rstrip(".")[:4]
    if key == "sept":
        return 9
    return MONTHS.get(key[:3])


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(m: int, d: int, published: date | None) -> date | None:
    if published is None:
        return None
    cand = _safe(published.year, m, d)
    if cand is None:
        return None
    if cand > published + timedelta(days=2):  # "Dec. 30" in a January article
        cand = _safe(published.year - 1, m, d)
    return cand


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (``n`` = -1: the last one)."""
    if n < 0:
        last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


_FIXED_HOLIDAYS = {
    "new year s eve": (12, 31),
    "new years eve": (12, 31),
    "new year s day": (1, 1),
    "new years day": (1, 1),
    "christmas eve": (12, 24),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "july fourth": (7, 4),
    "valentine s day": (2, 14),
    "valentines day": (2, 14),
}


def _holiday_in(name: str, year: int) -> date:
    key = re.sub(r"[\s'’]+", " ", name.lower()).removeprefix("the ").strip()
    if key in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[key])
    if key.startswith("christmas"):
        return date(year, 12, 25)
    if key.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if key == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if key == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if key.startswith("mother"):
        return _nth_weekday(year, 5, 6, 2)
    return _nth_weekday(year, 6, 6, 3)  # Father's Day


def _holiday_date(name: str, published: date | None) -> date | None:
    """The last such holiday up to two days after publication (as ``_year_for`` does)."""
    if published is None:
        return None
    cand = _holiday_in(name, published.year)
    if cand > published + timedelta(days=2):
        cand = _holiday_in(name, published.year - 1)
    return cand


def _resolved(m: re.Match[str], value: date | None, part: str | None) -> DateMention:
    """A day named relative to publication ("Thursday night's", "on New Year's Eve")."""
    return DateMention(
        m.start(),
        m.end(),
        m.group(0),
        value,
        "day" if value else "unknown",
        True,
        bool(m.group("poss")),
        part,
    )


@lru_cache(maxsize=1024)  # the extractor reads each sentence's dates twice
def find_dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for rx in (_ABS_MDY, _ABS_DMY):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            mo = _month(m.group("month"))
            day = int(m.group("day"))
            if mo is None or not 1 <= day <= 31:
                continue
            year = m.group("year")
            val = _safe(int(year), mo, day) if year else _year_for(mo, day, published)
            out.append(
                DateMention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    val,
                    "day" if val else "unknown",
                    not year,
                    False,
                    None,
                )
            )
            taken.append((m.start(), m.end()))
    for rx2 in (_ABS_NUM, _ABS_ISO):
        for m in rx2.finditer(text):
            if not free(m.start(), m.end()):
                continue
            y = int(m.group("y"))
            y = y + 2000 if y < 100 else y
            val = _safe(y, int(m.group("m")), int(m.group("d")))
            if val is None:
                continue
            out.append(DateMention(m.start(), m.end(), m.group(0), val, "day", False, False, None))
            taken.append((m.start(), m.end()))
    for m in _HOLIDAY.finditer(text):
        bare = not (m.group("cday") or m.group("part") or m.group("on") or m.group("poss"))
        if not free(m.start(), m.end()) or (bare and m.group("name").lower() in _BARE_SEASONS):
            continue
        hval = _holiday_date(m.group("name"), published)
        out.append(_resolved(m, hval, (m.group("part") or "").lower() or None))
        taken.append((m.start(), m.end()))
    abs_starts = [d.start for d in out]
    for m in _REL.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if any(m.end() <= a <= m.end() + 3 for a in abs_starts):
            continue  # "Saturday July 4, 2015", "On Monday April 10, 2017": the date says it
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        part = None
        for p in ("morning", "afternoon", "evening", "night"):
            if rel.endswith(p) or p in rel:
                part = p
        rval: date | None = None
        if published is not None:
            wd = next((WEEKDAYS[w] for w in WEEKDAYS if w in rel), None)
            if "yesterday" in rel or rel == "last night":
                rval = published - timedelta(days=1)
            elif wd is None and any(w in rel for w in ("today", "tonight", "this ", "overnight")):
                rval = published
            elif wd is not None:  # "on Sunday night", "this Tuesday", "overnight Tuesday"
                back = (published.weekday() - wd) % 7
                if back == 0 and rel.startswith("last "):
                    back = 7
                rval = published - timedelta(days=back)
        out.append(_resolved(m, rval, part))
        taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def find_times(text: str) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _TIME.finditer(text):
        if m.group("noon"):
            val = "12:00" if m.group("noon").lower() == "noon" else "00:00"
            out.append(TimeMention(m.start(), m.end(), m.group(0), val, None))
            continue
        if m.group("h") is not None:
            h, mi = int(m.group("h")), int(m.group("min") or 0)
            ampm = m.group("ampm").lower().replace(".", "").replace(" ", "")
            if h > 12 or mi > 59:
                continue
            if ampm == "pm" and h != 12:
                h += 12
            if ampm == "am" and h == 12:
                h = 0
            q = m.group("q")
        else:
            h, mi = int(m.group("h2")), int(m.group("min2"))
            if h > 23 or mi > 59:
                continue
            q = m.group("q2")
        qual = re.sub(r"\s+", " ", q.strip().lower()) if q else None
        if qual == "at":
            qual = None
        out.append(TimeMention(m.start(), m.end(), m.group(0), f"{h:02d}:{mi:02d}", qual))
    return out
