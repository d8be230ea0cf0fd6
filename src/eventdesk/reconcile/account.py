"""One account per incident from all of its reports.

Rules (each is one function below):

* Reports are put in publication order when every report has a publication time, else in ingest
  order (the timeline says which).  Syndicated copies are not reports: the store keeps them as
  duplicates and they never vote.
* Counts evolve: the latest report's count is current; earlier smaller counts become
  ``superseded``; an earlier *larger* count that no later report retracts stays visible as
  ``disputed``.  "at least N" never overrides an exact count ≥ N (they agree).  A figure given
  by more independent sources than the latest one outweighs it (one outlet's slip does not
  overturn what several reported).
* A person counted injured and later reported dead moves from injured to killed: the injured
  count is lowered by the people whose status changed after that count was given, and by the
  deaths a later report adds to those the count's own report knew, when no named person
  accounts for them ("in critical condition", later "has died").  A death the injured count's
  own report already gave moves no one.  A death is not undone by a later report that only
  says the person was shot (a report on the charges): they stay dead and are not among that
  report's wounded.
* An explicit correction ("…are incorrect") retracts the value; a denial ("…has been denied")
  denies it; both stay as alternatives with their evidence.  Values of a related incident never
  count.
* Place, date and type are voted on by independent sources (distinct outlets); the runner-up
  that conflicts stays as ``disputed``.  Between dates that weigh alike, the one whose sentence
  tells of the attack wins over one that dates something else.  A date more than a day after
  the first report is another event's (a hearing); a date or place no text gives (``basis``: publication date, the outlet's home)
  only stands in when no report's text gives one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from eventdesk.model import Alternative, Evidence, Fact, Incident

COUNTED = ("asserted", "hedged")
EVENT_LABELS = {
    "armed_assault": "Shooting",
    "bombing": "Explosion",  # bombing/explosion: deliberate or not, the title says what happened
    "stabbing": "Stabbing",
    "vehicle_ramming": "Vehicle ramming",
    "hostage_kidnapping": "Hostage taking",
    "arson": "Arson",
    "accidental_shooting": "Accidental shooting",
    "police_shooting": "Police shooting",
    "riot_protest": "Riot",
    "other": "Incident",
}
COUNTRY_NAMES = {
    "US": "USA",
    "FR": "France",
    "GB": "UK",
    "DE": "Germany",
    "BE": "Belgium",
}


@dataclass(slots=True)
class Report:
    """One article's contribution to an incident."""

    article_id: str
    seq: int
    text: str
    facts: list[Fact]
    title: str | None = None
    published: datetime | None = None
    source: str | None = None
    url: str | None = None
    key_sentences: list[tuple[Any, ...]] = field(default_factory=list)
    copy_of: str | None = None  # a near copy (later version) of this stored article
    rank: int = 0  # position in reporting order, set by ``order_reports``
    voice: str = ""  # who is speaking: the outlet, shared by an original and its copies

    def of(self, name: str, modalities: Iterable[str] = COUNTED) -> list[Fact]:
        mods = set(modalities)
        return [f for f in self.facts if f.field == name and f.modality in mods]


def order_reports(reports: list[Report]) -> str:
    """Sort in place; returns "published" or "ingest" (the ordering actually used)."""
    if reports and all(r.published is not None for r in reports):
        reports.sort(key=lambda r: (_naive(r.published), r.seq))
        order = "published"
    else:
        reports.sort(key=lambda r: r.seq)
        order = "ingest"
    for i, r in enumerate(reports):
        r.rank = i
    return order


def _naive(dt: datetime | None) -> datetime:
    assert dt is not None
    return dt.replace(tzinfo=None)


def _ev(facts: Iterable[Fact]) -> list[Evidence]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Evidence] = []
    for f in facts:
        for e in f.evidence:
            key = (e.article, e.start, e.end)
            if key not in seen:
                seen.add(key)
                out.append(e)
    return out


def _ev_json(facts: Iterable[Fact]) -> list[dict[str, Any]]:
    return [e.to_json() for e in _ev(facts)]


# --- counts -----------------------------------------------------------------------------------


@dataclass(slots=True)
class CountClaim:
    report: Report
    value: int
    exact: bool  # False for "at least N", "more than N"
    facts: list[Fact]


def _report_count(report: Report, name: str) -> CountClaim | None:
    """The one count a report gives for ``name``: its largest asserted figure.

    Within one article partial counts ("one officer has been killed") sit beside the total
    ("an officer and a gunman have been shot dead"); the total is the largest.  Hedged figures
    only count when there is no asserted one.
    """
    facts = [f for f in report.of(name, ("asserted",)) if isinstance(f.value, int)]
    if not facts:
        facts = [f for f in report.of(name, ("hedged",)) if isinstance(f.value, int)]
    if not facts:
        return None
    top = max(f.value for f in facts)
    chosen = [f for f in facts if f.value == top]
    exact = any(not (f.qualifier or "").strip() for f in chosen)
    return CountClaim(report, top, exact, chosen)


def _negated_values(reports: list[Report], name: str) -> dict[int, tuple[str, list[Fact]]]:
    """Values of ``name`` that a report retracts or denies: value -> (status, facts)."""
    out: dict[int, tuple[str, list[Fact]]] = {}
    for r in reports:
        for f in r.of(name, ("retracted", "denied")):
            if isinstance(f.value, int):
                status = "retracted" if f.modality == "retracted" else "denied"
                prev = out.get(f.value, (status, []))
                out[f.value] = (prev[0], prev[1] + [f])
    return out


@dataclass(slots=True)
class CountAccount:
    value: int | None
    qualifier: str | None
    facts: list[Fact]
    alternatives: list[Alternative]
    history: list[tuple[Report, int | None, str]]  # (report, running value, reason)
    confidence: float = 0.0
    sources: int = 0
    derivation: str | None = None  # how a value not stated as such was worked out


