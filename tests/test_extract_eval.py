"""The gva-dev fact evaluation: matching rules and scoring (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.eval.facts import (
    city_matches,
    evaluate_facts,
    gold_date,
    names_match,
    score,
    vote,
)
from eventdesk.model import ArticleFacts, Evidence, Fact, LinkFeatures


def test_city_matching_rules() -> None:
    assert city_matches("Franklin", "Franklin")
    assert city_matches("Charlotte County", "Charlotte (county)")
    assert city_matches("Greenwood Township", "Avoca (Greenwood Township)")
    assert city_matches("St. Louis", "Saint Louis")
    assert not city_matches("Franklin", "Indianapolis")
    assert not city_matches(None, "Indianapolis")


def test_gold_date_and_names() -> None:
    assert gold_date("April 9, 2017") == "2017-04-09"
    assert gold_date("") is None
    assert names_match("Andy Parish", "Andrew Parish")
    assert not names_match("Andy Parish", "Andrew Parish", strict=True)
    assert names_match("Juan Martinez Jr.", "Juan Martinez")
    assert not names_match("Maria Davis", "Sara Davidson")


def _af(aid: str, killed: int | None, state: str, names: list[str]) -> ArticleFacts:
    ev = [Evidence(aid, 0, 1, "x")]
    facts = [Fact("location", {"name": "Franklin", "admin1": state}, ev)]
    if killed is not None:
        facts.append(Fact("killed", killed, ev))
    facts += [Fact("participant", {"name": n, "role": "victim"}, ev) for n in names]
    facts.append(Fact("participant", {"name": "Tim Chief", "role": "official"}, ev))
    return ArticleFacts(aid, facts, LinkFeatures())


def test_vote_and_score() -> None:
    v = vote(
        [
            _af("a", 2, "Indiana", ["Sara Davidson"]),
            _af("b", 3, "Indiana", []),
            _af("c", 3, "Ohio", ["Ernest Jasper"]),
        ]
    )
    assert v["killed"] == 3 and v["state"] == "Indiana" and v["city"] == "Franklin"
    assert sorted(v["names"]) == ["Ernest Jasper", "Sara Davidson"]  # officials never count
    gold = {
        "killed": 3,
        "injured": 0,
        "state": "Indiana",
        "city": "Franklin",
        "date": "2014-02-03",
        "names": ["Sara Davidson", "Maria Davis"],
    }
    res = score([("1", gold, v, ["a"])])
    assert res["accuracy"] == {
        "killed": 1.0,
        "injured": 1.0,
        "state": 1.0,
        "city": 1.0,
        "date": 0.0,
    }
    assert res["names"]["precision"] == 0.5 and res["names"]["recall"] == 0.5


def test_evaluate_on_a_slice_of_gva(shared_dir: Path) -> None:
    data = shared_dir / "data" / "gva-dev"
    if not (data / "articles.jsonl").exists():
        pytest.skip("gva-dev not found")
    res = evaluate_facts(data / "articles.jsonl", data / "incidents.jsonl", limit=6)
    assert res["incidents"] == 6
    assert set(res["accuracy"]) == {"killed", "injured", "state", "city", "date"}
    # a floor far below the measured figures: catches a broken extractor, not tuning
    assert res["accuracy"]["state"] >= 0.3


def test_gold_linked_reconciles_each_gold_incident_from_the_store(
    shared_dir: Path, tmp_path: Path
) -> None:
    data = shared_dir / "data" / "gva-dev"
    if not (data / "articles.jsonl").exists():
        pytest.skip("gva-dev not found")
    import eventdesk
    from eventdesk.eval.facts import gold_linked_incidents, ingest_record, load_articles

    arts = load_articles(data / "articles.jsonl")
    wanted: list[str] = []
    for a in arts:  # the first two gold incidents with two or more articles
        gid = str(a["incident_id"])
        if gid not in wanted and sum(str(b["incident_id"]) == gid for b in arts) >= 2:
            wanted.append(gid)
        if len(wanted) == 2:
            break
    chosen = [a for a in arts if str(a["incident_id"]) in wanted]
    gold_of = {str(a["id"]): str(a["incident_id"]) for a in chosen}
    desk = eventdesk.open(str(tmp_path / "g.db"))
    try:
        desk.ingest([ingest_record(a) for a in chosen])
        incidents = gold_linked_incidents(desk.store, gold_of)
    finally:
        desk.close()
    assert {inc.id for inc in incidents} == set(wanted)
    for inc in incidents:
        assert inc.articles and all(gold_of[a] == inc.id for a in inc.articles)
    res = evaluate_facts(
        data / "articles.jsonl", data / "incidents.jsonl", mode="gold-linked", limit=4
    )
    assert res["incidents"] == 4 and res["accuracy"]["state"] >= 0.3
