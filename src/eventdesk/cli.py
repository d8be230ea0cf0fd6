"""The ``eventdesk`` command line (click)."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True, highlight=False)


def out_console() -> Console:
    # Piped output is not cut to 80 columns: tables stay one row per incident.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db",
        envvar="EVENTDESK_DB",
        default="eventdesk.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="Database file (or $EVENTDESK_DB).",
    )(f)


def _desk(db: str, must_exist: bool = True) -> Any:
    import eventdesk

    if must_exist and not Path(db).exists():
        raise click.UsageError(f"no database at {db} (run `eventdesk ingest` first or pass --db)")
    return eventdesk.open(db)


@click.group()
@click.version_option(package_name="eventdesk")
def main() -> None:
    """Raw news articles in, a deduplicated, source-attributed incident database out."""


# --- ingest --------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--no-refine", is_flag=True, help="Skip the merge/split pass over the incidents touched."
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    envvar="EVENTDESK_PROCESSES",
    default=None,
    help="Worker processes for analysis and extraction (or $EVENTDESK_PROCESSES; "
    "default: one per core, at most 2; runs under 64 articles stay in one process).",
)
def ingest(
    paths: tuple[str, ...], db: str, quiet: bool, no_refine: bool, processes: int | None
) -> None:
    """Ingest .txt, .html, .jsonl(.gz) files or directories; "-" reads JSONL from stdin."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from eventdesk.api import Desk

    desk = Desk(db, processes=processes)

    def on_error(message: str) -> None:
        # One line per bad item, plain (no markup interpretation of untrusted names).
        err.print(f"[red]error[/red] {escape(message)}", soft_wrap=True)

    show_bar = not quiet and sys.stderr.isatty()
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show_bar,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=None)
        report = desk.ingest(
            list(paths),
            on_error=on_error,
            on_progress=lambda n: progress.advance(task, n),
            refine=not no_refine,
        )
    if not quiet:
        counts = desk.store.counts()
        err.print(
            f"{report.summary()}; database {db}: {counts['articles']} articles, "
            f"{counts['duplicates']} duplicates, {counts['incidents']} incidents",
            soft_wrap=True,
        )
    desk.close()
    sys.exit(report.exit_code)


# --- read back -----------------------------------------------------------------------------


def _place(rec: dict[str, Any]) -> str:
    loc = rec.get("location") or {}
    parts = [loc.get("name"), loc.get("admin1") if loc.get("country") == "US" else None]
    parts.append(loc.get("country"))
    return ", ".join(p for p in parts if p) or "?"


def _num(v: Any) -> str:
    return "?" if v is None else str(v)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
@click.option("--limit", type=int, default=None, help="Show at most N incidents.")
def incidents(db: str, as_json: bool, limit: int | None) -> None:
    """List incidents: id, date, place, type, killed, injured, #articles, title."""
    desk = _desk(db)
    records = list(desk.records())[:limit] if limit else list(desk.records())
    if as_json:
        for rec in records:
            click.echo(json.dumps(rec, ensure_ascii=False))
        return
    table = Table(show_lines=False)
    for col in ("id", "date", "place", "type", "killed", "injured", "#art"):
        table.add_column(
            col, no_wrap=True, justify="right" if col in ("killed", "injured", "#art") else "left"
        )
    table.add_column("title", overflow="fold")
    for rec in records:
        table.add_row(
            rec["id"],
            (rec.get("date") or {}).get("value") or "unknown",
            _place(rec),
            rec.get("event_type") or "",
            _num((rec.get("killed") or {}).get("value")),
            _num((rec.get("injured") or {}).get("value")),
            str(len(rec.get("articles") or [])),
            rec.get("title") or "",
        )
    out_console().print(table)


def _ev_line(ev: list[dict[str, Any]], width: int = 110) -> str:
    if not ev:
        return ""
    e = ev[0]
    quote = " ".join(e["quote"].split())
    if len(quote) > width:
        quote = quote[: width - 1] + "…"
    more = f" (+{len(ev) - 1} more)" if len(ev) > 1 else ""
    return f'{e["article"]}[{e["start"]}:{e["end"]}] "{quote}"{more}'


