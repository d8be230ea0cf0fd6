"""Shared harness for the gva-dev evaluations: ingest through the normal path, then score."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import eventdesk
from eventdesk.model import Fact
from eventdesk.store.db import Store


def gva_records(articles_path: str | Path, limit: int | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Ingest records (gold answer removed) and the gold incident of each article."""
    records, gold_of = [], {}
    with open(articles_path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            gold_of[rec["id"]] = str(rec.pop("incident_id"))
            records.append(rec)
            if limit and len(records) >= limit:
                break
    return records, gold_of


def ingest_into(db_path: str | Path, records: list[dict[str, Any]]) -> eventdesk.api.Desk:
    desk = eventdesk.open(db_path)
    desk.ingest(records)
    return desk


def facts_by_article(store: Store) -> dict[str, list[Fact]]:
    return {r["id"]: Store.row_facts(r) for r in store.iter_article_rows()}


def facts_and_summary(
    articles_path: str | Path, db_path: str | None = None, limit: int | None = None, what: str = "facts"
) -> str:
    from eventdesk.eval import summary as summ

    incidents_path = Path(articles_path).with_name("incidents.jsonl")
    records, gold_of = gva_records(articles_path, limit)
    with tempfile.TemporaryDirectory() as tmp:
        desk = ingest_into(db_path or Path(tmp) / "eval.db", records)
        pred_of = desk.article_incidents()
        recs = {r["id"]: r for r in desk.records()}
        if what == "summary":
            m = summ.evaluate_summaries(
                recs, facts_by_article(desk.store), summ.load_gold(incidents_path), gold_of, pred_of
            )
            desk.close()
            return summ.format_summaries(m)
        from eventdesk.eval.facts import evaluate_incidents, format_report

        m = evaluate_incidents(recs, summ.load_gold(incidents_path), gold_of, pred_of)
        desk.close()
        return format_report(m)
