"""The incident's place: candidate place mentions scored by where and how they are said,
geocoded offline (``geo.gazetteer``) and disambiguated by states/countries named nearby."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import urlparse

from eventdesk.extract.context import SentInfo
from eventdesk.extract.geo import (
    AP_STATES,
    Gazetteer,
    Place,
    county_key,
    derived_table,
    gazetteer,
    km,
    norm_place,
)
from eventdesk.ingest import original_url, outlet_of_url
from eventdesk.model import Analysis, Evidence, Fact

_PREP_BEFORE = re.compile(r"\b(in|at|on|near|outside|inside|into|across|of)\s+(?:the\s+)?$", re.I)
#: "The incident occurred around 11 a.m. in the 400 block of West 27th Street in Newport
#: News", "visiting the grandfather's home in the town of Elmo": where it happened, said so.
_HAPPENED_IN = re.compile(
    r"\b(?:happened|occurred|took place)\b[^.;!?]{0,70}\bin\s+(?:the\s+)?$"
    r"|\b(?:town|city|village|community|hamlet) of\s+$",
    re.I,
)
HAPPENED_IN_BONUS = 3.5
_HOOD_AFTER = re.compile(r"\s+(?:neighbou?rhood|section|district|area)\b", re.I)
_FROM_BEFORE = re.compile(
    r"\b(from|to|toward|towards|between|visit(?:ed|ing)?)\s+(?:the\s+)?$", re.I
)
_NEAR_BEFORE = re.compile(
    r"\b(near|outside|south of|north of|east of|west of)\s+(?:the\s+)?$", re.I
)
_SUBURBS_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:suburbs?|outskirts|exurbs?)\b", re.I)
_SUBURBS_BEFORE = re.compile(r"\b(?:suburban|(?:suburbs?|outskirts) of(?: the)?)\s+$", re.I)
#: Where someone was caught ("was arrested Friday at an apartment complex in Trotwood"): often
#: not where the shooting was.
_ARRESTED_IN = re.compile(
    r"\b(?:arrested|apprehended|taken into custody|jailed|captured|caught|turned (?:himself|"
    r"herself) in)\b[^.;]{0,60}\b(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
#: Where someone lives ("Kenneth Moore, 23, of San Dimas"): often, not always, where it
#: happened; it counts half of "in" (gva-dev city, reports grouped by gold incident: 0.8425
#: -> 0.8445; as much as "near": 0.8435; as much as "in": 0.8425)
_HOME_BEFORE = re.compile(r"\b\d{1,3},\s+(?:of|from)\s+$")
HOME_SCORE = 1.0
#: Where someone works or comes from, by what he is ("Jeff Ruby, a restaurant owner in
#: Cincinnati, is offering a reward"): as little as where he lives.
_WORKS_IN_BEFORE = re.compile(
    r"\b(?:owner|resident|native|businessman|businesswoman|pastor|minister|lawyer|teacher|"
    r"professor|student|officer|deputy|firefighter|doctor|surgeon|nurse|activist|rapper|"
    r"musician|artist|official)s?\s+(?:in|from|of)\s+(?:the\s+)?$",
    re.I,
)
_DETAIL_AFTER = re.compile(
    r"^\s*(neighbou?rhood|district|section|streets?|st\b|roads?|rd\b|avenues?|ave\b|boulevard|"
    r"blvd|drive|dr\b|lane|ln\b|way|highway|hwy|parkway|plaza|station|mall|park|apartments?|"
    r"complex|high school|school|church|hotel|hospital|university|airport|museum|community|"
    r"subdivision|township|twp)\b",
    re.I,
)
_FACILITY_AFTER = re.compile(
    r"^\s*(?:apartments?|complex|high school|school|church|hotel|hospital|mall|park|"
    r"subdivision|area|man|woman|teen|boy|girl|family|home|house|residence|nightclub|bar|"
    r"restaurant|gas station|store|parking lot|parking garage)\b",
    re.I,
)
_TOWN_OF = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:man|woman|men|women|teen|"
    r"teenager|boy|girl|resident|family|couple|mother|father|bar|home|nightclub|club|apartment)\b"
    r"|\b(?P<town2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s*(?P<st>"
    # the one-word AP state abbreviations the gazetteer knows ("Ark.", "Calif.")
    + "|".join(sorted((k.title() for k in AP_STATES if k.isalpha()), key=len, reverse=True))
    + r")\.,"
)
_TOWN_SHOOTING = re.compile(
    r"\b(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+(?:shooting|shootings|shootout|"
    r"homicide|killings?|slayings?|standoff)\b"
)
#: Above this word frequency (Zipf) a "<Word> shooting" is a town only if a big one.
TOWN_SHOOTING_MAX_ZIPF = 4.0
#: A township's kind after its name ("Salem Township", "Mad River Twp."), not a road of it.
_TOWNSHIP_AFTER = re.compile(r"\s+(?:Township|Twp\b\.?)(?!\s+(?:Road|Rd|Highway|Hwy)\b)")
_IN_TOWN = re.compile(r"\bin\s+(?P<town>[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)")
#: Capitalised words after "in" that are no town (GeoNames has a "March" and a "Police").
_NOT_TOWNS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "police",
        "court",
        "custody",
        "critical",
        "serious",
        "stable",
        "good",
        "fair",
        "county",
        "city",
        "state",
        "north",
        "south",
        "east",
        "west",
        "the",
        "this",
        "that",
    ]
)
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z .'’-]{2,40}?)(?:,\s*(?P<state>[A-Z][A-Za-z. ]{1,20}?))?\s*"
    r"(?:\((?:[^)]{0,40})\))?\s*(?:[—–-]{1,2}|:)\s"
)
_STREET_WORDS = (
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Way|Highway|"
    r"Hwy\.?|Parkway|Pkwy|Court|Ct\.|Place|Pl\.|Circle|Terrace|Trail|Pike)"
)
_STREET = re.compile(
    r"\b(?:(?:\d{1,5}|the \d{1,5}) block of |\d{1,5} )?(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}"
    + _STREET_WORDS
    + r"\b"
    r"|\b(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:subway|metro|train|bus|tube)"
    r"\s+station\b"
    r"|\bPorte\s+(?:de\s+|d['’])[A-Z][\w-]+|\b(?:the\s+)?Champs[- ][EÉ]lys[eé]es\b"
    r"|\b\d{1,5} block of [A-Z][\w'’ -]{2,40}?(?=[,.]| in\b| near\b)",
)
#: A street's number, compass point and type, around its name ("603 N. Adams St.": Adams).
_STREET_TYPE = re.compile(r"^(?:\d{1,5}\s+)?(?:[NSEW]\.?\s+)?|\s+" + _STREET_WORDS + "$")
#: A street named like a town ("at the intersection of Cleveland and ...", "southbound on
#: Cleveland", "near Yosemite Avenue and Cleveland"): no town, and no vote for a state.
_STREET_NAMED_BEFORE = (
    r"\bblock\s+of\s+$|\bcorner\s+of\s+$|\bintersection\s+of\s+$|"
    r"\b(?:north|south|east|west)bound\s+(?:on\s+)?$|"
    r"\b(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln)\.?\s+(?:and|&)\s+$"
)
_STREET_BEFORE = re.compile(_STREET_NAMED_BEFORE, re.I)
_SKIP_BEFORE = re.compile(
    r"\b(?:taken|transported|rushed|airlifted|flown|driven|brought|admitted)\s+"
    r"(?:him\s+|her\s+|them\s+)?to\s+(?:the\s+)?$|\btreated\s+at\s+(?:the\s+)?$|"
    + _STREET_NAMED_BEFORE,
    re.I,
)
#: "taken to Oakwood Hospital in Dearborn", "flown to Nationwide Children's Hospital in Columbus"
_CARE_BEFORE = re.compile(
    r"\b(?:hospital|medical center|trauma center|health|clinic|children['’]s|medical|"
    r"coroner['’]s)\s+(?:[\w'’]+\s+){0,2}(?:in|at|of)\s+(?:the\s+)?$",
    re.I,
)
_DIRECTION = re.compile(
    r"^(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"downtown|central|suburban|greater|metro)\s+",
    re.I,
)
_DIRECTION_AFTER = re.compile(r"\s+(?:east|west|north|south)$", re.I)
_AGENCY = re.compile(
    r"(?P<city>\bD\.C\.|\b[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[\s-][A-Z][a-z]+){0,2})\s+"
    r"(?:Police|police|PD|Fire|Metro Police|Metropolitan Police|Metro Homicide)\b"
    r"(?!\s+(?:Chief|Capt|Lt|Sgt|Officer)\w*\s+[A-Z][a-z]+\s+[A-Z])"
)
_STATE_CODE_AFTER = re.compile(
    r"^,\s*(?P<st>[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,2}\.)?|[A-Z]{2}\b"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
)


@dataclass(slots=True)
class Cand:
    text: str
    start: int
    end: int
    sent: SentInfo
    score: float
    places: list[Place]
    kind: str


Votes = defaultdict[str, float]


def _top(votes: dict[str, float]) -> tuple[str | None, float]:
    if not votes:
        return None, 0.0
    k = max(votes, key=lambda x: votes[x])
    return k, votes[k]


#: How much more a county must score than the best town to be the place: a town named only
#: as a home or a byline loses to the county where it happened (gva-dev city, reports
#: grouped by gold incident: 0.8577 -> 0.8608; 3 fixes two, 1.5 or less breaks Houston in
#: "Harris County" and Seminole in "Detectives in Pinellas County")
COUNTY_OVER_CITY = 2.0
#: What a county that exists in one state only counts for that state (a state name: 2).
UNIQUE_COUNTY_VOTES = 2.0


#: What a town named with a county it lies in counts for their state (a state name: 2).
TOWN_IN_COUNTY_VOTES = 2.0
_COUNTY_NAME = re.compile(r"\b((?:St\.\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:County|Parish)\b")


def _named_counties(text: str) -> set[str]:
    """The counties a text names, as ``county_key`` gives them ("The Washington County
    Sheriff's Office": "washington"; "Memphis Shelby County": "memphis shelby" and "shelby")."""
    found: set[str] = set()
    for cm in _COUNTY_NAME.finditer(text):
        found.add(county_key(cm.group(1)))
        found.add(county_key(cm.group(1).rsplit(" ", 1)[-1]))
    return found


_STREETS_AFTER = re.compile(
    r"\s+(?:and|&)\s+[A-Z][\w'’-]+\s+(?:avenues|streets|roads|boulevards|drives)\b"
)


def _context_states(analysis: Analysis, gaz: Gazetteer, infos: list[SentInfo]) -> Votes:
    """US state codes evidenced by the text: state names, 'City, ST', counties, datelines."""
    votes: Votes = defaultdict(float)
    text = analysis.article.text
    ok = {s.idx for s in infos if not s.junk and not s.related}
    for m in analysis.mentions:
        if m.sentence not in ok or m.label not in ("GPE", "LOC"):
            continue
        if _STREET_BEFORE.search(text[max(0, m.start - 25) : m.start]):
            continue
        code = gaz.state_by_name.get(norm_place(m.text))
        if code:
            after = text[m.end : m.end + 30]
            # "Vermont Avenue" is a street in Los Angeles, and so is "Vermont and Manchester
            # avenues"; "Indiana County" is in Pennsylvania
            if not (
                _DETAIL_AFTER.match(after)
                or _STREETS_AFTER.match(after)
                or re.match(r"\s+(?:County|Parish)\b", after)
            ):
                votes[code] += 2
            continue
        if m.text.lower().endswith((" county", " parish")):
            sts = sorted(set(gaz.county_states(m.text)))  # sorted: ties break the same every run
            for st in sts:
                votes[st] += UNIQUE_COUNTY_VOTES if len(sts) == 1 else 1.0 / len(sts)
            continue
        # a big city with no big namesake says its state ("taken to a Knoxville hospital")
        us = sorted(
            (p for p in gaz.city(m.text) if p.country == "US" and p.admin1),
            key=lambda p: -p.population,
        )
        if (
            us
            and us[0].population >= 100_000
            and (len(us) == 1 or us[0].population >= 5 * us[1].population)
        ):
            votes[us[0].admin1 or ""] += 1.0
    for rm in re.finditer(
        r"\b[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?,\s*(?P<st>[A-Z][a-z]{0,4}\.(?:\s?"
        r"[A-Z][a-z]{0,2}\.)?|[A-Z]{2})(?=[\s,.;)-])",
        text,
    ):
        st = rm.group("st")
        code = gaz.ap.get(norm_place(st)) if "." in st else (st if st in gaz.states else None)
        if code:
            votes[code] += 2
    for cm in re.finditer(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+County\b", text):
        sts = sorted(set(gaz.county_states(cm.group(1) + " County")))
        for st in sts:
            # a county only one state has ("Bertie County") names the state as well as its
            # name would; a common one ("Washington County", 30 states) says little
            votes[st] += UNIQUE_COUNTY_VOTES if len(sts) == 1 else 1.0 / len(sts)
    return votes


#: US cities at least this big can be named by an outlet ("nbclosangeles.com", "chicago.suntimes.com").
OUTLET_CITY_POP = 50_000
#: Towns down to this size are read in outlet names ("lufkindailynews.com", "salina.com") when
#: their name is no common English word ("central", "university", "golden" are not read).
HOST_TOWN_POP = 20_000
#: Outlet names that name a place but do not report from it (or are common words).
_OUTLET_NOT_PLACE = frozenset(
    ["washington", "enterprise", "independence", "victoria", "spring", "union", "lakewood"]
)


def _common_word(word: str) -> bool:
    return _zipf(word) >= 3.0


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale); 9 without wordfreq, so that
    every word counts as common."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it, small towns are not read in outlet names
        return 9.0
    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=4)