@main.command()
@click.argument("incident_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The export record as JSON.")
def show(incident_id: str, db: str, as_json: bool) -> None:
    """One incident: facts with evidence and alternatives, articles, timeline, summary."""
    from rich.markup import escape

    desk = _desk(db)
    desk.settle()
    rec = desk.store.incident_record(incident_id)
    if rec is None:
        raise click.UsageError(f"no incident {incident_id!r} (see `eventdesk incidents`)")
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    out = out_console()
    out.print(f"[bold]{escape(rec['title'])}[/bold]  ({rec['id']})")
    out.print(escape(rec.get("summary") or ""), soft_wrap=True)
    out.print()

    def fact(label: str, value: str, obj: dict[str, Any]) -> None:
        out.print(
            f"[bold]{label}[/bold]: {escape(value)}   {escape(_ev_line(obj.get('evidence') or []))}"
        )
        for alt in obj.get("alternatives") or []:
            v = alt["value"]
            v = v.get("name") if isinstance(v, dict) else v
            out.print(
                f"    [yellow]{alt['status']}[/yellow]: {escape(str(v))}   {escape(_ev_line(alt['evidence']))}"
            )

    date = rec["date"]
    basis = " — publication date, not in the text" if date.get("basis") == "publication" else ""
    fact("date", f"{date.get('value') or 'unknown'} ({date.get('precision')}){basis}", date)
    fact(
        "place",
        _place(rec)
        + (f" — {rec['location'].get('detail')}" if rec["location"].get("detail") else "")
        + (
            " — the outlet's home, not in the text"
            if rec["location"].get("basis") == "outlet"
            else ""
        ),
        rec["location"],
    )
    out.print(
        f"[bold]type[/bold]: {rec['event_type']}   {escape(_ev_line(rec.get('event_type_evidence') or []))}"
    )
    for key in ("killed", "injured"):
        obj = rec[key]
        q = f"{obj.get('qualifier')} " if obj.get("qualifier") else ""
        how = f"   (derivation: {obj['derivation']})" if obj.get("derivation") else ""
        fact(key, q + _num(obj.get("value")) + how, obj)
    for w in rec.get("weapons") or []:
        surf = ", ".join(w.get("surface") or [])
        out.print(
            f"[bold]weapon[/bold]: {escape(w['value'])} ({escape(surf)})   {escape(_ev_line(w['evidence']))}"
        )
    for c in rec.get("claims") or []:
        out.print(
            f"[bold]claim[/bold]: {escape(c['value'])} {c.get('kind', '')}   {escape(_ev_line(c['evidence']))}"
        )
    for c in rec.get("corrections") or []:
        out.print(
            f"[bold]{c['status']}[/bold]: {escape(c['value'])}   {escape(_ev_line(c['evidence']))}"
        )
    if rec.get("participants"):
        out.print("[bold]participants[/bold]:")
        for p in rec["participants"]:
            bits = [p.get("name") or p.get("description") or "(unnamed)", p["role"], p["status"]]
            if p.get("age"):
                bits.append(f"age {p['age']}")
            if p.get("gender"):
                bits.append(p["gender"])
            out.print(
                f"  - {escape(', '.join(str(b) for b in bits))}   {escape(_ev_line(p['evidence']))}"
            )
    out.print(
        "[bold]timeline[/bold] ("
        + (rec["timeline"][0]["order"] if rec.get("timeline") else "-")
        + " order):"
    )
    for t in rec.get("timeline") or []:
        out.print(f"  {t.get('time') or '-'}  {t['article']}: {escape(t['change'])}")
    out.print("[bold]articles[/bold]:")
    copies = {d["article"]: d for d in rec.get("duplicates") or []}
    for s in rec.get("sources") or []:
        d = copies.pop(s["article"], None)  # a near copy that reports newer figures: one line
        of = f"copy of {d['duplicate_of']}  " if d else ""
        out.print(
            f"  {s['article']}  {of}{escape(s.get('source') or '-')}  {s.get('published') or '-'}"
            f"  {escape(s.get('title') or '')}"
        )
    for d in copies.values():
        out.print(
            f"  {d['article']}  copy of {d['duplicate_of']}  {escape(d.get('source') or '-')}"
        )


CSV_COLUMNS = [
    "id",
    "date",
    "date_precision",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "location_precision",
    "event_type",
    "killed",
    "injured",
    "n_articles",
    "articles",
    "weapons",
    "title",
    "summary",
]


