"""The seeds through analyze -> extract -> link with the SQLite index, in file order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventdesk.analyze import get_analyzer
from eventdesk.clean import get_cleaner
from eventdesk.extract import get_extractor
from eventdesk.link.linker import DefaultLinker
from eventdesk.model import LinkFeatures, RawArticle
from eventdesk.store.link_index import SqliteCandidateIndex


def test_seeds_link_000_001_apart_from_002(seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert [p.name[:3] for p in paths] == ["000", "001", "002"]
    cleaner = get_cleaner()
    arts = [
        cleaner.clean(RawArticle(id=p.name[:3], origin=str(p), text=p.read_text())) for p in paths
    ]
    extractor = get_extractor()
    facts = [extractor.extract(a) for a in get_analyzer().analyze(arts)]
    linker = DefaultLinker()
    conn = sqlite3.connect(":memory:")
    index = SqliteCandidateIndex(conn, linker)
    members: dict[str, list[LinkFeatures]] = {}
    where: dict[str, str] = {}
    decisions = []
    for af in facts:
        d = linker.link(af, index)
        decisions.append(d)
        inc = d.incident_id or f"inc-{af.article_id}"
        members.setdefault(inc, []).append(af.features)
        index.update_incident(inc, linker.merge_features(members[inc]), len(members[inc]))
        where[af.article_id] = inc
    assert where["000"] == where["001"], decisions
    assert where["002"] != where["000"], decisions
    # the look-alike is kept apart by a margin, not by a hair
    assert decisions[2].score < linker.threshold - 0.5
