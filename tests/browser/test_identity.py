"""The site's look as readers meet it: the menu behind «Meny» on phones (no JavaScript needed),
18 px body text and a clear heading scale on desktop, our own fonts, a wordmark and icons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import DESKTOP, Served

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def no_script_phone(browser: Any) -> Iterator[Any]:
    """A phone-sized tab with JavaScript switched off."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        yield context.new_page()
    finally:
        context.close()


def px(page: Any, selector: str, prop: str) -> float:
    value: str = page.eval_on_selector(
        selector, "(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop
    )
    return float(value.removesuffix("px"))


def test_phone_menu_opens_from_meny_button_without_javascript(
    served: Served, no_script_phone: Any
) -> None:
    page = no_script_phone
    page.goto(served.url("/"))
    menu_link = page.locator(".site-nav a", has_text="Historier")
    button = page.locator(".site-nav summary")
    assert button.inner_text().strip() == "Meny"
    assert not menu_link.is_visible(), "the menu should be folded away on a phone"
    header_bottom = page.eval_on_selector(".site-header", "el => el.getBoundingClientRect().bottom")
    assert header_bottom < 200, f"the header takes {header_bottom:.0f} px before the heading"
    button.focus()
    page.keyboard.press("Enter")
    assert menu_link.is_visible()
    assert page.eval_on_selector(".site-nav details", "el => el.open")
    menu_link.click()
    assert page.url.endswith("/historier/")


def test_english_phone_menu_button_says_menu(served: Served, no_script_phone: Any) -> None:
    no_script_phone.goto(served.url("/en/"))
    assert no_script_phone.locator(".site-nav summary").inner_text().strip() == "Menu"


def test_desktop_shows_the_menu_links_without_a_button(served: Served, page: Any) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(served.url("/"))
    assert not page.locator(".site-nav summary").is_visible()
    links = page.locator(".site-nav a")
    assert links.count() >= 7
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, "on a wide screen the menu is one row"


def test_desktop_type_scale(served: Served, page: Any) -> None:
    """Body text 18 px or more; each heading level clearly larger than the next."""
    page.set_viewport_size(DESKTOP)
    page.goto(served.url("/metoden/"))
    body = px(page, "main p:not(.lead)", "font-size")
    h1, h2 = px(page, "main h1", "font-size"), px(page, "main h2", "font-size")
    lead = px(page, "main .lead", "font-size")
    assert body >= 18
    assert lead >= body * 1.15
    assert h2 >= body * 1.4
    assert h1 >= h2 * 1.3


def test_text_is_set_in_the_sites_own_inter(served: Served, page: Any) -> None:
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if ".woff2" in request.url else 0)
    page.goto(served.url("/"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.fonts.check('700 18px Inter')")
    assert all(url.startswith(served.base + "/assets/fonts/") for url in fonts), fonts
    assert len(fonts) == 2, "the regular and the bold cut, nothing else"


def test_header_has_the_wordmark_and_the_page_an_icon(served: Served, page: Any) -> None:
    page.goto(served.url("/en/"))
    brand = page.locator(".site-header .brand")
    assert brand.locator("svg").count() == 1
    assert brand.inner_text().startswith("Asker Welfare Lab")
    icon = page.eval_on_selector("link[rel=icon]", "el => el.href")
    assert not icon.startswith("data:")
    response = page.request.get(icon)
    assert response.ok and response.body()
