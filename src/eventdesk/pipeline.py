"""The main job: raw items -> clean -> analyze -> extract -> link -> store -> reconcile.

Articles stream through in input order.  Cleaning and duplicate checks happen first (cheap);
analysis and extraction, which need nothing but the article, run in batches in worker
processes (``analyze_and_extract``); linking, storing and reconciling happen in this process,
one article at a time, each article in its own transaction, so an interrupted run loses at most the
article in flight and a re-run skips everything already stored.  Incident accounts are
recomputed in bulk (``flush``: every ``FLUSH_EVERY`` articles and at the end of a run); the
incidents awaiting it are marked ``dirty`` in the same transaction as the article, so a crash
leaves nothing behind that the next run does not finish.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, islice
from typing import Any

from eventdesk.analyze import Analyzer, get_analyzer
from eventdesk.clean import Cleaner, CleanError, get_cleaner
from eventdesk.clean.fingerprint import (
    DUPLICATE_THRESHOLD,
    exact_hash,
    minhash_bands,
    similarity,
)
from eventdesk.extract import Extractor, get_extractor
from eventdesk.extract.location import apply_place_prior
from eventdesk.ingest import IngestError, outlet_of_url
from eventdesk.link import Linker, get_linker
from eventdesk.model import Analysis, Article, ArticleFacts, Fact, RawArticle
from eventdesk.reconcile import Report, reconcile
from eventdesk.store.db import Store
from eventdesk.store.link_index import SqliteCandidateIndex
from eventdesk.workers import default_processes, gc_paused, ordered_map

#: Reconcile the incidents touched so far after this many stored articles (and at the end).
FLUSH_EVERY = 100
#: A place fact this sure (a state named, or a unique name) teaches the outlet prior.
PRIOR_CONFIDENCE = 0.8
#: How many of an incident's reports make its linking profile (the first and the latest).
FEATURE_SAMPLE = 64
#: Below this many articles in a run, worker processes cost more to start than they save.
MIN_ARTICLES_FOR_WORKERS = 64
#: Articles per batch sent to a worker (spaCy batches them in turn).
WORKER_BATCH = 16


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0  # same id already stored, or same/near-same text as a stored article
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    incidents_touched: set[str] = field(default_factory=set)
    refined: int = 0  # merges/splits applied by the refinement pass

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        return (
            f"{self.read} read, {self.stored} stored, {self.duplicates} duplicates, "
            f"{self.failed} failed"
            + (f", {self.refined} incidents re-linked" if self.refined else "")
        )


@dataclass(slots=True)
class Prepared:
    article: Article
    digest: str
    bands: list[str]


@dataclass(slots=True)
class Components:
    cleaner: Cleaner
    analyzer: Analyzer
    extractor: Extractor
    linker: Linker

    @classmethod
    def default(cls) -> Components:
        return cls(get_cleaner(), get_analyzer(), get_extractor(), get_linker())


def _extract_batch(c: Components, articles: list[Article]) -> list[ArticleFacts | str]:
    """Analyze and extract a batch; an article that fails gets its one-line reason instead."""
    try:
        return [_extract_one(c, an) for an in c.analyzer.analyze(articles)]
    except Exception:  # an analyzer error: find the article it belongs to
        if len(articles) == 1:
            raise
    out: list[ArticleFacts | str] = []
    for article in articles:
        try:
            out += _extract_batch(c, [article])
        except Exception as exc:
            out.append(f"analysis failed: {type(exc).__name__}: {exc}")
    return out


def _extract_one(c: Components, analysis: Analysis) -> ArticleFacts | str:
    try:
        return c.extractor.extract(analysis)
    except Exception as exc:  # a bug in a rule must not stop the run: report the article
        return f"extraction failed: {type(exc).__name__}: {exc}"


def analyze_and_extract(
    c: Components,
    articles: Iterable[Article],
    processes: int | None = None,
    min_articles_for_workers: int = MIN_ARTICLES_FOR_WORKERS,
) -> Iterator[ArticleFacts | str]:
    """Each article's facts (or the reason it failed), in input order.

    A long run goes to ``processes`` worker processes (``workers.ordered_map``); a short one
    (fewer than ``min_articles_for_workers``, found by reading ahead) stays in this process.
    """
    n = default_processes() if processes is None else processes
    items = iter(articles)
    if n > 1:
        head = list(islice(items, min_articles_for_workers))
        items = chain(head, items)
        if len(head) >= min_articles_for_workers:
            _preload(c)
            yield from ordered_map(_extract_batch, c, items, n, batch_size=WORKER_BATCH)
            return
    for batch in iter(lambda: list(islice(items, WORKER_BATCH)), []):
        yield from _extract_batch(c, batch)


#: Read once before the workers fork: what the analyzer and extractor build on first use
#: (the recogniser's first call, lemma and attribute tables, the outlet-name index) is then
#: built once and shared, not once in every worker (0.7 s of CPU each, measured).
_WARM_UP = Article(
    id="eventdesk:warm-up",
    text=(
        "Man killed, woman hurt in Springfield shooting\n"
        "SPRINGFIELD, Ill. — A 24-year-old man was shot and killed and a woman was wounded "
        "late Saturday on the 1200 block of East Cook Street, police said. Sgt. Ann Lee said "
        "officers found John Doe with a gunshot wound to the chest; he died at Memorial "
        "Medical Center. A 19-year-old suspect was arrested Monday and charged with murder."
    ),
    raw="",
    url="https://www.sj-r.com/story/news/2024/06/02/shooting/1/",
    published=datetime(2024, 6, 3, 9, 0),
)


def _preload(c: Components) -> None:
    """Load models before the workers fork, so that they share one copy of them."""
    with gc_paused(freeze=True):
        for part in (c.analyzer, c.extractor):
            warm = getattr(part, "warm_up", None)
            if callable(warm):
                warm()
        _extract_batch(c, [_WARM_UP])


def source_of(article: Article) -> str | None:
    """The outlet: given explicitly, or the URL's host (web.archive.org copies unwrapped)."""
    return article.source or outlet_of_url(article.url)


