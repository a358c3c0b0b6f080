"""What the results page, chart and handout may show, with small counts suppressed.

The geometry is computed here so templates only draw rectangles, and only for counts the table
shows too: a hidden count is not drawn at all (no grey stand-in that looks like data), and a bar
whose total is hidden is not drawn. With about 20 families, most counts per target group are
small, so the whole cohort (every group added up, before and after) is shown first, under the
same suppression rules; a group where suppression leaves nothing to draw gets a sentence instead.

Shown side by side, the cohort and the groups are one bigger table: the cohort minus the groups
shown gives the rest, whose small counts no rule has hidden. So groups are shown beside the cohort
only when every number in them and in the cohort is shown, and what a reader can subtract is
0 or at least the threshold; otherwise every group gets the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..checks.suppress import SafeRow, is_small, protect_rows
from ..content.model import STABILITY_LEVELS, Results

COHORT = "*"  # the key of the bars for all target groups together (no group has this key)


@dataclass(frozen=True)
class Segment:
    level: str  # a stability level
    count: int
    x: float  # percent of the bar's width
    width: float


@dataclass(frozen=True)
class Bar:
    when: str  # 'before' or 'after'
    row: SafeRow
    segments: tuple[Segment, ...]  # the shown counts above 0; empty when the total is hidden

    @property
    def complete(self) -> bool:
        """Every family in the bar is drawn: no count in it is hidden."""
        drawn = sum(segment.count for segment in self.segments)
        return self.row.total is not None and drawn == self.row.total


@dataclass(frozen=True)
class GroupBars:
    group: str  # a target group's key, or COHORT
    bars: tuple[Bar, ...]

    @property
    def shows_anything(self) -> bool:
        """Whether suppression left at least one count above 0 to draw."""
        return any(bar.segments for bar in self.bars)

    @property
    def anything_hidden(self) -> bool:
        """Whether a count or total in the table is hidden, which the suppression note explains."""
        return any(
            bar.row.total is None or any(cell.value is None for cell in bar.row.cells.values())
            for bar in self.bars
        )


@dataclass(frozen=True)
class ResultsView:
    """The results as the page and the handout show them, in reading order."""

    cohort: GroupBars | None  # all groups together; None when there are no groups
    every: tuple[GroupBars, ...]  # every group, in the groups' order
    groups: tuple[GroupBars, ...]  # the groups that may be drawn, in the groups' order

    @property
    def hidden(self) -> tuple[str, ...]:
        """The keys of the groups where nothing may be drawn: they get a sentence instead."""
        return tuple(group.group for group in self.every if group not in self.groups)

    @property
    def anything_hidden(self) -> bool:
        """Whether a shown table has a hidden count or total."""
        shown = ([self.cohort] if self.cohort else []) + list(self.groups)
        return any(group.anything_hidden for group in shown)


def _segments(row: SafeRow) -> tuple[Segment, ...]:
    """The shown counts as parts of the whole bar: a hidden count leaves its part undrawn."""
    if row.total is None or row.total == 0:
        return ()
    segments, x = [], 0.0
    for level in STABILITY_LEVELS:
        count = row.cells[level].value
        if count:
            width = round(100 * count / row.total, 3)
            segments.append(Segment(level, count, round(x, 3), width))
            x += width
    return tuple(segments)


def _bars(group: str, before: Mapping[str, int], after: Mapping[str, int]) -> GroupBars:
    safe = protect_rows([before, after])
    bars = tuple(
        Bar(when, row, _segments(row)) for when, row in zip(("before", "after"), safe, strict=True)
    )
    return GroupBars(group, bars)


def _added(counts: Sequence[Mapping[str, int]]) -> dict[str, int]:
    return {level: sum(row[level] for row in counts) for level in STABILITY_LEVELS}


def cohort_bars(results: Results) -> GroupBars | None:
    """All target groups added up, before and after, then suppressed like any group."""
    if not results.groups:
        return None
    before = _added([result.before for result in results.groups])
    after = _added([result.after for result in results.groups])
    return _bars(COHORT, before, after)


def stacked_bars(results: Results) -> tuple[GroupBars, ...]:
    """For each group, a 100 % stacked bar before and after, with small counts kept hidden."""
    return tuple(_bars(result.group, result.before, result.after) for result in results.groups)


def _safe_together(cohort: GroupBars | None, groups: Sequence[GroupBars]) -> bool:
    """Whether `groups` may be shown beside the cohort without the difference giving a small
    count back (see the module's docstring)."""
    if cohort is None or not all(bar.complete for group in (cohort, *groups) for bar in group.bars):
        return False
    for index, bar in enumerate(cohort.bars):
        rest = [
            (bar.row.cells[level].value or 0)
            - sum(group.bars[index].row.cells[level].value or 0 for group in groups)
            for level in STABILITY_LEVELS
        ]
        if any(is_small(count) for count in [*rest, sum(rest)]):
            return False
    return True


def results_view(results: Results) -> ResultsView:
    """The cohort first; then each group with something to draw, and the keys of the rest."""
    cohort, groups = cohort_bars(results), stacked_bars(results)
    drawn = tuple(group for group in groups if group.shows_anything)
    if not _safe_together(cohort, drawn):
        drawn = ()
    return ResultsView(cohort, groups, drawn)
