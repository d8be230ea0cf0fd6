"""The command line as a user runs it: ingest, read back, export, errors, crashes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import eventdesk
from eventdesk.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SCHEMA = json.loads(
    (Path(eventdesk.__file__).parent / "schema" / "incident.schema.json").read_text()
)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), input=input)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    code, _, err = run("ingest", str(EXAMPLES), "--db", db)
    assert code == 0, err
    return db


def test_demo_sample(demo_db: str) -> None:
    code, out, _ = run("incidents", "--db", demo_db, "--json")
    assert code == 0
    recs = [json.loads(line) for line in out.splitlines()]
    for rec in recs:
        jsonschema.validate(rec, SCHEMA)
    by_article = {a: r for r in recs for a in r["articles"]}
    dayton = by_article["dayton-ledger-0309"]
    assert "ohio-star-0310" in dayton["articles"]
    assert "wire-0310-copy" not in dayton["articles"]  # syndicated copy: not a second source
    assert [d["article"] for d in dayton["duplicates"]] == ["wire-0310-copy"]
    assert dayton["killed"]["value"] == 2
    assert dayton["injured"]["value"] == 1  # the 29-year-old woman counted injured later died
    assert dayton["location"]["name"] == "Dayton" and dayton["location"]["admin1"] == "Ohio"
    # one record per person: the woman "taken to hospital", then "has died", is Tanya Brooks
    people = dayton["participants"]
    assert {p["name"] for p in people} == {
        "Maria Keller",
        "Marcus Hale",
        "Tanya Brooks",
        "Devon Price",
        None,  # the 41-year-old man, never named
    }
    assert len(people) == 5
    assert by_article["rhone-0502"]["id"] == by_article["lyon-followup"]["id"]
    assert by_article["tacoma-warehouse"]["id"] not in {
        dayton["id"],
        by_article["rhone-0502"]["id"],
    }


def test_reingest_changes_nothing(demo_db: str) -> None:
    before = sqlite3.connect(demo_db).execute("SELECT COUNT(*), MAX(seq) FROM articles").fetchone()
    _, out1, _ = run("export", "--db", demo_db)
    code, _, err = run("ingest", str(EXAMPLES), "--db", demo_db)
    assert code == 0
    assert "0 stored" in err and "6 duplicates" in err
    after = sqlite3.connect(demo_db).execute("SELECT COUNT(*), MAX(seq) FROM articles").fetchone()
    assert before == after
    _, out2, _ = run("export", "--db", demo_db)
    assert out1 == out2


def test_show_articles_and_csv(demo_db: str, tmp_path: Path) -> None:
    _, out, _ = run("incidents", "--db", demo_db, "--json")
    first = json.loads(out.splitlines()[0])
    code, shown, _ = run("show", first["id"], "--db", demo_db)
    assert code == 0 and first["title"] in shown and "timeline" in shown
    code, _, _ = run("show", "nope", "--db", demo_db)
    assert code == 2
    dayton = next(json.loads(x) for x in out.splitlines() if "Dayton" in x)
    _, shown, _ = run("show", dayton["id"], "--db", demo_db)
    listed = shown.split("articles:")[1]
    assert listed.count("wire-0310-copy") == 1 and "copy of ohio-star-0310" in listed
    code, out, _ = run("articles", "--db", demo_db, "--json")
    arts = [json.loads(line) for line in out.splitlines()]
    assert {a["id"] for a in arts} >= {"dayton-ledger-0309", "tacoma-warehouse", "lyon-followup"}
    assert all("text" in a for a in arts)
    target = tmp_path / "out.csv"
    code, _, _ = run("export", "--db", demo_db, "--format", "csv", "-o", str(target))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert len(rows) == len(out.splitlines()) - 1 or len(rows) >= 3


def test_bad_input_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "bad.db")
    bad = ROOT / "examples" / "bad"
    code, _, err = run("ingest", str(bad), "--db", db)
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("error")]
    assert len(lines) == 5, err
    assert any("empty.txt" in ln and "empty" in ln for ln in lines)
    assert any("latin1.txt" in ln and "UTF-8" in ln for ln in lines)
    assert any("mixed.jsonl:2" in ln and "id" in ln for ln in lines)
    assert "1 stored" in err
    assert run("incidents", "--db", db, "--json")[0] == 0
    # usage errors
    assert run("ingest", "--db", db)[0] == 2
    assert run("incidents", "--db", str(tmp_path / "missing.db"))[0] == 2
    assert run("export", "--db", db, "--format", "xml")[0] == 2


def test_stdin_jsonl(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    line = json.dumps(
        {
            "id": "s1",
            "text": "Two men were shot and injured in Toledo, Ohio, on Monday night, police said.",
        }
    )
    code, _, err = run("ingest", "-", "--db", db, input=line + "\n")
    assert code == 0, err
    assert eventdesk.open(db).article("s1") is not None


def _articles(n: int) -> str:
    towns = [
        "Akron",
        "Toledo",
        "Dayton",
        "Columbus",
        "Cincinnati",
        "Cleveland",
        "Youngstown",
        "Canton",
    ]
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        out.append(
            json.dumps(
                {
                    "id": f"a{i:04d}",
                    "published": f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}",
                    "text": (
                        f"A {20 + i % 40}-year-old man was shot and killed on the {100 + i} block of Elm Street in "
                        f"{town}, Ohio, on Tuesday night, police said. Officers found victim number {i} "
                        f"with a gunshot wound. Detectives are looking for a suspect described as driving a "
                        f"car with plate {i * 7919 % 100000}. " * 3
                    ),
                }
            )
        )
    return "\n".join(out) + "\n"


def _processes_mentioning(needle: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_kill_9_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    src = tmp_path / "many.jsonl"
    n = 400
    src.write_text(_articles(n))
    cmd = [sys.executable, "-m", "eventdesk.cli", "ingest", str(src), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 20:
                break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 0 < stored < n, "the ingest must be interrupted part-way for this test to mean anything"
    # no analysis worker outlives the killed ingest
    time.sleep(1.0)
    assert not _processes_mentioning(str(db)), "worker processes left behind"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (n, n)
    assert con.execute("SELECT COUNT(*) FROM articles WHERE incident_id IS NULL").fetchone()[0] == 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    listed = sum(
        len(json.loads(r[0])["articles"]) for r in con.execute("SELECT record FROM incidents")
    )
    dups = con.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert listed + dups == n


def test_the_command_s_exit_keeps_codes_and_output(tmp_path: Path) -> None:
    """``cli.run`` ends the process without tearing down what it loaded: exit codes and the
    last lines of output must survive that."""
    db = tmp_path / "x.db"
    src = tmp_path / "one.txt"
    src.write_text("Two men were shot and killed late Saturday in Chicago, police said.\n")
    base = [sys.executable, "-m", "eventdesk.cli"]
    ok = subprocess.run(
        [*base, "ingest", str(src), "--db", str(db)], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "1 stored" in ok.stderr
    listed = subprocess.run([*base, "incidents", "--db", str(db)], capture_output=True, text=True)
    assert listed.returncode == 0 and "Chicago" in listed.stdout
    bad = subprocess.run([*base, "show", "nope", "--db", str(db)], capture_output=True, text=True)
    assert bad.returncode == 2 and "no incident 'nope'" in bad.stderr
