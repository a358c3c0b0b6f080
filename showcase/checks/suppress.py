"""Small-count suppression for published results.

With about 20 families, a count of 1–4 in a table can point at a family. Such counts are shown as
"under 5". Hiding them is not enough when a row total is shown: the total minus the visible cells
would give the hidden one back. So every hidden cell must keep at least two possible values given
everything shown; where it would not, the smallest visible count is hidden too (complementary
suppression) and, failing that, the total. Rows that share a total (the same families before and
after) hide their totals together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are never shown

SMALL, SECONDARY = "small", "secondary"


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when hidden
    hidden: str = ""  # '', SMALL or SECONDARY


@dataclass(frozen=True)
class SafeRow:
    cells: dict[str, Cell]
    total: int | None  # None when the total must be hidden


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def _determinable(counts: Mapping[str, int], hidden: dict[str, str], total: int) -> bool:
    """True when some hidden cell has only one possible value given the shown total and cells."""
    rest = total - sum(v for k, v in counts.items() if k not in hidden)
    bounds = {
        k: (1, THRESHOLD - 1) if why == SMALL else (THRESHOLD, max(rest, THRESHOLD))
        for k, why in hidden.items()
    }
    for key, (low, high) in bounds.items():
        others_low = sum(b[0] for k, b in bounds.items() if k != key)
        others_high = sum(b[1] for k, b in bounds.items() if k != key)
        if min(high, rest - others_low) - max(low, rest - others_high) < 1:
            return True
    return False


def protect_row(counts: Mapping[str, int]) -> SafeRow:
    """One row of counts with small cells hidden and enough else hidden to keep them hidden."""
    hidden = {key: SMALL for key, value in counts.items() if is_small(value)}
    total: int | None = sum(counts.values())
    if total is not None and is_small(total):
        total = None
    while total is not None and hidden and _determinable(counts, hidden, total):
        candidates = sorted((v, k) for k, v in counts.items() if k not in hidden and v > 0)
        if candidates:
            hidden[candidates[0][1]] = SECONDARY
        else:
            total = None
    cells = {
        key: Cell(None, hidden[key]) if key in hidden else Cell(value)
        for key, value in counts.items()
    }
    return SafeRow(cells, total)


def protect_rows(rows: list[Mapping[str, int]]) -> list[SafeRow]:
    """Rows about the same people: if one must hide its total, all hide it."""
    safe = [protect_row(row) for row in rows]
    if any(row.total is None for row in safe):
        safe = [SafeRow(row.cells, None) for row in safe]
    return safe


def shown(cell_or_count: Cell | int | None, under: str, hidden: str) -> str:
    """The text a reader sees for a count: the number, 'under 5', or a mark for hidden."""
    if isinstance(cell_or_count, int):
        return str(cell_or_count)
    if cell_or_count is None:
        return hidden
    if cell_or_count.value is not None:
        return str(cell_or_count.value)
    return under if cell_or_count.hidden == SMALL else hidden
