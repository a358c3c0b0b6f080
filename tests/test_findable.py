"""Structured data for search engines: Organization, NewsArticle and Article, as valid JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import folders_for
from lxml import html

from showcase import pipeline


def json_ld(path: Path) -> list[dict[str, Any]]:
    doc = html.parse(str(path)).getroot()
    return [json.loads(text) for text in doc.xpath("//script[@type='application/ld+json']/text()")]


def page(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def canonical(doc: html.HtmlElement) -> str:
    return str(doc.xpath("//link[@rel='canonical']/@href")[0])


def test_every_json_ld_block_parses_and_names_schema_org(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        for data in json_ld(path):
            assert data["@context"] == "https://schema.org" and data["@type"], path


def test_front_pages_describe_the_programme_as_an_organization(real_site: Path) -> None:
    for path, name in ((real_site / "index.html", "Asker velferdslab"),
                       (real_site / "en" / "index.html", "Asker Welfare Lab")):  # fmt: skip
        (data,) = json_ld(path)
        assert data["@type"] == "Organization"
        assert data["name"] == name and data["url"] == canonical(page(path))
        assert data["description"]
        assert data["parentOrganization"]["@type"] == "GovernmentOrganization"
        assert data["parentOrganization"]["name"] in ("Asker kommune", "Asker Municipality")


def test_awards_in_json_ld_name_the_award_and_the_outcome_not_a_win(real_site: Path) -> None:
    """schema.org's `award` is text: the award with its year, then what the lab got."""
    for path in (real_site / "index.html", real_site / "priser" / "index.html"):
        (data,) = json_ld(path)
        assert "European Public Sector Award 2017: Best Practice Certificate" in data["award"]
        assert any("«Edge of Government»" in award for award in data["award"])
        assert (
            "Innovasjonsprisen 2017: Asker kommune vant prisen. Velferdslaben var ett av tre "
            "prosjekter bak nominasjonen"
        ) in data["award"]
    (data,) = json_ld(real_site / "en" / "index.html")
    assert "European Public Sector Award 2017: Best Practice Certificate" in data["award"]
    assert not any(award.startswith("Asker Municipality won") for award in data["award"])


def test_news_items_are_news_articles(real_site: Path) -> None:
    items = [p for p in real_site.glob("*/*/index.html") if p.parts[-3] in ("nyheter",)]
    items += list((real_site / "en" / "news").glob("*/index.html"))
    assert len(items) >= 4
    for path in items:
        doc = page(path)
        (data,) = json_ld(path)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == doc.xpath("string(//h1)")
        # The sources give no publication dates: the date is the event's, as the page shows it.
        assert "datePublished" not in data
        assert data["contentReferenceTime"] == doc.xpath("//main//time/@datetime")[0]
        assert data["contentLocation"]["name"] in doc.xpath(
            "string(//p[@class='meta news-dateline'])"
        )
        assert data["inLanguage"] == doc.get("lang") and data["url"] == canonical(doc)


def test_stories_are_articles(real_site: Path) -> None:
    stories = list((real_site / "historier").glob("*/index.html"))
    stories += list((real_site / "en" / "stories").glob("*/index.html"))
    assert len(stories) >= 10
    for path in stories:
        doc = page(path)
        (data,) = json_ld(path)
        assert data["@type"] == "Article"
        assert data["headline"] == doc.xpath("string(//h1)")
        assert data["url"] == canonical(doc)
        assert "publisher" not in data  # who publishes the site is not in the sources


def test_a_title_cannot_break_out_of_the_json_ld_script(copy_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    news = content / "news" / "2018-02-13-dubai.nb.md"
    title = 'Slutt</script><script>alert(1)</script> & «sitat» "x"'
    text = news.read_text(encoding="utf-8").replace("title: Finalist i Dubai", f"title: '{title}'")
    news.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    pipeline.build(folders_for(content), out)
    path = out / "nyheter" / "dubai" / "index.html"
    raw = path.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    doc = page(path)
    assert [s.get("type") for s in doc.xpath("//script")] == ["application/ld+json"]
    (data,) = json_ld(path)
    assert data["headline"] == title
