"""Human linking decisions (merge, split, move), the audit log, and the constraints they imply.

Each decision is applied at once, in one transaction with its audit-log entry, and turned into
must-link / cannot-link pairs of article ids that automatic refinement never undoes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any

from eventdesk.pipeline import Pipeline
from eventdesk.workers import default_processes, forked

if TYPE_CHECKING:
    from eventdesk.link.refine import Operation


class DecisionError(ValueError):
    """A decision that cannot be applied (unknown id, empty split…)."""


def _articles_of(p: Pipeline, incident_id: str) -> list[str]:
    if not p.store.incident_exists(incident_id):
        raise DecisionError(f"no incident {incident_id!r}")
    return [
        r["id"] for r in p.store.article_rows(incident_id=incident_id, include_duplicates=False)
    ]


def merge(p: Pipeline, keep: str, other: str, actor: str = "user") -> str:
    """Merge incident ``other`` into ``keep``; returns ``keep``."""
    if keep == other:
        raise DecisionError("cannot merge an incident with itself")
    a, b = _articles_of(p, keep), _articles_of(p, other)
    with p.store.transaction():
        for art in b:
            p.store.set_article_incident(art, keep)
        p.refresh_incident(other)  # now empty: removed
        p.refresh_incident(keep)
        p.store.log_decision(
            actor, "merge", {"into": keep, "merged": other, "articles": a + b, "moved": b}
        )
    return keep


def split(p: Pipeline, incident_id: str, article_ids: list[str], actor: str = "user") -> str:
    """Move ``article_ids`` out of ``incident_id`` into a new incident; returns its id."""
    current = _articles_of(p, incident_id)
    wanted = list(dict.fromkeys(article_ids))
    missing = [a for a in wanted if a not in current]
    if missing:
        raise DecisionError(f"not in incident {incident_id}: {', '.join(missing)}")
    if not wanted or len(wanted) == len(current):
        raise DecisionError("a split must leave at least one article on each side")
    with p.store.transaction():
        new_id = p.store.new_incident_id(wanted[0])
        p.store.create_incident(new_id)
        for art in wanted:
            p.store.set_article_incident(art, new_id)
        p.refresh_incident(incident_id)
        p.refresh_incident(new_id)
        rest = [a for a in current if a not in wanted]
        p.store.log_decision(
            actor, "split", {"from": incident_id, "into": new_id, "articles": wanted, "rest": rest}
        )
    return new_id


def move(p: Pipeline, article_id: str, incident_id: str, actor: str = "user") -> None:
    row = p.store.article_row(article_id)
    if row is None:
        raise DecisionError(f"no article {article_id!r}")
    if row["duplicate_of"]:
        raise DecisionError(
            f"article {article_id} is a copy of {row['duplicate_of']}: move that one instead"
        )
    target = _articles_of(p, incident_id)
    source = row["incident_id"]
    if source == incident_id:
        return
    with p.store.transaction():
        p.store.set_article_incident(article_id, incident_id)
        if source:
            p.refresh_incident(source)
        p.refresh_incident(incident_id)
        left = [r["id"] for r in p.store.article_rows(incident_id=source)] if source else []
        p.store.log_decision(
            actor,
            "move",
            {
                "article": article_id,
                "from": source,
                "to": incident_id,
                "with": target,
                "left": left,
            },
        )


Pair = frozenset[str]


def constraints(log: list[dict[str, Any]]) -> tuple[set[Pair], set[Pair]]:
    """Must-link and cannot-link article pairs implied by the audit log (later entries win)."""
    must: set[Pair] = set()
    cannot: set[Pair] = set()

    def link(a: str, b: str, together: bool) -> None:
        pair = frozenset((a, b))
        if len(pair) < 2:
            return
        (must if together else cannot).add(pair)
        (cannot if together else must).discard(pair)

    for d in log:
        if d["action"] == "merge":
            for a, b in combinations(d["articles"], 2):
                link(a, b, True)
        elif d["action"] == "split":
            for a, b in combinations(d["articles"], 2):
                link(a, b, True)
            for a in d["articles"]:
                for b in d["rest"]:
                    link(a, b, False)
        elif d["action"] == "move":
            for b in d["with"]:
                link(d["article"], b, True)
            for b in d["left"]:
                link(d["article"], b, False)
    return must, cannot


# --- automatic refinement, within the human decisions -------------------------------------


#: Incidents from which a pass given other work to overlap (``meanwhile``) works out its
#: operations in a forked process: below it, forking costs more than it saves.
FORK_REFINE_MIN = 200


def _propose(state: tuple[Any, ...]) -> list[Operation]:
    from eventdesk.link.refine import refine

    incidents, must, cannot, linker = state
    return refine(incidents, must, cannot, linker)


def refine_incidents(
    p: Pipeline,
    incident_ids: Iterable[str] | None = None,
    neighbours: int = 10,
    meanwhile: Callable[[], object] | None = None,
) -> list[Operation]:
    """One ``link.refine`` pass: split incidents that hold two, merge incidents that are one.

    Runs over ``incident_ids`` and their nearest stored incidents (or the whole store), with
    the must-link / cannot-link pairs of the audit log, so a human decision is never undone.
    Applied operations go in the audit log as ``refine-split`` / ``refine-merge`` (these do
    not become constraints themselves).

    ``meanwhile``: other work on this store (it must not change link features or decisions),
    run while the operations are worked out; in a forked process when the pass is large and
    the pipeline may use more than one process (the HTTP server's does not), so that the two
    share the cores (the ingest's late places: 0.4 s at the end of a 1,000-article run).
    """
    from eventdesk.link.refine import Merge, Split

    store = p.store
    everything = set(store.incident_ids())
    wanted = everything if incident_ids is None else set(incident_ids)
    if wanted >= everything:
        scope = everything  # e.g. the first run into a new database: no neighbours to look up
    else:
        scope = set()
        for inc in wanted & everything:
            scope.add(inc)
            feats = p.index.features(inc)
            if feats is not None:
                scope.update(c.incident_id for c in p.index.candidates(feats, neighbours))
    incidents = {
        inc: [
            (r["id"], store.row_features(r))
            for r in store.article_rows(incident_id=inc, include_duplicates=False)
        ]
        for inc in sorted(scope)
    }
    incidents = {k: v for k, v in incidents.items() if v}
    must, cannot = constraints(store.decisions())
    state = (incidents, must, cannot, p.c.linker)
    ops: list[Operation] | None = None
    if meanwhile is not None:
        processes = default_processes() if p.processes is None else p.processes
        fork = processes > 1 and len(incidents) >= FORK_REFINE_MIN  # one process: stay in it
        result = forked(_propose, state) if fork else None
        try:
            meanwhile()
        finally:
            if result is not None:
                try:
                    ops = result()
                except Exception:  # noqa: BLE001 - the process failed or died: work it out here
                    ops = None
    if ops is None:
        ops = _propose(state) if incidents else []
    applied: list[Operation] = []
    for op in ops:  # splits come first, as refine proposes them
        if isinstance(op, Split) and store.incident_exists(op.incident):
            with store.transaction():
                new_ids = []
                for group in op.groups[1:]:
                    new_id = store.new_incident_id(group[0])
                    store.create_incident(new_id)
                    for art in group:
                        store.set_article_incident(art, new_id)
                    new_ids.append(new_id)
                for inc in (op.incident, *new_ids):
                    p.refresh_incident(inc)
                store.log_decision(
                    "refine",
                    "refine-split",
                    {
                        "from": op.incident,
                        "into": new_ids,
                        "groups": [list(g) for g in op.groups],
                        "reason": op.reason,
                    },
                )
            applied.append(op)
        elif isinstance(op, Merge) and store.incident_exists(op.target):
            sources = [s for s in op.sources if store.incident_exists(s) and s != op.target]
            if not sources:
                continue
            with store.transaction():
                for src in sources:
                    for art in _articles_of(p, src):
                        store.set_article_incident(art, op.target)
                    p.refresh_incident(src)
                p.refresh_incident(op.target)
                store.log_decision(
                    "refine",
                    "refine-merge",
                    {"into": op.target, "merged": sources, "reason": op.reason},
                )
            applied.append(op)
    return applied
