"""The real content/ builds, and every page links only to pages that exist."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from showcase.checks.links import find_broken

BASE = "https://velferdslab.example.org"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def files(site: Path) -> list[tuple[str, bytes]]:
    return [
        (p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file()
    ]


def test_every_internal_link_and_anchor_resolves(real_site: Path) -> None:
    assert find_broken(files(real_site)) == []


def test_every_page_has_lang_title_description_canonical_and_skip_link(real_site: Path) -> None:
    for path in pages(real_site):
        doc = html.parse(str(path)).getroot()
        name = path.relative_to(real_site).as_posix()
        assert doc.get("lang") in ("nb", "en"), name
        assert doc.findtext(".//title").strip(), name
        assert doc.xpath("//meta[@name='description']/@content")[0].strip(), name
        assert doc.xpath("//link[@rel='canonical']/@href")[0].startswith(BASE), name
        first = doc.body[0]
        assert first.tag == "a" and first.get("href") == "#main", name
        assert doc.xpath("//main[@id='main']"), name
        assert len(doc.xpath("//h1")) == 1, name
        assert doc.xpath("//meta[@property='og:title']/@content"), name


def test_hreflang_alternates_exist_and_point_back(real_site: Path) -> None:
    for path in pages(real_site):
        if path.name == "404.html":
            continue
        doc = html.parse(str(path)).getroot()
        own = doc.xpath("//link[@rel='canonical']/@href")[0]
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in doc.xpath("//link[@rel='alternate'][@hreflang]")
        }
        assert set(alternates) == {"nb", "en", "x-default"}, path
        assert alternates[doc.get("lang")] == own
        for lang in ("nb", "en"):
            target = real_site / alternates[lang].removeprefix(BASE + "/") / "index.html"
            assert target.is_file(), alternates[lang]
            other = html.parse(str(target)).getroot()
            back = other.xpath(f"//link[@rel='alternate'][@hreflang='{doc.get('lang')}']/@href")
            assert back == [own]


def test_language_switcher_lands_on_the_same_page(real_site: Path) -> None:
    doc = html.parse(str(real_site / "historier" / "levekar-skole" / "index.html")).getroot()
    switch = doc.xpath("//nav[contains(@class,'lang-switch')]//a")
    assert [(a.get("href"), a.get("hreflang"), a.text) for a in switch] == [
        ("/en/stories/a-fresh-start-at-school/", "en", "English")
    ]


def test_both_languages_have_the_same_pages(real_site: Path) -> None:
    nb = [p for p in pages(real_site) if not p.is_relative_to(real_site / "en")]
    en = pages(real_site / "en")
    assert len(nb) - 1 == len(en)  # the one 404 page at the root serves both languages


def test_illustrative_content_is_labelled_wherever_it_appears(real_site: Path) -> None:
    for path in pages(real_site):
        text = path.read_text(encoding="utf-8")
        shows_case = "case-card" in text or 'class="story"' in text
        shows_data = "results-table" in text
        if shows_case or shows_data:
            assert "Illustrerende eksempel" in text or "Illustrative example" in text, path


def test_no_page_requests_anything_from_another_site(real_site: Path) -> None:
    for path in pages(real_site):
        doc = html.parse(str(path)).getroot()
        for url in doc.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src"):
            assert url.startswith("/"), (path, url)
        scripts = doc.xpath("//script[not(@type='application/ld+json')]/@src")
        search = path.parent.name in ("sok", "search")  # the one page that runs a script
        assert [s.split(".")[0] for s in scripts] == (["/assets/search"] if search else []), path
        assert not doc.xpath("//@style | //style"), path


def test_results_follow_the_order_of_the_target_groups(real_site: Path) -> None:
    doc = html.parse(str(real_site / "resultater" / "index.html")).getroot()
    in_chart = [p.text for p in doc.xpath("//p[@class='chart-group-name']")]
    groups = html.parse(str(real_site / "malgrupper" / "index.html")).getroot()
    names = [a.text for a in groups.xpath("//ul[@class='card-list']//h2/a")]
    assert names and in_chart == [name for name in names if name in in_chart]
    if not in_chart:  # the groups' numbers are too small to show: one sentence says so
        assert doc.xpath("//p[@class='results-hidden']")
