"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page, in either language."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import AXE, Served, node_tool

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """tags => axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(r => r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
    })))"""


def violations(page: Any) -> list[dict[str, Any]]:
    """Inject the pinned axe-core (no network) into the loaded page and run the WCAG A/AA rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(node_tool(AXE).read_text(encoding="utf-8"))
    result: list[dict[str, Any]] = page.evaluate(RUN_AXE, WCAG_TAGS)
    return result


def describe(found: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for address, items in found.items():
        for v in items:
            lines.append(f"{address}: {v['id']} ({v['impact']}) {v['help']} at {v['targets']}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_wcag_a_or_aa_violations_on_any_page(served: Served, page: Any, lang: str) -> None:
    addresses = served.in_language(lang)
    assert len(addresses) >= 20, addresses
    found = {}
    for address in addresses:
        page.goto(served.url(address))
        if items := violations(page):
            found[address] = items
    assert not found, "axe-core violations:\n" + describe(found)


def test_axe_reports_a_broken_page(served: Served, page: Any) -> None:
    """The harness can fail: an unlabelled image, a bad contrast and a missing lang are caught."""
    page.goto(served.url("/"))
    page.evaluate(
        """() => {
            document.documentElement.removeAttribute('lang');
            const img = document.createElement('img');
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            const faint = document.createElement('p');
            faint.textContent = 'Faint text';
            faint.style.color = '#ccc';
            document.querySelector('main').append(img, faint);
        }"""
    )
    assert {v["id"] for v in violations(page)} >= {"html-has-lang", "image-alt", "color-contrast"}
