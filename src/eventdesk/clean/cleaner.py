"""The default cleaner: RawArticle -> Article (clean text + metadata), or CleanError."""

from __future__ import annotations

import re
from datetime import datetime

from eventdesk.clean import CleanError
from eventdesk.clean.html import extract_html
from eventdesk.clean.junk import classify_lines
from eventdesk.clean.normalize import join_paragraphs, looks_binary, normalize_text
from eventdesk.model import Article, RawArticle

#: Fewer letters than this after cleaning is not an article (a lone "Close", a share bar).
MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")


def parse_published(value: str | None) -> datetime | None:
    """ISO date or datetime as given in a record; None when absent or unreadable."""
    if not value:
        return None
    s = value.strip()
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        pass
    m = re.match(r"(\d{4}-\d{2}-\d{2})", s)  # "2016-05-01 approx." and similar
    if m:
        try:
            return datetime.fromisoformat(m.group(1))
        except ValueError:
            return None
    return None


def date_in_url(url: str | None) -> str | None:
    """The day a page's address gives ("2013-05-03" for ".../2013/05/03/lohan-...", by
    htmldate's URL rule); None when it gives none."""
    if not url:
        return None
    from htmldate import find_date  # comes with trafilatura

    from eventdesk.ingest.readers import original_url

    # (the rule reads the address alone when the page has nothing else to go by)
    found = find_date("<html></html>", url=original_url(url), extensive_search=False)
    return found if isinstance(found, str) else None


def clean_text(text: str, title: str | None = None, teasers: bool = True) -> tuple[str, int]:
    """Normalise plain text and drop junk lines; returns (clean text, junk lines removed).

    ``teasers=False`` for text extracted from HTML (see ``classify_lines``)."""
    lines = normalize_text(text).split("\n")
    if title and lines:
        lines[:1] = _unrepeat_title(lines[0], title.strip())
    verdicts = classify_lines(lines, title=title, teasers=teasers)
    kept = [line for line, v in zip(lines, verdicts, strict=True) if not v.junk]
    return join_paragraphs(kept), sum(1 for v in verdicts if v.junk)


def _unrepeat_title(line: str, title: str) -> list[str]:
    """ "One killed, four injured in shooting Arizona News One killed, four injured in shooting
    Police are investigating ...": a page's headline, its section, the headline again, run
    into the story.  Kept once, on a line of its own."""
    if len(title) < 20 or not line.startswith(title):
        return [line]
    again = line.find(title, len(title), 2 * len(title) + 40)
    if again < 0 or len(line[len(title) : again].split()) > 5:
        return [line]
    rest = line[again + len(title) :].strip()
    return [title, rest] if rest else [title]


#: "Man shot in Fresno | Local News | fresnobee.com": a tail this short after a bar or dash
#: names the site or section, not the story.
_SITE_TAIL = re.compile(
    r"(?:\s+[\u2013\u2014-]|\s*\|)\s+"  # "shot in chest| Dayton, OH": a bar needs no space
    r"(?:[^|\u2013\u2014]{2,40}|[^|\u2013\u2014]*(?:\bnews\b|(?-i:\b[KW][A-Z]{2,3}\b))[^|\u2013\u2014]*)$",
    re.I,
)
_TOKEN = re.compile(r"\w+")


def split_site_tail(title: str) -> tuple[str, str]:
    """(headline, site tail): "Man shot | Local News | fresnobee.com" → ("Man shot", "| Local
    News | fresnobee.com").  The tail names the outlet, often with its home town."""
    head = title.strip().rstrip(" |")  # "… Weather and Sports |"
    while (m := _SITE_TAIL.search(head)) and len(_TOKEN.findall(head[: m.start()])) >= 4:
        head = head[: m.start()].rstrip()
    return head, title.strip()[len(head) :].strip()


def headline_of(title: str | None, body: str) -> str | None:
    """The headline to open the stored text with, or None when the body already opens with it.

    A headline is often the densest sentence of a report ("4 shot, 1 dead in Pomona
    restaurant drive-through"), so it is analysed and quoted like the body's sentences; the
    stored text then reads as the page did: headline, then story."""
    if not title:
        return None
    return _headline_from(split_site_tail(title)[0], body)


def _headline_from(head: str, body: str) -> str | None:
    words = [w.lower() for w in _TOKEN.findall(head)]
    if len(words) < 3:
        return None  # "Home", "Crime": a section name, not a headline
    first = [w.lower() for w in _TOKEN.findall(body.lstrip().split("\n", 1)[0])]
    if first[: len(words)] == words or (len(first) >= 3 and words[: len(first)] == first):
        return None  # the body opens with it (or a cut-off copy of it)
    return head


class DefaultCleaner:
    """HTML through trafilatura, plain text through the junk-line classifier."""

    def clean(self, raw: RawArticle) -> Article:
        title = raw.title.strip() if raw.title and raw.title.strip() else None
        author = raw.author.strip() if raw.author and raw.author.strip() else None
        published_raw = raw.published
        extra = dict(raw.extra)
        if raw.html is not None and raw.html.strip():
            source_text = raw.html
            if looks_binary(raw.html):
                raise CleanError("binary-looking content, not HTML")
            ex = extract_html(raw.html, url=raw.url)
            title = title or (normalize_text(ex.title).replace("\n", " ") if ex.title else None)
            author = author or ex.author
            if not published_raw and ex.date:
                published_raw = ex.date
            if ex.method != "trafilatura":
                extra.setdefault("clean_method", ex.method)
            # trafilatura already removed the page furniture; the line classifier only
            # catches what it keeps (share prompts, copyright lines in the body).
            text, removed = clean_text(ex.text, title=title, teasers=False)
        elif raw.text is not None:
            source_text = raw.text
            if not raw.text.strip():
                raise CleanError("empty text")
            if looks_binary(raw.text):
                raise CleanError("binary-looking content (control characters), not text")
            text, removed = clean_text(raw.text, title=title)
        elif raw.html is not None:
            raise CleanError("empty HTML")
        else:
            raise CleanError("no text or html")

        headline = None
        if title:
            head, tail = split_site_tail(title)
            headline = _headline_from(head, text)
            if tail:
                extra["site_tail"] = tail  # "- WMC Action News 5 - Memphis, Tennessee": the outlet
        if len(_LETTER.findall(text[:2000])) < MIN_LETTERS:
            why = f" after removing {removed} junk line(s)" if removed else ""
            if not headline or len(_LETTER.findall(headline)) < MIN_LETTERS:
                raise CleanError(f"no article text{why}")
            # the page held nothing but furniture; its headline is still a report
            extra["headline_only"] = True
            text = ""
        if headline:
            text = f"{headline}\n\n{text}" if text else headline
            extra["headline_in_text"] = True

        if not published_raw and raw.url:
            # a record without a date whose address has one (HTML pages got trafilatura's
            # reading of the page and its address above)
            published_raw = date_in_url(raw.url)
            if published_raw:
                extra["published_from"] = "url"
        published = parse_published(published_raw)
        if published_raw and published is None:
            extra.setdefault("published_raw", published_raw)
        return Article(
            id=raw.id,
            text=text,
            raw=source_text,
            origin=raw.origin,
            title=title,
            published=published,
            url=raw.url,
            source=raw.source,
            language=raw.language,
            author=author,
            extra=extra,
            removed_lines=removed,
        )
