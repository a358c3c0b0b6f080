"""A site published under a path, in Chromium: served by nginx at /velferdslab/ with the
deploy file's headers (deploy/nginx-subpath.conf), it passes axe, its 404 page is styled at any
depth, and its search finds pages and links to them under the path."""

from __future__ import annotations

from typing import Any

from conftest import SUBPATH

from .conftest import Served
from .test_axe import describe, violations
from .test_search_results import search_page

PAGES = ("/", "/en/", "/om/", "/en/about/", "/sok/", "/historier/nytt-hjem/")


def test_pages_under_the_path_have_no_wcag_a_or_aa_violations(
    served_at_path: Served, page: Any
) -> None:
    found = {}
    for address in PAGES:
        answer = page.goto(served_at_path.url(address))
        assert answer is not None and answer.status == 200, address
        if items := violations(page):
            found[address] = items
    assert not found, "axe-core violations:\n" + describe(found)


def test_the_404_page_is_styled_at_any_depth_under_the_path(
    served_at_path: Served, page: Any
) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    for address in ("/finnes-ikke/", "/en/a/b/c/"):
        answer = page.goto(served_at_path.url(address))
        assert answer is not None and answer.status == 404
        rules = page.evaluate("[...document.styleSheets].map(s => s.cssRules.length)")
        assert rules and rules[0] > 50, address  # the site's stylesheet, loaded from the path
        assert violations(page) == [], address
    assert failed == []


def test_search_under_the_path_finds_a_page_and_links_under_the_path(
    served_at_path: Served, context: Any
) -> None:
    links, errors, foreign = search_page(context, served_at_path.url("/sok/?q=møtes"))
    assert f"{SUBPATH}/metoden/" in links  # the method page says 'møtes'
    assert all(link.startswith(f"{SUBPATH}/") for link in links), links
    assert errors == [] and foreign == []
