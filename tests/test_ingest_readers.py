"""Readers: every input kind, and a one-line reason naming each bad item."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from eventdesk.ingest import IngestError, read_paths
from eventdesk.model import RawArticle


def _read(*paths: Path) -> tuple[list[RawArticle], list[IngestError]]:
    items = list(read_paths(paths))
    return (
        [i for i in items if isinstance(i, RawArticle)],
        [i for i in items if isinstance(i, IngestError)],
    )


def test_txt_html_jsonl_gz_and_directories(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A man was shot in Akron.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(
        "<html><body><p>Hi</p></body></html>", encoding="utf-8"
    )
    lines = [{"id": "j1", "text": "t1", "title": "T", "published": "2020-01-02", "lang_note": "x"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    with gzip.open(tmp_path / "sub" / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 7, "html": "<p>x</p>"}) + "\n")
    ok, bad = _read(tmp_path)
    assert bad == []
    by_id = {r.id: r for r in ok}
    assert set(by_id) == {"a", "b", "j1", "7"}
    assert by_id["a"].text == "A man was shot in Akron." and by_id["a"].title is None
    assert by_id["b"].html is not None
    assert by_id["j1"].extra == {"lang_note": "x"}  # unknown keys kept
    assert by_id["j1"].published == "2020-01-02"
    assert by_id["7"].html == "<p>x</p>"


def test_bad_items_are_named_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "latin1.txt").write_bytes("café crème".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "mixed.jsonl").write_text(
        '{"id": "good", "text": "fine"}\n'
        "{not json\n"
        '{"text": "no id"}\n'
        '{"id": "no-text"}\n'
        '["a list"]\n'
        '{"id": "bad-title", "text": "x", "title": 5}\n',
        encoding="utf-8",
    )
    ok, bad = _read(tmp_path, tmp_path / "missing.txt")
    assert [r.id for r in ok] == ["good"]
    reasons = {str(e) for e in bad}
    expect = {
        "binary.txt": "binary",
        "empty.txt": "empty file",
        "latin1.txt": "invalid UTF-8",
        "big.txt": "too large",
        "image.png": "unsupported file type",
        "mixed.jsonl:2": "not valid JSON",
        "mixed.jsonl:3": "missing 'id'",
        "mixed.jsonl:4 (id no-text)": "missing 'text' or 'html'",
        "mixed.jsonl:5": "JSON object",
        "mixed.jsonl:6 (id bad-title)": "'title' must be a string",
        "missing.txt": "no such file",
    }
    for where, why in expect.items():
        assert any(where in r and why in r for r in reasons), (where, why, reasons)
    assert all("\n" not in r for r in reasons)  # one line each


def test_an_outlet_is_its_host_without_www_mobile_or_amp() -> None:
    from eventdesk.ingest.readers import outlet_of_url

    archived = "http://web.archive.org/web/20151222111826/http://m.wsbtv.com/news/x"
    assert outlet_of_url(archived) == "wsbtv.com"
    assert outlet_of_url("https://www.fox59.com/a") == "fox59.com"
    assert outlet_of_url("https://amp.example.com/a") == "example.com"
    assert outlet_of_url("https://m.com/a") == "m.com"
    assert outlet_of_url(None) is None
