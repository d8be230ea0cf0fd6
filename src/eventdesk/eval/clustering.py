"""Incident-clustering evaluation: B³ precision/recall/F1 over ECB+ or GVA articles.

``evaluate_clustering`` ingests the data into a fresh temporary database through the normal
ingest path (``eventdesk.open(...).ingest(records)``), in file order, one article after the
other, and compares ``article_incidents()`` with the gold clusters.  ECB+ gold is
``gold_cluster`` (topic + sub-topic: each topic holds two different incidents of one type),
computed across all documents of the chosen topics at once — the system is never told the
topic.  GVA gold is ``incident_id``; only articles with at least 30 words count.
"""

from __future__ import annotations

import ast
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.eval.facts import GVA_MIN_WORDS, ingest_record, load_articles

#: The ECB+ topics used for tuning; 36-45 are the published test split (never tune on them).
DEV_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)

#: How many lines after an ECB+ page's URL may hold its date line.
DATE_LINE_REACH = 4
_URL_LINE = re.compile(r"^\s*https?\s*:\s*/", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d\d\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = rf"(?P<mon>{'|'.join(_MONTHS)})[a-z]*\.?"
_DATEISH = re.compile(
    rf"\b({'|'.join(_MONTHS)})[a-z]*\.?\s|\d{{1,4}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]",
    re.I,
)


def parse_topics(spec: str | None) -> set[int] | None:
    """``"1-35"``, ``"36-45"``, ``"1,3,5-7"`` -> a set of topic numbers (None: all)."""
    if spec is None or not str(spec).strip():
        return None
    out: set[int] = set()
    for part in str(spec).split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(range(int(lo), int(hi) + 1))
        else:
            out.add(int(part))
    return out


# --- B³ -----------------------------------------------------------------------------------


def b_cubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """B³ precision, recall and F1 (Bagga & Baldwin 1998) over the items of ``gold``.

    Items of ``gold`` missing from ``predicted`` count as singletons (a failed ingest is not
    rewarded); items only in ``predicted`` are ignored.
    """
    items = list(gold)
    if not items:
        return {
            "precision": 0.0,
            "recall": 0.0,
            "f1": 0.0,
            "n": 0,
            "pred_clusters": 0,
            "gold_clusters": 0,
        }
    pred = {i: predicted.get(i, ("__singleton__", i)) for i in items}
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p_sum = r_sum = 0.0
    for i in items:
        c, g = by_pred[pred[i]], by_gold[gold[i]]
        inter = len(c & g)
        p_sum += inter / len(c)
        r_sum += inter / len(g)
    p, r = p_sum / len(items), r_sum / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "n": len(items),
        "pred_clusters": len(by_pred),
        "gold_clusters": len(by_gold),
    }


# --- dataset loaders ----------------------------------------------------------------------


def _sentences(value: Any) -> list[str]:
    if isinstance(value, str):
        value = ast.literal_eval(value)
    return [str(s) for s in value]


#: A full date inside a longer stamp: "POSTED: 1052 GMT (1852 HKT), April 10, 2007",
#: "Monday 16 September 2013 03. 31 BST", "First Posted: 10 / 25 / 11 06: 44 PM ET".
_STAMP_DATES = (
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})\s*/\s*(?P<y>(?:19|20)?\d\d)\b"),
)
#: The words a date stamp is made of besides the date ("Posted", "GMT", "Monday", "am").
_STAMP_WORDS = re.compile(
    r"\b(?:posted|published|updated|last|first|edited|on|at|by|(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|[ap]\.?\s?m|[a-z]{1,2}t|bst|gmt|utc|hkt|cet|cest|et|pt|ct)\b\.?",
    re.I,
)
#: "[downloaded on 2 October 2013]": when the page was fetched, not published.
_CRAWL_STAMP = re.compile(r"\b(?:downloaded|retrieved|accessed|fetched)\b", re.I)
#: At most this many letters besides the date and a stamp's words: a date line, not a sentence.
STAMP_OTHER_LETTERS = 24


def _stamp_date(line: str) -> str | None:
    """The first full date of a date stamp the general parser misreads (times run into it, a
    GMT offset, two stamps in a line); None when the line is a sentence that holds a date."""
    if len(line) > 100 or _CRAWL_STAMP.search(line):
        return None
    for rx in _STAMP_DATES:
        m = rx.search(line)
        if m is None:
            continue
        rest = _STAMP_WORDS.sub(" ", line[: m.start()] + " " + line[m.end() :])
        if sum(ch.isalpha() for ch in rest) > STAMP_OTHER_LETTERS:
            return None
        month = (
            _MONTHS.index(m.group("mon").lower()[:3]) + 1
            if "mon" in m.groupdict()
            else int(m.group("m"))
        )
        year = int(m.group("y"))
        year = year + 2000 if year < 100 else year
        try:
            return date(year, month, int(m.group("d"))).isoformat()
        except ValueError:
            return None
    return None