def _outlet_names(gaz: Gazetteer) -> dict[str, tuple[str, Place | None]]:
    """Squashed name ("losangeles", "newjersey") -> (state code, the city or None for a state),
    of US states and big cities.  A name two big cities share ("springfield") is left out
    unless one is far bigger.  Kept beside the gazetteer's cache (0.4 s to work out); the name
    it is kept under changes with the rules below."""
    if not gazetteer.cache_info().currsize or gaz is not gazetteer():  # not the shared one
        return _build_outlet_names(gaz)
    rules = f"outlets-v1-{OUTLET_CITY_POP}-{HOST_TOWN_POP}-{'.'.join(sorted(_OUTLET_NOT_PLACE))}"
    return derived_table(rules, lambda: _build_outlet_names(gaz))


def _build_outlet_names(gaz: Gazetteer) -> dict[str, tuple[str, Place | None]]:
    out: dict[str, tuple[str, Place | None]] = {}
    for code, name in gaz.states.items():
        out[name.lower().replace(" ", "")] = (code, None)
    by_key: dict[str, dict[str, Place]] = defaultdict(dict)
    for places in gaz.cities.values():
        for p in places:
            if p.country != "US" or not p.admin1 or p.population < HOST_TOWN_POP:
                continue
            key = re.sub(r"[^a-z]", "", p.name.lower())
            if len(key) < 5 or (p.population < OUTLET_CITY_POP and _common_word(key)):
                continue
            old = by_key[key].get(p.admin1)
            if old is None or p.population > old.population:
                by_key[key][p.admin1] = p
    for key, by_state in by_key.items():
        ranked = sorted(by_state.values(), key=lambda p: -p.population)
        if len(ranked) > 1 and ranked[0].population < 3 * ranked[1].population:
            continue
        out.setdefault(key, (ranked[0].admin1 or "", ranked[0]))
    for key in _OUTLET_NOT_PLACE:
        out.pop(key, None)
    return out


