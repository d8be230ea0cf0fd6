"""Read-side SQL for the desk: incident list with filters, full-text search, article rows.

Parameterised SQL only: user input never becomes SQL text.  The only pieces put into SQL
strings are column names and directions picked from fixed tables here.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from eventdesk.serve.render import SNIP_CLOSE, SNIP_OPEN

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16
MAX_PER_PAGE = 100
MAX_PAGE = 10_000

#: sort key -> column (the API and the list page use the same keys; "-key" = descending).
SORTS: dict[str, str] = {
    "date": "date",
    "killed": "killed",
    "injured": "injured",
    "articles": "n_articles",
    # NOCASE: how people read place names, and what an index on place COLLATE NOCASE (which
    # also serves the place filter) can walk.
    "place": "place COLLATE NOCASE",
    "country": "country",
    "type": "event_type",
    "title": "title",
    "updated": "updated_at",
}
SORT_PATTERN = r"^-?(" + "|".join(SORTS) + r"|relevance)$"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
LIST_COLUMNS = (
    "id, date, country, admin1, place, event_type, killed, injured, n_articles, title, updated_at"
)


class QueryError(ValueError):
    """A request the desk can't answer as asked (turned into a 400)."""


def fts_query(text: str) -> str:
    """User text as a safe FTS5 MATCH expression: every word a quoted string (implicit AND).

    FTS5 syntax (AND/OR/NOT/NEAR, column filters, parentheses, ^, :) is thus never interpreted;
    a trailing ``*`` on a word keeps prefix search.  Raises QueryError when nothing searchable
    is left.
    """
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    terms: list[str] = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not any(c.isalnum() for c in word):
            continue
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
        if len(terms) >= MAX_QUERY_TERMS:
            break
    if not terms:
        raise QueryError("the search query has no words to search for")
    return " ".join(terms)


@dataclass(slots=True)
class IncidentFilters:
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    place: str | None = None
    event_type: str | None = None
    min_killed: int | None = None
    q: str | None = None
    sort: str = "-date"
    page: int = 1
    per_page: int = 25

    def as_params(self) -> dict[str, Any]:
        """Non-default values, for links that keep the current filters."""
        out: dict[str, Any] = {}
        for key in (
            "date_from",
            "date_to",
            "country",
            "admin1",
            "place",
            "event_type",
            "min_killed",
            "q",
        ):
            value = getattr(self, key)
            if value not in (None, ""):
                out[key] = value
        if self.sort != "-date":
            out["sort"] = self.sort
        if self.per_page != 25:
            out["per_page"] = self.per_page
        return out


def _where(
    f: IncidentFilters, *, with_q: bool = True, broad_q: bool = False
) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.date_from:
        where.append("date >= ?")
        args.append(f.date_from)
    if f.date_to:
        # Dates are prefixes (YYYY, YYYY-MM, YYYY-MM-DD): "2014-02" must include 2014-02-28.
        where.append("date <= ?")
        args.append(f.date_to + "\x7f")
    if f.country:
        where.append("country = ?")
        args.append(f.country.upper())
    if f.admin1:
        where.append("admin1 = ? COLLATE NOCASE")
        args.append(f.admin1)
    if f.place:
        where.append("place = ? COLLATE NOCASE")
        args.append(f.place)
    if f.event_type:
        where.append("event_type = ?")
        args.append(f.event_type)
    if f.min_killed is not None:
        where.append("killed >= ?")
        args.append(f.min_killed)
    if f.q and with_q:
        # "+id" keeps SQLite from driving the query by the (many) hits: it then walks the sort
        # column's index and checks each row against the hit list, stopping after one page.
        # For a word in 20% of 100k incidents: 80 ms instead of 140 ms; for a rare word the
        # plain form is the fast one (0.5 ms instead of 400 ms), hence the switch.
        col = "+id" if broad_q else "id"
        where.append(f"{col} IN (SELECT id FROM incidents_fts WHERE incidents_fts MATCH ?)")
        args.append(fts_query(f.q))
    return (" WHERE " + " AND ".join(where)) if where else "", args


def list_sql(f: IncidentFilters, *, broad_q: bool = False) -> tuple[str, list[Any], str, list[Any]]:
    """(count SQL, its args, page SQL, its args) for the filters: the only SQL the list runs.

    ``broad_q``: the search words match many incidents (see ``_where``).
    """
    where, args = _where(f, broad_q=broad_q)
    count = (f"SELECT COUNT(*) FROM incidents{where}", args)
    key = f.sort.lstrip("-")
    offset = (f.page - 1) * f.per_page
    if key == "relevance":
        if not f.q:
            raise QueryError("sort=relevance needs a search query (q)")
        rest, rest_args = _where(f, with_q=False)
        rest = rest.replace(" WHERE ", " AND ", 1)
        # bm25: lower is better.
        sql = (
            f"SELECT {LIST_COLUMNS} FROM incidents JOIN ("
            "SELECT id AS fid, bm25(incidents_fts) AS score FROM incidents_fts "
            f"WHERE incidents_fts MATCH ?) ON fid = incidents.id{rest} "
            "ORDER BY score, incidents.rowid LIMIT ? OFFSET ?"
        )
        return (*count, sql, [fts_query(f.q), *rest_args, f.per_page, offset])
    col = SORTS[key]
    # Ties break on rowid (insertion order), which every index already carries: with ``id``
    # SQLite sorted each group of equal values in a temp b-tree (1 ms -> 0.03 ms at 10k rows).
    # Descending puts NULLs (unknown) last by itself; ascending asks for it.
    order = f"{col} DESC, rowid DESC" if f.sort.startswith("-") else f"{col} ASC NULLS LAST, rowid"
    sql = f"SELECT {LIST_COLUMNS} FROM incidents{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return (*count, sql, [*args, f.per_page, offset])


