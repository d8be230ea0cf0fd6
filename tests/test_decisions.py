"""Human decisions: merge, split, move — applied at once, logged, turned into constraints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import eventdesk
from eventdesk.cli import main
from eventdesk.decisions import DecisionError, constraints

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture()
def desk(tmp_path: Path) -> eventdesk.api.Desk:
    d = eventdesk.open(tmp_path / "d.db")
    d.ingest([EXAMPLES])
    return d


def _incident_of(desk: eventdesk.api.Desk, article: str) -> str:
    return desk.article_incidents()[article]


def test_split_then_merge_back_with_audit_log(desk: eventdesk.api.Desk) -> None:
    inc = _incident_of(desk, "dayton-ledger-0309")
    new = desk.split(inc, ["ohio-star-0310"], actor="ana")
    assert _incident_of(desk, "ohio-star-0310") == new
    # the syndicated copy follows its original
    assert _incident_of(desk, "wire-0310-copy") == new
    assert desk.incident(inc).articles == ["dayton-ledger-0309"]  # type: ignore[union-attr]
    assert desk.incident(new).killed["value"] is not None  # type: ignore[union-attr]
    desk.merge(inc, new, actor="ben")
    assert desk.incident(new) is None
    assert sorted(desk.incident(inc).articles) == ["dayton-ledger-0309", "ohio-star-0310"]  # type: ignore[union-attr]
    log = desk.log()
    assert [(d["actor"], d["action"]) for d in log] == [("ana", "split"), ("ben", "merge")]
    must, cannot = constraints(log)
    pair = frozenset({"dayton-ledger-0309", "ohio-star-0310"})
    assert pair in must and pair not in cannot  # the later merge overrides the split


def test_move_and_errors(desk: eventdesk.api.Desk) -> None:
    lyon = _incident_of(desk, "rhone-0502")
    tacoma = _incident_of(desk, "tacoma-warehouse")
    desk.move("lyon-followup", tacoma)
    assert "lyon-followup" in desk.incident(tacoma).articles  # type: ignore[union-attr]
    must, cannot = constraints(desk.log())
    assert frozenset({"lyon-followup", "tacoma-warehouse"}) in must
    assert frozenset({"lyon-followup", "rhone-0502"}) in cannot
    with pytest.raises(DecisionError):
        desk.merge(lyon, lyon)
    with pytest.raises(DecisionError):
        desk.split(lyon, ["not-there"])
    with pytest.raises(DecisionError):
        desk.move("wire-0310-copy", lyon)


def test_cli_decisions(desk: eventdesk.api.Desk) -> None:
    db = desk.path
    lyon = _incident_of(desk, "rhone-0502")
    tacoma = _incident_of(desk, "tacoma-warehouse")
    r = CliRunner().invoke(main, ["merge", lyon, tacoma, "--db", db, "--actor", "cy"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["log", "--db", db])
    assert "cy" in r.stdout and "merge" in r.stdout
    r = CliRunner().invoke(main, ["merge", lyon, "nope", "--db", db])
    assert r.exit_code == 2


def test_refinement_never_undoes_a_human_split(desk: eventdesk.api.Desk) -> None:
    inc = _incident_of(desk, "dayton-ledger-0309")
    new = desk.split(inc, ["ohio-star-0310"], actor="ana")
    desk.refine()  # whole store
    assert _incident_of(desk, "dayton-ledger-0309") != _incident_of(desk, "ohio-star-0310")
    # and ingesting more (which refines what it touched) keeps it apart too
    desk.ingest(
        [
            {
                "id": "late",
                "text": "Dayton police said Sunday the Wayne Avenue shooting suspect Devon Price will appear in court Monday.",
            }
        ]
    )
    assert _incident_of(desk, "dayton-ledger-0309") != _incident_of(desk, "ohio-star-0310")
    assert {d["action"] for d in desk.log()} >= {"split"}
    assert new


def test_refinement_scope(desk: eventdesk.api.Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass over some incidents also reads their nearest neighbours from the link index; a
    pass over every stored incident has none to look up."""
    from eventdesk.decisions import refine_incidents

    p = desk.pipeline
    looked_up: list[str] = []
    real = p.index.candidates

    def candidates(*args: Any, **kwargs: Any) -> Any:
        looked_up.append("x")
        return real(*args, **kwargs)

    monkeypatch.setattr(p.index, "candidates", candidates)
    every = p.store.incident_ids()
    assert len(every) >= 2
    refine_incidents(p, every + ["no-such-incident"])
    assert looked_up == []
    refine_incidents(p, every[:1])
    assert looked_up == ["x"]


def _split_off_quietly(desk: eventdesk.api.Desk, article: str) -> None:
    """Put an article in an incident of its own without a decision: refinement may undo it."""
    p = desk.pipeline
    old = _incident_of(desk, article)
    with p.store.transaction():
        new = p.store.new_incident_id(article)
        p.store.create_incident(new)
        p.store.set_article_incident(article, new)
        p.refresh_incident(old)
        p.refresh_incident(new)


def test_refinement_alongside_other_work_does_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given other work to overlap, a large pass is worked out in a forked process (or here,
    when that fails): the operations are the same, and the other work is done once."""
    import eventdesk.decisions as decisions

    def fresh(name: str, processes: int | None = None) -> eventdesk.api.Desk:
        d = eventdesk.api.Desk(str(tmp_path / name), processes=processes)
        d.ingest([EXAMPLES])
        _split_off_quietly(d, "ohio-star-0310")
        return d

    alone = decisions.refine_incidents(fresh("a.db").pipeline)
    assert alone  # the article goes back: there is something to compare
    monkeypatch.setattr(decisions, "FORK_REFINE_MIN", 1)
    done: list[int] = []
    forked_ops = decisions.refine_incidents(
        fresh("b.db").pipeline, meanwhile=lambda: done.append(1)
    )
    assert done == [1] and forked_ops == alone

    def broken(*_: Any) -> Any:
        def result() -> Any:
            raise RuntimeError("the process died")

        return result

    monkeypatch.setattr(decisions, "forked", broken)
    here = decisions.refine_incidents(fresh("c.db").pipeline, meanwhile=lambda: done.append(2))
    assert done == [1, 2] and here == alone

    def never(*_: Any) -> Any:
        raise AssertionError("a pipeline told to use one process forked")

    monkeypatch.setattr(decisions, "forked", never)
    one = fresh("d.db", processes=1).pipeline  # as the HTTP server's
    assert decisions.refine_incidents(one, meanwhile=lambda: done.append(3)) == alone
    assert done == [1, 2, 3]
