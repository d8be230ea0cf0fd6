"""HTML cleaning through trafilatura, and its fallback on broken markup."""

from __future__ import annotations

import pytest

from eventdesk.clean import CleanError
from eventdesk.clean.cleaner import DefaultCleaner
from eventdesk.clean.html import extract_html
from eventdesk.model import RawArticle

PAGE = """<!DOCTYPE html>
<html><head>
<title>Two wounded in Elm Street shooting | Springfield News 5</title>
<meta property="article:published_time" content="2016-03-04T10:00:00Z">
<meta name="author" content="Jane Roe">
<script>var tracker = "Donald Trump wins"; window.ads = [];</script>
<style>.nav { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/sports">Sports</a></li></ul></nav>
<div class="share">Share on Facebook | Tweet | Email</div>
<article>
<h1>Two wounded in Elm Street shooting</h1>
<p>Two men were wounded in a shooting on Elm Street in Springfield late Tuesday, police said.
The men, aged 24 and 31, were taken to Mercy Hospital in stable condition.</p>
<p>Witnesses told officers that a gunman fired several shots from a dark sedan before
driving off toward the interstate. Detectives recovered eight shell casings at the scene.</p>
<p>No arrests have been made. Anyone with information is asked to call Springfield police.</p>
</article>
<aside><h3>Trending</h3><ul><li><a href="/a">Cowboys clinch title</a></li>
<li><a href="/b">Shark spotted off Miami</a></li></ul></aside>
<footer><p>Copyright 2016 Springfield News 5. All rights reserved.</p>
<p><a href="/privacy">Privacy Policy</a> | <a href="/terms">Terms of Service</a></p></footer>
</body></html>"""


def test_html_main_text_and_metadata() -> None:
    art = DefaultCleaner().clean(RawArticle(id="p", origin="page.html", html=PAGE))
    assert "Two men were wounded in a shooting on Elm Street" in art.text
    assert "No arrests have been made." in art.text
    for junk in ("Donald Trump", "tracker", "Home", "Weather", "Cowboys", "Shark",
                 "Copyright", "Privacy Policy", "color: red", "Share on Facebook"):  # fmt: skip
        assert junk not in art.text, junk
    assert art.title is not None and art.title.startswith("Two wounded in Elm Street shooting")
    assert art.published is not None and art.published.date().isoformat() == "2016-03-04"
    assert art.author == "Jane Roe"
    assert art.raw == PAGE


def test_lists_in_html_articles_are_not_taken_for_teasers() -> None:
    items = ["May 3 – Dayton, OH @ Riverside Music Hall",
             "May 5 – Toledo, OH @ Harbor Pavilion",
             "May 9 – Erie, PA @ Lakeside Arena"]  # fmt: skip
    lis = "".join(f"<li>{i}</li>" for i in items)
    page = PAGE.replace(
        "</article>", f"<p>The band announced these dates:</p><ul>{lis}</ul></article>"
    )
    art = DefaultCleaner().clean(RawArticle(id="p", origin="o", html=page))
    for item in items:
        assert item in art.text


def test_record_metadata_wins_over_extracted() -> None:
    raw = RawArticle(id="p", origin="o", html=PAGE, title="Given title", published="2016-03-05",
                     author="Given Author")  # fmt: skip
    art = DefaultCleaner().clean(raw)
    assert art.title == "Given title"
    assert art.published is not None and art.published.date().isoformat() == "2016-03-05"
    assert art.author == "Given Author"


def test_no_date_guessed_from_copyright_year() -> None:
    page = PAGE.replace(
        '<meta property="article:published_time" content="2016-03-04T10:00:00Z">', ""
    )
    art = DefaultCleaner().clean(RawArticle(id="p", origin="o", html=page))
    assert art.published is None


MALFORMED = (
    "<html><body><div><p>Police said a 20-year-old man died at the scene on Friday night "
    "after being shot twice in the chest outside a bar on Fifth Avenue.<p>Officers are "
    "searching for two suspects who fled on foot <b>toward the river<td>stray cell</div>"
    "</span></i></html><script>alert(1)"
)


def test_malformed_html_still_gives_text() -> None:
    art = DefaultCleaner().clean(RawArticle(id="m", origin="m.html", html=MALFORMED))
    assert "died at the scene on Friday night" in art.text
    assert "alert(1)" not in art.text


def test_fallback_used_when_trafilatura_gives_nothing() -> None:
    ex = extract_html("<p>Short shooting note.</p><script>x()</script><nav>Home</nav>")
    assert "Short shooting note." in ex.text
    assert "x()" not in ex.text and "Home" not in ex.text


@pytest.mark.parametrize(
    "html", ["", "   ", "<html><body><nav>Home | News</nav></body></html>", "<<<>>>"]
)
def test_html_without_article_text_is_refused(html: str) -> None:
    with pytest.raises(CleanError):
        DefaultCleaner().clean(RawArticle(id="e", origin="e.html", html=html))