def _as_date(line: str) -> str | None:
    """``"May 03, 2013"`` -> ``"2013-05-03"``; None unless the line is a short date line."""
    line = line.strip()
    if len(line) > 60 or not _YEAR.search(line) or not _DATEISH.search(line):
        return _stamp_date(line)
    import warnings

    from dateutil import parser

    try:
        # fuzzy: date lines come as "First Published: June 13, 2013 4: 59 PM EDT"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            line = re.sub(r"(\d)\s*([:/])\s*(\d)", r"\1\2\3", line)
            dt = parser.parse(line, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return _stamp_date(line)
    return dt.date().isoformat()


def ecbplus_record(doc: dict[str, Any]) -> dict[str, Any]:
    """One ECB+ document -> an ingest record.

    ECB+ documents carry no metadata: the scraped ``ecbplus`` ones start with the page URL
    (tokenised: ``"http: / / articles. latimes. com / ..."``), then usually the headline and a
    date line, in either order (the date line at times after a standfirst).  Those are what a
    reader would take for url/title/published; the rest is the text.  ``ecb`` documents (from
    2008 WikiNews) are body text only.
    """
    sents = _sentences(doc["sentences"])
    rec: dict[str, Any] = {"id": str(doc["id"])}
    if sents and _URL_LINE.match(sents[0]):
        rec["url"] = re.sub(r"\s+", "", sents[0])
        sents = sents[1:]
        # the date line comes before or after the headline, or after a standfirst
        for i, line in enumerate(sents[:DATE_LINE_REACH]):
            day = _as_date(line)
            if day is not None:
                rec["published"] = day
                del sents[i]
                break
        if len(sents) > 1 and len(sents[0]) < 200:
            rec["title"] = sents[0].strip()
            sents = sents[1:]
    rec["text"] = "\n".join(s.strip() for s in sents if s.strip())
    return rec


def load_ecbplus(
    path: str | Path, topics: Iterable[int] | None = None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """ECB+ documents.jsonl -> (ingest records in file order, {id: gold_cluster})."""
    wanted = set(topics) if topics is not None else None
    records: list[dict[str, Any]] = []
    gold: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            if wanted is not None and int(doc["topic"]) not in wanted:
                continue
            rec = ecbplus_record(doc)
            if not rec["text"]:
                continue
            records.append(rec)
            gold[rec["id"]] = str(doc["gold_cluster"])
    return records, gold


def load_gva(
    path: str | Path, min_words: int = GVA_MIN_WORDS
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """gva-dev articles.jsonl -> (ingest records in file order, {id: incident_id})."""
    articles = load_articles(path, min_words)
    return [ingest_record(a) for a in articles], {
        str(a["id"]): str(a["incident_id"]) for a in articles
    }


def load_dataset(
    dataset: str, path: str | Path, topics: Iterable[int] | str | None = None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    if isinstance(topics, str):
        topics = parse_topics(topics)
    if dataset == "ecbplus":
        return load_ecbplus(path, topics)
    if dataset in ("gva", "gva-dev"):
        if topics is not None:
            raise ValueError("--topics applies to ecbplus only")
        return load_gva(path)
    raise ValueError(f"unknown dataset {dataset!r} (ecbplus or gva)")


def _iter(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield from records


def refined_assignment(store: Any, linker: Any = None) -> tuple[dict[str, str], int]:
    """{article: incident} after one ``link.refine`` pass over ``store`` (nothing is written),
    and the number of operations proposed.  Near copies follow their original."""
    from eventdesk.link.linker import DefaultLinker
    from eventdesk.link.refine import apply_operations, refine
    from eventdesk.store.db import Store

    incidents: dict[str, list[tuple[str, Any]]] = {}
    copies: dict[str, str] = {}
    for row in store.iter_article_rows():
        if row["duplicate_of"]:
            copies[row["id"]] = row["duplicate_of"]
        elif row["incident_id"]:
            incidents.setdefault(row["incident_id"], []).append(
                (row["id"], Store.row_features(row))
            )
    ops = refine(incidents, set(), set(), linker or DefaultLinker())
    out = apply_operations(incidents, ops)
    assignment = {a: inc for inc, arts in out.items() for a, _ in arts}
    for copy, original in copies.items():
        if original in assignment:
            assignment[copy] = assignment[original]
    return assignment, len(ops)


class FactsCache:
    """Analyzer + extractor that record each article's ``ArticleFacts`` (first run) or replay
    them (later runs), so that linking and refinement can be measured in seconds, without
    spaCy.  Only for experiments on the linker: a change to analysis, extraction or
    ``extract.features`` needs a fresh cache.  The file is a pickle: load only your own.
    """

    def __init__(self, path: str | Path) -> None:
        import pickle

        self.path = Path(path)
        self.replaying = self.path.exists()
        self.facts: dict[str, Any] = {}
        if self.replaying:
            with self.path.open("rb") as fh:
                self.facts = pickle.load(fh)
        from eventdesk.pipeline import Components

        self.real = None if self.replaying else Components.default()

    def components(self) -> Any:
        from eventdesk.clean import get_cleaner
        from eventdesk.link import get_linker
        from eventdesk.pipeline import Components

        return Components(get_cleaner(), self, self, get_linker())

    def analyze(self, articles: Iterable[Any]) -> Iterator[Any]:
        from eventdesk.model import Analysis

        if self.real is not None:
            yield from self.real.analyzer.analyze(articles)
            return
        for article in articles:
            yield Analysis(article, [], [], None)

    def extract(self, analysis: Any) -> Any:
        import copy

        if self.real is not None:
            facts = self.real.extractor.extract(analysis)
            self.facts[analysis.article.id] = copy.deepcopy(facts)
            return facts
        cached = self.facts.get(analysis.article.id)
        if cached is None:
            raise ValueError("not in the facts cache (rebuild it)")
        return copy.deepcopy(cached)  # the pipeline amends facts (place prior)

    def save(self) -> None:
        import pickle

        if not self.replaying:
            with self.path.open("wb") as fh:
                pickle.dump(self.facts, fh)


def evaluate_clustering(
    dataset: str,
    path: str | Path,
    topics: Iterable[int] | str | None = None,
    db_path: str | Path | None = None,
    with_refine: bool = True,
    facts_cache: str | Path | None = None,
) -> dict[str, Any]:
    """Ingest ``dataset`` into a fresh database (temporary unless ``db_path``) and score it.

    Returns B³ ``precision``, ``recall``, ``f1``, ``n`` (articles scored), ``pred_clusters``
    and ``gold_clusters`` of the store as ingested, plus ``dataset``, ``topics`` and the ingest
    ``summary``; with ``with_refine``, ``after_refine`` holds the same scores after one
    ``link.refine`` pass (computed in memory: the store is not changed).  ``facts_cache``:
    a ``FactsCache`` file, written on the first run and replayed afterwards.
    """
    from eventdesk.api import Desk

    records, gold = load_dataset(dataset, path, topics)
    tmpdir = None
    if db_path is None:
        tmpdir = tempfile.TemporaryDirectory(prefix="eventdesk-eval-")
        db_path = os.path.join(tmpdir.name, "eval.db")
    elif Path(db_path).exists():
        raise FileExistsError(f"{db_path} exists: evaluation needs a fresh database")
    refined: dict[str, Any] | None = None
    try:
        cache = FactsCache(facts_cache) if facts_cache is not None else None
        desk = Desk(
            str(db_path),
            cache.components() if cache is not None else None,
            # a cache being built records facts as they are extracted: in this process
            processes=1 if cache is not None and not cache.replaying else None,
        )
        try:
            report = desk.ingest(_iter(records))
            if cache is not None:
                cache.save()
            predicted = desk.article_incidents()
            if with_refine:
                assignment, n_ops = refined_assignment(desk.store)
                refined = dict(b_cubed(assignment, gold))
                refined["operations"] = n_ops
        finally:
            desk.close()
    finally:
        if tmpdir is not None:
            tmpdir.cleanup()
    scores: dict[str, Any] = dict(b_cubed(predicted, gold))
    scores["dataset"] = dataset
    topic_set = parse_topics(topics) if isinstance(topics, str) else topics
    scores["topics"] = sorted(topic_set) if topic_set is not None else None
    scores["summary"] = report.summary()
    if refined is not None:
        scores["after_refine"] = refined
    return scores


def format_scores(scores: Mapping[str, Any]) -> str:
    def line(s: Mapping[str, Any]) -> str:
        return (
            f"B3 precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"F1 {s['f1']:.3f}  ({s['n']} articles; "
            f"{s['pred_clusters']} predicted vs {s['gold_clusters']} gold clusters)"
        )

    out = line(scores)
    if scores.get("after_refine"):
        r = scores["after_refine"]
        out += f"\nafter one refine pass ({r['operations']} operations): " + line(r)
    return out
