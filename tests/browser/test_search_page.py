"""The search page stays accessible once its script has mounted the search box and shows hits."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Served
from .test_axe import describe, violations
from .test_keyboard import assert_focus_is_visible, focused

SEARCH = {"nb": ("/sok/", "familie"), "en": ("/en/search/", "family")}
BOX = "#search input"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_search_box_and_results_have_no_violations(served: Served, page: Any, lang: str) -> None:
    address, word = SEARCH[lang]
    page.goto(served.url(address))
    page.wait_for_selector(BOX)
    assert not (found := violations(page)), describe({address: found})
    # Reachable by keyboard, with a visible focus, after the header and menu.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{BOX}')"):
            break
    else:
        raise AssertionError("Tab never reached the search box")
    assert_focus_is_visible(focused(page))
    page.keyboard.type(word)
    page.wait_for_selector("#search li a[href]")
    assert not (found := violations(page)), describe({f"{address} with hits": found})
