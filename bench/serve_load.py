"""Load check for the web desk: concurrent readers while an ingest writes.

    python bench/serve_load.py [--seconds 60] [--clients 50] [--articles 1000]

Builds a database seeded with synthetic incidents (``eventdesk.serve.sample``), starts
``eventdesk serve`` on 127.0.0.1, starts ``eventdesk ingest`` of K articles (the first K of
../shared/data/gva-dev/articles.jsonl when present, else generated ones) in another process,
and runs N asyncio+httpx clients that read ``/api/incidents`` (random filters, sorts and pages)
and incident pages for the given time.  Prints errors and p50/p95/p99 latency (goal: p95 below
200 ms, zero errors).  Only loopback traffic; every loop is bounded in time; child processes
are stopped at the end.

``--writer synthetic`` replaces the real ingest by a process that commits incident records
through ``Store`` as fast as it can (for when the NLP pipeline is not available).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "gva-dev" / "articles.jsonl"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_articles(out: Path, n: int, source: Path) -> str:
    if source.exists():
        with source.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        return f"first {n} of {source}"
    rng = random.Random(1)
    cities = ["Tacoma", "Dayton", "Memphis", "Fresno", "Tulsa", "Omaha", "Akron", "Boise"]
    with out.open("w", encoding="utf-8") as dst:
        for i in range(n):
            city = rng.choice(cities)
            k, w = rng.randint(0, 4), rng.randint(0, 6)
            text = (
                f"{k} people were killed and {w} were injured in a shooting in {city} on "
                f"Saturday night, police said. Officers found the victims near a parking lot "
                f"on Main Street. No arrests had been made by Sunday morning. Case {i}."
            )
            dst.write(
                json.dumps(
                    {
                        "id": f"gen-{i}",
                        "title": f"Shooting in {city}",
                        "text": text,
                        "published": "2024-05-0" + str(1 + i % 9),
                        "source": f"Outlet {i % 17}",
                    }
                )
                + "\n"
            )
    return f"{n} generated articles ({source} not found)"


#: Indexes proposed for the store (one per sortable list column); --proposed-indexes adds
#: them to the benchmark database to show what they change.
PROPOSED_INDEXES = [
    "CREATE INDEX IF NOT EXISTS incidents_injured ON incidents(injured)",
    "CREATE INDEX IF NOT EXISTS incidents_n_articles ON incidents(n_articles)",
    "CREATE INDEX IF NOT EXISTS incidents_title ON incidents(title)",
    "CREATE INDEX IF NOT EXISTS incidents_place ON incidents(place COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS incidents_updated ON incidents(updated_at)",
]

SYNTHETIC_WRITER = r"""
import sys, time
from eventdesk.serve.sample import _record, _count
from eventdesk.store.db import Store
store = Store(sys.argv[1]); n = int(sys.argv[2]); deadline = time.monotonic() + float(sys.argv[3])
for i in range(n):
    if time.monotonic() > deadline: break
    with store.transaction():
        iid = f"w{i:06d}"; store.create_incident(iid)
        store.save_incident_record(_record(iid, articles=[], title=f"Written during load {i}",
            summary="written by the synthetic writer", date="2025-01-01", place="Loadtown",
            country="US", killed=_count(i % 5, [])))
    time.sleep(0.02)