def csv_row(rec: dict[str, Any]) -> dict[str, Any]:
    loc = rec.get("location") or {}
    return {
        "id": rec["id"],
        "date": rec["date"].get("value"),
        "date_precision": rec["date"].get("precision"),
        "place": loc.get("name"),
        "admin1": loc.get("admin1"),
        "country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "event_type": rec.get("event_type"),
        "killed": rec["killed"].get("value"),
        "injured": rec["injured"].get("value"),
        "n_articles": len(rec.get("articles") or []),
        "articles": ";".join(rec.get("articles") or []),
        "weapons": ";".join(w["value"] for w in rec.get("weapons") or []),
        "title": rec.get("title"),
        "summary": rec.get("summary"),
    }


@main.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default stdout).",
)
def export(db: str, fmt: str, output: str) -> None:
    """Export every incident (JSONL follows schema/incident.schema.json)."""
    desk = _desk(db)
    fh: IO[str] = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        if fmt == "jsonl":
            for rec in desk.records():
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for rec in desk.records():
                writer.writerow(csv_row(rec))
    finally:
        if fh is not sys.stdout:
            fh.close()


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, with clean text.")
def articles(db: str, as_json: bool) -> None:
    """List stored articles (with --json: clean text, to check evidence offsets)."""
    desk = _desk(db)
    rows = desk.articles()
    if as_json:
        for a in rows:
            click.echo(json.dumps(a, ensure_ascii=False))
        return
    table = Table()
    for col in ("id", "incident", "source", "published", "duplicate of", "title"):
        table.add_column(col, overflow="fold")
    for a in rows:
        table.add_row(
            a["id"],
            a["incident"] or "",
            a["source"] or "",
            a["published"] or "",
            a["duplicate_of"] or "",
            a["title"] or "",
        )
    out_console().print(table)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--raw", is_flag=True, help="Print the raw text as received.")
def article(article_id: str, db: str, raw: bool) -> None:
    """Print one article's clean text (or raw text)."""
    desk = _desk(db)
    a = desk.article(article_id)
    if a is None:
        raise click.UsageError(f"no article {article_id!r}")
    click.echo(a["raw"] if raw else a["text"])


# --- human decisions -----------------------------------------------------------------------


def _decide(fn: Callable[[], Any]) -> Any:
    from eventdesk.decisions import DecisionError

    try:
        return fn()
    except DecisionError as exc:
        raise click.UsageError(str(exc)) from exc


@main.command()
@click.argument("keep")
@click.argument("other")
@db_option
@click.option("--actor", default=None, help="Who decides (default: $USER).")
def merge(keep: str, other: str, db: str, actor: str | None) -> None:
    """Merge incident OTHER into KEEP."""
    import getpass

    desk = _desk(db)
    _decide(lambda: desk.merge(keep, other, actor or getpass.getuser()))
    click.echo(f"merged {other} into {keep}")


@main.command()
@click.argument("incident_id")
@click.option(
    "--articles",
    "article_ids",
    multiple=True,
    required=True,
    help="Article ids to split off (repeat or comma-separate).",
)
@db_option
@click.option("--actor", default=None)
def split(incident_id: str, article_ids: tuple[str, ...], db: str, actor: str | None) -> None:
    """Split the given articles off INCIDENT into a new incident."""
    import getpass

    ids = [x for a in article_ids for x in a.split(",") if x]
    desk = _desk(db)
    new_id = _decide(lambda: desk.split(incident_id, ids, actor or getpass.getuser()))
    click.echo(f"split {len(ids)} article(s) into {new_id}")


@main.command()
@click.argument("article_id")
@click.argument("incident_id")
@db_option
@click.option("--actor", default=None)
def move(article_id: str, incident_id: str, db: str, actor: str | None) -> None:
    """Move ARTICLE to INCIDENT."""
    import getpass

    desk = _desk(db)
    _decide(lambda: desk.move(article_id, incident_id, actor or getpass.getuser()))
    click.echo(f"moved {article_id} to {incident_id}")


@main.command()
@db_option
def refine(db: str) -> None:
    """Merge incidents that are one and split those that hold two (never undoing a human)."""
    desk = _desk(db)
    n = desk.refine()
    click.echo(f"{n} merge/split operation(s) applied (see `eventdesk log`)")


@main.command(name="log")
@db_option
@click.option("--json", "as_json", is_flag=True)
def log_cmd(db: str, as_json: bool) -> None:
    """The audit log of human decisions."""
    desk = _desk(db)
    for d in desk.log():
        if as_json:
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            what = {k: v for k, v in d.items() if k not in ("id", "at", "actor", "action")}
            brief = {k: v for k, v in what.items() if not isinstance(v, list)}
            click.echo(f"{d['id']:>4}  {d['at']}  {d['actor']}  {d['action']}  {json.dumps(brief)}")


