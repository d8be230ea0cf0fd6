"""The desk in a real headless Chromium (Debian's, driven by Playwright; no browser download).

list -> filter -> incident -> click a fact -> the evidence sentence is marked in the article;
hostile strings from articles never execute.  Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from eventdesk.serve.sample import build_sample_db

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    import uvicorn

    from eventdesk.serve.app import create_app

    path = tmp_path_factory.mktemp("browser") / "desk.db"
    info = build_sample_db(path, bulk=60)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    info["base"] = f"http://127.0.0.1:{port}"
    yield info
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make install-browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    pw = sync_api.sync_playwright().start()
    b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    yield b
    b.close()
    pw.stop()


@dataclass
class Tab:
    """A page plus what it reported: JavaScript dialogs (alert...) and uncaught errors."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture()
def tab(browser: Any) -> Iterator[Tab]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    # Only loopback: map tiles and anything else outside are refused, as on an offline machine.
    ctx.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    t = Tab(ctx.new_page())

    def on_dialog(d: Any) -> None:
        t.dialogs.append(d.message)
        d.dismiss()

    t.page.on("dialog", on_dialog)
    t.page.on("pageerror", lambda e: t.errors.append(str(e)))
    yield t
    ctx.close()


def shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_list_filter_incident_fact_to_evidence(site: dict[str, Any], tab: Tab) -> None:
    pg = tab.page
    pg.goto(site["base"] + "/")
    assert pg.locator("#match-count").inner_text().strip() == "62"
    assert pg.locator("table#incidents tbody tr").count() == 25
    shot(pg, "list")

    # Sort by killed (a column header), then filter with the form.
    pg.click("th a[data-sort=killed]")
    pg.wait_for_url(re.compile(r"sort=-killed"))
    first_killed = pg.locator("table#incidents tbody tr td.num").first.inner_text()
    assert first_killed == "13"
    pg.fill("#filters input[name=q]", "warehouse")
    pg.fill("#filters input[name=country]", "US")
    pg.select_option("#filters select[name=event_type]", "armed_assault")
    pg.click("#apply")
    pg.wait_for_url(re.compile(r"q=warehouse"))
    assert pg.locator("#match-count").inner_text().strip() == "1"
    rows = pg.locator("table#incidents tbody tr")
    assert rows.count() == 1

    # Open the incident.
    rows.first.locator("a.incident-link").click()
    pg.wait_for_url(re.compile(r"/incidents/i-tacoma$"))
    assert "4 killed" in pg.locator("h1#title").inner_text()
    assert pg.locator("#alternatives .status-superseded").inner_text() == "superseded"
    assert pg.locator("#corrections .status-retracted").inner_text() == "retracted"
    assert pg.locator("#sources").inner_text().count("Tacoma Ledger") == 1
    shot(pg, "incident")

    # Click the "Killed" value: the article opens with that sentence marked and in view.
    pg.locator("tr[data-field=Killed] a.fact-value").click()
    pg.wait_for_url(re.compile(r"/articles/tacoma-2\?hl=\d+-\d+#ev-\d+-\d+$"))
    marked = pg.locator("#article-text mark.ev.current")
    assert marked.count() >= 1
    text = "".join(marked.all_inner_texts())
    assert text == site["killed_evidence"].quote
    assert marked.first.is_visible()
    assert pg.evaluate(
        "() => { const r = document.querySelector('#article-text mark.current')"
        ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    # The marked colour differs from plain text (it is highlighted, not just wrapped).
    bg = marked.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(pg, "article-evidence")

    # Inside the article, the facts table jumps between spans client-side (desk.js).
    jump = pg.locator("#article-facts a.jump").first
    key = jump.get_attribute("data-ev")
    jump.click()
    assert pg.locator(f'#article-text mark.current[data-ev~="{key}"]').count() >= 1
    assert not tab.errors, tab.errors


def test_map_degrades_without_tiles(site: dict[str, Any], tab: Tab) -> None:
    pg = tab.page
    pg.goto(site["base"] + "/incidents/i-tacoma")
    pg.wait_for_selector("#map[data-map=leaflet]")
    assert pg.locator("#map .leaflet-marker-icon").is_visible()
    assert pg.locator("#map-note").is_visible()  # tiles could not load: said so
    assert "47.2529, -122.4443" in pg.locator("#coords").inner_text()
    pg.locator("#map-section").screenshot(path=str(SHOTS / "map.png"))
    assert not tab.errors, tab.errors


def test_hostile_strings_never_execute(site: dict[str, Any], tab: Tab) -> None:
    pg = tab.page
    aid = quote(site["hostile_article"], safe="")
    ev = site["hostile_evidence"]
    urls = [
        "/?q=springfield",
        f"/incidents/{site['hostile']}",
        f"/articles/{aid}",
        f"/articles/{aid}?hl={ev.start}-{ev.end}#ev-{ev.start}-{ev.end}",
        "/search?q=springfield",
        f"/raw/{aid}",
    ]
    for url in urls:
        pg.goto(site["base"] + url)
        pg.wait_for_load_state("load")
        # Hover everything that holds hostile text (the onmouseover payloads) and click the
        # javascript: URL if it were a link.
        for sel in ("h1", "td", "mark", "a", "p", "li"):
            for el in pg.locator(sel).all()[:40]:
                if el.is_visible():
                    el.hover(timeout=2000)
        assert pg.locator("a[href^='javascript' i]").count() == 0
        assert pg.evaluate("() => window.__xss") is None, url
        assert pg.locator("img[src=x]").count() == 0
    pg.goto(site["base"] + f"/incidents/{site['hostile']}")
    assert "<script>window.__xss=1;alert(1)</script>" in pg.locator("h1#title").inner_text()
    shot(pg, "hostile-incident")
    assert tab.dialogs == []
