"""The results chart: all groups together first, only shown counts drawn, and a sentence where a
group's numbers are too small to show. What a reader can subtract never gives a small count back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import PROJECT, folders_for
from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from showcase import pipeline
from showcase.checks.suppress import THRESHOLD, is_small, protect_rows
from showcase.content.model import STABILITY_LEVELS, GroupResult, Results
from showcase.render.charts import COHORT, GroupBars, cohort_bars, results_view

SENTENCE = {
    "one": "For denne målgruppen er tallene for små til å vises uten å kunne kjenne igjen noen.",
    "all": "For hver målgruppe er tallene for små til å vises uten å kunne kjenne igjen noen.",
}


def counts(*values: int) -> dict[str, int]:
    return dict(zip(STABILITY_LEVELS, values, strict=True))


def results(*groups: tuple[dict[str, int], dict[str, int]]) -> Results:
    rows = tuple(GroupResult(f"g{i}", before, after) for i, (before, after) in enumerate(groups))
    return Results(True, {}, rows)


def drawn_counts(bars: GroupBars) -> list[dict[str, int]]:
    return [{segment.level: segment.count for segment in bar.segments} for bar in bars.bars]


def test_the_cohort_adds_the_groups_and_follows_the_same_rule() -> None:
    seen = results(
        (counts(3, 3, 1, 0), counts(0, 3, 4, 0)),
        (counts(2, 3, 2, 0), counts(0, 2, 5, 0)),
        (counts(1, 3, 2, 0), counts(0, 2, 4, 0)),
    )
    cohort = cohort_bars(seen)
    assert cohort is not None and cohort.group == COHORT
    expected = protect_rows([counts(6, 9, 5, 0), counts(0, 7, 13, 0)])
    assert [bar.row for bar in cohort.bars] == expected
    assert drawn_counts(cohort) == [
        {"uholdbar": 6, "ustabil": 9, "stabil": 5},
        {"ustabil": 7, "stabil": 13},
    ]
    assert all(bar.complete for bar in cohort.bars)


def test_the_real_example_shows_every_count_of_the_cohort_and_no_group() -> None:
    content, _ = pipeline.validate(folders_for(PROJECT / "content"))
    assert content.results is not None
    view = results_view(content.results)
    assert view.cohort is not None and all(bar.complete for bar in view.cohort.bars)
    assert view.cohort.bars[0].row.total in range(15, 26)  # "about 20 families and citizens"
    assert view.groups == () and len(view.hidden) == len(content.results.groups)


def test_a_hidden_count_leaves_its_part_of_the_bar_undrawn() -> None:
    cohort = cohort_bars(results((counts(2, 9, 6, 0), counts(0, 2, 9, 6))))
    assert cohort is not None
    before, _after = cohort.bars
    assert [s.level for s in before.segments] == ["ustabil"]  # 2 small, 6 hidden with it
    assert before.segments[0].width == round(100 * 9 / 17, 3)
    assert not before.complete and before.row.total == 17
    assert all(s.level in STABILITY_LEVELS for bar in cohort.bars for s in bar.segments)


group_counts = st.lists(st.integers(0, 9), min_size=4, max_size=4).map(lambda v: counts(*v))


@given(st.lists(st.tuples(group_counts, group_counts), min_size=1, max_size=4))
def test_the_chart_draws_only_shown_numbers(groups: list[tuple[dict[str, int], ...]]) -> None:
    view = results_view(results(*groups))  # type: ignore[arg-type]
    assert view.cohort is not None
    for bars in (view.cohort, *view.groups):
        for bar in bars.bars:
            if bar.row.total is None:
                assert bar.segments == ()  # no bar at all when the total is hidden
            for segment in bar.segments:
                assert bar.row.cells[segment.level].value == segment.count > 0
            shown = [level for level, cell in bar.row.cells.items() if cell.value]
            if bar.row.total:
                assert [segment.level for segment in bar.segments] == shown
            assert sum(segment.width for segment in bar.segments) <= 100.01
            if bar.complete and bar.row.total:
                assert abs(sum(segment.width for segment in bar.segments) - 100) < 0.01


@given(st.lists(st.tuples(group_counts, group_counts), min_size=2, max_size=4))
def test_groups_beside_the_cohort_never_give_a_small_count_back(
    groups: list[tuple[dict[str, int], ...]],
) -> None:
    view = results_view(results(*groups))  # type: ignore[arg-type]
    assert view.cohort is not None
    if not view.groups:
        return
    for bars in (view.cohort, *view.groups):
        assert all(bar.complete for bar in bars.bars), "only whole tables sit side by side"
    for index, bar in enumerate(view.cohort.bars):
        rest = [
            (bar.row.cells[level].value or 0)
            - sum(g.bars[index].row.cells[level].value or 0 for g in view.groups)
            for level in STABILITY_LEVELS
        ]
        assert not any(is_small(count) for count in [*rest, sum(rest)])
        assert all(count == 0 or count >= THRESHOLD for count in rest)


# -- the page ---------------------------------------------------------------------------------


def set_results(content: Path, before: str, after: str) -> None:
    path = content / "results.yaml"
    text = path.read_text(encoding="utf-8")
    old_before = "before: {uholdbar: 6, ustabil: 5, stabil: 0, baerekraftig: 0}"
    old_after = "after: {uholdbar: 0, ustabil: 5, stabil: 6, baerekraftig: 0}"
    assert old_before in text and old_after in text
    text = text.replace(old_before, f"before: {before}").replace(old_after, f"after: {after}")
    path.write_text(text, encoding="utf-8")


def results_page(content: Path) -> html.HtmlElement:
    out = content.parent / "site"
    pipeline.build(folders_for(content), out, include_drafts=True)  # drafts: no PDFs to render
    return html.parse(str(out / "resultater" / "index.html")).getroot()


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_a_fully_suppressed_group_gets_a_sentence_instead_of_bars(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    set_results(
        content,
        "{uholdbar: 3, ustabil: 2, stabil: 1, baerekraftig: 0}",
        "{uholdbar: 0, ustabil: 2, stabil: 4, baerekraftig: 0}",
    )
    doc = results_page(content)
    main = text(doc.xpath("//main")[0])
    assert SENTENCE["all"] in main
    assert not doc.xpath("//*[contains(@class, 'level-hidden')]"), "no grey stand-in bars"
    assert not doc.xpath("//svg[contains(@class, 'bar')]")  # the one group is the cohort too
    assert main.count("Tallene er for små til å vises.") == 2  # its bars, before and after
    assert "Skjulte tall" not in main


def test_a_group_with_whole_numbers_is_drawn_under_the_cohort(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()  # one group, every count 0 or at least 5: nothing hidden anywhere
    doc = results_page(content)
    names = [p.text for p in doc.xpath("//p[@class='chart-group-name']")]
    assert names == ["Unge voksne"]
    assert SENTENCE["all"] not in text(doc.xpath("//main")[0])
    labels = [svg.get("aria-label") for svg in doc.xpath("//svg[contains(@class, 'bar')]")]
    assert len(labels) == 4  # the cohort and the group, before and after
    assert all(label and "resten" not in label for label in labels)
    assert not doc.xpath("//p[@class='table-note']")  # nothing hidden: no note about hiding


def test_the_results_page_reads_findings_first_and_labels_the_example_once(
    real_site: Path,
) -> None:
    for name, lang in (("resultater/index.html", "nb"), ("en/results/index.html", "en")):
        doc = html.parse(str(real_site / name)).getroot()
        main = text(doc.xpath("//main")[0])
        word = {"nb": "illustrerende", "en": "illustrative"}[lang]
        assert main.lower().count(word) == 1, name
        as_of = {"nb": "Per februar 2018", "en": "As of February 2018"}[lang]
        source = {"nb": "Kilde: Asker kommune", "en": "Source: Asker Municipality"}[lang]
        assert as_of in main and source in main
        assert main.index(as_of) < main.index(word.capitalize())  # the words before the example
        findings = doc.xpath("//ul[@class='findings-list']/li")
        assert len(findings) == 5
        table = doc.xpath("//table[@class='results-table']")[0]
        caption = text(table.xpath("caption")[0])
        assert caption and len(table.xpath(".//thead//th")) == 3  # level, before, after


def test_a_group_can_be_drawn_while_the_others_get_the_sentence(
    copy_site: Callable[[], Path],
) -> None:
    """Two small groups whose sum is safe: the whole group is drawn, each small one says why
    it is not; what a reader can subtract (the two small ones together) is 5 or more."""
    content = copy_site()
    groups = content / "groups"
    for key, name in (("andre", "Andre voksne"), ("tredje", "Tredje voksne")):
        source = (groups / "unge.yaml").read_text(encoding="utf-8")
        source = source.replace("order: 1", "order: 2").replace("Unge voksne", name)
        (groups / f"{key}.yaml").write_text(source.replace("Young adults", name), "utf-8")
    path = content / "results.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - group: andre\n"
        + "    before: {uholdbar: 3, ustabil: 2, stabil: 0, baerekraftig: 0}\n"
        + "    after: {uholdbar: 0, ustabil: 2, stabil: 3, baerekraftig: 0}\n"
        + "  - group: tredje\n"
        + "    before: {uholdbar: 2, ustabil: 3, stabil: 0, baerekraftig: 0}\n"
        + "    after: {uholdbar: 0, ustabil: 3, stabil: 2, baerekraftig: 0}\n",
        encoding="utf-8",
    )
    doc = results_page(content)
    groups_shown = doc.xpath("//div[@class='chart-group']")
    assert [text(g.xpath("p[@class='chart-group-name']")[0]) for g in groups_shown] == [
        "Unge voksne",
        "Andre voksne",
        "Tredje voksne",
    ]
    first, *small = groups_shown
    assert first.xpath(".//svg") and not first.xpath(".//p[@class='results-hidden']")
    for group in small:
        assert not group.xpath(".//svg") and not group.xpath(".//table")
        assert text(group.xpath(".//p[@class='results-hidden']")[0]) == SENTENCE["one"]