def reconcile_count(
    reports: list[Report],
    name: str,
    transfers: list[Transfer] | None = None,
    killed: CountAccount | None = None,
) -> CountAccount:
    """Current value of a casualty count with its alternatives and history.

    ``transfers`` lists (counted_in, later_report, person, death fact) for people counted injured in one
    report and reported killed in a later one; they lower the injured count given before.
    ``killed`` (for "injured"): the killed account; deaths that a later report adds to what the
    injured count's report knew, and that no named person accounts for, were among the injured
    ("a 13-year-old in critical condition", later "the boy has died").
    """
    negated = _negated_values(reports, name)
    claims = [c for r in reports if (c := _report_count(r, name)) is not None]
    alternatives: list[Alternative] = []
    # A value retracted or denied anywhere is never current.
    live = [c for c in claims if c.value not in negated]
    current: CountClaim | None = None
    history: list[tuple[Report, int | None, str]] = []
    for c in live:  # reports are in order: later ones update earlier ones
        if current is None:
            current = c
            history.append((c.report, c.value, "first figure"))
        elif not c.exact and current.value >= c.value:
            continue  # "at least N" agrees with an earlier count >= N
        elif c.value != current.value:
            history.append((c.report, c.value, f"{current.value} -> {c.value}"))
            current = c
        else:
            current = CountClaim(
                c.report, c.value, c.exact or current.exact, current.facts + c.facts
            )
    if current is not None:
        # more independent voices for another figure outweigh the latest report's alone
        voices: dict[int, set[str]] = defaultdict(set)
        for c in live:
            voices[c.value].add(c.report.voice)
        latest = current.value
        top = max(voices, key=lambda v: (len(voices[v]), v == latest))
        if len(voices[top]) > len(voices[latest]):
            same = [c for c in live if c.value == top]
            history.append((same[-1].report, top, f"{current.value} -> {top} (more sources)"))
            current = CountClaim(
                same[-1].report, top, any(c.exact for c in same), [f for c in same for f in c.facts]
            )
    value = current.value if current else None
    facts = list(current.facts) if current else []
    qualifier = None if current is None or current.exact else (current.facts[0].qualifier or None)
    # Injured people who later died move from injured to killed.
    derivation = None
    moved: list[Transfer] = []
    if name == "injured" and current is not None and transfers:
        moved = [
            t
            for t in transfers
            if t[1].rank > current.report.rank
            or (t[0] is current.report and t[1].rank < current.report.rank)
        ]
        if killed is not None and killed.value is not None:
            # deaths the injured count's own report already gave were never among its injured
            moved = moved[: max(0, killed.value - _deaths_known(reports, current.report))]
        if moved and value is not None:
            new_value = max(0, value - len(moved))
            alternatives.append(Alternative(value, "superseded", _ev(current.facts)))
            death_facts = [t[3] for t in moved]
            facts = death_facts + facts
            names = ", ".join(t[2] for t in moved)
            derivation = (
                f"{value} injured ({current.report.article_id}) - {len(moved)} later died ({names})"
            )
            for _counted_in, later, person, _fact in moved:
                history.append((later, new_value, f"{person} died: injured {value} -> {new_value}"))
            value = new_value
    if name == "injured" and current is not None and value and killed is not None:
        new_value, unnamed = _unnamed_deaths(reports, current, value, killed, len(moved), history)
        if unnamed:
            if not moved:
                alternatives.append(Alternative(current.value, "superseded", _ev(current.facts)))
            derivation = f"{derivation}; {unnamed}" if derivation else unnamed
            facts = list(killed.facts) + facts
            value = new_value
    # Earlier figures: smaller ones were superseded; larger ones not retracted are disputed.
    seen_alt: set[int] = {a.value for a in alternatives}
    for c in claims:
        if current is None or c.value == value or c.value in seen_alt or c.value in negated:
            continue
        if c.report.rank > current.report.rank and not (c.exact and c.value < (value or 0)):
            continue  # a later weaker "at least" figure: agrees, not an alternative
        # Counts of one incident only grow: an earlier smaller figure was superseded, an earlier
        # larger one that nobody retracted is a real disagreement.
        came_later = c.report.rank > current.report.rank  # outweighed by more sources
        status = "superseded" if c.value < (current.value or 0) and not came_later else "disputed"
        alternatives.append(Alternative(c.value, status, _ev(c.facts)))  # type: ignore[arg-type]
        seen_alt.add(c.value)
    for v, (status, fs) in sorted(negated.items()):
        # The original assertion of a retracted value (if any article made it) is evidence too.
        asserted = [f for c in claims if c.value == v for f in c.facts]
        alternatives.append(Alternative(v, status, _ev(fs + asserted)))  # type: ignore[arg-type]
        history.append(
            (
                max((f_report(reports, f) for f in fs), key=lambda r: r.rank),
                value,
                f"{name} {v} {status}",
            )
        )
    if derivation:
        # A worked-out value rests on the reports that gave its parts.
        sources = {f_report(reports, f).voice for f in facts}
    else:
        sources = {c.report.voice for c in live if c.value == value}
    confidence = 0.0 if value is None else min(1.0, 0.5 + 0.25 * len(sources))
    return CountAccount(
        value, qualifier, facts, alternatives, history, confidence, len(sources), derivation
    )


def f_report(reports: list[Report], fact: Fact) -> Report:
    art = fact.evidence[0].article if fact.evidence else None
    for r in reports:
        if r.article_id == art:
            return r
    return reports[-1]


# --- participants -----------------------------------------------------------------------------

