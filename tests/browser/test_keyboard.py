"""Keyboard use: skip link first, a visible focus everywhere, the language switcher, tab order."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Served

CONTACT = "https://www.asker.kommune.no"
FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        cls: el.className,
        href: el.getAttribute('href'),
        text: el.textContent.trim().replace(/\\s+/g, ' '),
        inHeader: el.closest('header') !== null,
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth,
    };
}"""
MAIN_LINKS = """() => [...document.querySelectorAll('main a[href], main [tabindex="0"]')]
    .map(el => el.getAttribute('href'))"""


def focused(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(FOCUSED)
    return result


def tab_stops(page: Any, limit: int = 100) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page; every stop on the way."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "body" or (stops and now == stops[0]):
            return stops
        stops.append(now)
    raise AssertionError(f"focus never left the page after {limit} presses of Tab")


def assert_focus_is_visible(stop: dict[str, Any]) -> None:
    where = stop["href"] or stop["text"]
    assert stop["outlineStyle"] not in ("none", "hidden"), f"no focus outline on {where}"
    assert stop["outlineWidth"] >= 2, f"focus outline thinner than 2px on {where}"
    assert stop["visible"], f"focused element {where} is not on screen"


def test_skip_link_is_first_and_moves_focus_to_main_on_every_page(
    served: Served, page: Any
) -> None:
    for address in served.pages:
        page.goto(served.url(address))
        page.keyboard.press("Tab")
        first = focused(page)
        assert (first["cls"], first["href"]) == ("skip-link", "#main"), address
        assert_focus_is_visible(first)
        page.keyboard.press("Enter")
        landed = focused(page)
        assert (landed["tag"], landed["id"]) == ("main", "main"), address
        # The next Tab continues after the start of main, not back in the header.
        page.keyboard.press("Tab")
        assert not focused(page)["inHeader"], address


# The main menu in order: the pages of content/site.yaml's `nav`, then search.
NB_MENU = ["/metoden/", "/malgrupper/", "/historier/", "/priser/", "/resultater/", "/nyheter/"]
NB_MENU += ["/om/", "/sok/"]
EN_MENU = ["/en/method/", "/en/target-groups/", "/en/stories/", "/en/awards/", "/en/results/"]
EN_MENU += ["/en/news/", "/en/about/", "/en/search/"]
FRONT_PAGE_CHROME = {
    "nb": (
        ["#main", "/", "/en/", *NB_MENU],
        [CONTACT, "/om/", "/tilgjengelighet/", "/personvern/", "/nyheter/atom.xml"],
    ),
    "en": (
        ["#main", "/en/", "/", *EN_MENU],
        [CONTACT, "/en/about/", "/en/accessibility/", "/en/privacy/", "/en/news/atom.xml"],
    ),
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_front_page_tab_order(served: Served, page: Any, lang: str) -> None:
    """Skip link, home, language, menu, then main content in reading order, then the footer;
    every stop shows a focus outline."""
    page.goto(served.url("/" if lang == "nb" else "/en/"))
    stops = tab_stops(page)
    header, footer = FRONT_PAGE_CHROME[lang]
    main = page.evaluate(MAIN_LINKS)
    assert len(main) >= 8
    assert [stop["href"] for stop in stops] == header + main + footer
    for stop in stops:
        assert_focus_is_visible(stop)


SWITCHES = [
    ("/", "/en/"),
    ("/en/", "/"),
    ("/historier/levekar-skole/", "/en/stories/a-fresh-start-at-school/"),
    ("/en/stories/a-fresh-start-at-school/", "/historier/levekar-skole/"),
    ("/en/results/", "/resultater/"),
    ("/tilgjengelighet/", "/en/accessibility/"),
]


@pytest.mark.parametrize(("start", "other"), SWITCHES)
def test_language_switcher_by_keyboard(served: Served, page: Any, start: str, other: str) -> None:
    """Third Tab stop (after skip link and home), Enter lands on the same page in the other
    language."""
    page.goto(served.url(start))
    lang = page.evaluate("document.documentElement.lang")
    for _ in range(3):
        page.keyboard.press("Tab")
    stop = focused(page)
    assert stop["href"] == other
    assert_focus_is_visible(stop)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == served.url(other)
    assert page.evaluate("document.documentElement.lang") not in ("", lang)
