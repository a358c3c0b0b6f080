"""Light pages: small, nothing from other sites, no cookies, and JavaScript only for search."""

from __future__ import annotations

import gzip
import re
import statistics
from pathlib import Path

from lxml import html

BUDGET = 30_000  # bytes, gzip-compressed: a page's HTML and all its CSS
SEARCH_PAGES = ("sok/index.html", "en/search/index.html")
# Every attribute through which a page makes the browser fetch something by itself.
LOADED = (
    "//script/@src | //img/@src | //img/@srcset | //source/@src | //source/@srcset"
    " | //link[not(@rel='canonical') and not(@rel='alternate')]/@href"
    " | //iframe/@src | //embed/@src | //object/@data | //video/@src | //video/@poster"
    " | //audio/@src | //track/@src | //input/@src | //use/@href | //image/@href"
)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weights(site: Path) -> dict[str, int]:
    """Each page's HTML plus every stylesheet it loads, gzip-compressed."""
    weights = {}
    for path in site.rglob("*.html"):
        name = path.relative_to(site).as_posix()
        doc = html.parse(str(path)).getroot()
        sheets = [site / href.lstrip("/") for href in doc.xpath("//link[@rel='stylesheet']/@href")]
        if name in SEARCH_PAGES:  # search.js adds Pagefind's stylesheet
            sheets.append(site / "pagefind" / "pagefind-ui.css")
        weights[name] = gz(path.read_bytes()) + sum(gz(sheet.read_bytes()) for sheet in sheets)
    return weights


def test_every_page_with_its_css_is_under_30_kb_compressed(real_site: Path) -> None:
    weights = page_weights(real_site)
    largest = max(weights, key=weights.__getitem__)
    median = statistics.median(weights.values())
    print(f"page weight (gzip): largest {largest} {weights[largest]} B, median {median:.0f} B")
    assert weights[largest] < BUDGET, f"{largest} weighs {weights[largest]} bytes compressed"


def is_own(url: str) -> bool:
    """Root-relative or relative, or inline data: nothing that makes a request elsewhere."""
    return url.startswith("data:") or (
        not url.startswith("//") and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I)
    )


def test_pages_load_nothing_from_other_sites(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        doc = html.parse(str(path)).getroot()
        for value in doc.xpath(LOADED):
            for url in (part.strip().split(" ")[0] for part in str(value).split(",")):
                assert is_own(url), (path, url)
        assert not doc.xpath("//iframe | //embed | //object | //@style | //style"), path


def test_stylesheets_load_nothing_from_other_sites(real_site: Path) -> None:
    sheets = list(real_site.rglob("*.css"))
    assert len(sheets) >= 2
    for sheet in sheets:
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            assert is_own(url), (sheet, url)


def test_scripts_set_no_cookies_and_store_nothing(real_site: Path) -> None:
    scripts = list(real_site.rglob("*.js"))
    assert any(s.name.startswith("search.") for s in scripts)
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        for word in ("document.cookie", "localStorage", "sessionStorage", "indexedDB"):
            assert word not in text, (script, word)


def test_results_chart_needs_no_javascript_and_has_a_name(real_site: Path) -> None:
    for name in ("resultater/index.html", "en/results/index.html"):
        doc = html.parse(str(real_site / name)).getroot()
        assert not doc.xpath("//script[not(@type='application/ld+json')]")
        figure = doc.xpath("//figure[contains(@class,'chart')]")[0]
        label = figure.get("aria-labelledby")
        assert label and doc.xpath(f"string(//*[@id='{label}'])").strip()
        bars = figure.xpath(".//svg")
        assert bars, "the chart is drawn on the server, as SVG"
        for bar in bars:
            assert bar.get("role") == "img" and bar.get("aria-label", "").strip()
        table = doc.xpath("//table")[0]
        assert table.xpath("string(caption)").strip(), "the same numbers as a table"
