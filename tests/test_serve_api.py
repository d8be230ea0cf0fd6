"""The desk's HTTP API and pages, on a database built through the real Store."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from eventdesk.serve.app import create_app
from eventdesk.serve.queries import IncidentFilters, QueryError, fts_query, list_sql
from eventdesk.serve.render import Span, cite_summary, highlight, safe_url
from eventdesk.serve.sample import HOSTILE, build_sample_db
from eventdesk.store.db import Store

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/eventdesk/schema/incident.schema.json").read_text()
)
BULK = 120


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("serve") / "desk.db"
    info = build_sample_db(path, bulk=BULK)
    info["path"] = str(path)
    return info


@pytest.fixture(scope="module")
def client(sample: dict[str, Any]) -> TestClient:
    return TestClient(create_app(sample["path"]))


# --- the sample itself ---------------------------------------------------------------------


def test_sample_records_follow_the_export_schema(sample: dict[str, Any]) -> None:
    store = Store(sample["path"], readonly=True)
    records = list(store.iter_incident_records())
    assert len(records) == BULK + 2
    for rec in records:
        jsonschema.validate(rec, SCHEMA)
    # Evidence quotes are the stored clean text at the offsets (the contract the pages rely on).
    tacoma = store.incident_record(sample["tacoma"])
    assert tacoma is not None
    for ev in tacoma["killed"]["evidence"] + tacoma["killed"]["alternatives"][0]["evidence"]:
        row = store.article_row(ev["article"])
        assert row is not None and row["text"][ev["start"] : ev["end"]] == ev["quote"]
    store.close()


# --- GET /api/incidents --------------------------------------------------------------------


def test_list_defaults_newest_first_with_paging(client: TestClient) -> None:
    r = client.get("/api/incidents")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == BULK + 2
    assert body["per_page"] == 25 and body["page"] == 1 and body["pages"] == 5
    dates = [it["date"] for it in body["items"]]
    known = [d for d in dates if d]
    assert known == sorted(known, reverse=True)
    assert set(body["items"][0]) >= {"id", "date", "country", "place", "killed", "title"}
    ids_p1 = {it["id"] for it in body["items"]}
    p2 = client.get("/api/incidents", params={"page": 2}).json()
    assert not ids_p1 & {it["id"] for it in p2["items"]}
    last = client.get("/api/incidents", params={"page": 5}).json()
    assert len(last["items"]) == (BULK + 2) - 4 * 25
    assert client.get("/api/incidents", params={"page": 6}).json()["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"per_page": 101},
        {"per_page": 0},
        {"page": 0},
        {"sort": "killed; DROP TABLE incidents"},
        {"date_from": "2024-13"},
        {"date_from": "yesterday"},
        {"country": "USA"},
        {"event_type": "picnic"},
        {"min_killed": -1},
        {"q": "x" * 201},
    ],
)
def test_list_rejects_bad_parameters_with_json(client: TestClient, params: dict[str, Any]) -> None:
    r = client.get("/api/incidents", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail and all("loc" in d and "msg" in d for d in detail)
    assert "input" not in r.text or "DROP" not in r.text  # never echoes the input back


def test_list_filters(client: TestClient, sample: dict[str, Any]) -> None:
    def ids(**params: Any) -> list[str]:
        body = client.get("/api/incidents", params={"per_page": 100, **params}).json()
        assert body["total"] == len(body["items"]) or body["total"] > 100
        return [it["id"] for it in body["items"]]

    fr = client.get("/api/incidents", params={"country": "fr", "per_page": 100}).json()
    assert fr["total"] == BULK // 6 and all(it["country"] == "FR" for it in fr["items"])
    assert all(
        it["event_type"] == "bombing"
        for it in client.get("/api/incidents", params={"event_type": "bombing"}).json()["items"]
    )
    heavy = client.get("/api/incidents", params={"min_killed": 5, "per_page": 100}).json()
    assert heavy["total"] > 0 and all(it["killed"] >= 5 for it in heavy["items"])
    # date_to is inclusive of the whole month/day given.
    march = ids(date_from="2024-03", date_to="2024-03")
    assert sample["tacoma"] in march and sample["hostile"] not in march
    assert sample["tacoma"] in ids(date_from="2024-03-04", date_to="2024-03-04")
    assert sample["tacoma"] not in ids(date_to="2024-03-03")
    # place and region match in any case.
    assert ids(place="TACOMA") == [sample["tacoma"]]
    assert sample["tacoma"] in ids(admin1="washington")
    # free text via FTS, ANDed words, prefix with *.
    assert ids(q="tacoma") == [sample["tacoma"]]
    assert ids(q="tac*") == [sample["tacoma"]]
    assert ids(q="tacoma lyon") == []
    assert ids(q="Springfield") == [sample["hostile"]]


def test_list_sorts(client: TestClient) -> None:
    def killed(sort: str) -> list[int | None]:
        body = client.get("/api/incidents", params={"sort": sort, "per_page": 100}).json()
        return [it["killed"] for it in body["items"]]

    desc = killed("-killed")
    known = [k for k in desc if k is not None]
    assert known == sorted(known, reverse=True) and desc[0] == 13
    # Unknown values go last in both directions.
    asc = client.get("/api/incidents", params={"sort": "killed", "page": 2, "per_page": 100})
    asc_all = killed("killed") + [it["killed"] for it in asc.json()["items"]]
    first_none = asc_all.index(None)
    assert all(k is None for k in asc_all[first_none:])
    assert asc_all[:first_none] == sorted(asc_all[:first_none])
    titles = [
        it["title"]
        for it in client.get("/api/incidents", params={"sort": "title", "per_page": 100}).json()[
            "items"
        ]
    ]
    assert titles == sorted(titles)
    r = client.get("/api/incidents", params={"sort": "relevance"})
    assert r.status_code == 400 and "needs a search query" in r.json()["detail"]
    rel = client.get("/api/incidents", params={"sort": "relevance", "q": "market"}).json()
    assert rel["total"] > 0 and all("market" in it["title"] or True for it in rel["items"])


def test_broad_search_plan_gives_the_same_pages(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventdesk.serve import queries

    cases = [
        {"q": "market"},
        {"q": "market", "sort": "killed", "page": 2, "per_page": 5},
        {"q": "market", "country": "FR"},
        {"q": "synthetic", "sort": "-date", "page": 3, "per_page": 7},
    ]
    normal = [client.get("/api/incidents", params=p).json() for p in cases]
    monkeypatch.setattr(queries, "BROAD_HITS", 0)
    broad = [client.get("/api/incidents", params=p).json() for p in cases]
    assert broad == normal
    assert all(n["items"] for n in normal)


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "AND",
        "NOT tacoma",
        "NEAR(tacoma",
        "title:tacoma",
        "tacoma)",
        "^tacoma",
        "'); DROP TABLE incidents;--",
        "*",
        "-",
        "\x00tacoma",
        'ta"coma',
    ],
)
def test_fts_input_is_quoted(client: TestClient, sample: dict[str, Any], q: str) -> None:
    r = client.get("/api/incidents", params={"q": q})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 400:
        assert r.json()["detail"] == "the search query has no words to search for"
    s = client.get("/api/search", params={"q": q})
    assert s.status_code in (200, 400)
    assert client.get("/api/incidents").json()["total"] == BULK + 2  # table still there


def test_fts_query_unit() -> None:
    assert fts_query("tacoma shooting") == '"tacoma" "shooting"'
    assert fts_query('say "hi" OR NOT x*') == '"say" """hi""" "OR" "NOT" "x"*'
    assert fts_query("title:foo") == '"title:foo"'
    with pytest.raises(QueryError):
        fts_query(" * - ( ) ")
    assert fts_query(" ".join(f"w{i}" for i in range(50))).count('"') == 32


# --- one incident, one article, search ------------------------------------------------------


def test_incident_record(client: TestClient, sample: dict[str, Any]) -> None:
    r = client.get(f"/api/incidents/{sample['tacoma']}")
    assert r.status_code == 200
    rec = r.json()
    jsonschema.validate(rec, SCHEMA)
    assert rec["killed"]["value"] == 4
    assert rec["killed"]["alternatives"][0]["status"] == "superseded"
    r = client.get("/api/incidents/no-such-thing")
    assert r.status_code == 404 and r.json() == {"detail": "no incident 'no-such-thing'"}


def test_article(client: TestClient, sample: dict[str, Any]) -> None:
    aid = sample["hostile_article"]
    from urllib.parse import quote

    r = client.get(f"/api/articles/{quote(aid, safe='')}")
    assert r.status_code == 200
    art = r.json()
    assert art["id"] == aid and art["raw"].startswith("<html>")
    ev = sample["hostile_evidence"]
    assert art["text"][ev.start : ev.end] == ev.quote
    assert art["facts"][0]["field"] == "injured"
    assert "raw" not in client.get(f"/api/articles/{quote(aid, safe='')}?raw=false").json()
    copy = client.get(f"/api/articles/{sample['tacoma_copy']}").json()
    assert copy["duplicate_of"] == "tacoma-1" and copy["incident"] == sample["tacoma"]
    assert client.get("/api/articles/nope").status_code == 404


def test_search(client: TestClient, sample: dict[str, Any]) -> None:
    r = client.get("/api/search", params={"q": "medical examiner"})
    assert r.status_code == 200
    body = r.json()
    assert [a["id"] for a in body["articles"]] == ["tacoma-2"]
    snip = body["articles"][0]
    words = [snip["snippet"][s:e].lower() for s, e in snip["matches"]]
    assert words == ["medical", "examiner"]
    # Syndicated copies are not indexed twice.
    ids = [a["id"] for a in client.get("/api/search", params={"q": "gunman"}).json()["articles"]]
    assert sample["tacoma_copy"] not in ids and "tacoma-1" in ids
    assert [i["id"] for i in client.get("/api/search?q=tacoma").json()["incidents"]] == [
        sample["tacoma"]
    ]
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "a" * 201}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "limit": 500}).status_code == 422


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/incidents", "/api/search", "/api/articles"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "min_killed", "q", "sort", "page"} <= params
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/incidents" in page.text
    assert client.get("/docs").status_code == 404  # no CDN-backed Swagger UI


# --- writing ---------------------------------------------------------------------------------


def test_post_refused_without_server_token(client: TestClient) -> None:
    r = client.post(
        "/api/articles",
        json=[{"id": "x", "text": "y"}],
        headers={"Authorization": "Bearer anything"},
    )
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_post_needs_the_token(sample: dict[str, Any]) -> None:
    c = TestClient(create_app(sample["path"], token="s3cret"))
    art = [{"id": "x", "text": "y"}]
    r = c.post("/api/articles", json=art)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert (
        c.post("/api/articles", json=art, headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert (
        c.post("/api/articles", json=art, headers={"Authorization": "Basic s3cret"}).status_code
        == 401
    )
    ok = {"Authorization": "Bearer s3cret"}
    r = c.post("/api/articles", content=b"{not json", headers=ok)
    assert r.status_code == 400 and "not JSON" in r.json()["detail"]
    assert c.post("/api/articles", json={"x": 1}, headers=ok).status_code == 400
    assert c.post("/api/articles", json=[], headers=ok).status_code == 400
    big = [{"id": str(i), "text": "t"} for i in range(501)]
    assert c.post("/api/articles", json=big, headers=ok).status_code == 413


def test_ingest_failure_is_a_json_500(
    sample: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventdesk.serve import app as app_module

    def boom(self: Any, items: Any) -> Any:
        raise RuntimeError("pipeline exploded: secret detail")

    monkeypatch.setattr(app_module.Ingester, "ingest", boom)
    c = TestClient(create_app(sample["path"], token="t"), raise_server_exceptions=False)
    r = c.post(
        "/api/articles", json=[{"id": "x", "text": "y"}], headers={"Authorization": "Bearer t"}
    )
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}


def test_post_ingests_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    build_sample_db(path)
    c = TestClient(create_app(str(path), token="t0k"))
    text = (
        "Two men were killed and three people were wounded in a shooting outside a bar in "
        "Dayton, Ohio, early Sunday, police said. The suspect fled in a car."
    )
    r = c.post(
        "/api/articles",
        json={
            "articles": [
                {
                    "id": "dayton-1",
                    "title": "Dayton bar shooting",
                    "text": text,
                    "published": "2024-06-02",
                    "source": "Dayton Daily",
                }
            ]
        },
        headers={"Authorization": "Bearer t0k"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == 1 and body["failed"] == 0 and len(body["incidents"]) == 1
    art = c.get("/api/articles/dayton-1").json()
    assert (
        art["text"].startswith("Dayton bar shooting\n\nTwo men were killed")
        and art["incident"] == body["incidents"][0]
    )
    assert c.get(f"/api/incidents/{art['incident']}").status_code == 200


# --- reads during a write ----------------------------------------------------------------------


def test_reads_answer_while_a_writer_holds_the_database(sample: dict[str, Any]) -> None:
    c = TestClient(create_app(sample["path"]))
    writer = Store(sample["path"])
    writer.conn.execute("BEGIN IMMEDIATE")
    try:
        writer.create_incident("i-uncommitted")
        t0 = time.monotonic()
        r = c.get("/api/incidents", params={"q": "tacoma"})
        assert r.status_code == 200 and time.monotonic() - t0 < 2
        assert client_ids(c.get("/api/incidents", params={"per_page": 100})) is not None
        assert c.get("/api/incidents/i-uncommitted").status_code == 404  # not committed yet
    finally:
        writer.conn.execute("ROLLBACK")
        writer.close()


def client_ids(r: Any) -> list[str]:
    return [it["id"] for it in r.json()["items"]]


def test_connections_are_per_thread(sample: dict[str, Any]) -> None:
    c = TestClient(create_app(sample["path"]))
    errors: list[BaseException] = []

    def hammer() -> None:
        try:
            for _ in range(20):
                assert c.get("/api/incidents", params={"q": "market"}).status_code == 200
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


@pytest.mark.parametrize("sort", ["-date", "date", "-killed", "killed"])
def test_listing_walks_an_index(sample: dict[str, Any], sort: str) -> None:
    # With 100k incidents a page must not sort the whole table: the list's own SQL walks
    # the column's index, ties included (no temp b-tree).
    _, _, sql, args = list_sql(IncidentFilters(sort=sort, page=3))
    conn = sqlite3.connect(sample["path"])
    plan = " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args))
    conn.close()
    assert f"USING INDEX incidents_{sort.lstrip('-')}" in plan and "TEMP B-TREE" not in plan, plan


# --- pages and escaping -----------------------------------------------------------------------


class TagAudit(HTMLParser):
    """Collects everything that could execute: script tags, on* attributes, js: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self.marks: list[tuple[dict[str, str | None], list[str]]] = []
        self._in_mark: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a.get("src") or "")
            if not (a.get("src") or "").startswith("/static/"):
                self.problems.append(f"inline or foreign script {attrs}")
        if tag in ("img", "iframe", "object", "embed", "svg:script"):
            self.problems.append(f"unexpected <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}={value!r} on <{tag}>")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            ):
                self.problems.append(f"{name}={value!r}")
        if tag == "mark":
            self._in_mark = []
            self.marks.append((a, self._in_mark))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = None

    def handle_data(self, data: str) -> None:
        if self._in_mark is not None:
            self._in_mark.append(data)