@lru_cache(maxsize=4)
def _outlet_order(gaz: Gazetteer) -> dict[str, int]:
    return {k: i for i, k in enumerate(_outlet_names(gaz))}


#: US broadcasters' call signs as host names: "wlwt", "kmbc", "wsbtv", "wmcactionnews5".
_CALL_SIGN = re.compile(r"^([kw])[a-z]{2,3}(?:tv|news|actionnews|now)?\d*$")
_WEST_OF_MISSISSIPPI = frozenset(
    [
        "WA",
        "OR",
        "CA",
        "NV",
        "ID",
        "MT",
        "WY",
        "UT",
        "AZ",
        "NM",
        "CO",
        "ND",
        "SD",
        "NE",
        "KS",
        "OK",
        "TX",
        "MN",
        "IA",
        "MO",
        "AR",
        "LA",
        "AK",
        "HI",
    ]
)
#: A call sign's vote for each state on its side of the river: enough to choose between
#: namesakes of like size, not to outweigh a state the text names.
CALL_SIGN_VOTE = 0.4


@dataclass(slots=True)
class OutletHint:
    """Where an outlet's name or URL says it reports from."""

    states: dict[str, float]  # state code -> vote
    city: Place | None  # a city the outlet is named after ("chicago.suntimes.com")
    source: str  # host or URL it was read from
    #: a weak vote for each state of a broadcaster's half of the country (call sign); only
    #: to choose between namesakes, never a place of its own
    region: dict[str, float] = field(default_factory=dict)


_TAIL_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Za-z.'’]+(?:[ -][A-Z][A-Za-z.'’]+){0,2}),\s*"
    r"(?P<st>[A-Z]{2}\b|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)"
)


def outlet_hint(analysis: Analysis, gaz: Gazetteer) -> OutletHint:
    """States an outlet's name, masthead or URL path names: "nbclosangeles.com" (California),
    "chicago.suntimes.com", "… - WMC Action News 5 - Memphis, Tennessee" (a headline's site
    tail), ".../news/local/michigan/detroit/...".  A local outlet reports
    local news, so this settles namesakes (Pasadena, Franklin) a text leaves open."""
    art = analysis.article
    host = art.source or outlet_of_url(art.url) or ""
    hint = OutletHint({}, None, host)
    # the outlet's home town in its masthead: "- WMC Action News 5 - Memphis, Tennessee"
    for tm in _TAIL_PLACE.finditer(str(art.extra.get("site_tail") or "")):
        st = tm.group("st")
        code = st if st in gaz.states else gaz.state_code(st)
        if code:
            hint.states[code] = hint.states.get(code, 0.0) + 1.5
            local = [p for p in gaz.city(tm.group("city")) if p.admin1 == code]
            if local and hint.city is None:
                hint.city = local[0]
            break
    if "." not in host:
        return hint
    names = _outlet_names(gaz)
    runs = re.findall(r"[a-z]+", host.lower().rsplit(".", 1)[0])  # "abc7amarillo": abc, amarillo
    # the names inside a run, by looking its pieces up (names are 4 letters or more)
    found = {
        r[i:j]
        for r in runs
        for i in range(len(r) - 3)
        for j in range(i + 4, len(r) + 1)
        if r[i:j] in names
    }
    if found:
        order = _outlet_order(gaz)
        # "losangeles" over "angeles"; of two as long, the first listed
        host_code, city = names[max(found, key=lambda k: (len(k), -order[k]))]
        hint.states[host_code] = hint.states.get(host_code, 0.0) + 1.5
        hint.city = city
    if not hint.states and host.endswith((".com", ".net", ".org", ".tv")):
        sign = _CALL_SIGN.match(runs[0]) if runs else None
        if sign:
            # a broadcaster's call sign: K west of the Mississippi, W east of it ("wlwt.com"
            # is Cincinnati's, so "Hillsboro" is more likely Ohio's than Oregon's)
            west = sign.group(1) == "k"
            for state in gaz.states:
                if (state in _WEST_OF_MISSISSIPPI) == west:
                    hint.region[state] = CALL_SIGN_VOTE
    parts = urlparse(original_url(art.url or ""))
    path = f"{parts.path}?{parts.query}".lower()
    segs = [x for x in re.split(r"[/?=&]", path) if x]
    for seg in segs[:-1] if len(segs) > 1 else []:  # the last segment is the headline slug
        st = gaz.state_by_name.get(seg.replace("-", " ").replace("_", " "))
        named = names.get(re.sub(r"[^a-z]", "", seg))
        code = st or (named[0] if named else None)
        if code and len(seg) > 3:
            # ".../news/local/michigan/...", "dnainfo.com/chicago/..."
            hint.states[code] = hint.states.get(code, 0.0) + 1.0
            if named and named[1] is not None and hint.city is None:
                hint.city = named[1]
            break
    return hint


_HOOD = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s+(?:neighbou?rhood|section|district)\b"
)
#: A neighbourhood belongs to the biggest city this close (km), if that city is big enough.
HOOD_RADIUS_KM = 25.0
HOOD_CITY_POP = 200_000


#: A place whose police the text never names, this close (km) to a city at least this many
#: times bigger whose police it names ("Chicago police" of a shooting "in Chatham"), is taken
#: for a part of that city: GeoNames lists Chicago's community areas as places of their own.
POLICED_RADIUS_KM = 15.0
POLICED_SIZE_RATIO = 5
_POLICE_AFTER = r"\s+(?:[Pp]olice|PD\b|[Mm]etropolitan\s+[Pp]olice)"


def _neighbourhoods(text: str) -> set[str]:
    return {norm_place(m.group("name")) for m in _HOOD.finditer(text)}


#: A place this far from a big city's outlet, in a state the text does not name, is more
#: likely a neighbourhood of that city (Chicago's Austin) than the namesake (Gary, Indiana,
#: 40 km from Chicago, is Gary).
FAR_NAMESAKE_KM = 300.0


def _km(p: Place, q: Place) -> float:
    return km(p.lat, p.lon, q.lat, q.lon)


