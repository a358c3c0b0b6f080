"""Building: all errors named at once, drafts left out, site/ replaced whole or not at all."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for

from showcase import pipeline
from showcase.commands.cli import main
from showcase.common.errors import BuildError, ContentError, Position
from showcase.output.staging import UnsafeOutput, write_site


def build_errors(content: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        pipeline.build(folders_for(content), content.parent / "site")
    return [str(e).replace(str(content.parent) + "/", "") for e in caught.value.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_error_of_a_run_is_reported_with_file_line_and_fix(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    edit(content / "awards" / "pris.yaml", "awarded_by:", "awarded_bye:")
    edit(content / "cases" / "nytt-hjem.nb.md", "group: unge", "group: ungee")
    edit(content / "cases" / "nytt-hjem.en.md", "before: ustabil", "before: unstable")
    edit(
        content / "news" / "2018-02-13-dubai.nb.md",
        "status: published",
        "status: published\nstatus: draft",
    )
    assert build_errors(content) == [
        "content/awards/pris.yaml:3:1: unknown field 'awarded_bye' in content/awards/pris.yaml — "
        "did you mean 'awarded_by'?",
        "content/cases/nytt-hjem.en.md:8:11: 'before' cannot be 'unstable' — "
        "did you mean 'ustabil'?",
        "content/cases/nytt-hjem.nb.md:5:8: 'group' cannot be 'ungee' — did you mean 'unge'?",
        "content/news/2018-02-13-dubai.nb.md:5:1: duplicate key 'status' (first used on line 4) — "
        "remove one of them; YAML would silently keep only the last",
    ]


def test_true_or_false_as_a_text_must_be_quoted(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    edit(content / "pages" / "about.nb.md", "title: Om oss", "title: false")
    assert build_errors(content) == [
        "content/pages/about.nb.md:2:8: 'title' is false, which YAML reads as yes/no, not as "
        'text — put it in quotes: "false"'
    ]


def test_no_and_on_are_texts_as_in_yaml_1_2_which_the_editor_writes(
    copy_site: Callable[[], Path], tmp_path: Path
) -> None:
    """Decap CMS writes a title "No" or "On" without quotes (YAML 1.2); it stays a title."""
    content = copy_site()
    edit(content / "pages" / "about.nb.md", "title: Om oss", "title: No")
    edit(content / "pages" / "about.en.md", "title: About", "title: On")
    pipeline.build(folders_for(content), tmp_path / "site")
    assert "<h1>No</h1>" in (tmp_path / "site" / "om" / "index.html").read_text()


def test_broken_link_in_markdown_names_the_source_line(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    edit(content / "pages" / "index.nb.md", "(/metoden/#steg)", "(/metode/)")
    edit(content / "pages" / "index.en.md", "(/en/method/#steps)", "(/en/method/#nowhere)")
    assert build_errors(content) == [
        "content/pages/index.en.md:6:25: the link '/en/method/#nowhere' is broken: the page has "
        "no anchor '#nowhere' — check the address; internal links look like /metoden/ or "
        "/en/method/",
        "content/pages/index.nb.md:6:18: the link '/metode/' is broken: no page has this address — "
        "check the address; internal links look like /metoden/ or /en/method/",
    ]


def test_drafts_and_half_translated_items_are_published_nowhere(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    edit(content / "cases" / "nytt-hjem.en.md", "status: published", "status: draft")
    report = pipeline.build(folders_for(content), content.parent / "site")
    assert [str(w) for w in report.warnings] == [
        "content/cases/nytt-hjem.en.md:2:1: 'nytt-hjem' is published in one language only, so it "
        "is published in none — set 'status: published' in every language when the translation "
        "is ready"
    ]
    for path in (content.parent / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            for secret in ("nytt-hjem", "Et nytt hjem", "Hemmelig", "Secret group", "TEST-00"):
                assert secret not in text, (path, secret)


def test_drafts_are_shown_only_when_asked_for(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    pipeline.build(folders_for(content), content.parent / "site", include_drafts=True)
    assert (content.parent / "site" / "historier" / "hemmelig" / "index.html").is_file()


def test_failed_build_leaves_the_previous_site_untouched(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    out = content.parent / "site"
    pipeline.build(folders_for(content), out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    edit(content / "method.yaml", "text: {nb: De lager en plan., en: They make a plan.}", "text: x")
    with pytest.raises(BuildError):
        pipeline.build(folders_for(content), out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [
        p.name for p in content.parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name
    ] == []


def test_write_failure_midway_keeps_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, [("index.html", b"old")])

    def files() -> object:
        yield ("index.html", b"new")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_site(out, files())  # type: ignore[arg-type]
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_dangerous_output_folders_are_refused(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    for out in (Path("/"), Path.home(), PROJECT, content, content / "pages"):
        with pytest.raises(UnsafeOutput):
            pipeline.build(folders_for(content), out)


def test_a_folder_that_is_not_a_built_site_is_never_replaced(tmp_path: Path) -> None:
    """Regression: `--out` pointed at another project's content/ replaced it with a site."""
    other = tmp_path / "other-project" / "content"
    other.mkdir(parents=True)
    (other / "site.yaml").write_text("title: precious")
    with pytest.raises(UnsafeOutput, match="holds files this build did not make"):
        pipeline.build(folders_for(PROJECT / "tests" / "sites" / "basic" / "content"), other)
    assert (other / "site.yaml").read_text() == "title: precious"


def test_cli_exit_codes_and_messages(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    out = content.parent / "site"
    assert main(PROJECT, ["--content", str(content), "--out", str(out), "--lang", "en"]) == 0
    assert re.match(r"built .*/site: \d+ pages, \d+ files in [\d.]+ s\n$", capsys.readouterr().out)
    edit(content / "site.yaml", "base_url: https://test.example.org", "base_url: test.example.org")
    assert main(PROJECT, ["check", "--content", str(content), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "site.yaml:4:11: 'base_url' must be an https address, with a path or without" in err
    assert "1 error; site/ was not changed." in err
    assert main(PROJECT, ["--content", str(content), "--out", str(PROJECT)]) == 2


def test_messages_are_norwegian_by_default_and_english_on_request(
    copy_site: Callable[[], Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    content = copy_site()
    edit(content / "groups" / "unge.yaml", "order: 1", "ordre: 1")
    assert main(PROJECT, ["check", "--content", str(content)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "feil: content/groups/unge.yaml:2:1: ukjent felt 'ordre' i content/groups/unge.yaml — "
        "mente du 'order'?",
        "",
        "1 feil; site/ ble ikke endret.",
    ]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(PROJECT, ["check", "--content", str(content)]) == 1
    assert "error: content/groups/unge.yaml:2:1: unknown field 'ordre'" in capsys.readouterr().err
    assert main(PROJECT, ["check", "--content", str(content), "--lang", "nb"]) == 1
    assert "ukjent felt 'ordre'" in capsys.readouterr().err


def test_content_errors_raised_in_a_worker_process_arrive_whole() -> None:
    """Handouts and pages are made on forked workers: their errors cross a process boundary."""
    errors = [ContentError(Position("content/a.yaml", 3, 1), "what is wrong", "how to fix it")]
    again = pickle.loads(pickle.dumps(BuildError(errors)))
    assert again.errors == errors and str(again) == str(BuildError(errors))
