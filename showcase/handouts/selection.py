"""What the printed handout shows: a selection of the site's content that fits two A4 pages.

Texts are kept short by the schema's length limits; the numbers of items are bounded here. Lists
the method depends on (steps, target groups) must fit whole, so more than the handout has room for
is a content error; of the awards the newest are shown, with their first figures, and of the
partners the first by order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.suppress import Cell, shown
from ..common.errors import ContentError, Position
from ..content.model import (
    STABILITY_LEVELS,
    Award,
    Case,
    Content,
    Figure,
    Group,
    Level,
    MethodStep,
    Partner,
    Translated,
)
from ..content.placeholder import is_placeholder
from ..render.charts import stacked_bars

MAX_STEPS = 6
MAX_GROUPS = 3
MAX_AWARDS = 3
MAX_FIGURES = 4
MAX_PARTNERS = 6


def shown_count(cell: Cell | int | None, lang: str, strings: dict[str, Translated]) -> str:
    """How the handout writes one count from the results: the one place every count goes through.

    It follows the shared small-count rule (checks/suppress.py) exactly as the results page does,
    so the sheet never shows a count the site hides.
    """
    return shown(cell, strings["under_5"][lang], strings["hidden_mark"][lang])


@dataclass(frozen=True)
class Segment:
    level: str  # a stability level, or a special key from charts (e.g. hidden counts)
    width: float  # percent of the bar


@dataclass(frozen=True)
class ChartRow:
    when: str  # 'before' or 'after'
    segments: tuple[Segment, ...]  # empty when the total is withheld
    counts: tuple[str, ...]  # each level's count as shown, in scale order


@dataclass(frozen=True)
class ChartGroup:
    name: str
    rows: tuple[ChartRow, ...]


@dataclass(frozen=True)
class AwardView:
    award: Award
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Sheet:
    """Everything one language's handout shows, in reading order."""

    lang: str
    home_url: str  # absolute address of the site in this language
    proof: bool  # the address is a placeholder: a proof label instead of a QR code to nowhere
    steps: tuple[MethodStep, ...]
    scale: tuple[Level, ...]
    groups: tuple[Group, ...]
    awards: tuple[AwardView, ...]
    chart: tuple[ChartGroup, ...]
    results_illustrative: bool
    story: Case | None
    partners: tuple[Partner, ...]


def problems(content: Content, where: dict[str, Position]) -> list[ContentError]:
    """Content that cannot fit the handout: too many steps or target groups."""
    found = []
    if len(content.method.steps) > MAX_STEPS:
        found.append(
            ContentError(
                where["method"],
                f"the method has {len(content.method.steps)} steps, and the printed handout "
                f"has room for {MAX_STEPS}",
                f"describe the method in at most {MAX_STEPS} steps",
            )
        )
    if len(content.groups) > MAX_GROUPS:
        found.append(
            ContentError(
                where["groups"],
                f"there are {len(content.groups)} published target groups, and the printed "
                f"handout has room for {MAX_GROUPS}",
                f"publish at most {MAX_GROUPS} target groups, or make the handout's layout wider",
            )
        )
    return found


def sheet(content: Content, lang: str, home_url: str) -> Sheet:
    """The handout's content for one language."""
    awards = content.awards[-MAX_AWARDS:]
    return Sheet(
        lang=lang,
        home_url=home_url,
        proof=is_placeholder(home_url),
        steps=content.method.steps,
        scale=content.method.scale,
        groups=content.groups,
        awards=tuple(AwardView(award, award.figures[:MAX_FIGURES]) for award in awards),
        chart=_chart(content, lang),
        results_illustrative=content.results is not None and content.results.illustrative,
        story=next((case for case in content.cases if case.illustrative), None),
        partners=content.partners[:MAX_PARTNERS],
    )


def _chart(content: Content, lang: str) -> tuple[ChartGroup, ...]:
    """The results page's stacked bars and counts, small counts hidden the same way."""
    if content.results is None:
        return ()
    groups = []
    for bars in stacked_bars(content.results):
        rows = tuple(
            ChartRow(
                when=bar.when,
                segments=tuple(Segment(s.level, s.width) for s in bar.segments),
                counts=tuple(
                    shown_count(bar.row.cells[level], lang, content.strings)
                    for level in STABILITY_LEVELS
                ),
            )
            for bar in bars.bars
        )
        groups.append(ChartGroup(content.group(bars.group).name[lang], rows))
    return tuple(groups)
