"""Geometry for the results chart, computed here so the template only draws rectangles."""

from __future__ import annotations

from dataclasses import dataclass

from .model import STABILITY_LEVELS, Results


@dataclass(frozen=True)
class Segment:
    level: str
    count: int
    x: float  # percent of the bar's width
    width: float


@dataclass(frozen=True)
class Bar:
    when: str  # 'before' or 'after'
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class GroupBars:
    group: str
    bars: tuple[Bar, ...]


def stacked_bars(results: Results) -> tuple[GroupBars, ...]:
    """For each group, a 100 % stacked bar before and after, one segment per non-empty level."""
    rows = []
    for row in results.groups:
        bars = []
        for when, counts in (("before", row.before), ("after", row.after)):
            total = sum(counts.values()) or 1
            x = 0.0
            segments = []
            for level in STABILITY_LEVELS:
                count = counts[level]
                if count:
                    width = round(100 * count / total, 3)
                    segments.append(Segment(level, count, round(x, 3), width))
                    x += width
            bars.append(Bar(when, tuple(segments)))
        rows.append(GroupBars(row.group, tuple(bars)))
    return tuple(rows)