print(i + 1)
"""


async def run_clients(
    base: str, n_clients: int, seconds: float, think: float, seed: int
) -> tuple[dict[str, list[tuple[float, int | str]]], dict[str, list[float]]]:
    results: dict[str, list[tuple[float, int | str]]] = {"api_list": [], "incident_page": []}
    server_ms: dict[str, list[float]] = {"api_list": [], "incident_page": []}
    # Drop idle connections before uvicorn's 5 s keep-alive timeout does: with equal timeouts
    # a request can race the server's close and fail with ReadError.
    limits = httpx.Limits(
        max_connections=n_clients, max_keepalive_connections=n_clients, keepalive_expiry=2.0
    )
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10.0) as client:
        first = await client.get("/api/incidents", params={"per_page": 100})
        ids = [it["id"] for it in first.json()["items"]]
        deadline = time.monotonic() + seconds
        # Half the list requests use the default order (what the desk opens with), the rest
        # spread over the other columns.
        sorts = ["-date"] * 6 + ["date", "-killed", "killed", "title", "-articles", "place"]
        countries = [None, None, "US", "FR", "GB", "NG", "IN"]
        types = [None, None, None, "armed_assault", "bombing", "arson"]

        async def one(cid: int) -> None:
            rng = random.Random(seed * 1000 + cid)
            while time.monotonic() < deadline:
                if rng.random() < 0.5:
                    kind = "api_list"
                    params: dict[str, Any] = {
                        "sort": rng.choice(sorts),
                        "page": rng.randint(1, 20),
                        "per_page": 25,
                    }
                    if c := rng.choice(countries):
                        params["country"] = c
                    if t := rng.choice(types):
                        params["event_type"] = t
                    if rng.random() < 0.2:
                        params["q"] = rng.choice(["market", "school", "shooting", "police"])
                    if rng.random() < 0.2:
                        params["min_killed"] = rng.randint(1, 5)
                    url, kw = "/api/incidents", {"params": params}
                else:
                    kind = "incident_page"
                    url, kw = f"/incidents/{rng.choice(ids)}", {}
                t0 = time.perf_counter()
                try:
                    r = await client.get(url, **kw)  # type: ignore[arg-type]
                    status: int | str = r.status_code
                    timing = r.headers.get("server-timing", "")
                    if timing.startswith("app;dur="):
                        server_ms[kind].append(float(timing[8:]))
                    if kind == "api_list" and r.status_code == 200 and rng.random() < 0.1:
                        # Keep following what the ingest adds.
                        ids.extend(it["id"] for it in r.json()["items"][:3])
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                results[kind].append((time.perf_counter() - t0, status))
                if think:
                    await asyncio.sleep(rng.uniform(0, 2 * think))

        await asyncio.gather(*(one(i) for i in range(n_clients)))
    return results, server_ms


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def summarise(results: dict[str, list[tuple[float, int | str]]], seconds: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    everything: list[tuple[float, int | str]] = []
    for kind, rows in [*results.items(), ("all", [])]:
        rows = rows if kind != "all" else everything
        lat = [t * 1000 for t, _ in rows]
        errors = [s for _, s in rows if s != 200]
        out[kind] = {
            "requests": len(rows),
            "rps": round(len(rows) / seconds, 1),
            "errors": len(errors),
            "error_kinds": sorted({str(e) for e in errors}),
            "p50_ms": round(pct(lat, 0.50), 1),
            "p95_ms": round(pct(lat, 0.95), 1),
            "p99_ms": round(pct(lat, 0.99), 1),
            "mean_ms": round(statistics.fmean(lat), 1) if lat else None,
        }
        if kind != "all":
            everything.extend(rows)
    return out


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited early")
        try:
            if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--articles", type=int, default=1000, help="articles ingested during the run")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument(
        "--seed-incidents",
        type=int,
        default=10_000,
        help="synthetic incidents in the database before the run",
    )
    ap.add_argument("--writer", choices=["ingest", "synthetic", "none"], default="ingest")
    ap.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause between a client's requests, seconds (0: back to back)",
    )
    ap.add_argument(
        "--ingest-nice",
        type=int,
        default=0,
        help="run the writer at this nice level (e.g. 10: the server gets the CPU first)",
    )
    ap.add_argument(
        "--proposed-indexes",
        action="store_true",
        help="add the proposed sort-column indexes to the database first",
    )
    ap.add_argument("--workdir", type=Path, default=None, help="keep the database here")
    ap.add_argument("--json", type=Path, default=None, help="also write the summary here")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="serve_load_"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "load.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    from eventdesk.serve.sample import build_sample_db

    t0 = time.monotonic()
    build_sample_db(db, bulk=args.seed_incidents)
    print(
        f"seeded {db} with {args.seed_incidents + 2} incidents in {time.monotonic() - t0:.1f}s",
        file=sys.stderr,
    )
    if args.proposed_indexes:
        import sqlite3

        conn = sqlite3.connect(db)
        for sql in PROPOSED_INDEXES:
            conn.execute(sql)
        conn.commit()
        conn.close()
    articles = work / "articles.jsonl"
    what = write_articles(articles, args.articles, args.source)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, EVENTDESK_TILES_URL="")
    server = subprocess.Popen(
        [
            str(BIN / "eventdesk"),
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writer: subprocess.Popen[bytes] | None = None
    try:
        wait_ready(base, server)
        before = httpx.get(base + "/api/stats").json()
        if args.writer == "ingest":
            cmd = [str(BIN / "eventdesk"), "ingest", str(articles), "--db", str(db), "-q"]
        elif args.writer == "none":
            cmd = [sys.executable, "-c", "pass"]
        else:
            cmd = [
                sys.executable,
                "-c",
                SYNTHETIC_WRITER,
                str(db),
                str(args.articles),
                str(args.seconds),
            ]
        if args.ingest_nice:
            cmd = ["nice", "-n", str(args.ingest_nice), *cmd]
        writer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.5)
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        results, server_ms = asyncio.run(
            run_clients(base, args.clients, args.seconds, args.think, 1)
        )
        elapsed = time.monotonic() - started
        writer_done = writer.poll() is not None
        writer_rc = writer.returncode
        stop(writer)
        err_tail = (writer.stderr.read().decode(errors="replace") if writer.stderr else "")[-800:]
        # Counted after the writer stopped: its last transaction is committed or rolled back.
        time.sleep(0.5)
        after = httpx.get(base + "/api/stats").json()
    finally:
        stop(writer)
        stop(server)

    summary = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "think_s": args.think,
        "writer": args.writer,
        "writer_nice": args.ingest_nice,
        "proposed_indexes": args.proposed_indexes,
        "articles": what,
        "writer_finished_in_window": writer_done,
        "writer_exit": writer_rc,
        "stored_during_run": {
            "articles": after["articles"]
            + after["duplicates"]
            - before["articles"]
            - before["duplicates"],
            "incidents": after["incidents"] - before["incidents"],
        },
        # Other work on the machine shares the cores: say how busy it was.
        "loadavg_1m_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cpus": os.cpu_count(),
        "latency": summarise(results, elapsed),
        # Time inside the app (Server-Timing), without client and queueing time.
        "server_ms": {
            kind: {"p50": round(pct(v, 0.5), 1), "p95": round(pct(v, 0.95), 1)}
            for kind, v in server_ms.items()
        },
    }
    if writer_rc not in (None, 0) and err_tail:
        summary["writer_stderr_tail"] = err_tail
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    overall = summary["latency"]["all"]
    verdict = "OK" if overall["errors"] == 0 and overall["p95_ms"] < 200 else "MISSED GOAL"
    print(
        f"{verdict}: {overall['requests']} requests, {overall['errors']} errors, "
        f"p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms (goal < 200 ms, 0 errors)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