KIND_WORDS = {
    "officer": {
        "officer",
        "policewoman",
        "policeman",
        "police",
        "cop",
        "deputy",
        "trooper",
        "gendarme",
        "constable",
        "sergeant",
        "colleague",
    },
    "attacker": {
        "gunman",
        "shooter",
        "attacker",
        "assailant",
        "suspect",
        "man",
        "perpetrator",
        "killer",
        "terrorist",
    },
    "child": {"child", "boy", "girl", "toddler", "infant", "teen", "teenager"},
}
ROLE_GROUP = {
    "victim": "v",
    "perpetrator": "p",
    "suspect": "p",
    "official": "o",
    "witness": "w",
    "other": "x",
}


def _kinds(p: dict[str, Any]) -> set[str]:
    words = set(re.findall(r"[a-z]+", (p.get("description") or "").lower()))
    return {k for k, vocab in KIND_WORDS.items() if words & vocab}


def _name_key(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())  # "Ali Syed’s"
    name = re.sub(r"\b(?:jr|sr|ii|iii|iv)\.?$", "", name.lower()).strip(" ,")
    return re.sub(r"[^a-z ]", "", name).strip()


def _generation(name: str) -> str | None:
    m = re.search(r"\b(jr|sr|ii|iii|iv)\.?$", name.strip().lower())
    return m.group(1) if m else None


def _same_name(a: str, b: str) -> bool:
    ga, gb = _generation(a), _generation(b)
    if ga and gb and ga != gb:
        return False  # father and son: "Juan Martinez Jr." / "Juan Martinez Sr."
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    short, long_ = sorted((ta, tb), key=len)
    if len(short) == 1:
        # "Parish" vs "Andy Parish", "Coleton" vs "Coleton Lee Tarpley": one name alone
        return short[0] in (long_[0], long_[-1])
    if ta[0] == tb[0] and set(short) <= set(long_):
        return True  # "Edgar Sanchez" / "Edgar Sanchez Rios" (a second surname)
    if ta[-1] != tb[-1]:
        return False
    # "Melvin Lee Edwards" / "Mel Edwards", "Ron" / "Ronald", "Shareen" / "Shereen" (a
    # reporter's spelling); relatives share a surname, not a first name
    fa, fb = ta[0], tb[0]
    return fa.startswith(fb) or fb.startswith(fa) or fuzz.ratio(fa, fb) >= 80


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("gender") and b.get("gender") and a["gender"] != b["gender"]:
        return False
    return not (a.get("age") and b.get("age") and abs(int(a["age"]) - int(b["age"])) > 1)


PERSON_NOUNS = {"man", "woman", "boy", "girl", "teen", "teenager", "child", "toddler", "person"}


