"""The link index: candidate incidents for an article, in SQLite tables of its own.

Retrieval is sub-linear and about flat in the store's size:

* **blocking by time**: postings carry the incident's day; an article with a (resolved or
  publication) date reads only postings within ``WINDOW_DAYS`` of it, plus undated incidents,
  except for rare keys (``RARE_DF``: a surname, a street) whose short lists are read whole so
  that a trial report months later still finds its shooting;
* **an inverted index** ``link_posting(term, day, k)`` over each incident's most telling keys
  (entities, places, the highest tf·idf terms);
* **caps**: keys held by more than ``MAX_DF_FRACTION`` of the incidents are skipped (they
  block nothing), each posting list read is ``LIMIT``-ed, and at most ``limit`` candidates
  (ranked by the summed IDF of the keys they share) are decoded and returned.

``link_df`` counts, for every key (term, ``e:entity``, ``p:place``), how many incidents hold it:
the linker's IDF.  ``update_incident``/``remove_incident`` run inside the caller's
transaction and never commit.

Reading those counts was a fifth of the ingest process's time (three look-ups of a few hundred
keys an article), so an index made with ``df_cache=True`` keeps the counts it has read in
memory and updates them with its own writes.  It drops them all when another connection has
committed (``PRAGMA data_version``), when its owner reports a rollback (``forget``), and when
they pass ``DF_CACHE_MAX`` keys.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from eventdesk.link import Candidate, Linker
from eventdesk.link.linker import (
    ENT_PREFIX,
    PLACE_PREFIX,
    day_number,
    feature_keys,
    idf_from_stats,
)
from eventdesk.model import LinkFeatures

SCHEMA: list[str] = [
    """CREATE TABLE IF NOT EXISTS link_incident (
        k INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL UNIQUE,
        features_json TEXT NOT NULL,
        day INTEGER,
        n_articles INTEGER NOT NULL DEFAULT 1,
        postings_json TEXT NOT NULL DEFAULT '[]'
    )""",
    # day = -1 for an undated incident, so that one B-tree range scan serves the time window
    """CREATE TABLE IF NOT EXISTS link_posting (
        term TEXT NOT NULL,
        day INTEGER NOT NULL,
        k INTEGER NOT NULL,
        PRIMARY KEY (term, day, k)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS link_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS link_meta (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    ) WITHOUT ROWID""",
]

WINDOW_DAYS = 120
#: Posting keys per incident: entities, places and top terms.
POST_ENTITIES = 12
POST_PLACES = 6
POST_TERMS = 20
#: Query keys per article (same split).
QUERY_ENTITIES = 10
QUERY_PLACES = 5
QUERY_TERMS = 15
MAX_DF_FRACTION = 0.05
MIN_DF_CAP = 50  # never skip a key held by fewer incidents than this
POSTING_LIMIT = 200
#: Keys held by at most this many incidents are looked up without the time window.
RARE_DF = 20
UNDATED = -1
#: Document counts an index keeps in memory (``df_cache``) before it starts over: ~40 MB.
DF_CACHE_MAX = 300_000
#: Candidates' features kept parsed, by their stored JSON (the most recently used): ~50 MB.
PARSED_MAX = 4096


def incident_day(f: LinkFeatures) -> int | None:
    d = day_number(f.date)
    return d if d is not None else day_number(f.published)


class SqliteCandidateIndex:
    """``CandidateIndex`` (and ``TermStats``) over tables in the store's connection."""

    def __init__(
        self, conn: sqlite3.Connection, linker: Linker | None = None, df_cache: bool = False
    ) -> None:
        """``df_cache``: keep the key counts read in memory (module docstring); whoever owns
        the connection must then call ``forget`` after every rollback."""
        self.conn = conn
        self.linker = linker
        for sql in SCHEMA:
            conn.execute(sql)
        self._df: dict[str, int] | None = {} if df_cache else None
        self._n: int | None = None
        self._data_version: int | None = None
        # the same incidents come back as candidates article after article: their JSON is
        # parsed once (keyed by the JSON itself, so an update is simply a new entry)
        self._parsed: dict[str, LinkFeatures] = {}

    def forget(self) -> None:
        """Drop the cached counts (after a rollback, which may have undone writes they hold)."""
        if self._df is not None:
            self._df.clear()
        self._n = None
        self._data_version = None

    def _cache(self) -> dict[str, int] | None:
        """The cached counts, emptied first if another connection has committed since."""
        if self._df is None:
            return None
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._data_version or len(self._df) > DF_CACHE_MAX:
            self.forget()
            self._data_version = version
        return self._df

    # --- statistics ---------------------------------------------------------------------

    def n_incidents(self) -> int:
        cache = self._cache()
        if cache is not None and self._n is not None:
            return self._n
        row = self.conn.execute("SELECT value FROM link_meta WHERE key = 'n'").fetchone()
        n = int(row[0]) if row else 0
        if cache is not None:
            self._n = n
        return n

    def term_stats(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        keys = list(keys)
        cache = self._cache()
        if cache is None:
            return self.n_incidents(), self._read_df(keys)
        missing = [k for k in keys if k not in cache]
        if missing:
            read = self._read_df(missing)
            for k in missing:
                cache[k] = read.get(k, 0)
        return self.n_incidents(), {k: df for k in keys if (df := cache[k])}

    def _read_df(self, keys: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for term, df in self.conn.execute(
                f"SELECT term, df FROM link_df WHERE term IN ({marks})", chunk
            ):
                out[term] = int(df)
        return out

    # --- lookup -------------------------------------------------------------------------

    def _query_keys(self, f: LinkFeatures, idf: dict[str, float]) -> list[str]:
        keys = [ENT_PREFIX + e for e in f.entities[:QUERY_ENTITIES]]
        keys += [PLACE_PREFIX + p for p in f.places[:QUERY_PLACES]]
        terms = sorted(f.terms, key=lambda t: (-f.terms[t] * idf.get(t, 1.0), t))
        keys += terms[:QUERY_TERMS]
        return keys

    def candidates(self, features: LinkFeatures, limit: int = 50) -> list[Candidate]:
        n, df = self.term_stats(feature_keys(features))
        if n == 0:
            return []
        idf = idf_from_stats(n, df, feature_keys(features))
        cap = max(MIN_DF_CAP, int(MAX_DF_FRACTION * n))
        day = incident_day(features)
        hits: dict[int, float] = defaultdict(float)
        for key in self._query_keys(features, idf):
            if df.get(key, 0) == 0 or df[key] > cap:
                continue  # unseen: no posting; too frequent: blocks nothing
            w = idf[key]
            if day is None or df[key] <= RARE_DF:
                # no date to block on, or a rare key (a name, a street): its short posting list
                # is read across all time, so that a trial report finds the shooting a year back
                rows = self.conn.execute(
                    "SELECT k FROM link_posting WHERE term = ? ORDER BY day DESC LIMIT ?",
                    (key, POSTING_LIMIT),
                ).fetchall()
            else:
                rows = self.conn.execute(
                    "SELECT k FROM link_posting WHERE term = ? AND day BETWEEN ? AND ? "
                    "ORDER BY day DESC LIMIT ?",
                    (key, day - WINDOW_DAYS, day + WINDOW_DAYS, POSTING_LIMIT),
                ).fetchall()
                rows += self.conn.execute(
                    "SELECT k FROM link_posting WHERE term = ? AND day = ? LIMIT ?",
                    (key, UNDATED, POSTING_LIMIT),
                ).fetchall()
            for (k,) in rows:
                hits[k] += w
        if not hits:
            return []
        best = sorted(hits, key=lambda k: -hits[k])[:limit]
        marks = ",".join("?" * len(best))
        rows = self.conn.execute(
            f"SELECT k, incident_id, features_json, n_articles FROM link_incident "
            f"WHERE k IN ({marks})",
            best,
        ).fetchall()
        by_k = {r[0]: r for r in rows}
        out = []
        for k in best:
            r = by_k.get(k)
            if r is not None:
                out.append(Candidate(r[1], self._parse(r[2]), int(r[3])))
        return out

    def _parse(self, features_json: str) -> LinkFeatures:
        """Stored features, parsed (shared between callers: read-only)."""
        parsed = self._parsed
        f = parsed.pop(features_json, None)
        if f is None:
            f = LinkFeatures.from_json(json.loads(features_json))
            if len(parsed) >= PARSED_MAX:
                del parsed[next(iter(parsed))]  # the least recently used
        parsed[features_json] = f
        return f

    # --- upkeep (inside the caller's transaction) ---------------------------------------

    def _posting_keys(self, f: LinkFeatures, idf: dict[str, float]) -> list[str]:
        keys = [ENT_PREFIX + e for e in f.entities[:POST_ENTITIES]]
        keys += [PLACE_PREFIX + p for p in f.places[:POST_PLACES]]
        terms = sorted(f.terms, key=lambda t: (-f.terms[t] * idf.get(t, 1.0), t))
        keys += terms[:POST_TERMS]
        return keys

    def _bump(self, keys: Iterable[str], delta: int) -> None:
        keys = list(keys)
        cache = self._df
        if delta > 0:
            self.conn.executemany(
                "INSERT INTO link_df (term, df) VALUES (?, 1) "
                "ON CONFLICT(term) DO UPDATE SET df = df + 1",
                [(k,) for k in keys],
            )
            if cache:
                for k in keys:
                    if k in cache:
                        cache[k] += 1
        else:
            self.conn.executemany(
                "UPDATE link_df SET df = df - 1 WHERE term = ?", [(k,) for k in keys]
            )
            if cache:
                for k in keys:  # read again: the row may be missing
                    cache.pop(k, None)

    def _set_n(self, delta: int) -> None:
        self.conn.execute(
            "INSERT INTO link_meta (key, value) VALUES ('n', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = value + ?",
            (max(delta, 0), delta),
        )
        self._n = None

    def update_incident(self, incident_id: str, features: LinkFeatures, n_articles: int) -> None:
        """Insert or replace an incident's merged features, postings and key counts."""
        row = self.conn.execute(
            "SELECT k, features_json, postings_json, day FROM link_incident WHERE incident_id = ?",
            (incident_id,),
        ).fetchone()
        new_keys = feature_keys(features)
        if row is not None:
            k = int(row[0])
            old_keys = feature_keys(LinkFeatures.from_json(json.loads(row[1])))
            self._bump(old_keys - new_keys, -1)
            self._bump(new_keys - old_keys, +1)
            self._unpost(k, row[2], row[3])
        else:
            self._bump(new_keys, +1)
            self._set_n(+1)
            k = None
        n, df = self.term_stats(new_keys)
        idf = idf_from_stats(n, df, new_keys)
        post = self._posting_keys(features, idf)
        day = incident_day(features)
        fjson = json.dumps(features.to_json(), separators=(",", ":"))
        if k is None:
            cur = self.conn.execute(
                "INSERT INTO link_incident (incident_id, features_json, day, n_articles, "
                "postings_json) VALUES (?, ?, ?, ?, ?)",
                (incident_id, fjson, day, n_articles, json.dumps(post)),
            )
            k = int(cur.lastrowid or 0)
        else:
            self.conn.execute(
                "UPDATE link_incident SET features_json = ?, day = ?, n_articles = ?, "
                "postings_json = ? WHERE k = ?",
                (fjson, day, n_articles, json.dumps(post), k),
            )
        pday = day if day is not None else UNDATED
        self.conn.executemany(
            "INSERT OR IGNORE INTO link_posting (term, day, k) VALUES (?, ?, ?)",
            [(t, pday, k) for t in post],
        )

    def _unpost(self, k: int, postings_json: str, day: int | None) -> None:
        # Deleting by the full primary key needs no second index on k.
        pday = day if day is not None else UNDATED
        self.conn.executemany(
            "DELETE FROM link_posting WHERE term = ? AND day = ? AND k = ?",
            [(t, pday, k) for t in json.loads(postings_json)],
        )

    def remove_incident(self, incident_id: str) -> None:
        row = self.conn.execute(
            "SELECT k, features_json, postings_json, day FROM link_incident WHERE incident_id = ?",
            (incident_id,),
        ).fetchone()
        if row is None:
            return
        k = int(row[0])
        self._bump(feature_keys(LinkFeatures.from_json(json.loads(row[1]))), -1)
        self._set_n(-1)
        self._unpost(k, row[2], row[3])
        self.conn.execute("DELETE FROM link_incident WHERE k = ?", (k,))

    def features(self, incident_id: str) -> LinkFeatures | None:
        row = self.conn.execute(
            "SELECT features_json FROM link_incident WHERE incident_id = ?", (incident_id,)
        ).fetchone()
        return LinkFeatures.from_json(json.loads(row[0])) if row else None