def _city_around(
    p: Place, gaz: Gazetteer, radius_km: float = HOOD_RADIUS_KM, ratio: float = 1.0
) -> Place | None:
    """The big city a neighbourhood ``p`` lies in (GeoNames lists many as places of their own)."""
    if p.country != "US" or p.population >= HOOD_CITY_POP:
        return None
    best: Place | None = None
    for q in gaz.big_us_cities(HOOD_CITY_POP):
        if q.admin1 != p.admin1 or q.population < ratio * p.population:
            continue
        if _km(p, q) <= radius_km and (best is None or q.population > best.population):
            best = q
    return best


def _agency_town(am: re.Match[str], gaz: Gazetteer) -> str | None:
    """The town of an ``_AGENCY`` match ("Houston" of "Houston Police Department"); None for
    a state's police ("Virginia State Police", "Ohio Police")."""
    name = re.sub(r"^(?:The|A|An)\s+", "", am.group("city"))
    if name.endswith(" State") or gaz.state_by_name.get(norm_place(name)):
        return None
    return name


def _police_city(text: str, gaz: Gazetteer) -> Place | None:
    """The US city whose police the text names ("New Orleans Police Department"), if any."""
    for am in _AGENCY.finditer(text):
        name = _agency_town(am, gaz)
        us = [q for q in gaz.city(name) if q.country == "US"] if name else []
        if us:
            return max(us, key=lambda q: q.population)
    return None


def _policed_by(p: Place, gaz: Gazetteer, text: str) -> Place | None:
    """The bigger city around ``p`` whose police handle it, when ``p`` has none of its own."""
    if re.search(rf"\b{re.escape(p.name)}{_POLICE_AFTER}", text):
        return None
    q = _city_around(p, gaz, POLICED_RADIUS_KM, POLICED_SIZE_RATIO)
    if q is None or not re.search(rf"\b{re.escape(q.name)}{_POLICE_AFTER}", text):
        return None
    return q


_HOSPITAL_AFTER = re.compile(r"\s+(?:area\s+)?(?:hospital|medical center|trauma center)", re.I)
_HOSPITAL_NAME = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){1,3}?)(?:Hospital|Medical Center|Trauma Center)\b"
)


@lru_cache(maxsize=4)  # asked once per "at X"/"to X" mention; read once per article
def _hospital_names(text: str) -> frozenset[str]:
    """Names the text gives to hospitals: "Mount Sinai" of "Mount Sinai Hospital"."""
    return frozenset(m.group(1).strip() for m in _HOSPITAL_NAME.finditer(text))


def _country_votes(analysis: Analysis, gaz: Gazetteer, infos: list[SentInfo]) -> Votes:
    votes: Votes = defaultdict(float)
    ok = {s.idx for s in infos if not s.junk and not s.related}
    for m in analysis.mentions:
        if m.sentence not in ok:
            continue
        if m.label in ("GPE", "LOC"):
            c = gaz.country(m.text)
            if c:
                votes[c.country] += 1
        elif m.label == "NORP":
            low = m.text.lower()
            for iso, name in (
                ("FR", "french"),
                ("US", "american"),
                ("GB", "british"),
                ("DE", "german"),
                ("BE", "belgian"),
            ):
                if low == name:
                    votes[iso] += 0.5
    return votes


def _pick_city(
    places: list[Place], states: Votes, countries: Votes, region: dict[str, float] | None = None
) -> Place:
    def key(p: Place) -> tuple[float, int]:
        s = 0.0
        if p.country == "US" and p.admin1:
            s += states.get(p.admin1, 0) * 3
            if region:
                s += region.get(p.admin1, 0) * 3
        s += countries.get(p.country, 0) * 2
        if states and p.country == "US":
            s += 5  # a US state named anywhere: the article is about the US
        # the bigger namesake is the likelier one (Newark, N.J. over Newark, N.Y.), by a
        # margin one state named in the text always outweighs
        s += 1.5 * math.log10(p.population + 10)
        return (s, p.population)

    return max(places, key=key)


