"""Worker processes for the CPU-bound part of a run (analysis and extraction).

One article's analysis and extraction need nothing but the article, so batches of articles go
to forked worker processes and only the small results (``ArticleFacts``) come back; the
process that owns the database keeps cleaning, linking and storing.  Sending spaCy ``Doc``
objects back instead (``nlp.pipe(n_process=…)``) costs their serialisation on both sides and
leaves extraction on one core.

Input is read lazily, in the calling thread, at most ``in_flight`` batches ahead: the caller's
input generator may touch the database (duplicate checks), which must stay in one thread.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from itertools import islice
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_processes() -> int:
    """Worker processes: ``$EVENTDESK_PROCESSES``, else one per core, at most 2 (measured on 2
    cores; more than the cores only add start-up time and memory)."""
    env = os.environ.get("EVENTDESK_PROCESSES")
    if env:
        return max(1, int(env))
    return max(1, min(2, os.cpu_count() or 1))


def _die_with_parent() -> None:
    """In a forked worker: ask Linux to kill this process when its parent dies, so that a run
    killed with ``kill -9`` leaves no workers behind, blocked on their queues."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers exit when their queue closes
        pass


@lru_cache(maxsize=1)
def workers_die_with_parent() -> None:
    """Make every process forked from now on die with its parent (Linux; once per process)."""
    if sys.platform.startswith("linux"):
        os.register_at_fork(after_in_child=_die_with_parent)


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside: loading a model or the gazetteer creates hundreds
    of thousands of long-lived objects, and a collection every few hundred of them rescanned
    all made so far (the gazetteer's pickle loads in 0.5 s instead of 1.3 s).

    ``freeze``: what was made inside is there to stay (models, the gazetteer), so it is set
    aside from collection (``gc.freeze``: with everything else alive at that moment) before
    collection resumes; else the first collection after walks all of it once more (0.35 s
    after the models load).  ``ordered_map`` gives it back to the collector when it ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


_state: Any = None


def _init(state: Any) -> None:
    # Forked: ``state`` arrives by copy-on-write memory, not by pickling.
    global _state
    _state = state
    one_blas_thread()


def one_blas_thread() -> None:
    """Run this process's BLAS (NumPy's OpenBLAS: the models' matrix products) on one thread:
    the workers together already keep every core busy."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency; without it BLAS keeps its threads
        return
    threadpool_limits(1, user_api="blas")


def _call(fn: Callable[[Any, list[Any]], list[Any]], batch: list[Any]) -> list[Any]:
    return fn(_state, batch)


def _call_with_state(fn: Callable[[Any], Any]) -> Any:
    return fn(_state)


@contextmanager
def _fork_pool(processes: int, state: Any) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``processes`` forked workers that get ``state`` by copy-on-write memory.

    What is alive now (the models, say) is set aside from collection until the pool is shut
    down: the workers' collections then never walk it, nor write to the pages they share with
    this process, and this process's collections do not either.
    """
    workers_die_with_parent()
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=processes,
            mp_context=get_context("fork"),
            initializer=_init,
            initargs=(state,),
        ) as pool:
            yield pool
    finally:
        gc.unfreeze()


def forked(fn: Callable[[Any], R], state: Any) -> Callable[[], R]:
    """Start ``fn(state)`` in a forked process now; the function returned waits for its result.

    For work the caller can overlap with its own: ``state`` arrives by copy-on-write memory,
    only the result is pickled back.  ``fn`` must be a module-level function; an exception it
    raises (or the process dying) is raised by the waiting function.
    """
    pool_open = ExitStack()
    pool = pool_open.enter_context(_fork_pool(1, state))
    try:
        future = pool.submit(_call_with_state, fn)
    except BaseException:
        pool_open.close()
        raise

    def result() -> R:
        with pool_open:
            return future.result()

    return result


def ordered_map(
    fn: Callable[[Any, list[T]], list[R]],
    state: Any,
    items: Iterable[T],
    processes: int,
    batch_size: int = 16,
    in_flight: int | None = None,
) -> Iterator[R]:
    """``fn(state, batch)`` over batches of ``items`` in ``processes`` forked workers; yields
    the results one by one, in input order.

    ``fn`` must be a module-level function (it is sent by name); ``state`` (models, say) is
    given to the workers when they fork, so it is loaded once, before, and shared.
    ``fn`` must return one result per item, catching its own per-item errors.
    """
    in_flight = in_flight or 2 * processes
    it = iter(items)
    pending: deque[Future[list[R]]] = deque()
    with _fork_pool(processes, state) as pool:
        while True:
            while len(pending) < in_flight:
                batch = list(islice(it, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_call, fn, batch))
            if not pending:
                return
            yield from pending.popleft().result()
