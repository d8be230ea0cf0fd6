"""B³ and the clustering-evaluation loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.eval.clustering import (
    b_cubed,
    ecbplus_record,
    load_ecbplus,
    load_gva,
    parse_topics,
)


def test_b_cubed_known_values() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    perfect = b_cubed({"a": "x", "b": "x", "c": "y", "d": "y"}, gold)
    assert perfect["f1"] == 1.0 and perfect["pred_clusters"] == 2
    one = b_cubed({k: "x" for k in gold}, gold)
    assert one["precision"] == pytest.approx(0.5) and one["recall"] == 1.0
    single = b_cubed({k: k for k in gold}, gold)
    assert single["precision"] == 1.0 and single["recall"] == pytest.approx(0.5)
    assert single["f1"] == pytest.approx(2 / 3)
    # a missing prediction is a singleton, not a free hit
    missing = b_cubed({"a": "x", "c": "y", "d": "y"}, gold)
    assert missing["recall"] == pytest.approx(0.75)


def test_parse_topics() -> None:
    assert parse_topics("1-3,7") == {1, 2, 3, 7}
    assert parse_topics(None) is None


def test_ecbplus_record_takes_url_title_date() -> None:
    doc = {
        "id": "1_1ecbplus",
        "sentences": repr(
            [
                "http: / / www. example. com / 2013 / may / 03 / lohan",
                "Lindsay Lohan checks into Betty Ford Center",
                "May 03 , 2013",
                "Lindsay Lohan checked into rehab on Thursday.",
            ]
        ),
    }
    rec = ecbplus_record(doc)
    assert rec["url"] == "http://www.example.com/2013/may/03/lohan"
    assert rec["title"].startswith("Lindsay Lohan checks")
    assert rec["published"] == "2013-05-03"
    assert rec["text"] == "Lindsay Lohan checked into rehab on Thursday."
    # the date line may come first, or after a standfirst, with a two-digit year
    for lines in (
        ["DECEMBER 16, 2008", "Herald: Sox Make Offer To Teixeira"],
        [
            "Sox Make Offer To Teixeira",
            "Boston looks to ink the slugger",
            "12 / 16 / 08 1: 30 AM EST",
        ],
    ):
        rec = ecbplus_record(
            {"id": "10_17ecbplus", "sentences": ["http: / / example. com / sox", *lines, "Body."]}
        )
        assert rec["published"] == "2008-12-16"
        assert "Teixeira" in rec["title"] and "2008" not in rec["text"] and "08" not in rec["text"]
    # stamps with times, offsets and day-first dates; not a crawler's stamp, nor a sentence
    for stamp, day in (
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10"),
        ("Monday 16 September 2013 03. 31 BST", "2013-09-16"),
        ("27 NOVEMBER, 2005", "2005-11-27"),
        ("First Posted: 10 / 25 / 11 06: 44 PM ET Updated: 12 / 25 / 1", "2011-10-25"),
        ("Posted 1 year, 160 days ago [downloaded on 2 October 2013]", None),
        ("He was arrested on April 10, 2007 after a long chase across town.", None),
    ):
        rec = ecbplus_record(
            {"id": "18_1ecbplus", "sentences": ["http: / / example. com / x", "Title", stamp, "B."]}
        )
        assert rec.get("published") == day, stamp
    plain = ecbplus_record({"id": "1_1ecb", "sentences": ["Tara Reid went to rehab.", "Ok."]})
    assert "url" not in plain and plain["text"].startswith("Tara Reid")


def test_loaders_on_shared_data(shared_dir: Path) -> None:
    ecb = shared_dir / "data" / "ecbplus" / "documents.jsonl"
    gva = shared_dir / "data" / "gva-dev" / "articles.jsonl"
    if not ecb.exists() or not gva.exists():
        pytest.skip("ECB+ or gva-dev data not in shared/")
    recs, gold = load_ecbplus(ecb, range(36, 46))
    assert len(recs) == len(gold) == 210
    assert len(set(gold.values())) == 20
    recs, gold = load_gva(gva)
    assert len({r["id"] for r in recs}) == len(gold) > 1500  # two ids occur twice
    assert all(len(r["text"].split()) >= 30 for r in recs)


def test_refined_assignment_splits_and_follows_copies() -> None:
    import json

    from eventdesk.eval.clustering import refined_assignment
    from eventdesk.model import LinkFeatures

    def row(aid: str, inc: str, terms: str, ents: str, date: str, dup: str | None = None) -> dict:
        f = LinkFeatures(terms={t: 1.0 for t in terms.split()}, entities=ents.split(","), date=date)
        return {
            "id": aid,
            "incident_id": inc,
            "duplicate_of": dup,
            "features": json.dumps(f.to_json()),
        }

    a = "montrouge policewoman traffic clio vest rifle brossollette collision"
    b = "champs elysees kalashnikov isis primevert election hollande louvre"
    rows = [
        row(f"a{i}", "x", f"{a} w{i}", "brossollette,cazeneuve", "2015-01-08") for i in range(3)
    ]
    rows += [row(f"b{i}", "x", f"{b} v{i}", "primevert,hollande", "2017-04-20") for i in range(2)]
    rows.append(row("b0copy", "x", b, "primevert", "2017-04-20", dup="b0"))

    class FakeStore:
        def iter_article_rows(self) -> list[dict]:
            return rows

    assignment, n_ops = refined_assignment(FakeStore())
    assert n_ops == 1
    assert assignment["a0"] == assignment["a2"] != assignment["b0"] == assignment["b1"]
    assert assignment["b0copy"] == assignment["b0"]


def test_facts_cache_replays_without_analysis(tmp_path: Path) -> None:
    import json
    import pickle

    from eventdesk.eval.clustering import evaluate_clustering
    from eventdesk.model import ArticleFacts, LinkFeatures

    docs = tmp_path / "documents.jsonl"
    texts = {
        "1_1ecb": (
            "1_ecb",
            "Flood waters rose in Dunmore after the river burst its banks on Monday.",
        ),
        "1_2ecb": ("1_ecb", "The Dunmore flood forced hundreds from their homes on Monday."),
        "2_1ecb": ("2_ecb", "A chess prodigy from Oslo won the national title on Sunday."),
    }
    with docs.open("w") as fh:
        for i, (gold, text) in texts.items():
            doc = {"id": i, "topic": i[0], "gold_cluster": gold, "sentences": [text]}
            fh.write(json.dumps(doc) + "\n")
    flood = {"flood": 2.0, "dunmore": 2.0, "river": 1.0, "home": 1.0}
    facts = {
        "1_1ecb": LinkFeatures(terms=flood, places=["dunmore"], date="2024-03-04"),
        "1_2ecb": LinkFeatures(terms=flood, places=["dunmore"], date="2024-03-04"),
        "2_1ecb": LinkFeatures(terms={"chess": 2.0, "prodigy": 2.0}, places=["oslo"]),
    }
    cache = tmp_path / "facts.pkl"
    with cache.open("wb") as fh:
        pickle.dump({i: ArticleFacts(i, [], f) for i, f in facts.items()}, fh)
    scores = evaluate_clustering("ecbplus", docs, facts_cache=cache)
    assert scores["n"] == 3
    assert scores["f1"] == 1.0 and scores["pred_clusters"] == 2
