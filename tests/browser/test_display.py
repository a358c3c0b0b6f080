"""How pages look: reflow at 320 px, reduced motion, forced colours and print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import DESKTOP, Served

NARROW = {"width": 320, "height": 640}
SCREENSHOT_PAGES = ["/", "/en/", "/resultater/", "/en/results/"]


def style(page: Any, selector: str, pseudo: str | None = None) -> dict[str, str]:
    """The computed style of the first element matching selector (optionally a pseudo-element)."""
    result: dict[str, str] = page.eval_on_selector(
        selector,
        """(el, pseudo) => {
            const s = getComputedStyle(el, pseudo);
            return Object.fromEntries([...s].map(name => [name, s.getPropertyValue(name)])
                .concat([['content', s.content]]));
        }""",
        pseudo,
    )
    return result


def is_bordered(s: dict[str, str]) -> bool:
    return (
        s["border-top-style"] not in ("none", "hidden")
        and float(s["border-top-width"].removesuffix("px")) >= 1
    )


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def test_every_page_reflows_at_320_px(served: Served, page: Any, screenshots: Path) -> None:
    """WCAG 1.4.10: no horizontal scrolling at 320 CSS px wide."""
    page.set_viewport_size(NARROW)
    too_wide = {}
    for address in served.pages:
        page.goto(served.url(address))
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > NARROW["width"]:
            too_wide[address] = width
        if address in SCREENSHOT_PAGES:
            name = address.strip("/").replace("/", "-") or "nb"
            page.screenshot(path=str(screenshots / f"320-{name}.png"), full_page=True)
    assert too_wide == {}


@pytest.mark.parametrize("address", SCREENSHOT_PAGES)
def test_desktop_screenshot_has_no_horizontal_scroll(
    served: Served, page: Any, screenshots: Path, address: str
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(served.url(address))
    name = address.strip("/").replace("/", "-") or "nb"
    page.screenshot(path=str(screenshots / f"desktop-{name}.png"), full_page=True)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]


def test_reduced_motion_stops_all_animation_and_smooth_scrolling(served: Served, page: Any) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(served.url("/metoden/"))
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(el => [null, '::before', '::after']
            .map(pseudo => [el, pseudo, getComputedStyle(el, pseudo)]))
            .filter(([el, pseudo, s]) => s.animationName !== 'none'
                || s.transitionDuration.split(',').some(d => parseFloat(d) > 0)
                || s.scrollBehavior === 'smooth')
            .map(([el, pseudo]) => el.tagName + (pseudo || ''))"""
    )
    assert moving == []


CHART_COLOURS = """() => [
    ...[...document.querySelectorAll('.bar rect')].map(e => getComputedStyle(e).fill),
    ...[...document.querySelectorAll('.swatch')].map(e => getComputedStyle(e).backgroundColor),
]"""
BORDERS = """els => els.map(e => {
    const s = getComputedStyle(e);
    return {'border-top-style': s.borderTopStyle, 'border-top-width': s.borderTopWidth};
})"""


def chart_colours(page: Any) -> list[str]:
    colours: list[str] = page.evaluate(CHART_COLOURS)
    return colours


def test_forced_colours_keep_controls_and_chart_visible(served: Served, page: Any) -> None:
    page.goto(served.url("/resultater/"))
    normal_colours = chart_colours(page)
    assert len(normal_colours) >= 4
    page.emulate_media(forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    # The language switcher keeps its button-like border, the notice its frame.
    assert is_bordered(style(page, ".lang-switch a"))
    assert is_bordered(style(page, ".notice"))
    # The header and menu stay separated from the content once their backgrounds are gone.
    assert style(page, ".site-nav")["border-bottom-style"] == "solid"
    # Chart bars and legend swatches keep the colours they have without forced colours,
    # and each swatch gets a frame in the user's text colour.
    assert chart_colours(page) == normal_colours
    assert all(is_bordered(s) for s in page.eval_on_selector_all(".swatch", BORDERS))
    # Focus stays visible: the skip link gets a border and an outline when reached.
    page.keyboard.press("Tab")
    skip = style(page, ".skip-link")
    assert is_bordered(skip) and skip["outline-style"] == "solid"
    page.goto(served.url("/metoden/"))
    # The numbered steps keep a visible circle around their number.
    assert is_bordered(style(page, ".steps > li", "::before"))


def test_print_is_black_on_white_with_link_addresses(served: Served, page: Any) -> None:
    page.emulate_media(media="print")
    page.goto(served.url("/tilgjengelighet/"))
    black, white = "rgb(0, 0, 0)", "rgb(255, 255, 255)"
    assert style(page, "html")["color"] == black
    assert style(page, "html")["background-color"] == white
    for selector in ("main h1", "main p", "main a", ".site-header", ".site-footer a"):
        assert style(page, selector)["color"] == black, selector
    for selector in (".site-header", ".site-footer"):
        assert style(page, selector)["background-color"] in (white, "rgba(0, 0, 0, 0)"), selector
    # Menu and language switcher are left out; links to other sites print their address after
    # them. Links within the site print nothing ("(/om/)" means nothing on paper): the page's
    # own full address is printed at the top instead.
    assert style(page, ".site-nav")["display"] == "none"
    assert style(page, ".lang-switch")["display"] == "none"
    external = 'main a[href^="https://"]'
    href = page.get_attribute(external, "href")
    assert style(page, external, "::after")["content"] == f'" ({href})"'
    assert style(page, '.site-footer a[href^="/"]', "::after")["content"] in ("none", "normal")
    address = page.locator(".print-address")
    assert address.is_visible()
    assert (
        address.inner_text().startswith("https://") and "/tilgjengelighet/" in address.inner_text()
    )
    assert style(page, ".skip-link", "::after")["content"] in ("none", "normal")
