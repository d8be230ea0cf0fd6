"""Process plumbing: garbage collection paused while models load, frozen while workers run."""

from __future__ import annotations

import gc

from eventdesk.workers import gc_paused, ordered_map


def _frozen(_: object, batch: list[int]) -> list[int]:
    return [gc.get_freeze_count() > 0 for _ in batch]


def test_gc_paused_restores_what_it_found() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_loaded_objects_are_frozen_only_while_workers_run() -> None:
    before = gc.get_freeze_count()
    out = list(ordered_map(_frozen, None, range(40), processes=2, batch_size=8))
    assert out == [True] * 40  # the workers see what was loaded frozen
    assert gc.get_freeze_count() == before == 0