def audit(html: str) -> TagAudit:
    p = TagAudit()
    p.feed(html)
    p.close()
    assert not p.problems, p.problems
    return p


def test_pages_escape_hostile_strings(client: TestClient, sample: dict[str, Any]) -> None:
    from urllib.parse import quote

    aid = quote(sample["hostile_article"], safe="")
    pages = [
        "/",
        "/?q=springfield",
        f"/incidents/{sample['hostile']}",
        f"/articles/{aid}",
        f"/articles/{aid}?hl={sample['hostile_evidence'].start}-{sample['hostile_evidence'].end}",
        "/search?q=springfield",
        "/search?q=" + quote("<script>alert(1)</script>"),
        "/incidents/" + quote("<script>alert(1)</script>", safe=""),
    ]
    for url in pages:
        r = client.get(url)
        assert r.status_code in (200, 404), url
        assert r.headers["content-type"].startswith("text/html")
        audit(r.text)
        for bad in HOSTILE[:3]:
            assert bad not in r.text, (url, bad)
    inc = client.get(f"/incidents/{sample['hostile']}").text
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in inc
    assert "javascript:window.__xss" in inc  # shown as text ...
    assert 'href="javascript' not in inc.lower()  # ... never as a link
    art = client.get(f"/articles/{aid}").text
    assert 'id="article-url-text"' in art and 'id="article-url"' not in art


