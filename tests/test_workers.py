"""Process plumbing: garbage collection paused while models load, frozen while workers run."""

from __future__ import annotations

import gc

import pytest

from eventdesk.workers import gc_paused, ordered_map


def _frozen(_: object, batch: list[int]) -> list[bool]:
    return [gc.get_freeze_count() > 0 for _ in batch]


def _blas_threads(_: object, batch: list[int]) -> list[int]:
    from threadpoolctl import threadpool_info

    return [max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")] * len(
        batch
    )


def test_gc_paused_restores_what_it_found() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_gc_paused_can_set_aside_what_was_loaded() -> None:
    gc.unfreeze()
    with gc_paused():
        plain = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0
    with gc_paused(freeze=True):
        loaded = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= 1000 and gc.isenabled()
    gc.unfreeze()
    assert len(plain) == len(loaded)


def test_loaded_objects_are_frozen_only_while_workers_run() -> None:
    gc.unfreeze()  # what loading models froze (``gc_paused(freeze=True)``) is unfrozen too
    before = gc.get_freeze_count()
    out = list(ordered_map(_frozen, None, range(40), processes=2, batch_size=8))
    assert out == [True] * 40  # the workers see what was loaded frozen
    assert gc.get_freeze_count() == before == 0


def test_workers_run_blas_on_one_thread_and_leave_the_parent_s_alone() -> None:
    import numpy  # noqa: F401 - loads NumPy's OpenBLAS
    from threadpoolctl import threadpool_info, threadpool_limits

    with threadpool_limits(2, user_api="blas"):
        parent = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
        out = list(ordered_map(_blas_threads, None, range(16), processes=2, batch_size=4))
        assert out == [1] * 16
        assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == parent


def _double(state: int) -> int:
    return 2 * state


def _fail(_: object) -> int:
    raise ValueError("no")


def test_forked_runs_alongside_and_gives_its_result_or_its_error() -> None:
    from eventdesk.workers import forked

    gc.unfreeze()
    wait = forked(_double, 21)
    assert gc.get_freeze_count() > 0  # while it runs, collections leave shared pages alone
    assert wait() == 42
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError, match="no"):
        forked(_fail, None)()
