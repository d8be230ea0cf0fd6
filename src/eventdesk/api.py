"""The Python API: ``desk = eventdesk.open("news.db"); desk.ingest(["articles/"])``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from eventdesk.ingest import IngestError, read_paths, read_stdin
from eventdesk.model import Incident, RawArticle
from eventdesk.pipeline import Components, IngestReport, Pipeline, iter_records
from eventdesk.store.db import Store, article_record, default_db_path


def incident_from_record(record: dict[str, Any]) -> Incident:
    fields = Incident.__dataclass_fields__
    return Incident(**{k: v for k, v in record.items() if k in fields})


class Desk:
    """One eventdesk database: ingest articles, read incidents, apply human decisions."""

    def __init__(
        self,
        path: str | Path | None = None,
        components: Components | None = None,
        processes: int | None = None,
    ) -> None:
        """``processes``: worker processes for analysis and extraction during ingest (None:
        one per core, at most 2; 1: everything in this process)."""
        self.path = str(path if path is not None else default_db_path())
        self.store = Store(self.path)
        self._components = components
        self._processes = processes
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.store, self._components, processes=self._processes)
        return self._pipeline

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- ingest ------------------------------------------------------------------------

    def ingest(
        self,
        items: Iterable[Any] | str | Path,
        *,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        refine: bool = True,
    ) -> IngestReport:
        """Ingest paths (files/directories, "-" for stdin), JSON-like dicts or RawArticles.

        ``refine``: after the run, one refinement pass over the incidents it touched.
        """
        if isinstance(items, str | Path):
            items = [items]
        self.pipeline.on_error = on_error
        self.pipeline.on_progress = on_progress
        self.pipeline.refine = refine
        return self.pipeline.run(self._items(items))

    @staticmethod
    def _items(items: Iterable[Any]) -> Iterator[RawArticle | IngestError]:
        dicts: list[Any] = []
        for item in items:
            if isinstance(item, dict | RawArticle):
                dicts.append(item)
                continue
            if dicts:
                yield from iter_records(dicts)
                dicts = []
            if str(item) == "-":
                yield from read_stdin()
            else:
                yield from read_paths([item])
        if dicts:
            yield from iter_records(dicts)

    # --- read --------------------------------------------------------------------------

    def settle(self) -> None:
        """Finish accounts an interrupted ingest left pending (cheap when there are none)."""
        if self.store.dirty_incidents():
            self.pipeline.flush()

    def incidents(self) -> list[Incident]:
        self.settle()
        return [incident_from_record(r) for r in self.store.iter_incident_records()]

    def incident(self, incident_id: str) -> Incident | None:
        self.settle()
        rec = self.store.incident_record(incident_id)
        return incident_from_record(rec) if rec else None

    def records(self) -> Iterator[dict[str, Any]]:
        """Export records (the JSON Schema contract), one per incident."""
        self.settle()
        yield from self.store.iter_incident_records()

    def article_incidents(self) -> dict[str, str]:
        return self.store.article_incidents()

    def articles(self) -> list[dict[str, Any]]:
        return [article_record(r) for r in self.store.iter_article_rows()]

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.store.article_row(article_id)
        return article_record(row, with_facts=True, with_raw=True) if row is not None else None

    # --- human decisions ---------------------------------------------------------------

    def merge(self, a: str, b: str, actor: str = "user") -> str:
        from eventdesk.decisions import merge

        return merge(self.pipeline, a, b, actor)

    def split(self, incident_id: str, article_ids: list[str], actor: str = "user") -> str:
        from eventdesk.decisions import split

        return split(self.pipeline, incident_id, article_ids, actor)

    def move(self, article_id: str, incident_id: str, actor: str = "user") -> None:
        from eventdesk.decisions import move

        move(self.pipeline, article_id, incident_id, actor)

    def refine(self, incident_ids: list[str] | None = None) -> int:
        """One refinement pass (whole store by default); returns the operations applied."""
        from eventdesk.decisions import refine_incidents

        return len(refine_incidents(self.pipeline, incident_ids))

    def log(self) -> list[dict[str, Any]]:
        return self.store.decisions()