def test_raw_text_is_served_as_inert_plain_text(client: TestClient, sample: dict[str, Any]) -> None:
    from urllib.parse import quote

    r = client.get(f"/raw/{quote(sample['hostile_article'], safe='')}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in r.headers["content-security-policy"]
    assert r.text.startswith("<html><body>Breaking <script>")


def test_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/incidents", "/api/incidents/nope", "/static/desk.js"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"


def test_list_page(client: TestClient, sample: dict[str, Any]) -> None:
    r = client.get("/")
    assert r.status_code == 200
    audit(r.text)
    assert re.search(r'<strong id="match-count">\s*122\s*</strong>', r.text)
    assert 'href="/?sort=-killed"' in r.text  # sortable column
    assert 'rel="next"' in r.text and "?page=2" in r.text
    # The filter form sends blank boxes: they mean "no filter".
    r = client.get("/?q=&date_from=&date_to=&country=us&admin1=&place=&event_type=&min_killed=")
    assert r.status_code == 200 and sample["tacoma"] in r.text
    r = client.get("/?country=FR&per_page=10")
    assert "/?country=FR&amp;per_page=10&amp;page=2" in r.text  # links keep the filters
    # Non-ASCII filter values survive the blank-value clean-up.
    r = client.get("/?place=Z%C3%BCrich&q=&admin1=%E2%9C%93")
    assert r.status_code == 200 and 'value="Zürich"' in r.text and 'value="✓"' in r.text
    bad = client.get("/?date_from=nonsense")
    assert bad.status_code == 400 and "date_from" in bad.text
    assert client.get("/incidents?country=FR").status_code == 200  # redirect to the list


def test_incident_page(client: TestClient, sample: dict[str, Any]) -> None:
    r = client.get(f"/incidents/{sample['tacoma']}")
    assert r.status_code == 200
    html = r.text
    audit(html)
    k = sample["killed_evidence"]
    # The killed value opens its evidence sentence, marked, in the article.
    link = f"/articles/tacoma-2?hl={k.start}-{k.end}#ev-{k.start}-{k.end}"
    assert f'<a class="fact-value" href="{link}"' in html
    old = sample["superseded_evidence"]
    assert f"?hl={old.start}-{old.end}" in html
    assert 'status-superseded">superseded' in html and 'status-retracted">retracted' in html
    assert "Tacoma Ledger" in html and "Sound Wire" in html and "Reprint Daily" in html
    assert 'data-lat="47.2529"' in html and 'data-lon="-122.4443"' in html
    assert "Map tiles are unavailable" in html
    assert html.count('class="cite"') == 2
    for section in (
        "summary",
        "facts",
        "alternatives",
        "corrections",
        "timeline",
        "sources",
        "duplicates",
    ):
        assert f'id="{section}"' in html
    assert client.get("/incidents/nope").status_code == 404


def test_article_page_marks_the_evidence(client: TestClient, sample: dict[str, Any]) -> None:
    k = sample["killed_evidence"]
    r = client.get(f"/articles/tacoma-2?hl={k.start}-{k.end}")
    assert r.status_code == 200
    p = audit(r.text)
    assert f'id="ev-{k.start}-{k.end}"' in r.text
    current = "".join(
        "".join(text)
        for attrs, text in p.marks
        if attrs.get("data-ev") and "current" in (attrs.get("class") or "")
    )
    assert current == k.quote
    assert 'href="/raw/tacoma-2"' in r.text
    # Structured fact values read as "key: value" pairs, unknown parts left out.
    facts = client.get("/articles/tacoma-1").text
    assert "role: perpetrator; status: arrested; age: 34" in facts and "name: unknown" not in facts
    # A span that is no fact of this article (a summary citation) is still marked.
    r = client.get("/articles/tacoma-2?hl=0-10")
    p = audit(r.text)
    followed = [
        "".join(t) for a, t in p.marks if a.get("data-ev") and "current" in (a.get("class") or "")
    ]
    assert followed == ["Death toll"]
    # Out-of-range spans are ignored, malformed ones refused.
    assert client.get("/articles/tacoma-2?hl=5-99999").status_code == 200
    assert client.get("/articles/tacoma-2?hl=abc").status_code == 400


# --- rendering helpers -------------------------------------------------------------------------


def test_highlight_escapes_between_offsets_and_splits_overlaps() -> None:
    text = "a<b>c & 'd\" e"
    html = str(highlight(text, [Span(1, 5, ["x<y>"]), Span(3, 9, ["z"], current=True)]))
    assert "<b>" not in html and "&lt;b" in html and "x&lt;y&gt;" in html
    assert html.count("<mark") == 3
    assert 'id="ev-1-5"' in html and 'id="ev-3-9"' in html
    assert 'data-ev="1-5 3-9"' in html
    p = audit(html)
    assert "".join("".join(t) for _, t in p.marks) == text[1:9]
    # Spans outside the text are dropped; plain text stays escaped.
    assert str(highlight("<i>", [Span(2, 10)])) == "&lt;i&gt;"


def test_safe_url() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("http://x.org") == "http://x.org"
    for bad in (
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>",
        "//evil.org",
        "/relative",
        "ftp://x.org",
        None,
        3,
    ):
        assert safe_url(bad) is None


def test_cite_summary() -> None:
    summary = "A <b> happened. Then more."
    html = str(
        cite_summary(
            summary,
            [
                {
                    "start": 0,
                    "end": 15,
                    "articles": ["a/1"],
                    "evidence": [{"article": "a/1", "start": 3, "end": 9, "quote": 'q"<'}],
                },
                {"start": 16, "end": 99, "articles": ["b"]},  # out of range: ignored
            ],
        )
    )
    assert "&lt;b&gt;" in html and 'href="/articles/a%2F1?hl=3-9#ev-3-9"' in html
    assert html.count('class="cite"') == 1
    audit(html)


def test_a_copy_that_reports_is_listed_once_as_a_copy() -> None:
    from eventdesk.serve.views import incident_view

    rec = {
        "id": "i1",
        "articles": ["a", "b"],
        "sources": [
            {"article": "a", "source": "Ledger", "order": 0},
            {"article": "b", "source": "Star", "order": 1},
            {"article": "c", "source": "Wire", "order": 2},
        ],
        "duplicates": [{"article": "c", "duplicate_of": "b", "source": "Wire"}],
    }
    v = incident_view(rec)
    assert [s["article"] for s in v["sources"]] == ["a", "b"]
    assert [d["article"] for d in v["duplicates"]] == ["c"]
