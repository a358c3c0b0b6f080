"""Link previews: every page has Open Graph tags and its own 1200×630 share image."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import folders_for
from lxml import html
from PIL import Image

from showcase import pipeline, share

BASE = "https://velferdslab.example.org"


def meta(doc: html.HtmlElement, key: str) -> str:
    values = doc.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
    assert len(values) == 1, key
    return str(values[0])


def test_every_page_has_a_share_image_of_the_declared_size(real_site: Path) -> None:
    images: dict[tuple[str, str], set[str]] = {}
    for path in sorted(real_site.rglob("*.html")):
        doc = html.parse(str(path)).getroot()
        url = meta(doc, "og:image")
        assert url.startswith(BASE + "/assets/share/") and url.endswith(".png"), path
        with Image.open(real_site / url.removeprefix(BASE + "/")) as image:
            assert image.format == "PNG"
            assert image.size == (
                int(meta(doc, "og:image:width")),
                int(meta(doc, "og:image:height")),
            )
            assert image.size == (1200, 630)
        assert meta(doc, "og:image:alt").startswith(meta(doc, "og:title"))
        assert meta(doc, "og:image:type") == "image/png"
        assert meta(doc, "twitter:card") == "summary_large_image"
        images.setdefault((doc.get("lang"), meta(doc, "og:title")), set()).add(url)
    assert all(len(urls) == 1 for urls in images.values()), "one image for one title"
    assert len({url for urls in images.values() for url in urls}) == len(images), "titles differ"


def test_share_image_shows_the_title(tmp_path: Path) -> None:
    fonts = share.Fonts.load(share.font_files())
    short = share.Card("Kort", "Asker velferdslab", "Samordnede tjenester")
    long = share.Card(
        "Kort tittel som er mye lengre enn den første", "Asker velferdslab", "Samordnede tjenester"
    )
    drawn = {}
    for card in (short, long):
        (tmp_path / "card.png").write_bytes(share.draw(card, fonts))
        with Image.open(tmp_path / "card.png") as image:
            band = image.convert("RGB").crop((80, 200, 1120, 430))
            white = band.getcolors(1 << 16) or []
            drawn[card.title] = sum(n for n, colour in white if colour == (255, 255, 255))
    assert 0 < drawn[short.title] < drawn[long.title], "more title, more white text"


def test_share_images_are_cached_by_their_content(tmp_path: Path, copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    pipeline.build(folders_for(content), tmp_path / "one")
    cache = tmp_path / ".cache" / "share"
    cached = sorted(path.name for path in cache.glob("*.png"))
    built = sorted(path.name for path in (tmp_path / "one" / "assets" / "share").glob("*.png"))
    assert cached == built and cached
    about = content / "pages" / "about.nb.md"
    about.write_text(about.read_text(encoding="utf-8").replace("title: Om oss", "title: Om oss nå"))
    pipeline.build(folders_for(content), tmp_path / "two")
    assert len(list(cache.glob("*.png"))) == len(cached) + 1, "only the changed title is drawn"


def test_missing_font_says_how_to_install_it(tmp_path: Path) -> None:
    from showcase.errors import BuildError

    with pytest.raises(BuildError, match="fonts-dejavu-core"):
        share.font_files(tmp_path)


def test_fixture_pages_point_at_their_own_images(basic_site: Path) -> None:
    front = html.parse(str(basic_site / "index.html")).getroot()
    english = html.parse(str(basic_site / "en" / "index.html")).getroot()
    assert meta(front, "og:image") != meta(english, "og:image")
    for doc in (front, english):
        assert (basic_site / meta(doc, "og:image").split("/", 3)[3]).is_file()
