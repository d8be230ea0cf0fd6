"""SqliteCandidateIndex: schema, upkeep inside the caller's transaction, blocked retrieval."""

from __future__ import annotations

import sqlite3

import pytest

from eventdesk.link.linker import DefaultLinker
from eventdesk.model import LinkFeatures
from eventdesk.store import link_index
from eventdesk.store.link_index import SCHEMA, SqliteCandidateIndex


def feats(ents: str, terms: str = "shoot gunman", date: str | None = None) -> LinkFeatures:
    return LinkFeatures(
        terms={t: 1.0 for t in terms.split()},
        entities=ents.split(",") if ents else [],
        places=[],
        date=date,
    )


@pytest.fixture()
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.isolation_level = None  # explicit transactions, as the store uses
    return c


def test_schema_is_idempotent(conn: sqlite3.Connection) -> None:
    for _ in range(2):
        for sql in SCHEMA:
            assert "IF NOT EXISTS" in sql
            conn.execute(sql)
    SqliteCandidateIndex(conn, DefaultLinker())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"link_incident", "link_posting", "link_df"} <= tables


@pytest.mark.parametrize("cached", [False, True])
def test_update_and_remove_keep_counts(conn: sqlite3.Connection, cached: bool) -> None:
    idx = SqliteCandidateIndex(conn, DefaultLinker(), df_cache=cached)
    idx.term_stats(["e:smith", "e:jones", "e:brown", "shoot"])  # cached before the writes
    conn.execute("BEGIN")
    idx.update_incident("i1", feats("smith,jones"), 1)
    idx.update_incident("i2", feats("smith"), 1)
    assert conn.in_transaction  # never commits on its own
    n, df = idx.term_stats(["e:smith", "e:jones", "shoot"])
    assert n == 2 and df == {"e:smith": 2, "e:jones": 1, "shoot": 2}
    idx.update_incident("i1", feats("jones,brown"), 2)  # replaces i1's features
    n, df = idx.term_stats(["e:smith", "e:jones", "e:brown"])
    assert n == 2 and df["e:smith"] == 1 and df["e:brown"] == 1
    idx.remove_incident("i1")
    idx.remove_incident("nope")
    n, df = idx.term_stats(["e:jones", "e:smith"])
    assert n == 1 and df.get("e:jones", 0) == 0 and df["e:smith"] == 1
    assert (
        conn.execute(
            "SELECT count(*) FROM link_posting WHERE k NOT IN (SELECT k FROM link_incident)"
        ).fetchone()[0]
        == 0
    )
    conn.execute("ROLLBACK")
    idx.forget()  # the contract of a cached index: its owner reports rollbacks
    assert idx.n_incidents() == 0  # the caller's rollback undoes everything
    assert idx.term_stats(["e:smith", "shoot"]) == (0, {})


def test_candidates_share_a_key(conn: sqlite3.Connection) -> None:
    idx = SqliteCandidateIndex(conn, DefaultLinker())
    idx.update_incident("a", feats("parish,davidson", "franklin murder suicide"), 1)
    idx.update_incident("b", feats("lopez", "fort hood soldier"), 1)
    got = [c.incident_id for c in idx.candidates(feats("parish", "franklin shoot"))]
    assert got and got[0] == "a" and "b" not in got
    assert idx.candidates(feats("nobody", "nothing shared")) == []
    assert idx.features("a") == feats("parish,davidson", "franklin murder suicide")


def test_time_window_blocks_common_keys_but_not_rare_ones(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_index, "RARE_DF", 1)
    idx = SqliteCandidateIndex(conn, DefaultLinker())
    # "chicago" is held by 3 incidents (not rare), "almore" by one (rare)
    idx.update_incident("old", feats("chicago,almore", date="2014-07-25"), 1)
    idx.update_incident("x", feats("chicago", date="2016-01-01"), 1)
    idx.update_incident("y", feats("chicago", date="2016-02-01"), 1)
    got = {c.incident_id for c in idx.candidates(feats("chicago", date="2016-01-10"))}
    assert got == {"x", "y"}  # "old" is outside the window
    got = {c.incident_id for c in idx.candidates(feats("chicago,almore", date="2015-10-01"))}
    assert "old" in got  # found through the rare name a year later


def test_candidate_limit_and_frequent_keys(conn: sqlite3.Connection) -> None:
    idx = SqliteCandidateIndex(conn, DefaultLinker())
    conn.execute("BEGIN")
    for i in range(120):
        idx.update_incident(f"i{i}", feats(f"common,name{i}", date="2016-01-01"), 1)
    conn.execute("COMMIT")
    got = idx.candidates(feats("common,name7", date="2016-01-02"), limit=5)
    assert len(got) <= 5 and got[0].incident_id == "i7"


def test_cached_counts_follow_rollbacks_and_other_connections(tmp_path) -> None:
    path = tmp_path / "ix.db"
    conn = sqlite3.connect(path, isolation_level=None)
    idx = SqliteCandidateIndex(conn, DefaultLinker(), df_cache=True)
    conn.execute("BEGIN")
    idx.update_incident("i1", feats("smith"), 1)
    conn.execute("COMMIT")
    assert idx.term_stats(["e:smith", "shoot"]) == (1, {"e:smith": 1, "shoot": 1})
    # a write undone: its owner reports the rollback, and the counts are read again
    conn.execute("BEGIN")
    idx.update_incident("i2", feats("smith"), 1)
    assert idx.term_stats(["e:smith"]) == (2, {"e:smith": 2})
    conn.execute("ROLLBACK")
    idx.forget()
    assert idx.term_stats(["e:smith"]) == (1, {"e:smith": 1})
    # another connection's commit (another process ingesting into the same file)
    other = sqlite3.connect(path, isolation_level=None)
    other_idx = SqliteCandidateIndex(other, DefaultLinker())
    other.execute("BEGIN")
    other_idx.update_incident("i3", feats("smith,jones"), 1)
    other.execute("COMMIT")
    assert idx.term_stats(["e:smith", "e:jones"]) == (2, {"e:smith": 2, "e:jones": 1})


def test_the_pipeline_s_index_forgets_what_a_rollback_undid(tmp_path) -> None:
    from eventdesk.pipeline import Pipeline
    from eventdesk.store.db import Store

    store = Store(tmp_path / "x.db")
    index = Pipeline(store).index
    with store.transaction():
        index.update_incident("i1", feats("smith"), 1)
    assert index.term_stats(["e:smith"]) == (1, {"e:smith": 1})
    with pytest.raises(RuntimeError), store.transaction():
        index.update_incident("i2", feats("smith"), 1)
        assert index.term_stats(["e:smith"]) == (2, {"e:smith": 2})
        raise RuntimeError("a failure after the index's writes")
    assert index.term_stats(["e:smith"]) == (1, {"e:smith": 1})
    store.close()


def test_candidates_features_are_parsed_once_and_follow_updates(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_index, "PARSED_MAX", 2)
    idx = SqliteCandidateIndex(conn, DefaultLinker())
    conn.execute("BEGIN")
    idx.update_incident("i1", feats("smith", "shoot gunman"), 1)
    first = idx.candidates(feats("smith"))[0].features
    assert idx.candidates(feats("smith"))[0].features is first  # parsed once
    idx.update_incident("i1", feats("smith", "shoot gunman rifle"), 2)
    now = idx.candidates(feats("smith"))[0].features
    assert now is not first and set(now.terms) == {"shoot", "gunman", "rifle"}
    for name in ("jones", "brown", "green"):
        idx.update_incident(name, feats(name), 1)
        idx.candidates(feats(name))
    assert len(idx._parsed) == 2  # bounded: the least recently used went
