"""Safe HTML building blocks for the desk's pages.

Everything here that returns ``Markup`` builds it from ``markupsafe.escape``-d pieces: article
text, titles, quotes and outlet names are untrusted (they come from the web), so they are never
passed through as HTML.  Offsets index the stored clean text (``model.py``); a span that does
not fit the text is dropped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

#: Private-use markers for FTS5 ``snippet()``; removed from user text before they are added.
SNIP_OPEN = "\ue000"
SNIP_CLOSE = "\ue001"


def safe_url(url: object) -> str | None:
    """The URL when it is a plain http(s) link, else None (no ``javascript:``, ``data:``...)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    # Browsers drop tabs/newlines inside URLs ("java\tscript:"), so refuse any control char.
    if not u or any(ord(c) < 32 or ord(c) == 127 for c in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def path_id(value: str) -> str:
    """An id as one URL path segment (ids may hold '/', '?', '#')."""
    return quote(value, safe="")


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """Link to an article page; with a span, the page marks it and scrolls to it."""
    href = f"/articles/{path_id(article_id)}"
    if start is not None and end is not None:
        href += f"?hl={int(start)}-{int(end)}#ev-{int(start)}-{int(end)}"
    return href


def incident_href(incident_id: str) -> str:
    return f"/incidents/{path_id(incident_id)}"


def fmt_value(value: Any) -> str:
    """A fact value as a short plain string (escaping happens in the template)."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        for key in ("name", "value"):
            if value.get(key) is not None:
                return fmt_value(value[key])
        return ", ".join(f"{k}: {fmt_value(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple):
        return ", ".join(fmt_value(v) for v in value)
    return str(value)


def fmt_fact(value: Any) -> str:
    """A stored fact value in full: dicts (date, location, participant) as "key: value" pairs."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {fmt_value(v)}" for k, v in value.items() if v not in (None, ""))
    return fmt_value(value)


def shorten(text: str | None, width: int = 160) -> str:
    if not text:
        return ""
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


@dataclass(slots=True)
class Span:
    """A highlighted stretch of an article's text."""

    start: int
    end: int
    labels: list[str] = field(default_factory=list)
    current: bool = False

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"


def collect_spans(
    text_len: int, facts: Iterable[dict[str, Any]], article_id: str | None = None
) -> list[Span]:
    """One span per distinct (start, end) of the article's fact evidence, labelled by field."""
    by_key: dict[tuple[int, int], Span] = {}
    for fact in facts:
        if not isinstance(fact, dict):
            continue
        label = f"{fact.get('field', 'fact')}: {fmt_value(fact.get('value'))}"
        if fact.get("modality") not in (None, "asserted"):
            label += f" ({fact['modality']})"
        for ev in fact.get("evidence") or []:
            if not isinstance(ev, dict):
                continue
            if article_id is not None and ev.get("article") not in (None, article_id):
                continue
            s, e = ev.get("start"), ev.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= text_len:
                continue
            span = by_key.setdefault((s, e), Span(s, e))
            if label not in span.labels:
                span.labels.append(label)
    return sorted(by_key.values(), key=lambda sp: (sp.start, -sp.end))


def highlight(text: str, spans: Sequence[Span], max_spans: int = 2000) -> Markup:
    """``text`` as HTML with every span wrapped in ``<mark>``; overlapping spans are cut into
    non-overlapping pieces, each carrying the keys of all spans covering it (``data-ev``).
    Each span's start gets an empty anchor ``<span id="ev-START-END">`` for ``#ev-…`` links.
    """
    n = len(text)
    spans = [sp for sp in spans if 0 <= sp.start < sp.end <= n][:max_spans]
    if not spans:
        return Markup(escape(text))
    bounds = sorted({0, n, *(sp.start for sp in spans), *(sp.end for sp in spans)})
    starts: dict[int, list[Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
    out: list[str] = []
    seen_ids: set[str] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        for sp in starts.get(a, []):
            if sp.key not in seen_ids:
                seen_ids.add(sp.key)
                out.append(f'<span class="anchor" id="ev-{sp.key}"></span>')
        piece = escape(text[a:b])
        covering = [sp for sp in spans if sp.start <= a and sp.end >= b]
        if not covering:
            out.append(str(piece))
            continue
        cls = "ev current" if any(sp.current for sp in covering) else "ev"
        keys = " ".join(sp.key for sp in covering)
        title = "; ".join(lbl for sp in covering for lbl in sp.labels)
        out.append(
            f'<mark class="{cls}" data-ev="{escape(keys)}" title="{escape(title)}">{piece}</mark>'
        )
    return Markup("".join(out))


def cite_summary(summary: str, citations: Sequence[dict[str, Any]]) -> Markup:
    """The summary with a numbered citation link after each cited stretch.

    A citation links to its first evidence span when it has one (so the article page marks
    the sentence), else to the article.
    """
    n = len(summary)
    good: list[tuple[int, int, dict[str, Any]]] = []
    for c in citations:
        s, e = c.get("start"), c.get("end")
        if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n:
            good.append((s, e, c))
    good.sort(key=lambda t: (t[1], t[0]))
    out: list[str] = []
    pos = 0
    number = 0
    for _s, e, c in good:
        if e > pos:
            out.append(str(escape(summary[pos:e])))
            pos = e
        links: list[str] = []
        evs = [ev for ev in c.get("evidence") or [] if isinstance(ev, dict)]
        targets: list[tuple[str, int | None, int | None, str]] = []
        for ev in evs:
            if isinstance(ev.get("article"), str):
                targets.append(
                    (ev["article"], ev.get("start"), ev.get("end"), str(ev.get("quote") or ""))
                )
        if not targets:
            targets = [(a, None, None, "") for a in c.get("articles") or [] if isinstance(a, str)]
        for aid, s2, e2, quote_ in targets:
            number += 1
            ok = isinstance(s2, int) and isinstance(e2, int)
            href = article_href(aid, s2 if ok else None, e2 if ok else None)
            title = f"{aid}: {shorten(quote_, 200)}" if quote_ else aid
            links.append(
                f'<a class="cite" href="{escape(href)}" title="{escape(title)}">[{number}]</a>'
            )
        if links:
            out.append('<sup class="cites">' + "".join(links) + "</sup>")
    out.append(str(escape(summary[pos:])))
    return Markup("".join(out))


def snippet_html(snippet: str) -> Markup:
    """An FTS5 snippet (matches between SNIP_OPEN/SNIP_CLOSE) as escaped HTML with <mark>."""
    out: list[str] = []
    for i, part in enumerate(snippet.split(SNIP_OPEN)):
        if i == 0:
            out.append(str(escape(part.replace(SNIP_CLOSE, ""))))
            continue
        hit, _, rest = part.partition(SNIP_CLOSE)
        out.append(f"<mark>{escape(hit)}</mark>{escape(rest.replace(SNIP_CLOSE, ''))}")
    return Markup("".join(out))


def snippet_plain(snippet: str) -> str:
    return snippet.replace(SNIP_OPEN, "").replace(SNIP_CLOSE, "")