# --- eval ----------------------------------------------------------------------------------


@main.group(name="eval")
def eval_group() -> None:
    """Measure quality on the datasets in ../shared/data."""


@eval_group.command(name="clustering")
@click.option("--dataset", type=click.Choice(["ecbplus", "gva"]), required=True)
@click.argument("path", type=click.Path(exists=True))
@click.option("--topics", default=None, help="ECB+ topic range, e.g. 1-35 or 36-45.")
@click.option(
    "--db", "db", default=None, help="Keep the evaluation database here (default: temporary)."
)
def eval_clustering(dataset: str, path: str, topics: str | None, db: str | None) -> None:
    """B³ precision/recall/F1 of incident linking."""
    from eventdesk.eval.clustering import evaluate_clustering, format_scores

    result = evaluate_clustering(dataset, path, topics=topics, db_path=db)
    click.echo(format_scores(result))


@eval_group.command(name="facts")
@click.option("--dataset", type=click.Choice(["gva"]), required=True)
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--db", "db", default=None, help="Keep the evaluation database here (default: temporary)."
)
@click.option("--limit", type=int, default=None, help="Only the first N articles (quick runs).")
def eval_facts(dataset: str, path: str, db: str | None, limit: int | None) -> None:
    """Fact accuracy per gold incident (killed, injured, state, city, date, names)."""
    from eventdesk.eval.run import facts_and_summary

    click.echo(facts_and_summary(path, db_path=db, limit=limit, what="facts"))


@eval_group.command(name="summary")
@click.option("--dataset", type=click.Choice(["gva"]), required=True)
@click.argument("path", type=click.Path(exists=True))
@click.option("--db", "db", default=None)
@click.option("--limit", type=int, default=None)
def eval_summary(dataset: str, path: str, db: str | None, limit: int | None) -> None:
    """Share of summaries stating the gold killed/injured counts and the city."""
    from eventdesk.eval.run import facts_and_summary

    click.echo(facts_and_summary(path, db_path=db, limit=limit, what="summary"))


@eval_group.command(name="clean")
@click.argument("path", type=click.Path(exists=True), required=False)
@click.option(
    "--labels",
    type=click.Path(exists=True),
    default=None,
    help="Label file (default: tests/data/junk_labels.tsv).",
)
def eval_clean(path: str | None, labels: str | None) -> None:
    """Junk-line removal precision/recall on the hand-labelled gva-dev lines."""
    from eventdesk.eval.clean import evaluate_junk, format_junk

    root = Path(__file__).resolve().parents[2]
    labels = labels or str(root / "tests" / "data" / "junk_labels.tsv")
    path = path or str(root.parent / "shared" / "data" / "gva-dev" / "articles.jsonl")
    click.echo(format_junk(evaluate_junk(labels, path)))


@eval_group.command(name="html")
@click.argument("path", type=click.Path(exists=True))
def eval_html(path: str) -> None:
    """Main-text extraction F1 on the article-extraction benchmark directory."""
    from eventdesk.eval.clean import evaluate_html, format_html

    click.echo(format_html(evaluate_html(path)))


@eval_group.command(name="duplicates")
@click.argument("path", type=click.Path(exists=True))
def eval_duplicates(path: str) -> None:
    """Near-duplicate (syndicated copy) pairs flagged among the articles of a JSONL file."""
    from eventdesk.eval.clean import evaluate_duplicates, format_duplicates

    click.echo(format_duplicates(evaluate_duplicates(path)))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the export records."""
    path = Path(__file__).parent / "schema" / "incident.schema.json"
    click.echo(path.read_text(encoding="utf-8"))


# --- serve ---------------------------------------------------------------------------------


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, type=int, show_default=True)
@click.option(
    "--token",
    envvar="EVENTDESK_TOKEN",
    default=None,
    help="Enables POST /api/articles for requests carrying it.",
)
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """The web desk and HTTP API."""
    import uvicorn

    from eventdesk.serve.app import create_app

    _desk(db).close()
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")


def run() -> None:
    """The ``eventdesk`` command: ``main``, then an exit that skips tearing down what the
    command loaded.  Freeing the gazetteer's and spaCy's objects one by one took 0.6 s after
    every ingest; commands close their database themselves, and output is flushed here."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader that left (`| head`)
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
