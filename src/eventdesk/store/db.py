"""SQLite store: articles, their facts, incidents and the audit log.

One file, WAL journal, foreign keys on, a versioned schema (``PRAGMA user_version``) upgraded by
ordered migrations.  Every article goes in inside one transaction together with its incident
link and the incident's new account, so a crash (even ``kill -9``) leaves either the whole
article or nothing, and re-running the same ingest skips what is already stored.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventdesk.model import Article, ArticleFacts, Fact, LinkFeatures

#: Ordered migrations; index i upgrades user_version i -> i+1.  Never edit a released one:
#: append a new one.
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            origin TEXT,
            title TEXT,
            published TEXT,
            url TEXT,
            source TEXT,
            language TEXT,
            author TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            raw TEXT NOT NULL,
            text TEXT NOT NULL,
            removed_lines INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            similarity REAL,
            incident_id TEXT REFERENCES incidents(id),
            facts TEXT,
            features TEXT,
            key_sentences TEXT,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_incident ON articles(incident_id)",
        "CREATE INDEX articles_duplicate ON articles(duplicate_of)",
        "CREATE INDEX articles_url ON articles(url)",
        """CREATE TABLE article_bands (
            band TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        )""",
        "CREATE INDEX article_bands_band ON article_bands(band)",
        # ``num`` is a stable integer key: the full-text rows use it as their rowid.
        """CREATE TABLE incidents (
            num INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            date TEXT,
            country TEXT,
            admin1 TEXT,
            place TEXT,
            event_type TEXT,
            killed INTEGER,
            injured INTEGER,
            n_articles INTEGER NOT NULL DEFAULT 0,
            title TEXT,
            summary TEXT,
            record TEXT
        )""",
        "CREATE INDEX incidents_date ON incidents(date)",
        "CREATE INDEX incidents_country ON incidents(country, admin1, place)",
        "CREATE INDEX incidents_type ON incidents(event_type)",
        "CREATE INDEX incidents_killed ON incidents(killed)",
        # One index per sortable column of the desk's incident list.
        "CREATE INDEX incidents_injured ON incidents(injured)",
        "CREATE INDEX incidents_n_articles ON incidents(n_articles)",
        "CREATE INDEX incidents_title ON incidents(title)",
        "CREATE INDEX incidents_place ON incidents(place COLLATE NOCASE)",
        "CREATE INDEX incidents_updated ON incidents(updated_at)",
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            payload TEXT NOT NULL
        )""",
        # Full-text search over incidents (title, summary, place) for the desk and the API.
        """CREATE VIRTUAL TABLE incidents_fts USING fts5(
            id UNINDEXED, title, summary, place, tokenize='unicode61 remove_diacritics 2'
        )""",
    ],
    [
        # Full-text search over article titles and clean text (the desk's search box).
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO articles_fts (rowid, id, title, text) SELECT seq, id, title, text FROM articles",
    ],
    [
        # Incidents whose account must be recomputed (their articles changed).  Ingest marks
        # them in the article's transaction and reconciles them in bulk, so a story with
        # thousands of reports is not re-reconciled after every one of them.
        "ALTER TABLE incidents ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX incidents_dirty ON incidents(dirty) WHERE dirty = 1",
    ],
    [
        # Where each source reports (regions of the places its texts made certain): the outlet
        # prior that settles namesake towns ("Franklin" in Indiana or Tennessee).
        """CREATE TABLE source_places (
            source TEXT NOT NULL,
            admin1 TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (source, admin1)
        ) WITHOUT ROWID""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)

#: Every article column but ``raw``: what linking and reconciling read, over and over, for an
#: incident's articles (the raw input can be megabytes of HTML and is only shown on request).
WORKING_COLUMNS = (
    "seq, id, origin, title, published, url, source, language, author, extra, text, "
    "removed_lines, content_hash, duplicate_of, similarity, incident_id, facts, features, "
    "key_sentences, ingested_at"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_db_path() -> str:
    import os

    return os.environ.get("EVENTDESK_DB", "eventdesk.db")


class Store:
    """The eventdesk database.  Cheap to open; one connection per thread."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = str(path if path is not None else default_db_path())
        if readonly:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        # Explicit transactions only (BEGIN/COMMIT in ``transaction``).
        self.conn.isolation_level = None
        #: called after a rollback (caches of what the connection wrote drop their copies)
        self.on_rollback: list[Callable[[], None]] = []
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # --- schema -------------------------------------------------------------------------

    def migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: schema version {version} is newer than this eventdesk "
                f"({SCHEMA_VERSION}); upgrade eventdesk"
            )
        for v in range(version, SCHEMA_VERSION):
            with self.transaction():
                for sql in MIGRATIONS[v]:
                    self.conn.execute(sql)
                self.conn.execute(f"PRAGMA user_version = {v + 1}")
        # The link index owns its tables; its statements are idempotent, run on every open.
        from eventdesk.store.link_index import SCHEMA as LINK_SCHEMA

        with self.transaction():
            for sql in LINK_SCHEMA:
                self.conn.execute(sql)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            for hook in self.on_rollback:
                hook()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:  # a failed commit (disk full, I/O error) undoes the transaction
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            for hook in self.on_rollback:
                hook()
            raise

    def close(self) -> None:
        self.conn.close()

    # --- articles -----------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row["id"] if row else None

    def band_candidates(self, bands: Sequence[str], limit: int = 20) -> list[str]:
        """Original (non-duplicate) articles sharing at least one MinHash band."""
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            f"SELECT b.article_id, COUNT(*) AS n FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id AND a.duplicate_of IS NULL "
            f"WHERE b.band IN ({marks}) GROUP BY b.article_id ORDER BY n DESC LIMIT ?",
            (*bands, limit),
        ).fetchall()
        return [r["article_id"] for r in rows]

    def insert_article(
        self,
        article: Article,
        *,
        content_hash: str,
        bands: Sequence[str] = (),
        facts: ArticleFacts | None = None,
        incident_id: str | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> int:
        """Insert one article (call inside ``transaction``).  Returns its ingest sequence number."""
        cur = self.conn.execute(
            """INSERT INTO articles (id, origin, title, published, url, source, language, author,
                 extra, raw, text, removed_lines, content_hash, duplicate_of, similarity,
                 incident_id, facts, features, key_sentences, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.id,
                article.origin,
                article.title,
                article.published.isoformat() if article.published else None,
                article.url,
                article.source,
                article.language,
                article.author,
                json.dumps(article.extra, ensure_ascii=False, default=str),
                article.raw,
                article.text,
                article.removed_lines,
                content_hash,
                duplicate_of,
                similarity,
                incident_id,
                json.dumps([f.to_json() for f in facts.facts], ensure_ascii=False)
                if facts
                else None,
                json.dumps(facts.features.to_json(), ensure_ascii=False) if facts else None,
                json.dumps(facts.key_sentences) if facts else None,
                _now(),
            ),
        )
        if duplicate_of is None:
            self.conn.execute(
                "INSERT INTO articles_fts (rowid, id, title, text) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, article.id, article.title, article.text),
            )
        if bands and duplicate_of is None:
            self.conn.executemany(
                "INSERT INTO article_bands (band, article_id) VALUES (?, ?)",
                [(b, article.id) for b in bands],
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def article_row(self, article_id: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row

    def article_rows(
        self,
        *,
        incident_id: str | None = None,
        include_duplicates: bool = True,
        only_duplicates: bool = False,
    ) -> list[sqlite3.Row]:
        """Articles (without ``raw``) in ingest order, optionally of one incident."""
        sql = f"SELECT {WORKING_COLUMNS} FROM articles"
        where: list[str] = []
        args: list[Any] = []
        if incident_id is not None:
            where.append("incident_id = ?")
            args.append(incident_id)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        if only_duplicates:
            where.append("duplicate_of IS NOT NULL")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self.conn.execute(sql + " ORDER BY seq", args).fetchall()

    def iter_article_rows(self) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute("SELECT * FROM articles ORDER BY seq")

    def set_article_incident(self, article_id: str, incident_id: str) -> None:
        self.conn.execute(
            "UPDATE articles SET incident_id = ? WHERE id = ? OR duplicate_of = ?",
            (incident_id, article_id, article_id),
        )

    def article_incidents(self) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT id, incident_id FROM articles WHERE incident_id IS NOT NULL"
        )
        return {r[0]: r[1] for r in rows}

    # --- incidents ----------------------------------------------------------------------

    def new_incident_id(self, first_article_id: str) -> str:
        """Stable, readable id derived from the article that opened the incident."""
        base = "i" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:10]
        candidate, n = base, 1
        while self.conn.execute("SELECT 1 FROM incidents WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def create_incident(self, incident_id: str) -> None:
        now = _now()
        self.conn.execute(
            "INSERT INTO incidents (id, created_at, updated_at) VALUES (?, ?, ?)",
            (incident_id, now, now),
        )

    def delete_incident(self, incident_id: str) -> None:
        self.conn.execute(
            "DELETE FROM incidents_fts WHERE rowid = (SELECT num FROM incidents WHERE id = ?)",
            (incident_id,),
        )
        self.conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))

    def incident_exists(self, incident_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return row is not None

    def admin1_counts(self, source: str) -> dict[str, int]:
        rows = self.conn.execute("SELECT admin1, n FROM source_places WHERE source = ?", (source,))
        return {r[0]: r[1] for r in rows}

    def count_source_place(self, source: str, admin1: str) -> None:
        self.conn.execute(
            "INSERT INTO source_places (source, admin1, n) VALUES (?, ?, 1) "
            "ON CONFLICT (source, admin1) DO UPDATE SET n = n + 1",
            (source, admin1),
        )

    def mark_dirty(self, incident_id: str) -> None:
        self.conn.execute("UPDATE incidents SET dirty = 1 WHERE id = ?", (incident_id,))

    def unsettled_places(self, incident_ids: Iterable[str]) -> list[str]:
        """Those of ``incident_ids`` whose account names no state or region, or only the
        outlet's, or one of whose reports left a namesake open (``candidates``)."""
        ids = list(incident_ids)
        out: set[str] = set()
        for i in range(0, len(ids), 500):  # SQLite's bound-variable limit
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT id FROM incidents WHERE id IN ({marks}) AND (admin1 IS NULL "
                "OR json_extract(record, '$.location.basis') = 'outlet') "
                f"UNION SELECT incident_id FROM articles WHERE incident_id IN ({marks}) "
                """AND facts LIKE '%"candidates"%'"""
            )
            out.update(r[0] for r in self.conn.execute(sql, chunk + chunk))
        return sorted(out)

    def dirty_incidents(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM incidents WHERE dirty = 1")]

    def save_incident_record(self, record: dict[str, Any]) -> None:
        """Store the reconciled account and its indexed columns."""
        loc = record.get("location") or {}
        self.conn.execute(
            """UPDATE incidents SET updated_at = ?, date = ?, country = ?, admin1 = ?, place = ?,
                 event_type = ?, killed = ?, injured = ?, n_articles = ?, title = ?, summary = ?,
                 record = ?, dirty = 0 WHERE id = ?""",
            (
                _now(),
                (record.get("date") or {}).get("value"),
                loc.get("country"),
                loc.get("admin1"),
                loc.get("name"),
                record.get("event_type"),
                (record.get("killed") or {}).get("value"),
                (record.get("injured") or {}).get("value"),
                len(record.get("articles") or []),
                record.get("title"),
                record.get("summary"),
                json.dumps(record, ensure_ascii=False),
                record["id"],
            ),
        )
        # By rowid (the incident's ``num``): a delete by the UNINDEXED id would scan the table.
        num = self.conn.execute(
            "SELECT num FROM incidents WHERE id = ?", (record["id"],)
        ).fetchone()[0]
        self.conn.execute("DELETE FROM incidents_fts WHERE rowid = ?", (num,))
        self.conn.execute(
            "INSERT INTO incidents_fts (rowid, id, title, summary, place) VALUES (?, ?, ?, ?, ?)",
            (num, record["id"], record.get("title"), record.get("summary"), loc.get("name")),
        )

    def incident_record(self, incident_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT record FROM incidents WHERE id = ?", (incident_id,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    def incident_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM incidents ORDER BY created_at, id")]

    def iter_incident_records(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute(
            "SELECT record FROM incidents WHERE record IS NOT NULL ORDER BY date IS NULL, date, id"
        ):
            yield json.loads(row[0])

    # --- facts and features read back ---------------------------------------------------

    @staticmethod
    def row_facts(row: sqlite3.Row) -> list[Fact]:
        return [Fact.from_json(d) for d in json.loads(row["facts"] or "[]")]

    @staticmethod
    def row_features(row: sqlite3.Row) -> LinkFeatures:
        return LinkFeatures.from_json(json.loads(row["features"] or "{}"))

    # --- audit log ----------------------------------------------------------------------

    def log_decision(self, actor: str, action: str, payload: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO decisions (at, actor, action, payload) VALUES (?, ?, ?, ?)",
            (_now(), actor, action, json.dumps(payload, ensure_ascii=False)),
        )

    def decisions(self) -> list[dict[str, Any]]:
        return [
            {
                "id": r["id"],
                "at": r["at"],
                "actor": r["actor"],
                "action": r["action"],
                **json.loads(r["payload"]),
            }
            for r in self.conn.execute("SELECT * FROM decisions ORDER BY id")
        ]

    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        return {
            "articles": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[
                0
            ],
            "duplicates": one(
                "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"
            ).fetchone()[0],
            "incidents": one("SELECT COUNT(*) FROM incidents").fetchone()[0],
        }


def article_record(
    row: sqlite3.Row, *, with_facts: bool = False, with_raw: bool = False
) -> dict[str, Any]:
    """A stored article as the CLI, the Python API and the HTTP API return it."""
    out: dict[str, Any] = {
        "id": row["id"],
        "seq": row["seq"],
        "title": row["title"],
        "published": row["published"],
        "url": row["url"],
        "source": row["source"],
        "language": row["language"],
        "author": row["author"],
        "origin": row["origin"],
        "incident": row["incident_id"],
        "duplicate_of": row["duplicate_of"],
        "similarity": row["similarity"],
        "removed_lines": row["removed_lines"],
        "ingested_at": row["ingested_at"],
        "extra": json.loads(row["extra"] or "{}"),
        "text": row["text"],
    }
    if with_facts:
        out["facts"] = json.loads(row["facts"] or "[]")
    if with_raw:
        out["raw"] = row["raw"]
    return out
