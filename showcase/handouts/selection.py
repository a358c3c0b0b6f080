"""What the printed handout shows: a selection of the site's content that fits two A4 pages.

Texts are kept short by the schema's length limits; the numbers of items are bounded here. Lists
the method depends on (steps, target groups) must fit whole, so more than the handout has room for
is a content error; of the awards the newest are shown, with their first figures, and of the
partners and the findings the first by order. Of the illustrative numbers the sheet shows all groups
together, suppressed as on the results page (render/charts.py); a sentence says where the numbers
per group are, or that they are too small to show.
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
    PartialDate,
    Partner,
    Translated,
)
from ..content.placeholder import is_placeholder
from ..render.charts import GroupBars, ResultsView, results_view

MAX_STEPS = 6
MAX_GROUPS = 3
MAX_AWARDS = 3
MAX_FIGURES = 4
MAX_PARTNERS = 6
MAX_FINDINGS = 5


def shown_count(cell: Cell | int | None, lang: str, strings: dict[str, Translated]) -> str:
    """How the handout writes one count from the results: the one place every count goes through.

    It follows the shared small-count rule (checks/suppress.py) exactly as the results page does,
    so the sheet never shows a count the site hides.
    """
    return shown(cell, strings["under_5"][lang], strings["hidden_mark"][lang])


@dataclass(frozen=True)
class Segment:
    level: str  # a stability level
    width: float  # percent of the bar


@dataclass(frozen=True)
class ChartRow:
    when: str  # 'before' or 'after'
    segments: tuple[Segment, ...]  # the shown counts; empty when the total is withheld
    counts: tuple[str, ...]  # each level's count as shown, in scale order
    complete: bool  # nothing in the row is hidden: the bar is drawn whole


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
    findings: tuple[str, ...]  # what the sources found, in words
    as_of: PartialDate | None  # when the findings held
    findings_source: str | None
    chart: tuple[ChartRow, ...]  # all groups together, before and after
    groups_note: str  # the key of the sentence about the numbers per group, or ""
    anything_hidden: bool  # a shown count of all groups is hidden: the suppression note explains
    results_illustrative: bool
    results_note: str  # where the numbers come from, or that they are an example
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
    results = content.results
    view = results_view(results) if results else None
    return Sheet(
        lang=lang,
        home_url=home_url,
        proof=is_placeholder(home_url),
        steps=content.method.steps,
        scale=content.method.scale,
        groups=content.groups,
        awards=tuple(AwardView(award, award.figures[:MAX_FIGURES]) for award in awards),
        findings=tuple(f[lang] for f in results.findings[:MAX_FINDINGS]) if results else (),
        as_of=results.as_of if results else None,
        findings_source=results.source[lang] if results and results.source else None,
        chart=_chart(content, lang, view.cohort) if view and view.cohort else (),
        groups_note=_groups_note(view) if view else "",
        anything_hidden=bool(view and view.cohort and view.cohort.anything_hidden),
        results_illustrative=results is not None and results.illustrative,
        results_note=results.note[lang] if results else "",
        story=next((case for case in content.cases if case.illustrative), None),
        partners=content.partners[:MAX_PARTNERS],
    )


def _groups_note(view: ResultsView) -> str:
    """Where the numbers per group are: too small to show anywhere, or on the results page."""
    if not view.every:
        return ""
    return "results_groups_hidden" if not view.groups else "results_groups_online"


def _chart(content: Content, lang: str, cohort: GroupBars) -> tuple[ChartRow, ...]:
    """All groups' bars and counts together, small counts hidden as on the results page."""
    return tuple(
        ChartRow(
            when=bar.when,
            segments=tuple(Segment(s.level, s.width) for s in bar.segments),
            counts=tuple(
                shown_count(bar.row.cells[level], lang, content.strings)
                for level in STABILITY_LEVELS
            ),
            complete=bar.complete,
        )
        for bar in cohort.bars
    )
