"""Acceptance: the three seed reports in ../shared/seeds ingested into an empty database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import eventdesk

SCHEMA = json.loads(
    (Path(eventdesk.__file__).parent / "schema" / "incident.schema.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def seeded(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[eventdesk.api.Desk]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    desk = eventdesk.open(db)
    report = desk.ingest([seeds_dir])
    assert report.failed == 0 and report.stored == 3, report.errors
    yield desk
    desk.close()


def _by_prefix(desk: Any) -> dict[str, Any]:
    out = {}
    for inc in desk.incidents():
        for a in inc.articles:
            out[a[:3]] = inc
    return out


def _evidence(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        if {"article", "start", "end", "quote"} <= obj.keys():
            yield obj
        for v in obj.values():
            yield from _evidence(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _evidence(v)


def test_exactly_two_incidents(seeded: Any) -> None:
    groups = sorted(sorted(a[:3] for a in inc.articles) for inc in seeded.incidents())
    assert groups == [["000", "001"], ["002"]]


def test_montrouge(seeded: Any) -> None:
    inc = _by_prefix(seeded)["000"]
    assert inc.location["name"] == "Montrouge" and inc.location["country"] == "FR"
    assert inc.killed["value"] == 1
    assert inc.injured["value"] == 1
    assert {"value": 2, "status": "superseded"}.items() <= inc.injured["alternatives"][0].items()
    weapons = {w["value"] for w in inc.weapons}
    assert weapons & {"assault rifle", "machine gun"}
    assert "handgun" in weapons
    people = inc.participants
    assert any(
        p["role"] == "victim" and p["status"] == "killed" and p["gender"] == "female"
        for p in people
    )
    assert any(p["role"] == "perpetrator" and p["status"] == "at large" for p in people)


def test_montrouge_has_nothing_from_the_junk_tail(seeded: Any) -> None:
    inc = _by_prefix(seeded)["000"]
    blob = json.dumps(inc.to_json()).lower()
    assert "trump" not in blob and "quincy" not in blob


def test_champs_elysees(seeded: Any) -> None:
    inc = _by_prefix(seeded)["002"]
    loc = inc.location
    assert loc["country"] == "FR"
    assert "Paris" in (loc["name"] or "") or "Champs" in (loc["name"] or "") + (
        loc.get("detail") or ""
    )
    assert inc.killed["value"] == 2
    assert any(a["status"] == "retracted" for a in inc.killed["alternatives"])
    assert inc.injured["value"] == 1
    assert "assault rifle" in {w["value"] for w in inc.weapons}
    assert any(
        "Islamic State" in c["value"] and c.get("kind", "claimed") == "claimed" for c in inc.claims
    )
    assert any(c["status"] == "denied" for c in inc.corrections)


def test_dates_unknown_not_guessed(seeded: Any) -> None:
    for inc in seeded.incidents():
        assert inc.date["value"] is None and inc.date["precision"] == "unknown"


def test_every_quote_is_the_stored_clean_text(seeded: Any) -> None:
    texts = {a["id"]: a["text"] for a in seeded.articles()}
    n = 0
    for rec in seeded.records():
        for ev in _evidence(rec):
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["quote"]
            n += 1
    assert n > 20


def test_export_follows_the_schema(seeded: Any) -> None:
    for rec in seeded.records():
        jsonschema.validate(rec, SCHEMA)


def test_summaries(seeded: Any) -> None:
    mont, champs = _by_prefix(seeded)["000"], _by_prefix(seeded)["002"]
    assert "died" in mont.summary or "killed" in mont.summary
    assert "Clio" in mont.summary
    assert champs.summary and "dead" in champs.summary
    for inc in (mont, champs):
        assert inc.summary.count(". ") + 1 <= 5 or len(inc.summary_citations) <= 5
        for c in inc.summary_citations:
            assert c["articles"]
