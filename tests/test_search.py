"""Search: a Pagefind index of the published pages only, and a page that works without it.

Without JavaScript the search page lists every page of its language; with it, Pagefind's box
searches (tests/browser/test_search_results.py tries that in a real browser).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from conftest import folders_for
from lxml import html

from showcase import pipeline
from showcase.render import search

SEARCH = {"nb": "/sok/", "en": "/en/search/"}


def address(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def pages_in(site: Path, lang: str) -> set[str]:
    """Every page of one language, by address, without the 404 page."""
    found = set()
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue
        if html.parse(str(path)).getroot().get("lang") == lang:
            found.add(address(site, path))
    return found


def indexed(site: Path) -> dict[str, str]:
    """What Pagefind indexed: page address -> indexed text, read from its fragment files."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment["content"]
    return found


# -- without a browser ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_search_page_lists_every_page_of_its_language(real_site: Path, lang: str) -> None:
    doc = html.parse(str(real_site / SEARCH[lang].lstrip("/") / "index.html")).getroot()
    listed = set(doc.xpath("//section[@aria-labelledby='all-pages']//a/@href"))
    assert listed == pages_in(real_site, lang) - {SEARCH[lang]}
    assert doc.xpath("//*[@id='search-needs-js']"), "no-JS readers are told why there is no box"


def test_every_page_links_to_search_from_its_header(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        doc = html.parse(str(path)).getroot()
        links = doc.xpath("//header//nav//a/@href")
        assert SEARCH[doc.get("lang")] in links, path


def test_only_the_search_page_loads_a_script_and_it_is_our_own_file(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        doc = html.parse(str(path)).getroot()
        scripts = doc.xpath("//script[not(@type='application/ld+json')]")
        if address(real_site, path) in SEARCH.values():
            assert len(scripts) == 1 and not (scripts[0].text or "").strip(), path
            src = scripts[0].get("src")
            assert src.startswith("/assets/search.") and (real_site / src.lstrip("/")).is_file()
        else:
            assert scripts == [], path


def test_index_holds_the_published_pages_of_both_languages(real_site: Path) -> None:
    entry = json.loads((real_site / "pagefind" / "pagefind-entry.json").read_bytes())
    assert set(entry["languages"]) == {"nb", "en"}
    assert entry["languages"]["nb"]["wasm"] == "no", "bokmål is stemmed as Norwegian"
    pages = indexed(real_site)
    expected = pages_in(real_site, "nb") | pages_in(real_site, "en")
    assert set(pages) == expected - set(SEARCH.values())


def test_index_has_page_text_but_not_menus_or_footer(real_site: Path) -> None:
    text = indexed(real_site)["/personvern/"]
    assert "Dette nettstedet samler ikke inn noe om deg." in text
    assert "Hopp til innholdet" not in text and "Hovedmeny" not in text
    assert "er et samarbeid mellom Asker kommune og NAV Asker" not in text  # the footer


def test_labels_and_their_values_stay_apart_in_the_index(real_site: Path) -> None:
    """Pagefind runs a <dt> into its <dd> ('Situasjonen nåStabil'); the text it indexes keeps
    them apart, as a reader sees them."""
    pages = indexed(real_site)
    story = pages["/historier/funksjonsnedsettelse-avlastning/"]
    assert "Situasjonen før: Ustabil. Situasjonen nå: Stabil." in story
    assert "Målgruppe: Barnefamilier med barn med nedsatt funksjonsevne." in story
    english = pages["/en/stories/respite-and-fewer-appointments/"]
    assert "Situation before: Unstable. Situation now: Stable." in english
    levels = "Uholdbar|Ustabil|Stabil|Bærekraftig|Untenable|Unstable|Stable|Sustainable"
    glued = re.compile(rf"[a-zæøå](?:{levels})\b|\b(?:Sted|Place|Målgruppe|Dato|Date)[A-ZÆØÅ]")
    for url, text in pages.items():
        assert not glued.search(text), (url, text[max(0, glued.search(text).start() - 40) :][:80])


def test_terms_values_headers_and_captions_are_separated_for_pagefind() -> None:
    page = (
        b'<dl><dt>Sted</dt><dd><span class="x">Maastricht</span>\n</dd><dt>Dato:</dt><dd>2017</dd>'
        b"</dl><table><tr><th>Uholdbar</th><th>Ustabil</th></tr></table>"
        b"<figure><img alt=x src=a.png><figcaption>Foto: Kari</figcaption></figure>"
    )
    assert search.separate(page).decode() == (
        '<dl><dt>Sted:</dt> <dd><span class="x">Maastricht</span>.</dd> <dt>Dato:</dt> '
        "<dd>2017.</dd> </dl> <table><tr><th>Uholdbar.</th> <th>Ustabil.</th> </tr> </table> "
        "<figure><img alt=x src=a.png><figcaption>Foto: Kari.</figcaption> </figure> "
    )


def test_drafts_are_never_indexed(basic_site: Path, tmp_path: Path) -> None:
    pages = indexed(basic_site)
    assert pages, "the fixture site has an index"
    assert not any("Hemmelig" in text or "Secret" in text for text in pages.values())
    assert not any("hemmelig" in url or "utkast" in url for url in pages)
    preview = tmp_path / "preview"
    pipeline.build(folders_for(Path(__file__).parent / "sites/basic/content"), preview, True)
    assert (preview / "historier" / "hemmelig" / "index.html").is_file(), "the draft is shown"
    assert not (preview / "pagefind").exists(), "the preview with drafts builds no index"
