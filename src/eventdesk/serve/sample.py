"""A small, hand-made database for the desk's tests, screenshots and load checks.

Built through the real ``Store`` (articles with facts and evidence offsets, incidents with
export records that validate against the JSON Schema), including hostile strings that must
never execute in a browser.  ``python -m eventdesk.serve.sample OUT.db [--bulk N]`` writes one;
``--bulk`` adds N synthetic incidents (pagination and 100k-row timing).
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime
from pathlib import Path
from typing import Any

from eventdesk.model import Article, ArticleFacts, Evidence, Fact, LinkFeatures
from eventdesk.store.db import Store

XSS_SCRIPT = "<script>window.__xss=1;alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
XSS_ATTR = '" onmouseover="window.__xss=1;alert(1)" x="'
XSS_URL = "javascript:window.__xss=1;alert(1)"
HOSTILE = (XSS_SCRIPT, XSS_IMG, XSS_ATTR, XSS_URL)

TACOMA_1 = (
    "Shooting at Tacoma warehouse\n\n"
    "Three people were killed and two were injured in a shooting at a warehouse in Tacoma, "
    "Washington, on Monday, police said. "
    "The gunman, a 34-year-old former employee, was arrested at the scene. "
    "Police said a handgun was recovered.\n\n"
    "Officers arrived within minutes of the first call."
)
TACOMA_2 = (
    "Death toll rises to four in Tacoma warehouse shooting\n\n"
    "Four people have now died after Monday's shooting at a Tacoma warehouse, the county "
    "medical examiner said on Tuesday. "
    "Earlier reports that a second gunman was involved are incorrect, police said. "
    "One of the injured remains in critical condition."
)
HOSTILE_TEXT = (
    f"Breaking {XSS_SCRIPT} news.\n\n"
    f"Two people were injured in Springfield on Friday, officials said {XSS_IMG}. "
    f"A witness shouted {XSS_ATTR} at reporters. "
    "Nobody was killed."
)


def _ev(article_id: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(article_id, start, start + len(sentence), sentence)


def _ev_json(ev: Evidence) -> dict[str, Any]:
    return ev.to_json()


def _count(
    value: int | None,
    evs: list[Evidence],
    alts: list[dict[str, Any]] | None = None,
    qualifier: str | None = None,
) -> dict[str, Any]:
    return {
        "value": value,
        "qualifier": qualifier,
        "confidence": 0.75 if value is not None else 0.0,
        "sources": len({e.article for e in evs}),
        "evidence": [_ev_json(e) for e in evs],
        "alternatives": alts or [],
    }


def _record(
    incident_id: str,
    *,
    articles: list[str],
    title: str,
    summary: str,
    event_type: str = "armed_assault",
    date: str | None = None,
    place: str | None = None,
    admin1: str | None = None,
    country: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    killed: dict[str, Any] | None = None,
    injured: dict[str, Any] | None = None,
    **more: Any,
) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": incident_id,
        "articles": articles,
        "title": title,
        "summary": summary,
        "summary_citations": [],
        "event_type": event_type,
        "event_type_evidence": [],
        "date": {
            "value": date,
            "precision": "day"
            if date and len(date) == 10
            else ("unknown" if not date else "month"),
            "time": None,
            "evidence": [],
            "alternatives": [],
        },
        "location": {
            "name": place,
            "admin1": admin1,
            "country": country,
            "lat": lat,
            "lon": lon,
            "precision": "city" if place else "unknown",
            "detail": None,
            "evidence": [],
            "alternatives": [],
        },
        "killed": killed or _count(None, []),
        "injured": injured or _count(None, []),
        "weapons": [],
        "participants": [],
        "claims": [],
        "corrections": [],
        "timeline": [],
        "sources": [],
        "duplicates": [],
    }
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(rec.get(key), dict):
            rec[key].update(value)
        else:
            rec[key] = value
    return rec


def _article(
    article_id: str, text: str, *, title: str, source: str, url: str, published: str
) -> Article:
    return Article(
        id=article_id,
        text=text,
        raw=text,
        origin="sample",
        title=title,
        published=datetime.fromisoformat(published),
        url=url,
        source=source,
        language="en",
    )


def _insert(
    store: Store,
    art: Article,
    facts: list[Fact],
    incident_id: str,
    duplicate_of: str | None = None,
) -> None:
    store.insert_article(
        art,
        content_hash=f"hash-{art.id}",
        facts=ArticleFacts(art.id, facts, LinkFeatures()),
        incident_id=incident_id,
        duplicate_of=duplicate_of,
        similarity=0.97 if duplicate_of else None,
    )


def build_sample_db(path: str | Path, bulk: int = 0, seed: int = 7) -> dict[str, Any]:
    """Write the sample database at ``path``; returns ids and spans the tests look for."""
    store = Store(path)
    info: dict[str, Any] = {}
    with store.transaction():
        info.update(_tacoma(store))
        info.update(_hostile(store))
    if bulk:
        _bulk(store, bulk, seed)
    store.close()
    return info


def _tacoma(store: Store) -> dict[str, Any]:
    a1, a2, d1 = "tacoma-1", "tacoma-2", "tacoma-1-copy"
    inc = "i-tacoma"
    store.create_incident(inc)
    k1 = _ev(
        a1,
        TACOMA_1,
        "Three people were killed and two were injured in a shooting at a "
        "warehouse in Tacoma, Washington, on Monday, police said.",
    )
    k2 = _ev(
        a2,
        TACOMA_2,
        "Four people have now died after Monday's shooting at a Tacoma "
        "warehouse, the county medical examiner said on Tuesday.",
    )
    gun = _ev(a1, TACOMA_1, "Police said a handgun was recovered.")
    arrest = _ev(
        a1, TACOMA_1, "The gunman, a 34-year-old former employee, was arrested at the scene."
    )
    corr = _ev(
        a2,
        TACOMA_2,
        "Earlier reports that a second gunman was involved are incorrect, police said.",
    )
    art1 = _article(
        a1,
        TACOMA_1,
        title="Shooting at Tacoma warehouse",
        source="Tacoma Ledger",
        url="https://ledger.example/tacoma-shooting",
        published="2024-03-04T18:00:00",
    )
    art2 = _article(
        a2,
        TACOMA_2,
        title="Death toll rises to four",
        source="Sound Wire",
        url="https://wire.example/tacoma-four",
        published="2024-03-05T09:30:00",
    )
    copy = _article(
        d1,
        TACOMA_1,
        title="Shooting at Tacoma warehouse",
        source="Reprint Daily",
        url="https://reprint.example/x",
        published="2024-03-04T19:00:00",
    )
    loc = {
        "name": "Tacoma",
        "admin1": "Washington",
        "country": "US",
        "lat": 47.2529,
        "lon": -122.4443,
        "precision": "city",
        "detail": None,
    }
    _insert(
        store,
        art1,
        [
            Fact("killed", 3, [k1]),
            Fact("injured", 2, [k1]),
            Fact("location", loc, [k1]),
            Fact("weapon", "handgun", [gun], surface="handgun"),
            Fact(
                "participant",
                {
                    "name": None,
                    "role": "perpetrator",
                    "status": "arrested",
                    "age": 34,
                    "gender": "male",
                    "description": "former employee",
                },
                [arrest],
            ),
        ],
        inc,
    )
    _insert(
        store,
        art2,
        [
            Fact("killed", 4, [k2]),
            Fact("claim", "second gunman", [corr], modality="retracted"),
        ],
        inc,
    )
    _insert(store, copy, [], inc, duplicate_of=a1)
    summary = (
        "Four people were killed and two injured in a shooting at a warehouse in Tacoma, "
        "Washington, on 2024-03-04. A former employee was arrested."
    )
    cut = summary.index(" A former")
    rec = _record(
        inc,
        articles=[a1, a2],
        title="Shooting in Tacoma, Washington: 4 killed, 2 injured",
        summary=summary,
        date="2024-03-04",
        place="Tacoma",
        admin1="Washington",
        country="US",
        lat=47.2529,
        lon=-122.4443,
        killed=_count(4, [k2], [{"value": 3, "status": "superseded", "evidence": [_ev_json(k1)]}]),
        injured=_count(2, [k1]),
        summary_citations=[
            {"start": 0, "end": cut, "articles": [a2], "evidence": [_ev_json(k2)]},
            {
                "start": cut + 1,
                "end": len(summary),
                "articles": [a1],
                "evidence": [_ev_json(arrest)],
            },
        ],
        event_type_evidence=[_ev_json(k1)],
        location={"evidence": [_ev_json(k1)]},
        weapons=[{"value": "handgun", "surface": ["handgun"], "evidence": [_ev_json(gun)]}],
        participants=[
            {
                "name": None,
                "role": "perpetrator",
                "status": "arrested",
                "age": 34,
                "gender": "male",
                "description": "former employee",
                "evidence": [_ev_json(arrest)],
            }
        ],
        corrections=[
            {
                "value": "a second gunman was involved",
                "status": "retracted",
                "evidence": [_ev_json(corr)],
            }
        ],
        timeline=[
            {
                "time": "2024-03-04T18:00:00",
                "article": a1,
                "order": "published",
                "change": "3 killed, 2 injured",
                "evidence": [_ev_json(k1)],
            },
            {
                "time": "2024-03-05T09:30:00",
                "article": a2,
                "order": "published",
                "change": "killed 3 -> 4",
                "evidence": [_ev_json(k2)],
            },
        ],
        sources=[
            {
                "article": a1,
                "source": "Tacoma Ledger",
                "url": art1.url,
                "title": art1.title,
                "published": "2024-03-04T18:00:00",
                "order": 0,
            },
            {
                "article": a2,
                "source": "Sound Wire",
                "url": art2.url,
                "title": art2.title,
                "published": "2024-03-05T09:30:00",
                "order": 1,
            },
        ],
        duplicates=[
            {
                "article": d1,
                "duplicate_of": a1,
                "source": "Reprint Daily",
                "url": copy.url,
                "similarity": 0.97,
            }
        ],
    )
    store.save_incident_record(rec)
    return {
        "tacoma": inc,
        "tacoma_articles": [a1, a2],
        "tacoma_copy": d1,
        "killed_evidence": k2,
        "superseded_evidence": k1,
    }


def _hostile(store: Store) -> dict[str, Any]:
    aid = 'evil"<article>'
    inc = "i-hostile"
    store.create_incident(inc)
    inj = _ev(
        aid,
        HOSTILE_TEXT,
        f"Two people were injured in Springfield on Friday, officials said {XSS_IMG}.",
    )
    wit = _ev(aid, HOSTILE_TEXT, f"A witness shouted {XSS_ATTR} at reporters.")
    art = Article(
        id=aid,
        text=HOSTILE_TEXT,
        raw=f"<html><body>{HOSTILE_TEXT}</body></html>",
        origin="sample",
        title=f"Evil {XSS_SCRIPT} title {XSS_ATTR}",
        published=datetime(2024, 2, 2, 8, 0),
        url=XSS_URL,
        source=f"Outlet {XSS_IMG}",
        author=XSS_ATTR,
        language="en",
        extra={"note": XSS_SCRIPT},
    )
    _insert(
        store,
        art,
        [
            Fact("injured", 2, [inj]),
            Fact(
                "participant",
                {
                    "name": XSS_ATTR,
                    "role": "witness",
                    "status": "unharmed",
                    "age": None,
                    "gender": None,
                    "description": XSS_IMG,
                },
                [wit],
            ),
        ],
        inc,
    )
    summary = f"Two people were injured in Springfield {XSS_SCRIPT} {XSS_IMG}."
    rec = _record(
        inc,
        articles=[aid],
        title=f"Incident {XSS_SCRIPT} in {XSS_ATTR}",
        summary=summary,
        event_type="other",
        date="2024-02-02",
        place=f"Springfield {XSS_IMG}",
        admin1="Illinois",
        country="US",
        lat=39.8,
        lon=-89.65,
        injured=_count(
            2,
            [inj],
            [{"value": 3, "status": "disputed", "evidence": [_ev_json(wit)]}],
            qualifier=XSS_ATTR,
        ),
        summary_citations=[
            {"start": 0, "end": len(summary), "articles": [aid], "evidence": [_ev_json(inj)]}
        ],
        participants=[
            {
                "name": XSS_ATTR,
                "role": "witness",
                "status": "unharmed",
                "age": None,
                "gender": None,
                "description": XSS_IMG,
                "evidence": [_ev_json(wit)],
            }
        ],
        claims=[{"value": XSS_SCRIPT, "kind": "denied", "evidence": [_ev_json(wit)]}],
        corrections=[{"value": XSS_IMG, "status": "denied", "evidence": [_ev_json(wit)]}],
        timeline=[
            {"time": None, "article": aid, "order": "ingest", "change": XSS_ATTR, "evidence": []}
        ],
        sources=[
            {
                "article": aid,
                "source": f"Outlet {XSS_IMG}",
                "url": XSS_URL,
                "title": art.title,
                "published": "2024-02-02T08:00:00",
                "order": 0,
            }
        ],
        duplicates=[
            {
                "article": "dup-x",
                "duplicate_of": aid,
                "source": XSS_SCRIPT,
                "url": "JaVaScRiPt:window.__xss=1",
                "similarity": 0.9,
            }
        ],
    )
    store.save_incident_record(rec)
    return {"hostile": inc, "hostile_article": aid, "hostile_evidence": inj}


COUNTRIES = [
    ("US", "Texas", "Houston"),
    ("US", "Illinois", "Chicago"),
    ("FR", None, "Lyon"),
    ("GB", "England", "Leeds"),
    ("NG", "Borno", "Maiduguri"),
    ("IN", "Punjab", "Amritsar"),
]
TYPES = ["armed_assault", "bombing", "stabbing", "arson", "police_shooting", "other"]


def _bulk(store: Store, n: int, seed: int) -> None:
    """N synthetic incidents (no articles): enough rows to page, sort and time queries."""
    rng = random.Random(seed)
    done = 0
    while done < n:
        with store.transaction():
            for _ in range(min(5000, n - done)):
                i = done
                country, admin1, place = COUNTRIES[i % len(COUNTRIES)]
                etype = TYPES[(i // 7) % len(TYPES)]
                killed = rng.choice([None, 0, 0, 1, 1, 2, 3, 5, 8, 13])
                year = 2000 + i % 25
                date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}" if i % 50 else None
                inc = f"b{i:06d}"
                store.create_incident(inc)
                words = rng.sample(
                    [
                        "market",
                        "school",
                        "bridge",
                        "church",
                        "rally",
                        "station",
                        "harbour",
                        "farm",
                        "hotel",
                        "checkpoint",
                    ],
                    2,
                )
                store.save_incident_record(
                    _record(
                        inc,
                        articles=[],
                        title=f"Synthetic {etype.replace('_', ' ')} in {place} #{i}",
                        summary=f"An {etype.replace('_', ' ')} near the {words[0]} and the {words[1]} "
                        f"in {place}.",
                        event_type=etype,
                        date=date,
                        place=place,
                        admin1=admin1,
                        country=country,
                        killed=_count(killed, []),
                    )
                )
                done += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--bulk", type=int, default=0)
    args = parser.parse_args()
    if Path(args.out).exists():
        raise SystemExit(f"{args.out} exists; remove it first")
    build_sample_db(args.out, bulk=args.bulk)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