class Pipeline:
    def __init__(
        self,
        store: Store,
        components: Components | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        refine: bool = True,
        processes: int | None = None,
    ) -> None:
        self.store = store
        #: worker processes for analysis and extraction (None: ``workers.default_processes``)
        self.processes = processes
        #: after each run, one refinement pass over the incidents it touched (and neighbours)
        self.refine = refine
        self.c = components or Components.default()
        self.index = SqliteCandidateIndex(store.conn, self.c.linker, df_cache=True)
        store.on_rollback.append(self.index.forget)
        self.on_error = on_error
        self.on_progress = on_progress

    # --- public -------------------------------------------------------------------------

    def run(self, items: Iterable[RawArticle | IngestError]) -> IngestReport:
        report = IngestReport()
        queue: deque[Prepared] = deque()

        def to_analyze() -> Iterator[Article]:
            # Lazily consumed by the analyzer, which may read ahead a few batches: anything
            # stored meanwhile is re-checked for duplicates in ``_finish``.
            for item in items:
                report.read += 1
                if isinstance(item, IngestError):
                    self._fail(report, str(item))
                    continue
                prepared = self._prepare(item, report)
                if prepared is not None:
                    queue.append(prepared)
                    yield prepared.article

        self.flush()  # accounts left dirty by an interrupted run
        try:
            facts_stream = analyze_and_extract(
                self.c, to_analyze(), self.processes, MIN_ARTICLES_FOR_WORKERS
            )
            for facts in facts_stream:
                prepared = queue.popleft()
                if isinstance(facts, str):
                    where = f"{prepared.article.origin} (id {prepared.article.id})"
                    self._fail(report, f"{where}: {facts}")
                    continue
                self._finish(prepared, facts, report)
                if report.stored and report.stored % FLUSH_EVERY == 0:
                    self.flush()
        except BrokenProcessPool as exc:
            # a worker killed (out of memory, a signal): what is stored stays; a re-run of the
            # same input skips it and goes on from here
            self._fail(report, f"an analysis worker process died ({exc}); run again to go on")
        self.flush()
        touched = report.incidents_touched
        if self.refine and touched:
            from eventdesk.decisions import refine_incidents

            # the late places change accounts only: they go on while refinement works out
            # what to merge and split
            ops = refine_incidents(self, touched, meanwhile=lambda: self._late_places(touched))
            report.refined = len(ops)
        else:
            self._late_places(touched)
        return report

    # --- steps --------------------------------------------------------------------------

    def _fail(self, report: IngestReport, message: str) -> None:
        report.failed += 1
        report.errors.append(message)
        if self.on_error:
            self.on_error(message)

    def _progress(self) -> None:
        if self.on_progress:
            self.on_progress(1)

    def _prepare(self, raw: RawArticle, report: IngestReport) -> Prepared | None:
        """Clean and fingerprint; returns the article to analyze, or None when handled here."""
        if self.store.has_article(raw.id):
            report.duplicates += 1  # same id: already stored, nothing changes
            self._progress()
            return None
        try:
            article = self.c.cleaner.clean(raw)
        except CleanError as exc:
            self._fail(report, f"{raw.origin} (id {raw.id}): {exc}")
            return None
        article.source = source_of(article)
        prepared = Prepared(article, exact_hash(article.text), minhash_bands(article.text))
        # An exact copy needs no analysis: it adds nothing.  Near copies (an updated version, a
        # wire story with another header) are analysed: they may carry a newer figure.
        original = self.store.find_by_hash(prepared.digest)
        if original is not None:
            self._store_copy(prepared, original, 1.0, None)
            report.duplicates += 1
            self._progress()
            return None
        return prepared

    def _near_duplicate(self, text: str, bands: list[str]) -> tuple[str | None, float]:
        best, best_sim = None, 0.0
        for cand in self.store.band_candidates(bands):
            row = self.store.article_row(cand)
            if row is None:
                continue
            s = similarity(text, row["text"])
            if s > best_sim:
                best, best_sim = cand, s
        if best is not None and best_sim >= DUPLICATE_THRESHOLD:
            return best, best_sim
        return None, 0.0

    def _store_copy(
        self, p: Prepared, original: str, sim: float, facts: ArticleFacts | None
    ) -> None:
        """Store a syndicated copy or near-identical version, linked to its original.

        It joins the original's incident but is never listed as a report of its own; its facts
        (for near copies) still reach reconcile, as a later version of the same story.
        """
        row = self.store.article_row(original)
        incident_id = row["incident_id"] if row is not None else None
        with self.store.transaction():
            self.store.insert_article(
                p.article,
                content_hash=p.digest,
                facts=facts,
                incident_id=incident_id,
                duplicate_of=original,
                similarity=round(sim, 3),
            )
            if incident_id:
                self.store.mark_dirty(incident_id)

    def _finish(self, p: Prepared, facts: ArticleFacts, report: IngestReport) -> None:
        article = p.article
        # Items read ahead of this one may have been stored since it was prepared: a copy of
        # one of them (or the same id twice in one input) is caught here.
        if self.store.has_article(article.id):
            report.duplicates += 1
            self._progress()
            return
        try:
            apply_place_prior(facts.facts, article.source, self.store)
            original = self.store.find_by_hash(p.digest)
            sim = 1.0
            if original is None:
                original, sim = self._near_duplicate(article.text, p.bands)
            if original is not None:
                self._store_copy(p, original, sim, facts if sim < 1.0 else None)
                report.duplicates += 1
                self._progress()
                return
            incident_id = self._store_linked(article, p.digest, p.bands, facts)
        except (sqlite3.IntegrityError, ValueError) as exc:
            self._fail(report, f"{article.origin} (id {article.id}): {exc}")
            return
        report.stored += 1
        report.incidents_touched.add(incident_id)
        self._progress()

    def _store_linked(
        self, article: Article, digest: str, bands: list[str], facts: ArticleFacts
    ) -> str:
        decision = self.c.linker.link(facts, self.index)
        with self.store.transaction():
            incident_id = decision.incident_id
            if incident_id is None or not self.store.incident_exists(incident_id):
                incident_id = self.store.new_incident_id(article.id)
                self.store.create_incident(incident_id)
            self.store.insert_article(
                article, content_hash=digest, bands=bands, facts=facts, incident_id=incident_id
            )
            self._learn_source_place(article, facts)
            self.refresh_incident(incident_id, reconcile_now=False)
        return incident_id

    def _learn_source_place(self, article: Article, facts: ArticleFacts) -> None:
        """Count the region of a place the text made certain, for this source's prior."""
        if not article.source:
            return
        for f in facts.facts:
            v = f.value if f.field == "location" and isinstance(f.value, dict) else None
            if (
                v
                and v.get("admin1")
                and f.confidence >= PRIOR_CONFIDENCE
                and not v.get("candidates")
                and v.get("basis") != "outlet"
            ):
                self.store.count_source_place(article.source, v["admin1"])
                return

    # --- incident upkeep (also used by merge/split/move) --------------------------------

    def refresh_incident(self, incident_id: str, *, reconcile_now: bool = True) -> None:
        """Recompute an incident's link features and account from its articles (in a txn).

        With ``reconcile_now=False`` the account is only marked for ``flush`` (ingest uses
        this: the account is recomputed once per batch, not once per article).
        """
        rows = self.store.article_rows(incident_id=incident_id, include_duplicates=False)
        if not rows:
            self.index.remove_incident(incident_id)
            self.store.delete_incident(incident_id)
            return
        # The incident's linking profile comes from its first report and its latest ones, so
        # that updating a story with thousands of reports stays cheap.
        sample = rows if len(rows) <= FEATURE_SAMPLE else rows[:1] + rows[-(FEATURE_SAMPLE - 1) :]
        features = self.c.linker.merge_features([self.store.row_features(r) for r in sample])
        self.index.update_incident(incident_id, features, len(rows))
        if reconcile_now:
            self._reconcile(incident_id, rows)
        else:
            self.store.mark_dirty(incident_id)

    def _late_places(self, touched: set[str]) -> None:
        """Incidents of this run that no report places, or whose place is a namesake the text
        left open: the outlet prior has learned from the whole run by now (an article read
        early met a source it did not yet know), so their accounts are recomputed, which asks
        it again (``_reconcile``)."""
        for incident_id in self.store.unsettled_places(touched):
            self.store.mark_dirty(incident_id)
        self.flush(late=True)

    def flush(self, *, late: bool = False) -> int:
        """Reconcile every incident marked dirty, each in its own transaction."""
        ids = self.store.dirty_incidents()
        for incident_id in ids:
            with self.store.transaction():
                self._reconcile(incident_id, late=late)
        return len(ids)

    def _reconcile(
        self, incident_id: str, rows: list[sqlite3.Row] | None = None, *, late: bool = False
    ) -> None:
        if rows is None:
            rows = self.store.article_rows(incident_id=incident_id, include_duplicates=False)
        copies = self.store.article_rows(incident_id=incident_id, only_duplicates=True)
        reports = [report_from_row(r) for r in rows]
        # Near copies with facts take part as later versions of their original's story.
        reports += [report_from_row(r) for r in copies if r["facts"]]
        for rep in reports:
            # a report the text does not place at all: what the outlet prior knows now (the
            # stored facts keep what it knew when the article came in); its guesses and the
            # namesakes it picked are made again only at the end of a run (``_late_places``),
            # on what the whole run taught, not on the few reports a source has early in it
            if late:
                rep.facts = [f for f in rep.facts if not _outlet_guess(f)]
            if late or not any(f.field == "location" for f in rep.facts):
                apply_place_prior(rep.facts, rep.source, self.store)
        incident = reconcile(
            incident_id,
            reports,
            duplicates=[
                {
                    "article": d["id"],
                    "duplicate_of": d["duplicate_of"],
                    "source": d["source"],
                    "url": d["url"],
                    "similarity": d["similarity"],
                }
                for d in copies
            ],
        )
        self.store.save_incident_record(incident.to_json())


def _outlet_guess(f: Fact) -> bool:
    """A place the store's outlet prior supplied for a report that names none (not one the
    outlet's own name gave: "nbcphiladelphia.com")."""
    return (
        f.field == "location"
        and isinstance(f.value, dict)
        and f.value.get("basis") == "outlet"
        and bool(f.value.get("resolved_by"))
    )


def report_from_row(row: sqlite3.Row) -> Report:
    import json

    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return Report(
        article_id=row["id"],
        seq=row["seq"],
        text=row["text"],
        title=row["title"],
        published=published,
        source=row["source"],
        url=row["url"],
        facts=Store.row_facts(row),
        copy_of=row["duplicate_of"],
        key_sentences=[tuple(k) for k in json.loads(row["key_sentences"] or "[]")],
    )


def iter_records(
    records: Iterable[Any], origin: str = "<api>"
) -> Iterator[RawArticle | IngestError]:
    """Dicts (as in JSONL) or RawArticle objects -> reader items."""
    from eventdesk.ingest import record_to_raw

    for i, rec in enumerate(records, start=1):
        if isinstance(rec, RawArticle):
            yield rec
        else:
            yield record_to_raw(rec, f"{origin}:{i}")
