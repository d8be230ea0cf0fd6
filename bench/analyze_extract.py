"""Analyze + extract throughput on gva-dev articles, beside spaCy's full pipeline alone.

    python bench/analyze_extract.py [--n 300] [--n-process 1] [--data PATH]

Both runs use the same texts, batch size and process count; the ratio is what the
end-to-end budget is stated in (≤ 1.3× the spaCy floor).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from eventdesk.analyze.spacy_analyzer import MODEL, SpacyAnalyzer
from eventdesk.extract import get_extractor
from eventdesk.extract.geo import gazetteer
from eventdesk.model import Article

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/gva-dev/articles.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="alternate the two runs this many times and keep the fastest of each "
        "(the machine is shared: single runs are noisy)",
    )
    ns = ap.parse_args()
    texts = []
    with open(ns.data, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if len(a["text"].split()) >= 30:
                texts.append(a)
            if len(texts) >= ns.n:
                break
    words = sum(len(a["text"].split()) for a in texts)
    arts = [Article(id=a["id"], text=a["text"], raw=a["text"]) for a in texts]
    kw = {"batch_size": ns.batch_size}
    if ns.n_process != 1:
        kw["n_process"] = ns.n_process

    full = spacy.load(MODEL)
    list(full.pipe([a.text for a in arts[:10]]))  # warm up
    gazetteer()  # loaded once per process; not part of per-article cost
    analyzer = SpacyAnalyzer(batch_size=ns.batch_size, n_process=ns.n_process)
    extractor = get_extractor()
    list(analyzer.analyze(arts[:5]))
    t_full = t_ours = t_ext = float("inf")
    c_full = c_ours = float("inf")  # CPU seconds of this process (meaningful with n_process=1)
    n_facts = 0
    for _ in range(ns.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in full.pipe((a.text for a in arts), **kw):
            pass
        t_full = min(t_full, time.perf_counter() - t0)
        c_full = min(c_full, time.process_time() - c0)

        t0, c0 = time.perf_counter(), time.process_time()
        n_facts = 0
        ext = 0.0
        for an in analyzer.analyze(arts):
            t1 = time.perf_counter()
            n_facts += len(extractor.extract(an).facts)
            ext += time.perf_counter() - t1
        t_ours = min(t_ours, time.perf_counter() - t0)
        c_ours = min(c_ours, time.process_time() - c0)
        t_ext = min(t_ext, ext)

    n = len(arts)
    print(f"{n} articles, {words} words ({words / n:.0f}/article), n_process={ns.n_process}")
    print(
        f"spaCy {MODEL} full pipeline: {t_full:6.2f} s  {n / t_full:6.1f} articles/s  "
        f"{words / t_full:7.0f} words/s"
    )
    print(
        f"eventdesk analyze+extract:     {t_ours:6.2f} s  {n / t_ours:6.1f} articles/s  "
        f"({t_ext:.2f} s in extract, {n_facts} facts)"
    )
    print(f"ratio to the spaCy floor: {t_ours / t_full:.2f}x wall (budget 1.3x)")
    if ns.n_process == 1:
        print(
            f"CPU seconds: spaCy {c_full:.2f}, eventdesk {c_ours:.2f} -> {c_ours / c_full:.2f}x "
            "(robust to other load on the machine)"
        )


if __name__ == "__main__":
    main()