def extract_location(
    analysis: Analysis, infos: list[SentInfo], gaz: Gazetteer, incident_sents: set[int]
) -> list[Fact]:
    text = analysis.article.text
    aid = analysis.article.id
    by_idx = {s.idx: s for s in infos}
    states = _context_states(analysis, gaz, infos)
    text_states = dict(states)  # what the text itself says, for a region-only place
    hint = outlet_hint(analysis, gaz)
    for outlet_code, v in hint.states.items():
        states[outlet_code] += v
    countries = _country_votes(analysis, gaz, infos)
    details: list[tuple[float, str, SentInfo]] = []
    detail_spans: list[tuple[int, int]] = []
    for s in _story(infos):
        for sm0 in _STREET.finditer(s.text):
            a, b = s.start + sm0.start(), s.start + sm0.end()
            detail_spans.append((a, b))
            sc = (3.0 if s.idx in incident_sents else 1.0) - 0.05 * s.pos
            details.append((sc, re.sub(r"^the\s+", "", sm0.group(0).strip()), s))
    # the names of the streets given ("Kensington" of "Kensington Avenue")
    street_names = {
        norm_place(re.sub(_STREET_TYPE, "", d[1].split(" block of ")[-1])) for d in details
    }
    cands: list[Cand] = []
    # dateline: "FRANKLIN (Feb. 4, 2014) –", "HOUSTON, Texas —"
    # (the story's first lines: a headline on top is no dateline)
    b0 = analysis.article.body_start
    first_line = (
        text[b0 : text.find("\n", b0)] if "\n" in text[b0 : b0 + 300] else text[b0 : b0 + 300]
    )
    dateline_state: str | None = None
    for off in (b0, b0 + len(first_line) + 1):
        dm = _DATELINE.match(text[off : off + 200])
        if dm and infos:
            city = dm.group("city").strip().title()
            places = gaz.city(city)
            st_txt = dm.group("state")
            if st_txt:
                code = gaz.state_code(st_txt)
                if code:
                    states[code] += 4
            s0 = next((s for s in infos if s.start <= off + dm.start("city") < s.end + 1), infos[0])
            at = (dm.group("city").strip(), off + dm.start("city"), off + dm.end("city"), s0)
            if places:
                cands.append(Cand(*at, 6.0, places, "city"))
                dateline_state = max(places, key=lambda p: p.population).admin1
            elif _unknown_town(dm, city, gaz):
                # "RHINE, Georgia (41NBC) –", "SMICKSBURG —": a town too small for the
                # gazetteer; kept by name, in the state the text names, without coordinates
                cands.append(Cand(*at, 5.0, [], "town"))
            break
    # "Zachary Woodruff of Smithfield": where a named person lives
    person_ends = {m.end for m in analysis.mentions if m.label == "PERSON"}
    for m in analysis.mentions:
        if m.label not in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
            continue
        if m.label in ("ORG", "PERSON") and not (
            re.search(r"\b(?:in|from)\s+$", text[max(0, m.start - 10) : m.start])
            or (
                # "shooting at Pomona restaurant drive-through": a city's name on its place
                re.search(r"\b(?:at|near|outside)\s+$", text[max(0, m.start - 10) : m.start])
                and _FACILITY_AFTER.match(text[m.end : m.end + 30])
                and any(p.population >= OUTLET_CITY_POP for p in gaz.city(m.text))
            )
        ):
            continue  # a mis-tagged town is usually still "in X" / "from X"
        ms = by_idx.get(m.sentence)
        if ms is None or ms.junk or ms.related:
            continue
        s = ms
        if any(a <= m.start and m.end <= b for a, b in detail_spans):
            continue
        after = text[m.end : m.end + 30]
        if _STREETS_AFTER.match(after):
            continue  # "near Thompson and Colorado avenues"
        if (
            norm_place(m.text) in street_names
            and re.search(r"\bon\s+$", text[max(0, m.start - 6) : m.start])
            and text[m.end : m.end + 1] not in ("'", "’")  # "on Chicago's West Side": a town
        ):
            continue  # "the shooting on Kensington" after "the 5000 block of Kensington Avenue"
        # "Mad River Twp.": the tagger stopped before the township's kind
        township = _TOWNSHIP_AFTER.match(after)
        if (
            _DETAIL_AFTER.match(after)
            and not township
            and not (
                (
                    _FACILITY_AFTER.match(after)
                    # "St. Louis neighborhood in fear", "a Chicago neighborhood": the city's
                    # (but "the Austin neighborhood" is one named Austin)
                    or (
                        re.match(r"\s+neighbou?rhoods?\b", after)
                        and not re.search(r"\bthe\s+$", text[max(0, m.start - 5) : m.start], re.I)
                    )
                )
                and any(p.population >= OUTLET_CITY_POP for p in gaz.city(m.text))
            )
        ):
            continue  # "Vermont Avenue"; but "a Memphis apartment complex" is in Memphis
        before = text[max(0, m.start - 25) : m.start]
        if _SKIP_BEFORE.search(text[max(0, m.start - 40) : m.start]) or (
            re.search(r"\b(?:at|to)\s+$", before) and m.text in _hospital_names(text)
        ):
            # a hospital the victim was taken to, a street corner; "stabilized at Mount
            # Sinai" when the text also says "Mount Sinai Hospital"
            continue
        score = 1.0 if m.label in ("GPE", "LOC", "FAC") else 0.0
        said_here = False
        wide = text[max(0, m.start - 60) : m.start]
        if _CARE_BEFORE.search(wide) or _HOSPITAL_AFTER.match(after):
            score -= 3.0  # where the victim was treated, not where it happened
        if (
            re.match(r"\s+(?:being|who)\b", after)
            or (re.match(r"\s+(?:was|is|had|has)\b", after) and not gaz.city(m.text))
            or re.search(r"\b(?:shooting|shot|killed|killing|wounding)\s+$", before)
        ):
            # "resulted in Hall being shot", "discharged the revolver shooting Nathan"; but
            # "One of four women wounded in a shooting in Lexington has died"
            continue
        if (
            _NEAR_BEFORE.search(before)
            or _SUBURBS_AFTER.match(after)
            or _SUBURBS_BEFORE.search(before)
            or _ARRESTED_IN.search(text[max(0, m.start - 80) : m.start])
        ):
            # "near Paris", "in Atlanta's northeastern suburbs", "suburban Detroit": the place
            # is elsewhere, often named next
            score += 0.3
        elif (
            _HOME_BEFORE.search(before)
            or _WORKS_IN_BEFORE.search(before)
            or (m.start - 4 in person_ends and text[m.start - 4 : m.start] == " of ")
        ):
            score += HOME_SCORE
        elif _PREP_BEFORE.search(before):
            score += 2.0
            lead_in = re.sub(r"\b([ap])\.m\.", r"\1m", text[max(0, m.start - 90) : m.start])
            said_here = bool(_HAPPENED_IN.search(lead_in)) and not _HOOD_AFTER.match(after)
        elif _FROM_BEFORE.search(before):
            score += 0.3
        score += _standing(s, incident_sents)
        name = re.sub(r"^the\s+", "", m.text, flags=re.I)
        name = re.sub(r"['’]s$", "", name)
        name = re.sub(r"\sTwp\.?$", " Township", name)  # "Clinton Twp."
        if township:
            name += " Township"
        if name in ("Metro", "Metropolitan"):
            continue  # "Metro detectives": the police, not the Indonesian town
        st_code = gaz.state_by_name.get(norm_place(name)) or (
            gaz.ap.get(norm_place(name))
            if name.endswith(".") or text[m.end : m.end + 1] == "."
            else None
        )
        if not st_code and name in gaz.states and text[max(0, m.start - 2) : m.start] == ", ":
            st_code = name  # "Cooper County, MO": a postal code after a place is its state
        if st_code == "WA" and (
            re.search(r"\b(?:north|south)(?:east|west)\s+$", before, re.I)
            or re.match(r",?\s*D\.?\s?C\b", text[m.end : m.end + 8])
        ):
            st_code = "DC"  # "in southeast Washington", "Washington, D.C."
        if st_code == "DC":
            dc = [p for p in gaz.city("Washington") if p.country == "US" and p.admin1 == "DC"]
            if dc:
                states["DC"] += 2
                cands.append(Cand(name, m.start, m.end, s, score, dc, "city"))
            continue
        if st_code:
            continue  # states are context, counted in ``states`` ("Colo." included)
        country = gaz.country(name)
        # "in Lebanon" in a story of Boone County, Indiana: a town of a state the text names
        if country and not any(
            text_states.get(p.admin1 or "", 0) >= 2 for p in gaz.city(name) if p.country == "US"
        ):
            cands.append(Cand(name, m.start, m.end, s, score - 2.0, [country], "country"))
            continue
        places = gaz.city(name)
        longer = re.match(r"\s+(Center|Park|Heights|Springs|Beach|Hills|Falls)\b", after)
        if longer and gaz.city(f"{name} {longer.group(1)}"):
            # "Brooklyn Center man": the tagger stopped at "Brooklyn"
            name = f"{name} {longer.group(1)}"
            places = gaz.city(name)
        if not places and name.endswith(" City") and name.count(" ") == 1:
            # "York City" is York ("Kansas City" is found whole); "Harbor City" is no Harbor
            places = [p for p in gaz.city(name[:-5]) if p.population >= OUTLET_CITY_POP // 2]
        if not places and (_DIRECTION.match(name) or _DIRECTION_AFTER.search(name)):
            # "South Los Angeles", "northeast Houston", "New Orleans East"
            bare = _DIRECTION_AFTER.sub("", _DIRECTION.sub("", name))
            if len(bare) > 3 and bare.lower() not in ("side", "end", "county"):
                name = bare
                places = gaz.city(name)
        sm = _STATE_CODE_AFTER.match(text[m.end : m.end + 20])
        if sm:
            code = gaz.state_code(sm.group("st"))
            if code:
                states[code] += 3
                local = [p for p in places if p.country == "US" and p.admin1 == code]
                places = local or places
        if said_here and places:
            # where it happened, said so, in the state the text or outlet names most (if any):
            # may outweigh a dateline ("NORFOLK, Va. — … The incident occurred … in Newport
            # News"), not a Chicago roundup's "happened … in Austin"
            top, top_v = _top(states)
            here = _pick_city(places, states, countries, hint.region).admin1
            if top_v <= 0 or here in (top, dateline_state):
                score += HAPPENED_IN_BONUS
        if places:
            cands.append(Cand(name, m.start, m.end, s, score, places, "city"))
        elif name.endswith(" Township") and name[0].isupper():
            # "in Salem Township, Wyandot County": a civil township, kept by name in the
            # state the text names, as for a town the gazetteer lacks
            cands.append(Cand(name, m.start, m.end, s, score, [], "town"))
        elif name.lower().endswith((" county", " parish")) and gaz.county_states(name):
            cands.append(Cand(name, m.start, m.end, s, score - 1.0, [], "county"))
    # towns the tagger misses: "A Temecula man", "a Zanesville bar", "Hope, Ark., police"
    for s in _story(infos):
        for tm in _TOWN_OF.finditer(s.text):
            g = "town" if tm.group("town") else "town2"
            name = tm.group(g)
            a = s.start + tm.start(g)
            if any(c.start <= a < c.end for c in cands) or gaz.state_by_name.get(norm_place(name)):
                continue
            places = [p for p in gaz.city(name) if p.country == "US"]
            code = gaz.state_code(tm.group("st")) if tm.group("st") else None
            if code:
                places = [p for p in places if p.admin1 == code]
            if places:
                # "A Temecula man" tells where he lives, as "Temecula man, 23, of" does (gva-dev
                # city, reports grouped by gold incident: 1.5 -> 1.0, 0.8638 -> 0.8648)
                sc = (HOME_SCORE if g == "town" else 1.5) + _standing(s, incident_sents)
                cands.append(Cand(name, a, a + len(name), s, sc, places, "city"))
    # "1 dead in overnight Savannah shooting", "Alturas shooting victims identified": a town
    # the tagger missed, named as the shooting's (a common word only for a big town: not
    # "Deadly shooting", but "Allen shooting")
    for s in _story(infos):
        for sm in _TOWN_SHOOTING.finditer(s.text):
            name = sm.group("town")
            a = s.start + sm.start("town")
            if (
                any(c.start <= a < c.end for c in cands)
                or name.split()[0].lower() in _NOT_TOWNS
                or gaz.state_by_name.get(norm_place(name))
            ):
                continue
            common = _zipf(name.lower()) >= TOWN_SHOOTING_MAX_ZIPF
            places = [
                p
                for p in gaz.city(name)
                if p.country == "US" and (not common or p.population >= OUTLET_CITY_POP)
            ]
            if places:
                sc = 1.5 + _standing(s, incident_sents)
                cands.append(Cand(name, a, a + len(name), s, sc, places, "city"))
    # "a shooting that occurred in Frontenac Monday night": a town the tagger did not mark,
    # after "in", that the gazetteer knows (not a month, day or person's title)
    for s in _story(infos):
        for im in _IN_TOWN.finditer(s.text):
            a = s.start + im.start("town")
            words = im.group("town").split()
            if (
                any(c.start <= a < c.end for c in cands)
                or any(m.start <= a < m.end for m in analysis.mentions)
                or words[0].lower() in _NOT_TOWNS
            ):
                continue
            if len(words) > 1 and words[1].lower() in _NOT_TOWNS:
                words = words[:1]  # "in Frontenac Monday night"
            name = " ".join(words)
            sc = 1.0 + _standing(s, incident_sents)
            if _TOWNSHIP_AFTER.match(s.text, im.start("town") + len(name)):
                # "in Mad River Twp.": a township the tagger missed, kept by name
                cands.append(Cand(name + " Township", a, a + len(name), s, sc, [], "town"))
                continue
            places = gaz.city(name)
            if places and not gaz.state_by_name.get(norm_place(name)):
                cands.append(Cand(name, a, a + len(name), s, sc, places, "city"))
    # "IMPD: 8-year-old accidentally shoots self": a city police force known by its letters
    for s in _story(infos):
        for pm in _POLICE_LETTERS_RE.finditer(s.text):
            city, code = POLICE_LETTERS[pm.group(0)]
            places = [p for p in gaz.city(city) if p.country == "US" and p.admin1 == code]
            if places:
                a = s.start + pm.start()
                sc = _police_standing(s, incident_sents)
                cands.append(Cand(places[0].name, a, pm.end() + s.start, s, sc, places, "city"))
    # "Houston Police Department", "Decatur police say": the city whose police handle it
    for s in _story(infos):
        for am in _AGENCY.finditer(s.text):
            town = _agency_town(am, gaz)
            if town is None:
                continue
            name = town
            places = (
                [p for p in gaz.city("Washington") if p.country == "US" and p.admin1 == "DC"]
                if name == "D.C."
                else gaz.city(name)
            )
            while not places and " " in name and not name.endswith((" County", " Parish")):
                # "Savannah Chatham Metropolitan Police": the city is the first word(s); but
                # "DeKalb County Police" are no police of DeKalb (Illinois)
                name = name.rsplit(" ", 1)[0]
                places = gaz.city(name)
            if places:
                a = s.start + am.start("city")
                sc = _police_standing(s, incident_sents)
                cands.append(Cand(name, a, a + len(name), s, sc, places, "city"))
    # a town named with a county it lies in ("just outside of Hillsboro in Highland County")
    # is that county's town: Hillsboro, Ohio, not the bigger one in Oregon
    counties = _named_counties(text)
    towns_states: set[str] = set()
    for c in cands:
        local = [p for p in c.places if gaz.in_county(p, counties)] if c.kind == "city" else []
        if local:
            c.places = local
            towns_states.update(p.admin1 or "" for p in local)
    for code in sorted(towns_states):
        states[code] += TOWN_IN_COUNTY_VOTES
        text_states[code] = text_states.get(code, 0.0) + TOWN_IN_COUNTY_VOTES
    if not cands and not text_states:
        return _outlet_place(hint, gaz, incident_sents)
    # the same place named several times counts more
    tally: Counter[str] = Counter()
    for c in cands:
        tally[norm_place(c.text)] += 1
    for c in cands:
        c.score += 0.5 * (tally[norm_place(c.text)] - 1)
    # a small town only the post lists counts only in a state the text (or outlet) names:
    # many share their names with places elsewhere ("the Fox Valley subdivision" in Florida)
    for c in cands:
        if c.kind == "city" and any(gaz.is_postal_only(p) for p in c.places):
            c.places = [
                p
                for p in c.places
                if not gaz.is_postal_only(p)
                or states.get(p.admin1 or "", 0) > 0
                or hint.region.get(p.admin1 or "", 0) > 0
            ]
    cands = [c for c in cands if c.kind != "city" or c.places]
    top_state, top_votes = _top(states)
    # a town the gazetteer lacks only counts in a state the text (or outlet) names
    city_cands = [c for c in cands if c.kind == "city" or (c.kind == "town" and top_state)]
    if top_votes >= 2:
        for c in city_cands:
            if not c.places:
                continue
            p0 = _pick_city(c.places, states, countries, hint.region)
            if p0.country == "US" and p0.admin1 == top_state:
                c.score += 1.5
            elif states.get(p0.admin1 or "", 0) == 0:
                c.score -= 2.5  # "BOSTON (Reuters) - ... at their southern Maine home"
    best: Cand | None = max(city_cands, key=lambda c: c.score) if city_cands else None
    county = [c for c in cands if c.kind == "county"]
    best_county = max(county, key=lambda c: c.score) if county else None
    if best is None or (
        best_county is not None and best_county.score > best.score + COUNTY_OVER_CITY
    ):
        # "a hunting accident in Cache County" over "Zachary Woodruff of Smithfield", the
        # medical examiner's Richmond: a county told as where it happened, far above any town
        best = best_county or best
    if best is None:
        ctry = [c for c in cands if c.kind == "country"]
        best = max(ctry, key=lambda c: c.score) if ctry else None
    detail = max(details, key=lambda d: d[0])[1] if details else None
    if best is None:
        if not text_states:
            return _outlet_place(hint, gaz, incident_sents)
        # a state the text names; the outlet settles between several.  A tie names none:
        # "the Jackson County Prosecutor's Office" is in 24 states, not in the first of them
        ranked = sorted(text_states, key=lambda c: -states[c])
        code = ranked[0]
        first = next((x for x in infos if not x.junk and not x.related), None)
        if first is None:
            return []
        if len(ranked) > 1 and states[ranked[1]] >= states[code]:
            return _outlet_place(hint, gaz, incident_sents)
        if (
            hint.city is not None
            and hint.city.admin1 == code
            and gaz.in_county(hint.city, counties)
        ):
            # "Pima County Sheriff's … the Foothills" on tucson.com: the county the text
            # names is the outlet city's; the city is the outlet's guess, marked as such
            return _outlet_place(hint, gaz, incident_sents)
        s = first
        region: dict[str, Any] = {
            "name": None,
            "admin1": gaz.states.get(code),
            "country": "US",
            "lat": None,
            "lon": None,
            "precision": "region",
            "detail": detail,
        }
        return [Fact("location", region, [Evidence(aid, s.start, s.end, s.text)], confidence=0.4)]
    value: dict[str, Any]
    conf: float
    if best.kind == "town":
        value = {
            "name": best.text.strip().title(),
            "admin1": gaz.states.get(top_state) if top_state else None,
            "country": "US" if top_state else None,
            "lat": None,
            "lon": None,
            "precision": "city",
            "detail": detail,
        }
        conf = 0.5
    elif best.kind == "city":
        p = _pick_city(best.places, states, countries, hint.region)
        # "in the Hunting Park section", "the Austin neighborhood", "in Chatham … Chicago
        # police said": the city around it
        hood = norm_place(best.text) in _neighbourhoods(text)
        city = _city_around(p, gaz) if hood else _policed_by(p, gaz, text)
        police = _police_city(text, gaz) if hood else None
        if police is not None and police.population >= HOOD_CITY_POP:
            # "in the Austin neighborhood … Chicago Police said": not Austin, Texas; "the
            # Washington Heights neighborhood … Chicago Police": not New York's
            city = police
        if city is None and p.country != "US" and not countries.get(p.country or ""):
            # "a quadruple shooting in Gentilly … New Orleans Police Department": GeoNames
            # knows a Gentilly only in France and Quebec, and the text names neither
            city = _police_city(text, gaz)
        if (
            city is None
            and hint.city is not None
            and hint.city.country == "US"
            and hint.city.population >= HOOD_CITY_POP
            and not any(q.admin1 == hint.city.admin1 for q in best.places)
            # no state named for it (a big city's name alone gives its state 1)
            and states.get(p.admin1 or "", 0) <= 1.0
            and all(_km(q, hint.city) > FAR_NAMESAKE_KM for q in best.places if q.lat is not None)
        ):
            # "Woman killed in Austin shooting" on abc7chicago.com, no state said: Chicago's
            # Austin, not Texas's (a big city's outlet tells of its neighbourhoods)
            city = hint.city
        if city is None:
            city = gaz.postal_town(p)  # "Coney Island" is Brooklyn's, "West Town" Chicago's
        if city is not None:
            detail = detail or best.text
            p = city
        admin1 = gaz.admin1_name(p)
        value = {
            "name": p.name,
            "admin1": admin1,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "precision": "city",
            "detail": detail,
        }
        if (
            (police is None or city is not police)  # no neighbourhood of the police's city
            and top_state
            and top_votes >= 2
            and states.get(p.admin1 or "", 0) == 0
            and (p.country == "US" or not countries.get(p.country))
        ):
            # a town too small for the gazetteer, in the state the text names: keep the name,
            # no coordinates rather than those of a namesake elsewhere
            value = {
                "name": best.text.strip().title() if best.text.isupper() else best.text,
                "admin1": gaz.states.get(top_state),
                "country": "US",
                "lat": None,
                "lon": None,
                "precision": "city",
                "detail": detail,
            }
        conf = (
            0.8
            if len(best.places) == 1 or (p.country == "US" and states.get(p.admin1 or ""))
            else 0.5
        )
        if value["lat"] is not None and (
            conf < 0.8
            or (
                len(best.places) > 1
                # the text's own support: a state or "City, ST" named, a big city of the
                # state, a county only it has; not a county a dozen states have ("Johnson
                # County": Franklin, Tennessee or Franklin, Indiana?)
                and states.get(p.admin1 or "", 0) - hint.states.get(p.admin1 or "", 0)
                < TEXT_STATE_SUPPORT
            )
        ):
            # Namesakes the text does not tell apart ("Franklin": Indiana? Tennessee?), or
            # tells apart only by size or the outlet's name: kept for the outlet prior
            # (``apply_place_prior``), which knows where a source reports.
            value["candidates"] = [
                {
                    "name": q.name,
                    "admin1": gaz.admin1_name(q),
                    "country": q.country,
                    "lat": q.lat,
                    "lon": q.lon,
                }
                for q in sorted(best.places, key=lambda q: (q is not p, -q.population))[:8]
            ]
    elif best.kind == "county":
        sts = sorted(set(gaz.county_states(best.text)))
        code = max(sts, key=lambda x: (states.get(x, 0), hint.region.get(x, 0.0))) if sts else None
        value = {
            # "BOONE COUNTY, Ind. –" is told as Boone County
            "name": best.text.title() if best.text.isupper() else best.text,
            "admin1": gaz.states.get(code) if code else None,
            "country": "US",
            "lat": None,
            "lon": None,
            "precision": "region",
            "detail": detail,
        }
        conf = 0.5
        if sum(states.get(x, 0) >= states.get(code or "", 0) for x in sts) > 1:
            # "Hamilton County" (Tennessee? Florida? 8 more): the outlet prior may know
            value["candidates"] = [
                {
                    "name": best.text,
                    "admin1": gaz.states.get(x),
                    "country": "US",
                    "lat": None,
                    "lon": None,
                }
                for x in sorted(sts, key=lambda x: x != code)
            ]
    else:
        p = best.places[0]
        value = {
            "name": p.name,
            "admin1": None,
            "country": p.country,
            "lat": None,
            "lon": None,
            "precision": "country",
            "detail": detail,
        }
        conf = 0.4
    s = best.sent
    ev = [Evidence(aid, s.start, s.end, s.text)]
    dsent = next((d[2] for d in details if d[1] == detail), None) if detail else None
    if dsent is not None and dsent.idx != s.idx:
        ev.append(Evidence(aid, dsent.start, dsent.end, dsent.text))
    return [
        Fact("location", value, ev, confidence=conf, surface=best.text, attribution=s.attribution)
    ]


_AREA_WORDS = re.compile(r"\b(?:co|county|parish|township|twp|borough|city)\b\.?", re.I)
#: Words of a dateline that are no town ("UPDATE —", "BREAKING NEWS:"): common English words.
_TOWN_MAX_ZIPF = 3.5


def _story(infos: list[SentInfo]) -> list[SentInfo]:
    """The sentences that tell this incident: not page furniture, not another incident."""
    return [s for s in infos if not s.junk and not s.related]


def _standing(s: SentInfo, incident_sents: set[int]) -> float:
    """What a place gains from its sentence: telling the incident, and coming early."""
    return (2.0 if s.idx in incident_sents else 0.0) + 2.0 / (1 + s.pos)


#: City police forces known by their letters alone, each of one city only ("MPD" is Memphis,
#: Milwaukee, Minneapolis and Washington's: not listed).
POLICE_LETTERS: dict[str, tuple[str, str]] = {
    "IMPD": ("Indianapolis", "IN"),
    "LMPD": ("Louisville", "KY"),
    "LVMPD": ("Las Vegas", "NV"),
    "NOPD": ("New Orleans", "LA"),
    "LAPD": ("Los Angeles", "CA"),
    "SFPD": ("San Francisco", "CA"),
    "NYPD": ("New York City", "NY"),
    "SLMPD": ("St. Louis", "MO"),
    "CMPD": ("Charlotte", "NC"),
    "KCPD": ("Kansas City", "MO"),
    "FWPD": ("Fort Worth", "TX"),
    "SAPD": ("San Antonio", "TX"),
}
_POLICE_LETTERS_RE = re.compile(r"\b(?:" + "|".join(POLICE_LETTERS) + r")\b")
#: "MPD:", "JSO —": a police force's letters open the report, no town
_POLICE_LETTERS_LIKE = re.compile(r"[A-Z]{0,4}(?:PD|SO)")


def _police_standing(s: SentInfo, incident_sents: set[int]) -> float:
    """The score of a town named by its police ("Decatur police say", "IMPD:")."""
    return 1.5 + (1.0 if s.idx in incident_sents else 0.0) + 1.0 / (1 + s.pos)


def _unknown_town(dm: re.Match[str], city: str, gaz: Gazetteer) -> bool:
    """A dateline whose place the gazetteer does not know is a town when the dateline names
    its state or the outlet ("TOONE, Tenn. —", "FORT RILEY (KSNT) –"), or when its words are
    rare in English ("SMICKSBURG —", not "UPDATE —")."""
    if gaz.state_by_name.get(norm_place(city)) or gaz.country(city) or gaz.county_states(city):
        return False
    if _AREA_WORDS.search(city) or _DIRECTION.match(city):
        return False  # "Floyd Co.", "Kochville Township", "Southwest Miami-Dade": no town
    if _POLICE_LETTERS_LIKE.fullmatch(dm.group("city").strip()):
        return False
    if dm.group("state") and gaz.state_code(dm.group("state")):
        return True
    if "(" in dm.group(0):
        return True
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w, "en") < _TOWN_MAX_ZIPF for w in city.lower().split())


