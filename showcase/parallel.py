"""Work spread over all cores, with the same result as doing it in order.

Workers are forked, so they inherit the renderer, fonts and content already in memory: only the
items' indices go to them and only the results come back. `pmap` keeps the order of its input,
so a parallel build writes exactly the bytes a serial one does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PER_WORKER = 16  # below this, starting processes costs more than it saves

_task: Callable[[Any], Any] | None = None  # set in each worker process only, by _start


def _start(task: Callable[[Any], Any]) -> None:
    global _task
    _task = task


def _run(item: Any) -> Any:
    assert _task is not None
    return _task(item)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pmap(task: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """[task(item) for item in items], on up to `jobs` forked processes."""
    import multiprocessing  # here: a build with nothing to do never starts a pool

    jobs = min(jobs, len(items) // MIN_PER_WORKER)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    with context.Pool(jobs, initializer=_start, initargs=(task,)) as pool:
        return pool.map(_run, items, chunksize=chunk)


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
