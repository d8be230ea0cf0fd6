"""Linking cost as the store grows: per-article latency p50/p95 and resident memory.

Usage::

    python bench/link_scale.py [--sizes 10000,100000,1000000] [--queries 300] [--db PATH]

How the large stores are made (an honest generator, not copies of one article):

1. *Source features*: real gva-dev and ECB+ articles go through the normal cleaner, spaCy
   analyzer and extractor once (``--source`` articles, cached in ``--cache``), giving real
   ``LinkFeatures`` with their real incident grouping (gva ``incident_id``, ECB+ ``gold_cluster``).
2. *Synthetic incidents*: copy ``c`` of a source incident becomes its own incident: every
   article of it gets the same date shift (uniform over ``--years`` years) and its names,
   places and rare words (general-English Zipf frequency < 3.5) get the suffix ``~c``, so each
   copy has its own people and streets (as real incidents do) while the ordinary vocabulary
   ("shot", "police", "Chicago") is shared by all copies and grows dense with the store.
3. *Loading*: the stores are filled in bulk straight into the link tables (the same rows
   ``update_incident`` writes: merged features, postings, key counts), because running 1M
   articles through spaCy would take hours; the store grows 10k -> 100k -> 1M articles in one
   SQLite file.
4. *Measure*: at each size, ``--queries`` new articles (half a new copy = a new incident, half a
   further report of a stored copy) are linked one by one exactly as the pipeline does:
   ``linker.link`` then ``update_incident`` inside a transaction.  Reported: p50/p95 ms per
   article and the process's resident memory (current and peak).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from eventdesk.link.linker import DefaultLinker, feature_keys, idf_from_stats, prior_df
from eventdesk.model import ArticleFacts, LinkFeatures
from eventdesk.store import link_index
from eventdesk.store.link_index import SCHEMA, SqliteCandidateIndex

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTDESK_SHARED", ROOT.parent / "shared"))
BASE_DAY = 735000  # 2013-06-19 as an ordinal
RARE_PRIOR = 1.0 - 2.718281828 ** (-400 * 10 ** (3.5 - 9))  # prior_df at Zipf 3.5


def rss_mb() -> tuple[float, float]:
    cur = 0.0
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return cur, peak


def source_features(n: int, cache: Path) -> list[tuple[str, LinkFeatures]]:
    """(source incident, features) for up to ``n`` real articles (gva-dev, then ECB+)."""
    if cache.exists():
        rows = json.loads(cache.read_text())
        return [(g, LinkFeatures.from_json(f)) for g, f in rows][:n]
    from eventdesk.analyze import get_analyzer
    from eventdesk.clean import CleanError, get_cleaner
    from eventdesk.eval.clustering import load_ecbplus, load_gva
    from eventdesk.extract import get_extractor
    from eventdesk.pipeline import iter_records

    gva, gold = load_gva(SHARED / "data" / "gva-dev" / "articles.jsonl")
    ecb, egold = load_ecbplus(SHARED / "data" / "ecbplus" / "documents.jsonl", range(1, 36))
    gold.update(egold)
    records = gva[: (2 * n) // 3] + ecb[: n - (2 * n) // 3]
    cleaner, extractor = get_cleaner(), get_extractor()
    arts = []
    for raw in iter_records(records):
        try:
            arts.append(cleaner.clean(raw))  # type: ignore[arg-type]
        except (CleanError, AttributeError):
            continue
    out = []
    for analysis in get_analyzer().analyze(arts):
        af = extractor.extract(analysis)
        out.append((gold[af.article_id], af.features))
    cache.write_text(json.dumps([(g, f.to_json()) for g, f in out]))
    return out


#: Names are drawn from this many "namespaces": a copy's names are the source's names with
#: the suffix ``copy % NAMESPACES``, so that a name recurs in a few incidents years apart (as
#: surnames and streets do) and the vocabulary grows like a real one instead of without bound.
NAMESPACES = 200


def _suffix(word: str, copy: int) -> str:
    return f"{word}~{copy % NAMESPACES}"


def variant(f: LinkFeatures, copy: int, shift: int) -> LinkFeatures:
    """Copy ``copy`` of an article: dates shifted, own names/places/rare words."""

    def day(s: str | None) -> str | None:
        if not s:
            return None
        from datetime import date

        try:
            d = date.fromisoformat(s[:10]).toordinal()
        except ValueError:
            return None
        return date.fromordinal(BASE_DAY + (d - BASE_DAY) % 365 + shift).isoformat()

    terms = {(_suffix(t, copy) if prior_df(t) < RARE_PRIOR else t): w for t, w in f.terms.items()}
    return LinkFeatures(
        terms=terms,
        entities=[_suffix(e, copy) for e in f.entities],
        places=[p if prior_df(p) >= RARE_PRIOR else _suffix(p, copy) for p in f.places],
        date=day(f.date),
        published=day(f.published) or day(f.date) or date_of(shift),
        event_type=f.event_type,
        killed=f.killed,
        injured=f.injured,
        ages=list(f.ages),
        streets=[_suffix(x, copy) for x in f.streets],
    )


def date_of(shift: int) -> str:
    from datetime import date

    return date.fromordinal(BASE_DAY + shift).isoformat()


class Generator:
    def __init__(self, src: list[tuple[str, LinkFeatures]], years: float, seed: int) -> None:
        self.by_inc: dict[str, list[LinkFeatures]] = defaultdict(list)
        for g, f in src:
            self.by_inc[g].append(f)
        self.incs = sorted(self.by_inc)
        self.rng = random.Random(seed)
        self.span = int(365 * years)
        self.copies = 0

    def incident(self) -> tuple[int, int, list[LinkFeatures]]:
        """A new synthetic incident: (copy id, day shift, its articles' features)."""
        self.copies += 1
        g = self.incs[self.rng.randrange(len(self.incs))]
        shift = self.rng.randrange(self.span)
        return self.copies, shift, [variant(f, self.copies, shift) for f in self.by_inc[g]]


@cache
def _base_idf(word: str) -> float:
    return idf_from_stats(0, {}, [word])[word]


def base_idf(key: str) -> float:
    return _base_idf(key.split("~", 1)[0])


def bulk_load(
    conn: sqlite3.Connection,
    gen: Generator,
    n_articles: int,
    linker: DefaultLinker,
    state: dict[str, Any],
) -> int:
    """Append synthetic incidents until ``n_articles`` more articles are stored.

    Posting keys are chosen with the word-frequency prior only (the pipeline's
    ``update_incident`` also uses the live counts); key counts are added in bulk.
    """
    df: Counter[str] = Counter()
    added = 0
    rows_inc: list[tuple[Any, ...]] = []
    rows_post: list[tuple[str, int, int]] = []
    k = state.get("k", 0)
    incidents = state.setdefault("incidents", [])
    idx = SqliteCandidateIndex.__new__(SqliteCandidateIndex)
    while added < n_articles:
        copy, shift, arts = gen.incident()
        merged = linker.merge_features(arts)
        keys = feature_keys(merged)
        df.update(keys)
        k += 1
        # prior IDF of the unsuffixed word (cached): the suffix only makes a name unique
        post = idx._posting_keys(merged, {k: base_idf(k) for k in keys})
        d = link_index.incident_day(merged)
        pday = d if d is not None else link_index.UNDATED
        rows_inc.append(
            (
                k,
                f"syn{copy}",
                json.dumps(merged.to_json(), separators=(",", ":")),
                d,
                len(arts),
                json.dumps(post),
            )
        )
        rows_post.extend((t, pday, k) for t in post)
        if len(incidents) < 5000 or gen.rng.random() < 0.01:
            incidents.append((copy, shift, arts))
        added += len(arts)
    state["n"] = state.get("n", 0) + len(rows_inc)
    state["k"] = k
    rows_post.sort()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO link_incident (k, incident_id, features_json, day, n_articles, "
        "postings_json) VALUES (?, ?, ?, ?, ?, ?)",
        rows_inc,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO link_posting (term, day, k) VALUES (?, ?, ?)", rows_post
    )
    conn.executemany(
        "INSERT INTO link_df (term, df) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        sorted(df.items()),
    )
    conn.execute(
        "INSERT INTO link_meta (key, value) VALUES ('n', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (state["n"],),
    )
    conn.execute("COMMIT")
    return added


def measure(
    conn: sqlite3.Connection,
    gen: Generator,
    linker: DefaultLinker,
    queries: int,
    state: dict[str, Any],
) -> dict[str, float]:
    index = SqliteCandidateIndex(conn, linker)
    times: list[float] = []
    attached = 0
    for q in range(queries):
        if q % 2 == 0 and state["incidents"]:
            copy, shift, arts = state["incidents"][gen.rng.randrange(len(state["incidents"]))]
            f = arts[gen.rng.randrange(len(arts))]  # another report of a stored incident
            f = LinkFeatures.from_json(f.to_json())
        else:
            copy, shift, arts = gen.incident()
            f = arts[0]
        t = time.perf_counter()
        d = linker.link(ArticleFacts(f"q{q}", [], f), index)
        conn.execute("BEGIN")
        inc = d.incident_id or f"new{q}"
        merged = (
            f if d.incident_id is None else linker.merge_features([index.features(inc) or f, f])
        )
        index.update_incident(inc, merged, 1)
        conn.execute("ROLLBACK")  # keep the store as built; the cost was paid
        times.append((time.perf_counter() - t) * 1000)
        attached += d.incident_id is not None
    times.sort()
    cur, peak = rss_mb()
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "max_ms": times[-1],
        "attached": attached / len(times),
        "rss_mb": cur,
        "peak_rss_mb": peak,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="store sizes in articles, ascending")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--source", type=int, default=600, help="real articles to derive from")
    ap.add_argument("--cache", default="/tmp/eventdesk-bench-features.json")
    ap.add_argument("--db", default="/tmp/eventdesk-bench-link.db")
    ap.add_argument("--years", type=float, default=10.0, help="time span of the store")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    t0 = time.time()
    src = source_features(args.source, Path(args.cache))
    print(
        f"source: {len(src)} real articles, {len({g for g, _ in src})} incidents "
        f"({time.time() - t0:.0f}s)",
        flush=True,
    )
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    conn = sqlite3.connect(args.db)
    conn.isolation_level = None
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for sql in SCHEMA:
        conn.execute(sql)
    linker = DefaultLinker()
    gen = Generator(src, args.years, args.seed)
    state: dict[str, Any] = {}
    stored = 0
    print(
        f"{'articles':>10} {'incidents':>10} {'build_s':>8} {'p50_ms':>7} {'p95_ms':>7} "
        f"{'max_ms':>7} {'attach':>6} {'rss_mb':>7} {'peak_mb':>7} {'db_mb':>7}",
        flush=True,
    )
    for size in sizes:
        t = time.time()
        while stored < size:
            stored += bulk_load(conn, gen, min(50_000, size - stored), linker, state)
        build = time.time() - t
        m = measure(conn, gen, linker, args.queries, state)
        db_mb = (
            sum(
                Path(args.db + s).stat().st_size for s in ("", "-wal") if Path(args.db + s).exists()
            )
            / 2**20
        )
        print(
            f"{stored:>10} {state['n']:>10} {build:>8.0f} {m['p50_ms']:>7.2f} "
            f"{m['p95_ms']:>7.2f} {m['max_ms']:>7.1f} {m['attached']:>6.2f} "
            f"{m['rss_mb']:>7.0f} {m['peak_rss_mb']:>7.0f} {db_mb:>7.0f}",
            flush=True,
        )
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