def _outlet_place(hint: OutletHint, gaz: Gazetteer, incident_sents: set[int]) -> list[Fact]:
    """No place in the text of an incident report: the outlet's city or state stands in,
    marked ``basis: "outlet"`` and without evidence (no sentence says it)."""
    if not hint.states:
        return []
    code = max(hint.states, key=lambda c: hint.states[c])
    city = hint.city if hint.city is not None and hint.city.admin1 == code else None
    value: dict[str, Any] = {
        "name": city.name if city else None,
        "admin1": gaz.states.get(code),
        "country": "US",
        "lat": city.lat if city else None,
        "lon": city.lon if city else None,
        "precision": "city" if city else "region",
        "detail": None,
        "basis": "outlet",
    }
    return [Fact("location", value, [], confidence=0.15, surface=hint.source)]


# --- the outlet prior -------------------------------------------------------------------------


class PlacePrior(Protocol):
    """Where a source usually reports: region (admin1) -> number of its articles whose place
    the text made certain.  The store implements it; extraction never imports the store."""

    def admin1_counts(self, source: str) -> dict[str, int]: ...


#: Below this many votes of the text itself for the picked namesake's state, the pick stays
#: open for the outlet prior (a state named counts 2, a big city of it 1).
TEXT_STATE_SUPPORT = 1.0