def same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do two participant mentions (from different reports) name the same person?

    Names decide when both are named.  Otherwise the role group, gender and age must agree,
    and then: a named and an unnamed mention match on the same age ("Tanya Brooks, 29" and
    "a 29-year-old woman"); two unnamed ones on a shared kind ("policewoman" / "woman traffic
    officer") or, lacking one, a shared person noun ("a 29-year-old woman" / "a woman").
    """
    if a.get("name") and b.get("name"):
        return _same_name(a["name"], b["name"])
    if ROLE_GROUP.get(a.get("role") or "other") != ROLE_GROUP.get(b.get("role") or "other"):
        return False
    if not _compatible(a, b):
        return False
    if a.get("name") or b.get("name"):
        return bool(a.get("age")) and a.get("age") == b.get("age")
    ka, kb = _kinds(a), _kinds(b)
    if ka or kb:
        return bool(ka & kb)
    wa = set(re.findall(r"[a-z]+", (a.get("description") or "").lower())) & PERSON_NOUNS
    wb = set(re.findall(r"[a-z]+", (b.get("description") or "").lower())) & PERSON_NOUNS
    return bool(wa & wb)


@dataclass(slots=True)
class Person:
    mentions: list[tuple[Report, Fact]] = field(default_factory=list)

    @property
    def values(self) -> list[dict[str, Any]]:
        return [f.value for _, f in self.mentions]

    @property
    def names(self) -> list[str]:
        return [str(v["name"]) for v in self.values if v.get("name")]

    def matches(self, v: dict[str, Any]) -> bool:
        return any(same_person(v, w) for w in self.values)


STATUS_RANK = {"unknown": 0, "unharmed": 1, "at large": 1, "injured": 2, "arrested": 2, "killed": 3}
ROLE_RANK = {"other": 0, "witness": 1, "official": 1, "victim": 2, "suspect": 2, "perpetrator": 3}


def _told_by_name(p: Person, v: dict[str, Any], r: Report) -> bool:
    """Whether unnamed ``v`` can be the person ``p`` that report ``r`` also names: same fate,
    nothing in ``p`` against it (gender, age), and not "another"/"a second" one."""
    if v.get("name") or v.get("status") not in ("killed", "injured"):
        return False
    if re.match(r"(?:another|second|third|other)\b", v.get("description") or "", re.I):
        return False
    named_here = [w for rr, f in p.mentions if rr is r and (w := f.value) and w.get("name")]
    return (
        bool(named_here)
        and all(
            w.get("status") == v.get("status")
            and ROLE_GROUP.get(w.get("role") or "other") == ROLE_GROUP.get(v.get("role") or "other")
            for w in named_here
        )
        and all(_compatible(v, w) for w in p.values)
    )


def cluster_participants(reports: list[Report]) -> list[Person]:
    people: list[Person] = []
    for r in reports:
        used: set[int] = set()  # one mention per person per report
        # named mentions first: "A woman wounded ... has died" and "Tanya Brooks, 29, died" in
        # one report are one person, found through the name
        mentions = sorted(r.of("participant"), key=lambda f: not (f.value or {}).get("name"))
        for f in mentions:
            v = f.value if isinstance(f.value, dict) else {}
            match = None
            for i, p in enumerate(people):
                if i in used and not (
                    v.get("name") and any(_same_name(v["name"], n) for n in p.names)
                ):
                    continue  # two people in one report, unless named alike
                if p.matches(v) and (v.get("name") or all(m[0] is not r for m in p.mentions)):
                    match = i
                    break
            if match is None:
                # the unnamed telling of someone this report names (only when just one fits)
                fits = [i for i in used if _told_by_name(people[i], v, r)]
                if len(fits) == 1:
                    match = fits[0]
            if match is None:
                people.append(Person([(r, f)]))
                used.add(len(people) - 1)
            else:
                people[match].mentions.append((r, f))
                used.add(match)
    return people


#: (report that counted the person injured, report saying they died, who, the death fact)
Transfer = tuple["Report", "Report", str, Fact]


def account_person(p: Person) -> tuple[dict[str, Any], list[Transfer]]:
    """Merged participant record and any injured->killed transfers it implies."""
    vals = p.values
    name = next(
        (v["name"] for v in sorted(vals, key=lambda v: -len(v.get("name") or "")) if v.get("name")),
        None,
    )
    roles = [v.get("role") or "other" for v in vals]
    role = max(roles, key=lambda x: (ROLE_RANK.get(x, 0), roles.count(x)))
    # Status follows the latest report that says something definite.
    status, status_report = "unknown", None
    history: list[tuple[Report, str, Fact]] = []
    shot_after_death: list[Report] = []
    for r, f in sorted(p.mentions, key=lambda m: m[0].rank):
        s = (f.value or {}).get("status") or "unknown"
        if s == "unknown":
            continue
        if status == "killed" and s == "injured":
            # a death is not undone by a later report that only says he was shot (a follow-up
            # on the charges); the count that report gave is lowered below
            shot_after_death.append(r)
            continue
        if (
            status_report is None
            or r.rank > status_report.rank
            or STATUS_RANK.get(s, 0) > STATUS_RANK.get(status, 0)
        ):
            if s != status:
                history.append((r, s, f))
            status, status_report = s, r
    ages = Counter(v["age"] for v in vals if v.get("age"))
    genders = Counter(v["gender"] for v in vals if v.get("gender"))
    descriptions: list[str] = []
    for v in vals:
        d = v.get("description")
        if d and d not in descriptions:
            descriptions.append(d)
    label = name or (descriptions[0] if descriptions else role)
    transfers: list[Transfer] = []
    injured_in = [r for r, s, _ in history if s == "injured"]
    killed_in = [(r, f) for r, s, f in history if s == "killed"]
    if injured_in and killed_in and killed_in[-1][0].rank > injured_in[0].rank:
        transfers.append((injured_in[0], killed_in[-1][0], label, killed_in[-1][1]))
    elif killed_in and shot_after_death:
        # dead before a later report counted him wounded ("Frank was accidentally shot by
        # his friend", in a report on the charges): not among that report's wounded
        transfers.append((shot_after_death[-1], killed_in[0][0], label, killed_in[0][1]))
    alternatives = [
        {
            "value": s,
            "status": "superseded",
            "evidence": _ev_json([f]),
        }
        for _r, s, f in history[:-1]
    ]
    record = {
        "name": name,
        "role": role,
        "status": status,
        "age": ages.most_common(1)[0][0] if ages else None,
        "gender": genders.most_common(1)[0][0] if genders else None,
        "description": "; ".join(descriptions[:3]) or None,
        "evidence": _ev_json(f for _, f in p.mentions),
        "alternatives": alternatives,
        "articles": sorted({r.article_id for r, _ in p.mentions}),
    }
    return record, transfers


# --- voted fields: place, date, type ------------------------------------------------------------

NEAR_KM = 25.0


def _near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    import math

    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h)) <= NEAR_KM


PRECISION_WEIGHT = {"point": 1.2, "city": 1.0, "region": 0.6, "country": 0.3, "unknown": 0.0}


def _independent(supporters: list[tuple[Report, Fact]]) -> int:
    return len({r.voice for r, _ in supporters})


def assign_voices(reports: list[Report]) -> None:
    """Independent voices: an outlet; a copy speaks with its original's voice."""
    own = {r.article_id: (r.source or r.article_id) for r in reports if r.copy_of is None}
    for r in reports:
        r.voice = own.get(r.copy_of or "", r.copy_of or "") if r.copy_of else own[r.article_id]


def _told(sup: list[tuple[Report, Fact]]) -> bool:
    """Whether some report's text (not only its outlet) gives this place."""
    return any((f.value or {}).get("basis") != "outlet" for _, f in sup)


#: Places re-ranked by how many reports name them, and by how much a naming report counts
#: (a tie-breaker: a weight of 1 lets a place many reports mention in passing win).
PLACE_LEADERS = 3
PLACE_SAID_WEIGHT = 0.05


#: Added between the leading places for one that a report's quote gives as where it happened
#: (``_stated_where``).  Tried 0.02 to 1 (gva-dev, reports grouped by gold incident): 0.06 to
#: 0.5 all gain 1-2 incidents; at 1 it outweighs the other signals (state 0.944 -> 0.941).
PLACE_STATED_WEIGHT = 0.3
_HAPPENED = (
    r"(?:shot|shooting|shootings|killed|slain|wounded|injured|stabbed|stabbing|died|dead|"
    r"gunfire|fired|attack|attacked|happened|occurred|took place|incident|homicide|murder)"
)


#: What comes before (``_BEFORE_PLACE``, up to the place) and after (``_AFTER_PLACE``) a place
#: told as where it happened; the place itself is found by ``_word_rx``.
_BEFORE_PLACE = re.compile(
    rf"\b{_HAPPENED}\b[^.;]{{0,80}}?\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w.-]+\s+){{0,3}}?$",
    re.I,
)
_AFTER_PLACE = re.compile(rf"\s+(?:[\w-]+\s+)?{_HAPPENED}\b", re.I)
_CARE = re.compile(r"hospital|medical center", re.I)


@lru_cache(maxsize=4096)
def _word_rx(text: str) -> re.Pattern[str]:
    """``text`` as a whole word, in any case."""
    return re.compile(rf"\b{re.escape(text)}\b", re.I)


def _stated_where(sup: list[tuple[Report, Fact]]) -> bool:
    """Whether a report's quote says the incident happened at the place ("a double shooting in
    Kokomo", "The accident occurred ... in Lowmansville", "the Kokomo shooting"): more than a
    dateline ("INDIANAPOLIS (PIX11) —"), a hospital's town, or a place worked out without
    being named."""
    for _, f in sup:
        name = (f.value or {}).get("name")
        if not name:
            continue
        for e in f.evidence[:2]:
            for m in _word_rx(str(name)).finditer(e.quote):
                before = _BEFORE_PLACE.search(e.quote, 0, m.start())
                if before and not _CARE.search(before.group(0)):
                    return True
                if _AFTER_PLACE.match(e.quote, m.end()):
                    return True
    return False


def reconcile_location(reports: list[Report]) -> dict[str, Any]:
    groups: dict[tuple[Any, Any], list[tuple[Report, Fact]]] = defaultdict(list)
    for r in reports:
        for f in r.of("location"):
            v = f.value or {}
            if not v.get("name") and not v.get("country"):
                continue
            # a region-only place is told apart by its region ("Ohio" is not "Texas")
            groups[(v.get("name") or v.get("admin1"), v.get("country"))].append((r, f))
    empty: dict[str, Any] = {
        "name": None,
        "admin1": None,
        "country": None,
        "lat": None,
        "lon": None,
        "precision": "unknown",
        "detail": None,
        "evidence": [],
        "alternatives": [],
    }
    if not groups:
        return empty

    def score(item: tuple[tuple[Any, Any], list[tuple[Report, Fact]]]) -> float:
        sup = item[1]
        prec = max(
            PRECISION_WEIGHT.get((f.value or {}).get("precision", "unknown"), 0) for _, f in sup
        )
        conf = max(f.confidence for _, f in sup)
        # a place only the outlet's name suggests counts far less than one a text names
        text = 1.0 if _told(sup) else 0.1
        return text * _independent(sup) * prec * (0.5 + conf) + 0.01 * len(sup)

    def said(name: Any) -> int:
        """How many reports' texts name the place, whichever place each of them picked."""
        if not name:
            return 0
        rx = _word_rx(str(name))
        return sum(1 for r in reports if rx.search(r.text))

    ranked = sorted(groups.items(), key=score, reverse=True)
    # between the leading places, a little for each report that names it: of two reports of a
    # shooting, one placing it in Vicksburg and one in Jackson, the place both texts name wins
    # (gva-dev, reports grouped by gold incident: city 0.837 -> 0.842, state 0.939 -> 0.942);
    # and more for one a report tells as where it happened (city 0.856 -> 0.859, through
    # linking 0.848 -> 0.851)
    lead = ranked[:PLACE_LEADERS]
    ranked[:PLACE_LEADERS] = sorted(
        lead,
        key=lambda it: (
            score(it)
            + PLACE_SAID_WEIGHT * said(it[0][0])
            + PLACE_STATED_WEIGHT * _stated_where(it[1])
        ),
        reverse=True,
    )
    (_, best) = ranked[0]
    top = max(
        best,
        key=lambda rf: (
            PRECISION_WEIGHT.get((rf[1].value or {}).get("precision", "unknown"), 0),
            rf[1].confidence,
        ),
    )[1].value
    details = [d for _, f in best if (d := (f.value or {}).get("detail"))]
    out = {
        "name": top.get("name"),
        "admin1": top.get("admin1"),
        "country": top.get("country"),
        "lat": top.get("lat"),
        "lon": top.get("lon"),
        "precision": top.get("precision") or "unknown",
        "detail": "; ".join(dict.fromkeys(details)) or None,
        # "outlet": no report's text names a place; the outlet's home stands in
        "basis": "text" if _told(best) else "outlet",
        "evidence": _ev_json(f for _, f in best),
        "alternatives": [],
    }
    for (name, country), sup in ranked[1:]:
        v = sup[0][1].value or {}
        if _near(v, out):
            continue  # "near Paris" next to "in Montrouge": the same place told coarsely
        # A coarser place that contains the chosen one (its admin1 or country) agrees with it.
        if country == out["country"] and (
            name in (out["admin1"], None) or v.get("precision") in ("country", "region")
        ):
            continue
        if (
            country == out["country"]
            and v.get("admin1")
            and v.get("admin1") == out["admin1"]
            and v.get("precision") == "region"
        ):
            continue
        out["alternatives"].append(
            {
                "value": {
                    k: v.get(k) for k in ("name", "admin1", "country", "lat", "lon", "precision")
                },
                "status": "disputed",
                "evidence": _ev_json(f for _, f in sup),
            }
        )
    return out


PRECISION_ORDER = {"day": 3, "month": 2, "year": 1, "unknown": 0}


_ATTACK_WORDS = re.compile(
    r"\b(?:shot|shooting|shootings|gunfire|fired|opened fire|stabbed|stabbing|attack(?:ed)?|"
    r"explosion|blast|happened|occurred|erupted)\b",
    re.I,
)


def reconcile_date(reports: list[Report]) -> dict[str, Any]:
    groups: dict[str, list[tuple[Report, Fact]]] = defaultdict(list)
    for r in reports:
        for f in r.of("date"):
            v = f.value or {}
            if v.get("value"):
                groups[v["value"]].append((r, f))
    if not groups:
        return {
            "value": None,
            "precision": "unknown",
            "time": None,
            "evidence": [],
            "alternatives": [],
        }

    # the incident happened before its first report: a date after that is another event's
    # (an arraignment, a funeral) even when more reports give it
    # (a day's grace: a report's date is often a day off, stamped in another time zone or late)
    pubs = [_naive(r.published).date() for r in reports if r.published is not None]
    latest_possible = (min(pubs) + timedelta(days=1)).isoformat() if pubs else None

    def from_text(sup: list[tuple[Report, Fact]]) -> bool:
        return any((f.value or {}).get("basis") != "publication" for _, f in sup)

    def score(item: tuple[str, list[tuple[Report, Fact]]]) -> tuple[bool, bool, float, bool, int]:
        value, sup = item
        prec = max(
            PRECISION_ORDER.get((f.value or {}).get("precision", "unknown"), 0) for _, f in sup
        )
        possible = latest_possible is None or value[:10] <= latest_possible
        # between reports that disagree and weigh alike, the one whose sentence tells of the
        # attack ("shot in the head at about 8:45 p.m. Monday") over one that dates something
        # else ("who turns 4 on Friday", "On Sunday, all four were in stable condition")
        told = any(_ATTACK_WORDS.search(e.quote) for _, f in sup for e in f.evidence[:1])
        return (
            possible,
            from_text(sup),
            _independent(sup) + 0.1 * sum(f.confidence for _, f in sup),
            told,
            prec,
        )

    ranked = sorted(groups.items(), key=score, reverse=True)
    value, best = ranked[0]
    top = max(
        (f.value for _, f in best),
        key=lambda v: PRECISION_ORDER.get(v.get("precision", "unknown"), 0),
    )
    times = [t for _, f in best if (t := (f.value or {}).get("time"))]
    alts = []
    for other, sup in ranked[1:]:
        # "2015-01" agrees with "2015-01-08": a coarser date containing the chosen one.
        if value.startswith(other):
            continue
        alts.append({"value": other, "status": "disputed", "evidence": _ev_json(f for _, f in sup)})
    return {
        "value": value,
        "precision": top.get("precision") or "day",
        "time": Counter(times).most_common(1)[0][0] if times else None,
        # "publication": no report's text dates it; the first report's date stands in
        "basis": "text" if from_text(best) else "publication",
        "evidence": _ev_json(f for _, f in best),
        "alternatives": alts,
    }


def reconcile_event_type(reports: list[Report]) -> tuple[str, list[dict[str, Any]]]:
    votes: dict[str, list[tuple[Report, Fact]]] = defaultdict(list)
    for r in reports:
        for f in r.of("event_type"):
            votes[str(f.value)].append((r, f))
    if not votes:
        return "other", []
    best = max(
        votes.items(),
        key=lambda kv: (_independent(kv[1]), sum(f.confidence for _, f in kv[1]), kv[0] != "other"),
    )
    return best[0], _ev_json(f for _, f in best[1])


def reconcile_weapons(reports: list[Report]) -> list[dict[str, Any]]:
    by_value: dict[str, list[Fact]] = defaultdict(list)
    for r in reports:
        for f in r.of("weapon"):
            by_value[str(f.value)].append(f)
    out = []
    for value, facts in by_value.items():
        surfaces = list(dict.fromkeys(f.surface for f in facts if f.surface))
        out.append({"value": value, "surface": surfaces, "evidence": _ev_json(facts)})
    return sorted(out, key=lambda w: -len(w["evidence"]))


def reconcile_claims(reports: list[Report]) -> list[dict[str, Any]]:
    by_group: dict[str, list[Fact]] = defaultdict(list)
    for r in reports:
        for f in r.of("claim", ("asserted", "hedged", "denied")):
            v = f.value if isinstance(f.value, dict) else {"group": str(f.value), "kind": "claimed"}
            by_group[v.get("group") or "unknown"].append(f)
    out = []
    for group, facts in by_group.items():
        kinds = [
            (f.value or {}).get("kind", "claimed") if isinstance(f.value, dict) else "claimed"
            for f in facts
        ]
        kind = "claimed" if "claimed" in kinds else kinds[-1]
        out.append({"value": group, "kind": kind, "evidence": _ev_json(facts)})
    return out


def reconcile_corrections(reports: list[Report]) -> list[dict[str, Any]]:
    out = []
    for r in reports:
        for f in r.of("report", ("retracted", "denied")):
            out.append(
                {
                    "value": str(f.value),
                    "status": f.modality,
                    "article": r.article_id,
                    "attribution": f.attribution,
                    "evidence": _ev_json([f]),
                }
            )
    return out


# --- timeline, summary, title -------------------------------------------------------------------


def build_timeline(
    reports: list[Report],
    order: str,
    counts: dict[str, CountAccount],
    corrections: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """What was reported when: first report, each change of a key figure, each correction."""
    entries: list[tuple[int, int, dict[str, Any]]] = []

    def add(r: Report, change: str, evidence: list[dict[str, Any]], k: int = 1) -> None:
        entries.append(
            (
                r.rank,
                k,
                {
                    "time": r.published.isoformat() if r.published else None,
                    "article": r.article_id,
                    "source": r.source,
                    "change": change,
                    "order": order,
                    "evidence": evidence,
                },
            )
        )

    for r in reports:
        if r.rank == 0:
            add(r, "first report", [], 0)
        else:
            add(r, "new report", [], 0)
    for name, acc in counts.items():
        for r, value, reason in acc.history:
            if reason == "first figure":
                ev = [
                    e.to_json()
                    for f in acc.facts
                    if f.evidence and f.evidence[0].article == r.article_id
                    for e in f.evidence[:1]
                ]
                add(r, f"{name}: {value}", ev)
            else:
                ev = [
                    e.to_json()
                    for f in r.facts
                    if f.field in (name, "participant")
                    for e in f.evidence[:1]
                ][:1]
                add(r, f"{name}: {reason}", ev)
    for c in corrections:
        r = next(x for x in reports if x.article_id == c["article"])
        add(r, f"{c['status']}: {c['value']}", c["evidence"], 2)
    entries.sort(key=lambda e: (e[0], e[1]))
    # Drop the bare "new report" line when the same report already has a change line.
    with_change = {e[2]["article"] for e in entries if e[1] > 0}
    return [
        e[2]
        for e in entries
        if e[1] > 0 or e[2]["change"] == "first report" or e[2]["article"] not in with_change
    ]


_WORD = re.compile(r"[a-z0-9]+")


def _tokens(s: str) -> set[str]:
    return {w for w in _WORD.findall(s.lower()) if len(w) > 2}


#: What stating a kind of fact is worth to a summary (beyond the key figures and place).
COVER_WEIGHT = {
    "killed": 1.0,
    "injured": 1.0,
    "location": 0.5,
    "participant": 0.6,
    "weapon": 0.4,
    "vehicle": 0.4,
    "claim": 0.8,
    "date": 0.3,
    "event_type": 0.1,
}


def _covers(r: Report, start: int, end: int) -> set[str]:
    """Kinds of current facts a sentence states ("participant:perpetrator:at large", …)."""
    keys: set[str] = set()
    for f in r.facts:
        if f.modality not in COUNTED:
            continue
        if not any(start <= ev.start and ev.end <= end for ev in f.evidence):
            continue
        v = f.value
        if f.field == "participant" and isinstance(v, dict):
            if v.get("status") in (None, "unknown") or v.get("role") in (
                "official",
                "witness",
                "other",
            ):
                continue
            keys.add(f"participant:{v.get('role')}:{v.get('status')}")
        elif f.field == "weapon":
            keys.add(("vehicle:" if v == "vehicle" else "weapon:") + str(v))
        else:
            keys.add(f.field)
    return keys


def _fullest(facts: list[Fact]) -> Evidence | None:
    """The most informative evidence of a value: a whole sentence rather than a headline."""
    spans = [e for f in facts for e in f.evidence]
    if not spans:
        return None
    return max(
        spans, key=lambda e: (e.quote.rstrip().endswith((".", "!", "?", '"', "”")), len(e.quote))
    )


def build_summary(
    reports: list[Report],
    excluded: set[tuple[str, int, int]],
    must: list[Evidence],
    max_sentences: int = 5,
) -> tuple[str, list[dict[str, Any]]]:
    """Extractive multi-document summary: up to five non-redundant sentences, each cited.

    ``must`` are evidence spans of the current key figures, chosen first so that the summary
    states them; ``excluded`` are spans carrying superseded/retracted/related values, never used.
    """
    pool: list[tuple[float, Report, int, int]] = []
    for r in reports:
        for ks in r.key_sentences:
            _, start, end, score = (
                ks[0],
                int(ks[1]),
                int(ks[2]),
                float(ks[3]) if len(ks) > 3 else 0.5,
            )
            pool.append((score - 0.05 * r.rank, r, start, end))
    by_span = {(r.article_id, s, e): (sc, r) for sc, r, s, e in pool}
    chosen: list[tuple[Report, int, int]] = []
    chosen_tokens: list[set[str]] = []

    def overlaps(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
        return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]

    def try_add(r: Report, start: int, end: int) -> None:
        span = (r.article_id, start, end)
        if len(chosen) >= max_sentences or any(overlaps(span, x) for x in excluded):
            return
        toks = _tokens(r.text[start:end])
        if not toks:
            return
        for t in chosen_tokens:
            if len(toks & t) / max(1, min(len(toks), len(t))) > 0.6:
                return  # says the same thing as a chosen sentence
        chosen.append((r, start, end))
        chosen_tokens.append(toks)

    reports_by_id = {r.article_id: r for r in reports}
    for ev in must:
        owner = reports_by_id.get(ev.article)
        if owner is None:
            continue
        # Use the key sentence containing the evidence when there is one, else the evidence span.
        span = next(
            (
                (s, en)
                for (aid, s, en) in by_span
                if aid == ev.article and s <= ev.start and ev.end <= en
            ),
            (ev.start, ev.end),
        )
        try_add(owner, *span)
    # Then greedily the sentence that adds most: its own score plus the kinds of facts it
    # states that no chosen sentence states yet (who fled, with what, who claimed it…).
    covered: set[str] = set()
    for r, s, e in chosen:
        covered |= _covers(r, s, e)
    remaining = sorted(pool, key=lambda p: -p[0])
    while remaining and len(chosen) < max_sentences:
        gains = [
            (
                sc
                + sum(COVER_WEIGHT.get(k.split(":")[0], 0.5) for k in _covers(r, s, e) - covered),
                i,
            )
            for i, (sc, r, s, e) in enumerate(remaining)
        ]
        _, best = max(gains)
        _, r, s, e = remaining.pop(best)
        keys = _covers(r, s, e)
        if keys and keys <= covered:
            continue  # states only facts already stated: the same thing said again
        before = len(chosen)
        try_add(r, s, e)
        if len(chosen) > before:
            covered |= _covers(r, s, e)
    # Reading order: by report order, then position in the article.
    chosen.sort(key=lambda c: (c[0].rank, c[1]))
    parts: list[str] = []
    citations: list[dict[str, Any]] = []
    pos = 0
    for r, s, e in chosen:
        sentence = " ".join(r.text[s:e].split())
        if not sentence.endswith((".", "!", "?", '"', "”", "’", "'")):
            sentence += "."  # a headline-like line: end it so sentences do not run together
        if parts:
            pos += 1
        cite_from = pos
        parts.append(sentence)
        pos += len(sentence)
        citations.append(
            {
                "start": cite_from,
                "end": pos,
                "articles": [r.article_id],
                "evidence": [{"article": r.article_id, "start": s, "end": e, "quote": r.text[s:e]}],
            }
        )
    return " ".join(parts), citations


def build_title(
    event_type: str, location: dict[str, Any], killed: int | None, injured: int | None
) -> str:
    label = EVENT_LABELS.get(event_type, "Incident")
    place = location.get("name")
    country = location.get("country")
    where = ""
    if place:
        extra = (
            location.get("admin1") if country == "US" else COUNTRY_NAMES.get(country or "", country)
        )
        where = f" in {place}" + (f", {extra}" if extra and extra != place else "")
    elif country:
        where = f" in {COUNTRY_NAMES.get(country, country)}"
    figures = []
    if killed is not None:
        figures.append(f"{killed} killed")
    if injured is not None:
        figures.append(f"{injured} injured")
    return label + where + (": " + ", ".join(figures) if figures else "")


# --- the account -------------------------------------------------------------------------------


def _deaths_known(reports: list[Report], counted_in: Report) -> int:
    """The deaths known beside an injured count: given by its own report, or by any report
    that gives an injured count beside its deaths ("3 dead, 1 critically injured" in one
    report, "Romero was hospitalized" in another: the 3 were never among the injured).  A
    report that gives deaths alone does not count: its dead may be those another report
    counted as hurt ("Frank was accidentally shot", then "One dead after shooting")."""
    known = 0
    for r in reports:
        k = _report_count(r, "killed")
        if k is not None and (r is counted_in or _report_count(r, "injured") is not None):
            known = max(known, k.value)
    return known


def _unnamed_deaths(
    reports: list[Report],
    current: CountClaim,
    value: int,
    killed: CountAccount,
    named: int,
    history: list[tuple[Report, int | None, str]],
) -> tuple[int, str | None]:
    """The injured count less the deaths reported after it that no named person accounts for
    (``reconcile_count``); (value, derivation or None)."""
    if not killed.value or not killed.facts:
        return value, None
    death_report = max((f_report(reports, f) for f in killed.facts), key=lambda r: r.rank)
    if death_report.rank <= current.report.rank or killed.facts[0].modality != "asserted":
        return value, None
    later = killed.value - _deaths_known(reports, current.report) - named
    if later <= 0:
        return value, None
    new_value = max(0, value - later)
    history.append((death_report, new_value, f"{later} later died: injured {value} -> {new_value}"))
    return new_value, (
        f"{value} injured ({current.report.article_id}) - {later} later died"
        f" ({killed.value} killed in {death_report.article_id})"
    )


def reconcile(
    incident_id: str, reports: list[Report], duplicates: list[dict[str, Any]] | None = None
) -> Incident:
    reports = list(reports)
    order = order_reports(reports)
    assign_voices(reports)
    people_clusters = cluster_participants(reports)
    participants: list[dict[str, Any]] = []
    transfers: list[Transfer] = []
    for p in people_clusters:
        record, moved = account_person(p)
        participants.append(record)
        transfers.extend(moved)
    killed = reconcile_count(reports, "killed")
    injured = reconcile_count(reports, "injured", transfers, killed)
    if killed.value is None:
        dead = [p for p in participants if p["status"] == "killed"]
        if dead:
            killed = CountAccount(len(dead), None, [], [], [], 0.5, 1)
    location = reconcile_location(reports)
    date = reconcile_date(reports)
    event_type, type_evidence = reconcile_event_type(reports)
    weapons = reconcile_weapons(reports)
    claims = reconcile_claims(reports)
    corrections = reconcile_corrections(reports)
    timeline = build_timeline(reports, order, {"killed": killed, "injured": injured}, corrections)

    # Spans carrying values that are not current never go into the summary.
    excluded: set[tuple[str, int, int]] = set()
    for acc in (killed, injured):
        for alt in acc.alternatives:
            excluded.update((e.article, e.start, e.end) for e in alt.evidence)
    for r in reports:
        for f in r.facts:
            if f.modality in ("related", "retracted", "denied"):
                excluded.update((e.article, e.start, e.end) for e in f.evidence)
    # The summary states the current key figures and the place: their evidence goes first.
    must = [e for acc in (killed, injured) if (e := _fullest(acc.facts)) is not None]
    must += [Evidence(**e) for e in location["evidence"][:1]]
    summary, citations = build_summary(reports, excluded, must)

    def count_json(acc: CountAccount) -> dict[str, Any]:
        return {
            "value": acc.value,
            "qualifier": acc.qualifier,
            "confidence": round(acc.confidence, 2),
            "sources": acc.sources,
            "derivation": acc.derivation,
            "evidence": _ev_json(acc.facts),
            "alternatives": [a.to_json() for a in acc.alternatives],
        }

    sources = [
        {
            "article": r.article_id,
            "source": r.source,
            "url": r.url,
            "title": r.title,
            "published": r.published.isoformat() if r.published else None,
            "order": r.rank,
        }
        for r in reports
    ]
    return Incident(
        id=incident_id,
        articles=[r.article_id for r in reports if r.copy_of is None],
        title=build_title(event_type, location, killed.value, injured.value),
        summary=summary,
        event_type=event_type,
        event_type_evidence=type_evidence,
        date=date,
        location=location,
        killed=count_json(killed),
        injured=count_json(injured),
        weapons=weapons,
        participants=participants,
        claims=claims,
        summary_citations=citations,
        timeline=timeline,
        sources=sources,
        duplicates=duplicates or [],
        corrections=corrections,
    )
