"""Link previews: every page has Open Graph tags and its own 1200×630 share image."""

from __future__ import annotations

import functools
import io
import zlib
from pathlib import Path

import pytest
from conftest import folders_for
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import html
from PIL import Image, ImageDraw, ImageFont

from showcase import pipeline
from showcase.render import png, share

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
    from showcase.common.errors import BuildError

    with pytest.raises(BuildError, match="fonts-dejavu-core"):
        share.font_files(tmp_path)


def test_fixture_pages_point_at_their_own_images(basic_site: Path) -> None:
    front = html.parse(str(basic_site / "index.html")).getroot()
    english = html.parse(str(basic_site / "en" / "index.html")).getroot()
    assert meta(front, "og:image") != meta(english, "og:image")
    for doc in (front, english):
        assert (basic_site / meta(doc, "og:image").split("/", 3)[3]).is_file()


SITE, TAGLINE = "Asker velferdslab", "Samordnede tjenester med familien i sentrum"
TITLES = [
    "Om oss",
    "Færre møter og en ny start på skolen",
    "Realistic everyday life together with the family – working together",
    "Tilgjengelighetserklæringforasker" * 2,  # one word wider than the picture
    " ".join(["Samarbeid"] * 40),  # too long for MAX_LINES even at the smallest size
    "",
    "Å" + "\u030a" * 25 + " tårn",  # marks stacked so high that they reach the site name
]


def plain_drawing(card: share.Card, fonts: share.Fonts) -> Image.Image:
    """The card drawn the plain way, on one whole picture, as RGB."""
    canvas = Image.new("L", (share.WIDTH, share.HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    pen.text((share.MARGIN, share.MARGIN), card.site, font=fonts.site, fill=share.SOFT_LEVEL)
    font, lines = share._layout(card.title, fonts)
    spacing = round(font.size * 1.22)
    top = (share.HEIGHT - spacing * len(lines)) // 2 + 10
    for number, line in enumerate(lines):
        pen.text((share.MARGIN, top + number * spacing), line, font=font, fill=share.WHITE_LEVEL)
    tagline = (share.MARGIN, share.HEIGHT - share.MARGIN - 30)
    pen.text(tagline, card.tagline, font=fonts.tagline, fill=share.SOFT_LEVEL)
    band = share.WIDTH // len(share.LEVELS)
    for number in range(len(share.LEVELS)):
        box = (number * band, share.HEIGHT - 16, (number + 1) * band, share.HEIGHT)
        pen.rectangle(box, fill=share.WHITE_LEVEL + 1 + number)
    canvas.putpalette(share.PALETTE)
    return canvas.convert("RGB")


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks, each checked against its CRC."""
    assert data.startswith(png.SIGNATURE)
    found, at = [], len(png.SIGNATURE)
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        assert zlib.crc32(kind + body) == int.from_bytes(data[at + 8 + length : at + 12 + length])
        found.append((kind, body))
        at += 12 + length
    return found


@pytest.fixture(scope="module")
def fonts() -> share.Fonts:
    return share.Fonts.load(share.font_files())


@pytest.mark.parametrize("title", TITLES)
def test_share_image_is_a_valid_png_of_the_plain_drawing(title: str, fonts: share.Fonts) -> None:
    """Drawn in pieces and written without Pillow's encoder, the picture is still exactly the
    one Pillow draws in one go, in the site's colours, and strict decoders accept it."""
    card = share.Card(title, SITE, TAGLINE)
    data = share.draw(card, fonts)
    found = chunks(data)
    assert [kind for kind, _ in found] == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    rows = zlib.decompress(b"".join(body for kind, body in found if kind == b"IDAT"))
    assert len(rows) == share.HEIGHT * (share.WIDTH + 1), "checksum right, and every row there"
    assert all(rows[row * (share.WIDTH + 1)] == 0 for row in range(share.HEIGHT)), "no filter"
    with Image.open(io.BytesIO(data)) as image:
        assert (image.size, image.mode) == ((share.WIDTH, share.HEIGHT), "P")
        picture = image.convert("RGB")
    assert picture.tobytes() == plain_drawing(card, fonts).tobytes()
    assert picture.getpixel((5, 5)) == (0x00, 0x5A, 0x5B)  # the accent colour, as before
    band = [picture.getpixel((x, share.HEIGHT - 5)) for x in (100, 400, 700, 1000)]
    assert band == [tuple(share._hex(colour)) for colour in share.LEVELS]


def test_long_titles_wrap_within_the_margins(fonts: share.Fonts) -> None:
    card = share.Card(TITLES[2], SITE, TAGLINE)
    with Image.open(io.BytesIO(share.draw(card, fonts))) as image:
        title = image.convert("L").crop((0, 130, share.WIDTH, 500))  # between site and tagline
    font, lines = share._layout(card.title, fonts)
    assert len(lines) > 1 and font.size == max(share.TITLE_SIZES)
    left, _, right, _ = title.point(lambda value: 255 if value > 200 else 0).getbbox() or (0,) * 4
    assert left >= share.MARGIN and right <= share.WIDTH - share.MARGIN


@functools.cache
def title_fonts() -> tuple[ImageFont.FreeTypeFont, ...]:
    """Loaded once, not once per example."""
    return share.Fonts.load(share.font_files()).titles


WORDS = ["AV", "To", "Ty", "Wa", "lab", "Asker", "familien", "–", "å", "Tjenester", "LT", "y."]


@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(share.TITLE_SIZES))
def test_wrapping_with_remembered_word_widths_is_exact(words: list[str], size: int) -> None:
    """Lines are measured as sums of their words' widths, but break where measuring each
    whole line would break them."""
    font = title_fonts()[share.TITLE_SIZES.index(size)]
    width = share.WIDTH - 2 * share.MARGIN
    exact: list[str] = []
    for word in words:
        candidate = f"{exact[-1]} {word}" if exact else word
        if exact and font.getlength(candidate) <= width:
            exact[-1] = candidate
        else:
            exact.append(word)
    assert share._wrap(" ".join(words), font, width) == exact


@given(st.binary(max_size=3000), st.binary(max_size=3000))
@example(b"\xff" * 70_000, bytes(range(256)) * 700)  # sums past the modulus
def test_checksums_of_pieces_combine_into_the_whole_ones(first: bytes, second: bytes) -> None:
    whole = png.adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert whole == zlib.adler32(first + second)
