"""Work split over processes gives the answer the same work gives in one."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from showcase.common import parallel

LARGE = parallel.MIN_PER_WORKER * 256 * 2  # enough items for all_of to really fork


def no_negative(part: Sequence[int]) -> bool:
    return all(value >= 0 for value in part)


@settings(max_examples=25, deadline=None)
@given(bad=st.sets(st.integers(0, LARGE - 1), max_size=3), jobs=st.integers(1, 3))
def test_all_of_answers_as_one_process_would(bad: set[int], jobs: int) -> None:
    """A single failing item anywhere (in the parent's share or a child's) makes it False."""
    items = [-1 if i in bad else i for i in range(LARGE)]
    assert parallel.all_of(no_negative, items, jobs) == (not bad)
