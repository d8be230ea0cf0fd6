"""The gva-dev fact and summary evaluations, run through the normal ingest path."""

from __future__ import annotations

import tempfile
from pathlib import Path

import eventdesk
from eventdesk.eval import facts as fact_eval
from eventdesk.eval import summary as summary_eval
from eventdesk.model import Fact
from eventdesk.store.db import Store


def facts_by_article(store: Store) -> dict[str, list[Fact]]:
    return {r["id"]: Store.row_facts(r) for r in store.iter_article_rows()}


def _ingested(articles_path: str | Path, db_path: Path, limit: int | None) -> eventdesk.api.Desk:
    """A database holding the gva-dev articles: reused when ``db_path`` exists."""
    fresh = not db_path.exists()
    desk = eventdesk.open(db_path)
    if fresh:
        arts = fact_eval.load_articles(articles_path)
        desk.ingest([fact_eval.ingest_record(a) for a in arts[:limit]])
    return desk


def facts_and_summary(
    articles_path: str | Path,
    db_path: str | None = None,
    limit: int | None = None,
    what: str = "facts",
) -> str:
    """``eventdesk eval facts|summary``: ingest gva-dev (or reuse ``db_path``), then score."""
    incidents_path = Path(articles_path).with_name("incidents.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        desk = _ingested(articles_path, Path(db_path or Path(tmp) / "eval.db"), limit)
        try:
            if what == "facts":
                result = fact_eval.evaluate_facts(
                    articles_path, incidents_path, predicted=desk.incidents(), mode="incidents"
                )
                return fact_eval.format_report(result)
            gold = fact_eval.load_incidents(incidents_path)
            gold_of = {
                str(a["id"]): str(a["incident_id"]) for a in fact_eval.load_articles(articles_path)
            }
            m = summary_eval.evaluate_summaries(
                {r["id"]: r for r in desk.records()},
                facts_by_article(desk.store),
                gold,
                gold_of,
                desk.article_incidents(),
            )
            return summary_eval.format_summaries(m)
        finally:
            desk.close()
