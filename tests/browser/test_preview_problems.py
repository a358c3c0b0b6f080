"""The live preview's banner and list of problems pass axe-core, like every page of the site:
staff use them to find and fix what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import running_preview

from .test_axe import describe, violations


@pytest.fixture
def broken_preview(copy_site: Callable[[], Path]) -> Iterator[str]:
    """The preview of the fixture site with an error in a draft and a warning in a news item."""
    content = copy_site()
    draft = content / "cases" / "hemmelig.en.md"
    draft.write_text(draft.read_text().replace("title: Hemmelig utkast en", "title: true"))
    news = content / "news" / "2018-02-13-dubai.en.md"
    news.write_text(news.read_text().replace("Finalist in Dubai", "Finalist in\u200b Dubai"))
    with running_preview(content, "/_feil/", b"could not be built") as base:
        yield base


def test_the_banner_and_the_list_of_problems_pass_axe(broken_preview: str, page: Any) -> None:
    found = {}
    for address in ["/metoden/", "/en/method/", "/historier/nytt-hjem/", "/_feil/"]:
        page.goto(broken_preview + address)
        assert page.get_by_role("link", name="See every problem and where to fix it").count() == (
            0 if address == "/_feil/" else 1
        ), address
        if items := violations(page):
            found[address] = items
    assert not found, "axe-core violations:\n" + describe(found)
    page.goto(broken_preview + "/_feil/")
    editor = page.get_by_role("link", name="Fix it in the browser editor")
    assert editor.count() == 2, "one error, one warning, each linked to its entry"
    assert page.get_by_role("heading", level=1).inner_text() == "The site could not be built"
