"""Small counts stay hidden, and nothing shown lets a reader work them out."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from showcase.checks.suppress import (
    SECONDARY,
    SMALL,
    THRESHOLD,
    Cell,
    protect_row,
    protect_rows,
    shown,
)

LEVELS = ("uholdbar", "ustabil", "stabil", "baerekraftig")


def row(*counts: int) -> dict[str, int]:
    return dict(zip(LEVELS, counts, strict=True))


def test_counts_from_one_to_four_are_shown_as_under_five() -> None:
    safe = protect_row(row(3, 3, 1, 0))
    assert [shown(c, "under 5", "skjult") for c in safe.cells.values()] == [
        "under 5", "under 5", "under 5", "0",
    ]  # fmt: skip
    assert safe.total == 7


def test_a_lone_small_count_hides_its_smallest_neighbour_too() -> None:
    safe = protect_row(row(0, 2, 9, 6))
    assert safe.cells["ustabil"] == Cell(None, SMALL)
    assert safe.cells["baerekraftig"] == Cell(None, SECONDARY)
    assert safe.cells["stabil"] == Cell(9)
    assert safe.total == 17


def test_total_is_hidden_when_nothing_else_can_protect_the_cell() -> None:
    safe = protect_row(row(0, 1, 5, 0))
    assert safe.total is None


def test_a_small_total_is_hidden() -> None:
    assert protect_row(row(0, 0, 0, 3)).total is None


def test_rows_about_the_same_families_hide_their_totals_together() -> None:
    before, after = protect_rows([row(0, 1, 5, 0), row(6, 0, 0, 0)])
    assert before.total is None and after.total is None


def consistent_values(original: dict[str, int], safe_total: int | None, cells: dict[str, Cell]):
    """Every assignment of the hidden cells a reader could not rule out."""
    hidden = [k for k, c in cells.items() if c.value is None]
    ranges = [
        range(1, THRESHOLD) if cells[k].hidden == SMALL else range(THRESHOLD, 60) for k in hidden
    ]
    visible = sum(c.value or 0 for c in cells.values())
    for values in itertools.product(*ranges):
        if safe_total is None or visible + sum(values) == safe_total:
            yield dict(zip(hidden, values, strict=True))


@given(st.lists(st.integers(0, 12), min_size=4, max_size=4))
def test_no_hidden_count_can_be_worked_out(counts: list[int]) -> None:
    original = row(*counts)
    safe = protect_row(original)
    for key, cell in safe.cells.items():
        if 0 < original[key] < THRESHOLD:
            assert cell.value is None, "a small count was shown"
    solutions = list(consistent_values(original, safe.total, safe.cells))
    assert {k: original[k] for k, c in safe.cells.items() if c.value is None} in solutions
    for key, cell in safe.cells.items():
        if cell.value is None:
            assert len({s[key] for s in solutions}) >= 2, f"{key} can be worked out from {safe}"