#: FTS hits above which a search is "broad" (walk the sort index instead of the hits).
BROAD_HITS = 2000


def list_incidents(conn: sqlite3.Connection, f: IncidentFilters) -> dict[str, Any]:
    hits: int | None = None
    if f.q:
        # Counting in the FTS index alone is cheap (3 ms for 20k hits); reading the hits' ids
        # (an UNINDEXED column) is what costs.
        hits = conn.execute(
            "SELECT COUNT(*) FROM incidents_fts WHERE incidents_fts MATCH ?", (fts_query(f.q),)
        ).fetchone()[0]
    count_sql, count_args, sql, args = list_sql(f, broad_q=(hits or 0) > BROAD_HITS)
    only_q = hits is not None and all(
        getattr(f, k) in (None, "")
        for k in ("date_from", "date_to", "country", "admin1", "place", "event_type", "min_killed")
    )
    # incidents_fts holds one row per incident with a record (Store.save_incident_record
    # replaces it, delete_incident removes it), so its hit count is the total.
    total: int = (
        hits if only_q and hits is not None else conn.execute(count_sql, count_args).fetchone()[0]
    )
    rows = conn.execute(sql, args).fetchall()
    pages = max(1, -(-total // f.per_page))
    return {
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": pages,
        "sort": f.sort,
        "items": [dict(r) for r in rows],
    }


def incident_record(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT record FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    rec: dict[str, Any] = json.loads(row[0])
    return rec


def incident_record_text(conn: sqlite3.Connection, incident_id: str) -> str | None:
    row = conn.execute("SELECT record FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    return None if row is None else row[0]


def article_row(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return row


def _split_snippet(snippet: str | None) -> tuple[str, list[list[int]]]:
    """Plain snippet text plus [start, end) offsets of the matched words in it."""
    if not snippet:
        return "", []
    text: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start = None
    for ch in snippet:
        if ch == SNIP_OPEN:
            start = pos
        elif ch == SNIP_CLOSE:
            if start is not None:
                spans.append([start, pos])
            start = None
        else:
            text.append(ch)
            pos += 1
    return "".join(text), spans


def search(conn: sqlite3.Connection, q: str, limit: int = 20) -> dict[str, Any]:
    """Incidents and articles matching ``q`` (FTS5, best first), with highlighted snippets."""
    match = fts_query(q)
    inc_rows = conn.execute(
        "SELECT i.id, i.date, i.country, i.admin1, i.place, i.event_type, i.killed, i.injured, "
        "i.n_articles, i.title, "
        "snippet(incidents_fts, 2, ?, ?, '…', 16) AS snip "
        "FROM incidents_fts JOIN incidents i ON i.id = incidents_fts.id "
        "WHERE incidents_fts MATCH ? ORDER BY bm25(incidents_fts) LIMIT ?",
        (SNIP_OPEN, SNIP_CLOSE, match, limit),
    ).fetchall()
    art_rows = conn.execute(
        "SELECT a.id, a.title, a.source, a.published, a.incident_id, "
        "snippet(articles_fts, 2, ?, ?, '…', 16) AS snip "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
        (SNIP_OPEN, SNIP_CLOSE, match, limit),
    ).fetchall()
    incidents = []
    for r in inc_rows:
        item = {k: r[k] for k in r.keys() if k != "snip"}  # noqa: SIM118 (Row iterates values)
        item["snippet"], item["matches"] = _split_snippet(r["snip"])
        item["_snip"] = r["snip"] or ""
        incidents.append(item)
    articles = []
    for r in art_rows:
        item = {
            "id": r["id"],
            "title": r["title"],
            "source": r["source"],
            "published": r["published"],
            "incident": r["incident_id"],
        }
        item["snippet"], item["matches"] = _split_snippet(r["snip"])
        item["_snip"] = r["snip"] or ""
        articles.append(item)
    return {"q": q, "match": match, "incidents": incidents, "articles": articles}


def strip_private(result: dict[str, Any]) -> dict[str, Any]:
    """Drop the raw-snippet helper keys (``_snip``) before a result goes out as JSON."""
    out = dict(result)
    for key in ("incidents", "articles"):
        out[key] = [{k: v for k, v in item.items() if not k.startswith("_")} for item in out[key]]
    return out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = conn.execute
    return {
        "incidents": one("SELECT COUNT(*) FROM incidents").fetchone()[0],
        "articles": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0],
        "duplicates": one(
            "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0],
    }
