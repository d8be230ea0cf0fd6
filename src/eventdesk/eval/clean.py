"""Evaluation of the clean stage.

* ``evaluate_junk``: precision / recall / F1 of junk-line removal on hand-labelled gva-dev lines
  (``tests/data/junk_labels.tsv``: article id, line index, label; the text is read from the
  shared ``articles.jsonl`` — never copied into the repository).
* ``evaluate_html``: main-text extraction on the Scrapinghub article-extraction benchmark,
  scored exactly as its ``evaluate.py`` does (4-word shingles of ``\\w+`` tokens, per-page
  TP/FP/FN normalised to sum 1, precision and recall averaged over pages, F1 from the two means).
* ``evaluate_duplicates``: how many near-duplicate pairs the fingerprints flag on a JSONL set,
  and how many of them join articles of different gold incidents.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventdesk.clean import CleanError
from eventdesk.clean.cleaner import DefaultCleaner
from eventdesk.clean.fingerprint import (
    BANDS,
    DUPLICATE_THRESHOLD,
    ROWS,
    exact_hash,
    jaccard,
    minhash_bands,
    shingles,
)
from eventdesk.clean.junk import classify_lines
from eventdesk.clean.normalize import normalize_text
from eventdesk.model import RawArticle

JUNK, REAL = "junk", "real"


# --- junk lines -------------------------------------------------------------------------------


def read_labels(
    labels_path: str | Path, subset: str | None = None
) -> list[tuple[str, int, str, str]]:
    """(article id, line index, label, note) rows; ``#`` lines and the header are skipped.
    ``subset`` keeps only rows whose fifth column (the labelling batch) equals it."""
    rows = []
    for n, line in enumerate(Path(labels_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "article_id":
            continue
        if len(parts) < 3 or parts[2] not in (JUNK, REAL):
            raise ValueError(f"{labels_path}:{n}: expected 'id<TAB>line<TAB>junk|real[<TAB>note]'")
        if subset is not None and (len(parts) < 5 or parts[4] != subset):
            continue
        rows.append((parts[0], int(parts[1]), parts[2], parts[3] if len(parts) > 3 else ""))
    return rows


def _load_articles(path: str | Path, ids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if ids is None or rec["id"] in ids:
                out[rec["id"]] = rec
    return out


def evaluate_junk(
    labels_path: str | Path, articles_path: str | Path, subset: str | None = None
) -> dict[str, Any]:
    """P/R/F1 of junk-line removal ("junk" is the positive class) on the labelled lines.

    Line indices refer to ``text.split("\\n")``; the classifier sees the whole article, as in
    production, and its verdict for each labelled line is compared with the label.
    """
    rows = read_labels(labels_path, subset)
    if not rows:
        raise ValueError(f"no labelled lines in {labels_path} (subset {subset!r})")
    arts = _load_articles(articles_path, {r[0] for r in rows})
    missing = sorted({r[0] for r in rows} - arts.keys())
    if missing:
        raise ValueError(
            f"{len(missing)} labelled article(s) not in {articles_path}: {missing[:3]}"
        )
    verdicts = {}
    for aid, rec in arts.items():
        lines = normalize_text(rec["text"]).split("\n")
        if len(lines) != len(rec["text"].split("\n")):
            raise ValueError(f"article {aid}: line count changed by normalisation")
        verdicts[aid] = (lines, classify_lines(lines, title=None))
    tp = fp = fn = tn = 0
    errors: list[dict[str, Any]] = []
    for aid, idx, label, note in rows:
        lines, vs = verdicts[aid]
        predicted = vs[idx].junk
        gold = label == JUNK
        if predicted and gold:
            tp += 1
        elif predicted:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
        if predicted != gold:
            errors.append(
                {"article": aid, "line": idx, "label": label, "reason": vs[idx].reason,
                 "text": lines[idx][:100], "note": note}
            )  # fmt: skip
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "subset": subset or "all", "lines": len(rows), "articles": len(arts), "junk": tp + fn, "real": fp + tn,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": p, "recall": r, "f1": f1, "errors": errors,
    }  # fmt: skip


def format_junk(m: dict[str, Any], show_errors: int = 20) -> str:
    out = [
        f"junk-line removal on {m['lines']} labelled lines (set {m['subset']}) from "
        f"{m['articles']} articles "
        f"({m['junk']} junk, {m['real']} real)",
        f"  precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  "
        f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']}, tn {m['tn']})",
    ]
    for e in m["errors"][:show_errors]:
        kind = "removed real" if e["label"] == REAL else "kept junk  "
        out.append(f"  {kind} {e['article'][:12]}:{e['line']:<3} {e['text']!r}")
    return "\n".join(out)


# --- HTML main text ---------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(0, max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """The benchmark's ``string_shingle_matching``: counts normalised to sum to 1."""
    t, p = _shingle_counts(true, n), _shingle_counts(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _prf(items: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean([_precision(*x) for x in items if x[0] + x[1] > 0])
    r = statistics.mean([_recall(*x) for x in items if x[0] + x[2] > 0])
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _iter_pages(benchmark_dir: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((benchmark_dir / "html").glob("*.html.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            yield path.name.split(".")[0], f.read()


def evaluate_html(benchmark_dir: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Token-shingle P/R/F1 of the stored clean text (``DefaultCleaner`` on the page's HTML)
    against the benchmark's gold ``articleBody``; pages the cleaner refuses count as empty."""
    bdir = Path(benchmark_dir)
    gold = json.loads((bdir / "ground-truth.json").read_text(encoding="utf-8"))
    cleaner = DefaultCleaner()
    items, failed = [], []
    t0 = time.perf_counter()
    for n, (key, html) in enumerate(_iter_pages(bdir)):
        if limit is not None and n >= limit:
            break
        if key not in gold:
            continue
        try:
            # the body: the benchmark's gold leaves out the headline the cleaner puts on top
            art = cleaner.clean(RawArticle(id=key, origin=key, html=html))
            pred = art.text[art.body_start :]
        except CleanError:
            pred = ""
            failed.append(key)
        items.append(shingle_tp_fp_fn(gold[key].get("articleBody", ""), pred))
    seconds = time.perf_counter() - t0
    m: dict[str, Any] = _prf(items)
    m.update(pages=len(items), failed=failed, seconds=seconds)
    return m


def format_html(m: dict[str, Any]) -> str:
    return (
        f"HTML main text on {m['pages']} benchmark pages ({m['seconds']:.1f} s, "
        f"{m['pages'] / max(m['seconds'], 1e-9):.0f} pages/s, {len(m['failed'])} refused)\n"
        f"  precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}   "
        "(published: trafilatura 0.958, newspaper4k 0.949, readability 0.922)"
    )


# --- near duplicates --------------------------------------------------------------------------


def evaluate_duplicates(
    articles_path: str | Path, threshold: float = DUPLICATE_THRESHOLD
) -> dict[str, Any]:
    """Clean every article, find candidates by shared LSH band, keep pairs at or above the
    Jaccard threshold.  Reports counts and, where the JSONL has ``incident_id``, how many
    flagged pairs join different gold incidents (possible false duplicates — read them: GVA
    sometimes has two records for one event)."""
    cleaner = DefaultCleaner()
    texts: dict[str, str] = {}
    incident: dict[str, str | None] = {}
    buckets: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in texts:  # the same article listed twice: not a near duplicate
                continue
            try:
                a = cleaner.clean(RawArticle(id=rec["id"], origin="", text=rec.get("text")))
            except CleanError:
                continue
            texts[a.id] = a.text
            incident[a.id] = rec.get("incident_id")
            exact.setdefault(exact_hash(a.text), []).append(a.id)
            for b in minhash_bands(a.text):
                buckets.setdefault(b, []).append(a.id)
    candidates: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                candidates.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
    sh = {k: shingles(v) for k, v in texts.items()}
    scored = sorted(((jaccard(sh[a], sh[b]), a, b) for a, b in candidates), reverse=True)
    pairs = [(s, a, b) for s, a, b in scored if s >= threshold]
    cross = [(s, a, b) for s, a, b in pairs if incident[a] != incident[b]]
    # how far below the threshold the closest non-duplicates are (the margin)
    below = [s for s, _, _ in scored if s < threshold]
    return {
        "articles": len(texts),
        "exact_groups": sum(1 for v in exact.values() if len(v) > 1),
        "candidates": len(candidates),
        "pairs": len(pairs),
        "pairs_cross_incident": len(cross),
        "threshold": threshold,
        "bands": BANDS,
        "rows": ROWS,
        "histogram": Counter(round(s, 1) for s, _, _ in scored),
        "max_below": max(below) if below else None,
        "sample": pairs,
        "cross": cross,
    }


def format_duplicates(m: dict[str, Any], show: int = 10) -> str:
    hist = ", ".join(f"{k:.1f}: {v}" for k, v in sorted(m["histogram"].items()))
    out = [
        f"near duplicates among {m['articles']} cleaned articles "
        f"(5-word shingles, {m['bands']}x{m['rows']} LSH bands, Jaccard >= {m['threshold']})",
        f"  LSH candidate pairs {m['candidates']}; flagged pairs {m['pairs']} "
        f"({m['pairs_cross_incident']} across different gold incidents); "
        f"exact-text groups {m['exact_groups']}",
        f"  candidate Jaccard histogram: {hist}",
    ]
    for s, a, b in m["sample"][:show]:
        out.append(f"  {s:.2f}  {a[:12]}  {b[:12]}")
    return "\n".join(out)
