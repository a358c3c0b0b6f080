"""What the results page, chart and handout may show, with small counts suppressed.

The geometry is computed here so templates only draw rectangles. Hidden counts are drawn as one
grey segment together, so the chart never shows more than the table does.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.suppress import SafeRow, protect_rows
from ..content.model import STABILITY_LEVELS, Results

HIDDEN = "hidden"  # the segment that stands for all hidden counts of a bar


@dataclass(frozen=True)
class Segment:
    level: str  # a stability level, or HIDDEN
    count: int
    x: float  # percent of the bar's width
    width: float


@dataclass(frozen=True)
class Bar:
    when: str  # 'before' or 'after'
    row: SafeRow
    segments: tuple[Segment, ...]  # empty when the total itself is withheld


@dataclass(frozen=True)
class GroupBars:
    group: str
    bars: tuple[Bar, ...]


def _segments(row: SafeRow) -> tuple[Segment, ...]:
    if row.total is None or row.total == 0:
        return ()
    parts = [(level, row.cells[level].value or 0) for level in STABILITY_LEVELS]
    visible = [(level, count) for level, count in parts if count]
    hidden = row.total - sum(count for _, count in visible)
    if hidden:
        visible.append((HIDDEN, hidden))
    segments, x = [], 0.0
    for level, count in visible:
        width = round(100 * count / row.total, 3)
        segments.append(Segment(level, count, round(x, 3), width))
        x += width
    return tuple(segments)


def stacked_bars(results: Results) -> tuple[GroupBars, ...]:
    """For each group, a 100 % stacked bar before and after, with small counts kept hidden."""
    groups = []
    for result in results.groups:
        safe = protect_rows([result.before, result.after])
        bars = tuple(
            Bar(when, row, _segments(row))
            for when, row in zip(("before", "after"), safe, strict=True)
        )
        groups.append(GroupBars(result.group, bars))
    return tuple(groups)
