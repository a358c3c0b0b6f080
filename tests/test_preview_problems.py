"""The preview's problems: each file's entry in the browser editor, the banner on the pages,
the verdict the editor reads, and a build that reports every independent problem in one run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for

from showcase.commands.cli import main
from showcase.commands.editor_links import editor_link
from showcase.commands.preview_problems import banner, problems_page, verdict, with_banner
from showcase.common.errors import ContentError, Position
from showcase.common.messages import translate


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("content/cases/nytt-hjem.nb.md", "/admin/#/collections/cases/entries/nytt-hjem"),
        ("content/news/2018-02-13-dubai.en.md", "/admin/#/collections/news/entries/2018-02-13-"
         "dubai"),
        ("content/awards/pris.yaml", "/admin/#/collections/awards/entries/pris"),
        ("content/groups/unge.yaml", "/admin/#/collections/groups/entries/unge"),
        ("content/pages/about.en.md", "/admin/#/collections/pages/entries/about"),
        ("content/partners/kommunen.yaml", "/admin/#/collections/partners/entries/kommunen"),
        ("content/site.yaml", "/admin/#/collections/settings/entries/site"),
        ("content/method.yaml", "/admin/#/collections/settings/entries/method"),
        ("content/services.yaml", "/admin/#/collections/settings/entries/services"),
        ("content/results.yaml", "/admin/#/collections/settings/entries/results"),
        ("tests/sites/basic/content/site.yaml", "/admin/#/collections/settings/entries/site"),
        ("content/images/photo.jpg", None),
        ("content/cases/notes.txt", None),
        ("content/strange.yaml", None),
        ("templates (page /historier/)", None),
        ("content", None),
    ],
)  # fmt: skip
def test_each_content_file_leads_to_its_entry_in_the_editor(path: str, link: str | None) -> None:
    assert editor_link(path) == link


ERROR = ContentError(Position("content/cases/x.nb.md", 3, 8), "'title' is empty", "write a title")
WARNING = ContentError(
    Position("content/news/y.en.md", 4, 1),
    "'y' is published in one language only, so it is published in none",
    "set 'status: published' in every language when the translation is ready",
    warning=True,
)
PAGE = b'<html><body>\n<header>x</header><main id="main" tabindex="-1">\n<h1>T</h1></main></body>'


def test_the_banner_goes_first_in_main_once_and_can_be_taken_away() -> None:
    notice = banner([ERROR, ERROR], "en")
    assert notice.count(b"content/cases/x.nb.md") == 1, "each broken file is named once"
    assert b'<a href="/_feil/">' in notice
    marked = with_banner(PAGE, notice)
    assert marked.index(b"The preview has errors") > marked.index(b'<main id="main"')
    assert with_banner(marked, notice) == marked, "a new banner replaces the old one"
    assert with_banner(marked, b"") == PAGE
    assert "Forhåndsvisningen har feil".encode() in banner([ERROR], "nb")


def test_the_verdict_lists_errors_then_warnings_in_the_chosen_language() -> None:
    found = verdict([ERROR], [WARNING], "nb")
    assert found["ok"] is False
    assert found["built_at"].endswith("+00:00")
    assert found["problems"] == [
        {
            "path": "content/cases/x.nb.md",
            "line": 3,
            "column": 8,
            "severity": "error",
            "message": "'title' er tomt",
            "hint": translate("write a title", "nb"),
            "editor": "/admin/#/collections/cases/entries/x",
        },
        {
            "path": "content/news/y.en.md",
            "line": 4,
            "column": 1,
            "severity": "warning",
            "message": "'y' er publisert på bare ett språk, og blir derfor ikke publisert på noen",
            "hint": translate(WARNING.hint, "nb"),
            "editor": "/admin/#/collections/news/entries/y",
        },
    ]
    english = verdict([], [WARNING], "en")
    assert english["ok"] is True
    assert english["problems"][0]["message"] == WARNING.message


def test_the_problems_page_without_a_readable_site_still_uses_the_stylesheet() -> None:
    folders = folders_for(PROJECT / "tests" / "sites" / "basic" / "content")
    files = dict(problems_page(folders, None, [ERROR], [WARNING], "en"))
    page = files["_feil/index.html"].decode()
    assert '<link rel="stylesheet" href="/assets/site.' in page
    assert "could not be built" in page and "published in one language only" in page
    assert page.count('href="/admin/#/collections/') == 2
    assert any(path.startswith("assets/site.") for path in files)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_build_reports_an_error_and_a_broken_link_in_another_file(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    out = content.parent / "site"
    assert main(PROJECT, ["--content", str(content), "--out", str(out), "--lang", "en"]) == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    capsys.readouterr()
    edit(content / "awards" / "pris.yaml", "awarded_by:", "awarded_bye:")
    edit(
        content / "news" / "2018-02-13-dubai.nb.md",
        "Vi var **finalist**",
        "Se [metoden](/metoden/#ingen-slik) og [saken](/historier/nytt-hjem/). Vi var **finalist**",
    )
    assert main(PROJECT, ["--content", str(content), "--out", str(out), "--lang", "en"]) == 1
    printed = capsys.readouterr().err
    assert "content/awards/pris.yaml:3:1: unknown field 'awarded_bye'" in printed
    assert (
        "content/news/2018-02-13-dubai.nb.md:9:14: the link '/metoden/#ingen-slik' is broken: "
        "the page has no anchor '#ingen-slik'"
    ) in printed
    assert "/historier/nytt-hjem/" not in printed, "a link that works is not reported"
    assert "2 errors" in printed
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before, "site/ untouched"
    assert not list(content.parent.glob("site.tmp-*")), "nothing left beside site/"


def test_a_link_to_an_item_left_out_for_its_error_is_not_reported_twice(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    edit(content / "cases" / "nytt-hjem.nb.md", "group: unge", "group: ungee")
    edit(
        content / "news" / "2018-02-13-dubai.nb.md",
        "Vi var **finalist**",
        "Les [historien](/historier/nytt-hjem/). Vi var **finalist**",
    )
    out = content.parent / "site"
    assert main(PROJECT, ["check", "--content", str(content), "--lang", "en"]) == 1
    printed = capsys.readouterr().err
    assert "'group' cannot be 'ungee'" in printed
    assert "/historier/nytt-hjem/" not in printed
    assert "1 error;" in printed
    assert not out.exists()
