"""The drawings as readers meet them: legible on a 360 px phone, and in forced-colours mode drawn
in the user's own two colours (templates/illustrations/, their section of site.css)."""

from __future__ import annotations

from typing import Any

from .conftest import Served

PHONE = {"width": 360, "height": 740}
# Each <text> of the front page's drawing: its fill and its size as drawn, in CSS pixels.
TEXTS = """() => [...document.querySelectorAll('.hero-picture svg text')].map(t => [
  getComputedStyle(t).fill,
  parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
])"""


def test_front_page_drawing_is_legible_on_a_phone(served: Served, page: Any) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served.url("/"))
    texts = page.evaluate(TEXTS)
    assert len(texts) > 5, "the front page shows the table with the services"
    assert min(size for _fill, size in texts) >= 11
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_drawings_take_the_users_colours_in_forced_colours_mode(served: Served, page: Any) -> None:
    page.emulate_media(forced_colors="active")
    page.goto(served.url("/en/"))
    text = page.evaluate("getComputedStyle(document.body).color")
    canvas = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert {fill for fill, _size in page.evaluate(TEXTS)} == {text}
    card = page.eval_on_selector(".hero-picture .ill-card", "el => getComputedStyle(el).fill")
    assert card == canvas
    symbol = page.eval_on_selector(".brand svg", "el => getComputedStyle(el).color")
    assert symbol == page.eval_on_selector(".brand", "el => getComputedStyle(el).color")
    assert symbol != canvas, "the header's symbol is drawn in the link colour, not lost"
