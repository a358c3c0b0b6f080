"""The benchmark's results file: the builds under "results" carry only the tool names the
performance issue defines, and the preview latencies sit beside them under "preview"."""

from __future__ import annotations

from bench.measure import Run, summarise
from bench.run import BASELINE_ROWS, ROW_ORDER, rows_json, table

BUILDS = {
    "ours-full", "ours-full-serial", "ours-noop", "ours-one-edit", "hugo", "pelican", "mkdocs"
}  # fmt: skip


def test_results_hold_the_builds_and_preview_holds_the_latencies() -> None:
    runs = [Run(1.0, 10.0), Run(3.0, 30.0), Run(2.0, 20.0)]
    summaries = {name: summarise(name, runs) for name in reversed(ROW_ORDER)}
    rows = rows_json(summaries)
    assert [row["tool"] for row in rows["results"]] == [n for n in ROW_ORDER if n in BUILDS]
    assert {row["tool"] for row in rows["preview"]} == {"ours-preview-edit", "hugo-server-edit"}
    full = next(row for row in rows["results"] if row["tool"] == "ours-full")
    assert full == {"tool": "ours-full", "median_s": 2.0, "min_s": 1.0, "runs": 3, "peak_mib": 30.0}


def test_an_earlier_commit_is_kept_apart_and_compared_with_the_same_build() -> None:
    """`make bench BASELINE=REV`: its rows go under "baseline", never among the results, and
    the table divides each by the same build of this commit."""
    summaries = {
        "ours-full": summarise("ours-full", [Run(2.0, 10.0)]),
        "ours-noop": summarise("ours-noop", [Run(0.1, 10.0)]),
        "before-full": summarise("before-full", [Run(3.0, 10.0)]),
        "before-noop": summarise("before-noop", [Run(0.2, 10.0)]),
    }
    rows = rows_json(summaries)
    assert [row["tool"] for row in rows["results"]] == ["ours-full", "ours-noop"]
    assert [row["tool"] for row in rows["baseline"]] == ["before-full", "before-noop"]
    lines = {line.split()[0]: line.split() for line in table(summaries).splitlines()[1:]}
    assert lines["before-full"][4] == "1.500" and lines["before-noop"][4] == "2.000"
    assert set(BASELINE_ROWS) <= set(ROW_ORDER)
