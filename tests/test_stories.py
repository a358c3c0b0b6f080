"""Stories: English addresses of their own, the illustrative label wherever a story turns up
(the page, its description, its share image, search), one notice per page, and pictures in a
story with their credit and licence under them."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for
from lxml import html
from PIL import Image

from showcase import pipeline
from showcase.common.errors import BuildError
from showcase.content.model import ImageCredit
from showcase.render import figures, share

BASE = "https://velferdslab.example.org"
STORY = {"nb": "/historier/funksjonsnedsettelse-avlastning/",
         "en": "/en/stories/respite-and-fewer-appointments/"}  # fmt: skip
# The English addresses that were the Norwegian file name until the stories got English slugs.
OLD_ENGLISH = (
    "funksjonsnedsettelse-avlastning",
    "levekar-okonomi",
    "levekar-skole",
    "unge-voksne-bolig",
    "unge-voksne-jobb",
)


def page(site: Path, url: str) -> html.HtmlElement:
    return html.parse(str(site / url.lstrip("/") / "index.html")).getroot()


def meta(doc: html.HtmlElement, key: str) -> str:
    values = doc.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
    assert len(values) == 1, key
    return str(values[0])


# -- addresses --------------------------------------------------------------------------------


def test_english_stories_have_english_addresses(real_site: Path) -> None:
    english = sorted(p.name for p in (real_site / "en" / "stories").iterdir() if p.is_dir())
    assert english and not set(english) & set(OLD_ENGLISH)
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{BASE}{STORY['en']}" in sitemap
    assert not any(f"/en/stories/{old}/" in sitemap for old in OLD_ENGLISH)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_language_versions_of_a_story_point_at_each_other(real_site: Path, lang: str) -> None:
    doc = page(real_site, STORY[lang])
    alternates = {
        link.get("hreflang"): link.get("href") for link in doc.xpath("//link[@rel='alternate']")
    }
    assert alternates["nb"] == BASE + STORY["nb"] and alternates["en"] == BASE + STORY["en"]
    other = "en" if lang == "nb" else "nb"
    assert doc.xpath("//nav[contains(@class,'lang-switch')]//a/@href") == [STORY[other]]
    search = page(real_site, "/sok/" if lang == "nb" else "/en/search/")
    assert STORY[lang] in search.xpath("//ul[@class='page-index']//a/@href")


def test_two_stories_may_not_share_an_english_address(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    for lang in ("nb", "en"):
        source = content / "cases" / f"nytt-hjem.{lang}.md"
        text = source.read_text(encoding="utf-8").replace("consent: TEST-001", "consent: TEST-009")
        (content / "cases" / f"annet-hjem.{lang}.md").write_text(text, encoding="utf-8")
        if lang == "en":
            for path in (source, content / "cases" / "annet-hjem.en.md"):
                path.write_text(
                    path.read_text(encoding="utf-8").replace("pseudonym:", "slug: home\npseudonym:")
                )
    with pytest.raises(BuildError) as caught:
        pipeline.check(folders_for(content))
    assert any(
        "the stories 'nytt-hjem' and 'annet-hjem' share the address 'home'" in str(e)
        for e in caught.value.errors
    ), caught.value.errors


# -- the illustrative label -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "label"), [("nb", "Illustrerende eksempel: "), ("en", "Illustrative example: ")]
)
def test_an_illustrative_story_says_so_in_its_description(
    real_site: Path, lang: str, label: str
) -> None:
    doc = page(real_site, STORY[lang])
    assert meta(doc, "description").startswith(label)
    assert meta(doc, "og:description") == meta(doc, "description")
    ld = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["description"].startswith(label)


def test_a_story_page_has_one_notice_at_the_top(real_site: Path) -> None:
    for url in STORY.values():
        doc = page(real_site, url)
        notices = doc.xpath("//main//p[contains(@class,'illustrative')]")
        assert len(notices) == 1, url
        after_title = doc.xpath("//article/h1/following-sibling::*[1]")[0]
        assert after_title is notices[0], "the first thing after the heading"


@pytest.mark.parametrize(
    ("url", "notice"),
    [
        ("/historier/", "Alle historiene her er illustrerende eksempler."),
        ("/en/stories/", "All the stories here are illustrative examples."),
    ],
)
def test_the_list_of_stories_has_its_own_notice_and_a_tag_per_card(
    real_site: Path, url: str, notice: str
) -> None:
    doc = page(real_site, url)
    notices = doc.xpath("//main//p[contains(@class,'notice')]")
    assert [n.text_content().split(".")[0] + "." for n in notices] == [notice]
    cards = doc.xpath("//article[contains(@class,'case-card')]")
    assert cards and all(card.xpath(".//p[@class='tag']") for card in cards)


def test_share_image_of_an_illustrative_story_shows_the_label(real_site: Path) -> None:
    doc = page(real_site, STORY["nb"])
    image = real_site / meta(doc, "og:image").removeprefix(BASE + "/")
    fonts = share.Fonts.load(share.font_files())
    title = meta(doc, "og:title")
    site, tagline = "Asker velferdslab", "x"
    labelled = share.Card(title, site, tagline, "Illustrerende eksempel")
    assert labelled.key("f") != share.Card(title, site, tagline).key("f")
    with Image.open(image) as picture:
        box = picture.convert("RGB").crop((share.MARGIN, share.LABEL_TOP, 300, 190))
        white = sum(n for n, colour in box.getcolors(1 << 16) or [] if colour == (255, 255, 255))
    assert white > 2000, "the label's white box is drawn below the site name"
    plain = share.draw(share.Card(title, site, tagline), fonts)
    with Image.open(io.BytesIO(plain)) as picture:
        box = picture.convert("RGB").crop((share.MARGIN, share.LABEL_TOP, 300, 190))
        assert not [c for _n, c in box.getcolors(1 << 16) or [] if c == (255, 255, 255)]


def test_a_labelled_share_image_is_the_plain_drawing() -> None:
    """Drawn in pieces, the labelled picture is exactly the whole one."""
    fonts = share.Fonts.load(share.font_files())
    for title in ("Kort", "Realistic everyday life together with the family – working together"):
        card = share.Card(
            title, "Asker velferdslab", "Samordnede tjenester", "Illustrative example"
        )
        with Image.open(io.BytesIO(share.draw(card, fonts))) as picture:
            drawn = picture.tobytes()
        whole = share._draw(card, fonts).crop((1, 0, share.ROW, share.HEIGHT))
        assert drawn == whole.tobytes()


def test_search_shows_the_label_of_an_illustrative_story(real_site: Path) -> None:
    found = {}
    for path in (real_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment["url"]] = fragment
    assert found[STORY["nb"]]["meta"]["merk"] == "Illustrerende eksempel"
    assert found[STORY["en"]]["meta"]["note"] == "Illustrative example"
    assert found[STORY["nb"]]["content"].index("Illustrerende eksempel:") < 60, "near the top"


# -- pictures with their credit ----------------------------------------------------------------

PICTURE = "\n![Et møte rundt bordet](/images/mote.png)\n"


def with_picture(content: Path, nb: str, en: str) -> None:
    """The fixture story with a picture in both languages and `nb`/`en` front matter lines
    (its `images` field) added before its status."""
    Image.new("RGB", (600, 400), (40, 90, 140)).save(content / "images" / "mote.png")
    for lang, lines in (("nb", nb), ("en", en)):
        path = content / "cases" / f"nytt-hjem.{lang}.md"
        text = path.read_text(encoding="utf-8").replace("status:", lines + "status:", 1)
        path.write_text(text + PICTURE, encoding="utf-8")


CREDIT = {
    "nb": "images:\n  - file: mote.png\n    credit: Asker kommune\n"
    "    licence: Brukt med tillatelse\n",
    "en": "images:\n  - file: mote.png\n    credit: Asker Municipality\n"
    "    licence: Used with permission\n",
}


def test_a_credited_picture_gets_a_caption_line(
    copy_site: Callable[[], Path], tmp_path: Path
) -> None:
    content = copy_site()
    with_picture(content, CREDIT["nb"], CREDIT["en"])
    out = tmp_path / "site"
    pipeline.build(folders_for(content), out)
    for url, line in (
        ("/historier/nytt-hjem/", "Foto: Asker kommune · Lisens: Brukt med tillatelse"),
        ("/en/stories/nytt-hjem/", "Photo: Asker Municipality · Licence: Used with permission"),
    ):
        doc = page(out, url)
        figure = doc.xpath("//div[@class='prose']//figure[@class='content-figure']")
        assert len(figure) == 1, url
        assert figure[0].xpath(".//img/@alt") == ["Et møte rundt bordet"]
        assert figure[0].xpath("string(figcaption)") == line
        assert not doc.xpath("//p//figure"), "a figure never sits inside a paragraph"


@pytest.mark.parametrize(
    ("nb", "en", "message"),
    [
        (
            CREDIT["nb"].replace("mote.png", "mote.jpg"),
            CREDIT["en"],
            "there is no image 'mote.jpg' in content/images/",
        ),
        (
            CREDIT["nb"],
            "",
            "the picture 'mote.png' has a credit in content/cases/nytt-hjem.nb.md but not here",
        ),
        (
            CREDIT["nb"].replace("Brukt med tillatelse", "x" * 81),
            CREDIT["en"],
            "'licence' is 81 characters long, more than the 80 allowed",
        ),
        (
            CREDIT["nb"] + "  - file: mote.png\n    credit: Igjen\n",
            CREDIT["en"],
            "the picture 'mote.png' is listed twice",
        ),
        (
            "images:\n  - file: mote.png\n    licence: CC BY 4.0\n",
            CREDIT["en"],
            "missing field 'credit'",
        ),
    ],
)
def test_credits_are_checked(copy_site: Callable[[], Path], nb: str, en: str, message: str) -> None:
    content = copy_site()
    with_picture(content, nb, en)
    with pytest.raises(BuildError) as caught:
        pipeline.check(folders_for(content))
    assert any(message in str(e) for e in caught.value.errors), caught.value.errors


def test_a_credit_for_a_picture_the_text_does_not_show_is_an_error(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    with_picture(content, CREDIT["nb"], CREDIT["en"])
    path = content / "cases" / "nytt-hjem.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace(PICTURE, "\n"), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        pipeline.check(folders_for(content))
    assert any(
        "content/cases/nytt-hjem.en.md" in str(e) and "'mote.png' is not in the text" in str(e)
        for e in caught.value.errors
    ), caught.value.errors


def test_a_picture_inside_a_sentence_keeps_its_place_with_the_credit_after_it() -> None:
    credit = (ImageCredit("a b.png", "Kari <Nordmann>", ""),)
    text = '<p>Se <img alt="x" src="/sub/images/a%20b.png"> her.</p>'
    assert figures.credited(text, credit, ("Foto", "Lisens")) == (
        '<p>Se <img alt="x" src="/sub/images/a%20b.png"> '
        '<small class="image-credit">(Foto: Kari &lt;Nordmann&gt;)</small> her.</p>'
    )


def test_the_guide_shows_the_credit_fields() -> None:
    guide = (PROJECT / "docs" / "redigering.md").read_text(encoding="utf-8")
    assert "| `images.licence` |" in guide and "Foto: Asker kommune · Lisens:" in guide
