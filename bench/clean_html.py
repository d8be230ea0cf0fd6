"""Clean-stage benchmark: HTML extraction quality/speed and plain-text cleaning speed.

.venv/bin/python bench/clean_html.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventdesk.clean import CleanError
from eventdesk.clean.cleaner import DefaultCleaner
from eventdesk.eval.clean import evaluate_html, format_html
from eventdesk.model import RawArticle


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    print(format_html(evaluate_html(shared / "data" / "article-extraction")))
    recs = [json.loads(x) for x in (shared / "data" / "gva-dev" / "articles.jsonl").open()]
    cleaner = DefaultCleaner()
    t0 = time.perf_counter()
    failed = 0
    for r in recs:
        try:
            cleaner.clean(RawArticle(id=r["id"], origin="", text=r["text"]))
        except CleanError:
            failed += 1
    dt = time.perf_counter() - t0
    print(
        f"plain text: {len(recs)} gva-dev articles in {dt:.2f} s = {1000 * dt / len(recs):.3f} "
        f"ms/article ({failed} refused)"
    )


if __name__ == "__main__":
    main()
