"""The Atom feeds and the sitemap parse as XML and say what readers and crawlers need."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_atom_feed_per_language_is_valid_and_complete(basic_site: Path) -> None:
    for path, lang, title in (
        ("nyheter/atom.xml", "nb", "Finalist i Dubai"),
        ("en/news/atom.xml", "en", "Finalist in Dubai"),
    ):
        feed = etree.parse(str(basic_site / path)).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        for required in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{required}") is not None, required
        entries = feed.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == [title]
        entry = entries[0]
        assert entry.findtext(f"{ATOM}updated") == "2018-02-13T00:00:00Z"
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("https://test.example.org/")
        assert (basic_site / link.removeprefix("https://test.example.org/") / "index.html").exists()
        assert "<strong>finalist</strong>" in entry.findtext(f"{ATOM}content")


def test_sitemap_lists_every_page_with_its_translations(basic_site: Path) -> None:
    root = etree.parse(str(basic_site / "sitemap.xml")).getroot()
    urls = root.findall(f"{SM}url")
    locs = [u.findtext(f"{SM}loc") for u in urls]
    assert "https://test.example.org/" in locs
    assert "https://test.example.org/en/method/" in locs
    assert not any("404" in loc for loc in locs)
    pages = set(basic_site.rglob("index.html"))
    assert len(locs) == len(pages)
    method = next(u for u in urls if u.findtext(f"{SM}loc").endswith("/metoden/"))
    alternates = {a.get("hreflang"): a.get("href") for a in method.findall(f"{XHTML}link")}
    assert alternates == {
        "nb": "https://test.example.org/metoden/",
        "en": "https://test.example.org/en/method/",
    }


def test_robots_points_to_the_sitemap(basic_site: Path) -> None:
    text = (basic_site / "robots.txt").read_text()
    assert "Sitemap: https://test.example.org/sitemap.xml" in text


def test_feed_holds_the_twenty_newest_items(copy_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from conftest import folders_for

    from showcase import pipeline

    content = copy_site()
    for day in range(1, 26):
        for lang in ("nb", "en"):
            (content / "news" / f"2019-01-{day:02d}-sak-{day}.{lang}.md").write_text(
                f"---\ntitle: Sak {day}\ndescription: Sak {day}.\nstatus: published\n"
                "illustrative: false\n---\nTekst.\n"
            )
    pipeline.build(folders_for(content), tmp_path / "site")
    feed = etree.parse(str(tmp_path / "site" / "nyheter" / "atom.xml")).getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == [f"Sak {day}" for day in range(25, 5, -1)]
