"""Work spread over all cores, with the same result as doing it in order.

Workers are forked, so they inherit the renderer, fonts and content already in memory: only the
items' indices go to them and only the results come back. `pmap` keeps the order of its input,
so a parallel build writes exactly the bytes a serial one does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PER_WORKER = 16  # below this, starting processes costs more than it saves

_task: Callable[[Any], Any] | None = None  # set in each worker process only, by _start
_items: Sequence[Any] = ()


def _start(task: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _task, _items
    _task, _items = task, items


def _run(index: int) -> Any:
    assert _task is not None
    return _task(_items[index])


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pmap(
    task: Callable[[T], R], items: Sequence[T], jobs: int, per_worker: int = MIN_PER_WORKER
) -> list[R]:
    """[task(item) for item in items], on up to `jobs` forked processes, each given at least
    `per_worker` items (1 for heavy tasks, where even one is worth a process)."""
    return list(pmap_lazy(task, items, jobs, per_worker))


def pmap_lazy(
    task: Callable[[T], R], items: Sequence[T], jobs: int, per_worker: int = MIN_PER_WORKER
) -> Iterator[R]:
    """task(item) for each item, in order, on up to `jobs` forked processes, each result handed
    on as soon as it and those before it are done (consume them all: the pool lives until
    then)."""
    import multiprocessing  # here: a build with nothing to do never starts a pool

    jobs = min(jobs, len(items) // per_worker)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(task, items)
        return
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    # Forked workers inherit the task and the items: only indices are sent to them.
    with context.Pool(jobs, initializer=_start, initargs=(task, items)) as pool:
        yield from pool.imap(_run, range(len(items)), chunksize=chunk)


def all_of(test: Callable[[Sequence[T]], bool], items: Sequence[T], jobs: int) -> bool:
    """test(items), with the items split over up to `jobs` processes: for checks of tens of
    thousands of files, where a pool's start-up would cost more than the check. Forks directly;
    each part's answer is its exit code."""
    jobs = min(jobs, len(items) // (MIN_PER_WORKER * 256))
    if jobs <= 1 or not hasattr(os, "fork"):
        return test(items)
    children = []
    for part in range(1, jobs):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os._exit(0 if test(items[part::jobs]) else 1)
        children.append(pid)
    mine = test(items[0::jobs])
    results = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 for pid in children]
    return mine and all(results)