#: A source needs this many certain places in a region before it can settle a namesake.
PRIOR_MIN = 1


#: A namesake picked by size alone (no state in the text) yields to a region where the source
#: has more than this many times the certain reports it has in the picked one, and at least
#: PRIOR_MIN_BY_SIZE of them: two wire stories from Texas do not make a Memphis station's
#: "Memphis" the Texas one.
PRIOR_OVER_SIZE = 2
PRIOR_MIN_BY_SIZE = 3
#: With no place in the text, the source's usual region stands in when it holds this many of
#: its certain reports, and this share of them.  One is enough: the guess is marked as the
#: outlet's (``basis``, ``resolved_by``, confidence 0.1), any report that names a place
#: outweighs it, and the end of an ingest run guesses again on all the run has taught.
HOME_MIN, HOME_SHARE = 1, 0.6


def apply_place_prior(facts: list[Fact], source: str | None, prior: PlacePrior) -> None:
    """Re-pick ambiguous place facts (those with ``candidates``) by the outlet's usual regions;
    with no place at all, the region the outlet reports from stands in (``basis: "outlet"``)."""
    if not source:
        return
    located = [f for f in facts if f.field == "location" and isinstance(f.value, dict)]
    open_picks = [f for f in located if len(f.value.get("candidates") or []) >= 2]
    if not open_picks and any(f.value.get("admin1") for f in located):
        return  # the text placed it: no need to ask the store (this runs for every article)
    counts = prior.admin1_counts(source)
    if not counts:
        return
    for f in open_picks:
        v = f.value
        best = max(v["candidates"], key=lambda c: counts.get(c.get("admin1") or "", 0))
        n = counts.get(best.get("admin1") or "", 0)
        have = counts.get(v.get("admin1") or "", 0)
        # an open pick (confidence < 0.8) yields to any lead; a pick by size to a clear one
        by_size = f.confidence >= 0.8
        if n >= (PRIOR_MIN_BY_SIZE if by_size else PRIOR_MIN) and n > (
            PRIOR_OVER_SIZE * have if by_size else have
        ):
            v.update({k: best[k] for k in ("name", "admin1", "country", "lat", "lon")})
            v["resolved_by"] = f"outlet: {_reports(n)} of {source} in {best['admin1']}"
    home, n = max(sorted(counts.items()), key=lambda kv: kv[1])
    country = _country_of_admin1(home)
    if country is None or any(
        f.value.get("admin1") or f.value.get("country") != country for f in located
    ):
        return  # the text places it (a country elsewhere counts); only US states for now
    if n >= HOME_MIN and n >= HOME_SHARE * sum(counts.values()):
        value: dict[str, Any] = {
            "name": None,
            "admin1": home,
            "country": country,
            "lat": None,
            "lon": None,
            "precision": "region",
            "detail": None,
            "basis": "outlet",
            "resolved_by": f"outlet: {_reports(n)} of {source} in {home}",
        }
        facts.append(Fact("location", value, [], confidence=0.1, surface=source))


def _reports(n: int) -> str:
    return f"{n} earlier report" + ("" if n == 1 else "s")


def _country_of_admin1(name: str) -> str | None:
    return "US" if gazetteer().state_by_name.get(norm_place(name)) else None
