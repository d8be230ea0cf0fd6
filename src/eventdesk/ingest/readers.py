"""Read input files into ``RawArticle`` records.

Inputs: ``.txt`` (whole file = text, id = file stem), ``.html``/``.htm`` (cleaned later by
trafilatura), ``.jsonl``/``.jsonl.gz`` (one article per line), directories (recursively) and ``-``
(JSONL on stdin).  A bad item never stops the rest: it is yielded as an ``IngestError`` whose
message names the item and says why, in one line.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from eventdesk.model import RawArticle

#: Largest single article we accept.  Real articles are < 200 kB; a multi-megabyte "article"
#: is a log, a dump or a book and would stall the analyzer.
MAX_ARTICLE_BYTES = 2_000_000

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_KEYS = {"id", "text", "html", "title", "published", "url", "source", "language", "author"}


@dataclass(frozen=True, slots=True)
class IngestError:
    """One bad input item: where it is and why it was refused."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


ReadItem = RawArticle | IngestError


def decode(data: bytes, origin: str) -> str:
    """Decode bytes as UTF-8 (BOM tolerated); refuse binary data and other encodings clearly."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"invalid UTF-8 at byte {exc.start} (re-encode the file as UTF-8)"
        ) from exc


def _is_jsonl(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    return bool(suffixes) and (
        suffixes[-1] in JSONL_SUFFIXES or (suffixes[-1] == ".gz" and suffixes[0] in JSONL_SUFFIXES)
    )


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Expand directories recursively (sorted, so runs are repeatable)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield IngestError(str(path), "no such file or directory")


def read_paths(paths: Iterable[str | Path]) -> Iterator[ReadItem]:
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        yield from read_file(item)


def read_file(path: Path) -> Iterator[ReadItem]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if _is_jsonl(path):
            opener = gzip.open if suffix == ".gz" else open
            with opener(path, "rb") as fh:
                yield from read_jsonl(fh, origin)  # type: ignore[arg-type]
            return
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield IngestError(
                origin, f"unsupported file type {suffix or '(none)'!r} (use .txt, .html, .jsonl)"
            )
            return
        size = path.stat().st_size
        if size == 0:
            yield IngestError(origin, "empty file")
            return
        if size > MAX_ARTICLE_BYTES:
            yield IngestError(
                origin, f"too large for one article ({size:,} bytes > {MAX_ARTICLE_BYTES:,})"
            )
            return
        text = decode(path.read_bytes(), origin)
    except (OSError, ValueError, EOFError, gzip.BadGzipFile) as exc:
        yield IngestError(origin, str(exc) or type(exc).__name__)
        return
    if suffix in HTML_SUFFIXES:
        yield RawArticle(id=path.stem, origin=origin, html=text)
    else:
        yield RawArticle(id=path.stem, origin=origin, text=text)


def read_stdin() -> Iterator[ReadItem]:
    yield from read_jsonl(sys.stdin.buffer, "<stdin>")


def read_jsonl(fh: BinaryIO | io.BufferedReader, origin: str) -> Iterator[ReadItem]:
    for lineno, line in enumerate(fh, start=1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        if len(line) > MAX_ARTICLE_BYTES:
            yield IngestError(where, f"line too large ({len(line):,} bytes)")
            continue
        try:
            obj = json.loads(decode(line, where))
        except ValueError as exc:
            yield IngestError(where, f"not valid JSON ({exc})")
            continue
        yield record_to_raw(obj, where)


def record_to_raw(obj: Any, origin: str) -> ReadItem:
    """Validate one JSON record (also used by the Python and HTTP APIs)."""
    if not isinstance(obj, dict):
        return IngestError(origin, "a record must be a JSON object")
    art_id = obj.get("id")
    if art_id is None or (isinstance(art_id, str) and not art_id.strip()):
        return IngestError(origin, "missing 'id'")
    if not isinstance(art_id, str | int):
        return IngestError(origin, "'id' must be a string")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return IngestError(f"{origin} (id {art_id})", "missing 'text' or 'html'")
    for key in ("title", "published", "url", "source", "language", "author"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return IngestError(f"{origin} (id {art_id})", f"'{key}' must be a string")
    return RawArticle(
        id=str(art_id),
        origin=origin,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        title=obj.get("title"),
        published=obj.get("published"),
        url=obj.get("url"),
        source=obj.get("source"),
        language=obj.get("language"),
        author=obj.get("author"),
        extra={k: v for k, v in obj.items() if k not in KNOWN_KEYS},
    )


def original_url(url: str) -> str:
    """An article URL with a web.archive.org wrapper removed:
    ``http://web.archive.org/web/2016.../http://fox59.com:80/x`` -> ``http://fox59.com:80/x``."""
    if "web.archive.org/web/" in url:
        tail = url.split("web.archive.org/web/", 1)[1]
        return tail.split("/", 1)[1] if "/" in tail else tail
    return url


def outlet_of_url(url: str | None) -> str | None:
    """The outlet's host name of an article URL (archive copies unwrapped): ``fox59.com``;
    a site's mobile or AMP host is the site ("m.wsbtv.com" is wsbtv.com)."""
    if not url:
        return None
    url = original_url(url)
    host = urlparse(url if "//" in url else "//" + url).hostname or ""
    host = host.removeprefix("www.")
    for prefix in ("m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:  # not "m.com" itself
            host = host[len(prefix) :]
    return host or None
