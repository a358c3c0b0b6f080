"""The accessibility statement: linked from every footer, and it says what a statement must."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

STATEMENT = {"nb": "/tilgjengelighet/", "en": "/en/accessibility/"}
CONTACT = "https://www.asker.kommune.no"


def test_every_footer_links_to_the_statement_in_its_language(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) >= 40
    for path in pages:
        doc = html.parse(str(path)).getroot()
        lang = doc.get("lang")
        footer_links = doc.xpath("//footer//nav//a/@href")
        assert STATEMENT[lang] in footer_links, path.relative_to(real_site)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_statement_covers_conformance_gaps_testing_contact_and_uustatus(
    real_site: Path, lang: str
) -> None:
    path = real_site / STATEMENT[lang].strip("/") / "index.html"
    doc = html.parse(str(path)).getroot()
    main = doc.xpath("//main")[0]
    text = " ".join(main.text_content().split())
    links = main.xpath(".//a/@href")
    assert "https://uustatus.no" in links
    assert CONTACT in links
    for needed in ("WCAG 2.1", "axe-core", "Nu HTML Checker", "Lighthouse", "320"):
        assert needed in text, needed
    headings = [" ".join(h.text_content().split()) for h in main.xpath(".//h2")]
    gaps = {"nb": "Kjente mangler", "en": "Known gaps"}[lang]
    assert gaps in headings
    # The known gaps are listed, not just promised.
    listed = main.xpath(f".//h2[normalize-space()='{gaps}']/following-sibling::*[1][self::ul]/li")
    assert len(listed) >= 1
