"""The files in content/images/: SVGs hold only drawing, raster images are small enough to
decode, and only images that published text uses are published. (Every hostile SVG payload is
in tests/test_hostile_links.py; these tests show what a clean file looks like.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import folders_for
from PIL import Image

from showcase import pipeline
from showcase.common.errors import BuildError, ErrorLog
from showcase.content.imagefiles import check_raster
from showcase.content.svg import check_svg

CLEAN_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a logo -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 100" role="img" aria-labelledby="t">
  <title id="t">Logo</title>
  <style>.a { fill: url(#g); stroke: #005a5b }</style>
  <defs>
    <linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
    <path id="p" d="M0 0L10 10"/>
  </defs>
  <use xlink:href="#p" class="a"/>
  <rect width="10" height="10" style="fill:url('#g')" clip-path="url(#g)"/>
  <text x="5" y="50" font-family="sans-serif">Asker</text>
</svg>
"""


def test_a_plain_drawing_passes() -> None:
    log = ErrorLog()
    assert check_svg(CLEAN_SVG.encode(), "content/images/logo.svg", log)
    assert not log.errors


def test_a_drawing_program_file_is_refused_at_the_line_of_each_kind_of_problem() -> None:
    inkscape = CLEAN_SVG.replace(
        "<defs>",
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
        ' pagecolor="#fff"/>\n  <defs>',
    )
    log = ErrorLog()
    assert not check_svg(inkscape.encode(), "content/images/logo.svg", log)
    assert [(str(e.where), e.message) for e in log.errors] == [
        (
            "content/images/logo.svg:7:3",
            "the SVG image has the element <sodipodi:namedview>, which images may not have",
        ),
        (
            "content/images/logo.svg:7:3",
            "the SVG image has the attribute 'xmlns:sodipodi' on <sodipodi:namedview>, "
            "which images may not have",
        ),
        (
            "content/images/logo.svg:7:3",
            "the SVG image has the attribute 'pagecolor' on <sodipodi:namedview>, "
            "which images may not have",
        ),
    ]


@pytest.mark.parametrize("broken", [b"", b"<svg", b"\x89PNG\r\n", b"<html><body/></html>"])
def test_what_is_not_an_svg_is_an_error_not_a_traceback(broken: bytes) -> None:
    log = ErrorLog()
    assert not check_svg(broken, "content/images/x.svg", log)
    assert log.errors and all(e.where.path == "content/images/x.svg" for e in log.errors)


def _png(path: Path, width: int, height: int) -> None:
    Image.new("1", (width, height)).save(path, optimize=True)


def test_an_image_over_40_megapixels_is_refused_from_its_header(tmp_path: Path) -> None:
    _png(tmp_path / "big.png", 8000, 5001)
    log = ErrorLog()
    check_raster(tmp_path / "big.png", "content/images/big.png", log)
    assert [e.message for e in log.errors] == [
        "the image is 8000 × 5001 pixels, more than the 40 megapixels allowed"
    ]
    _png(tmp_path / "fine.png", 8000, 5000)
    log = ErrorLog()
    check_raster(tmp_path / "fine.png", "content/images/fine.png", log)
    assert not log.errors


def test_a_raster_file_in_an_exotic_format_is_refused(tmp_path: Path) -> None:
    Image.new("RGB", (4, 4)).save(tmp_path / "photo.png", "GIF")
    log = ErrorLog()
    check_raster(tmp_path / "photo.png", "content/images/photo.png", log)
    assert [e.message[:26] for e in log.errors] == ["the image cannot be read: "]


def _use(content: Path, page: str, image: str) -> None:
    path = content / "pages" / page
    path.write_text(
        path.read_text(encoding="utf-8") + f"\n![Et bilde](/images/{image})\n", encoding="utf-8"
    )


def _draft_news(content: Path, image: str) -> None:
    for lang in ("nb", "en"):
        (content / "news" / f"2018-03-01-utkast.{lang}.md").write_text(
            "---\ntitle: Utkast\ndescription: Et utkast.\nstatus: draft\nillustrative: false\n"
            f"---\n![Et bilde](/images/{image})\n",
            encoding="utf-8",
        )


def test_only_images_published_text_uses_are_published(copy_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    images = content / "images"
    (images / "logo.svg").write_text(CLEAN_SVG, encoding="utf-8")
    (images / "unused.svg").write_text(CLEAN_SVG, encoding="utf-8")
    Image.new("RGB", (20, 10), "red").save(images / "photo.png")
    Image.new("RGB", (20, 10), "blue").save(images / "draft-only.png")
    Image.new("RGB", (20, 10), "green").save(images / "lying-around.png")
    _use(content, "about.nb.md", "logo.svg")
    _use(content, "about.en.md", "photo.png")
    _draft_news(content, "draft-only.png")

    pipeline.build(folders_for(content), tmp_path / "site")
    published = {
        p.name.removesuffix(".gz").removesuffix(".br")
        for p in (tmp_path / "site" / "images").iterdir()
    }
    assert published == {"logo.svg", "photo.png"}
    assert (tmp_path / "site" / "images" / "logo.svg").read_text() == CLEAN_SVG  # as checked
    assert not list((tmp_path / "site").rglob("draft-only*"))

    pipeline.build(folders_for(content), tmp_path / "preview", include_drafts=True)
    assert (tmp_path / "preview" / "images" / "draft-only.png").is_file()


def test_an_unsafe_svg_stops_the_build_even_when_no_page_uses_it(copy_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    (content / "images" / "x.svg").write_text(
        CLEAN_SVG.replace("<title", '<script>alert("x")</script><title'), encoding="utf-8"
    )
    with pytest.raises(BuildError) as caught:
        pipeline.build(folders_for(content), tmp_path / "site")
    assert [str(e.where) for e in caught.value.errors] == ["content/images/x.svg:5:3"]
    assert not (tmp_path / "site").exists()


def test_a_camera_file_with_a_capital_suffix_is_published_and_its_page_shows_it(
    copy_site,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """IMG_4711.JPG keeps its name (the link names it so); the page's resized copies exist."""
    content = copy_site()
    Image.new("RGB", (20, 10), "red").save(content / "images" / "IMG_4711.JPG", "JPEG")
    Image.new("RGB", (20, 10), "blue").save(content / "images" / "Kart.PNG", "PNG")
    _use(content, "about.nb.md", "IMG_4711.JPG")
    _use(content, "about.en.md", "Kart.PNG")

    pipeline.build(folders_for(content), tmp_path / "site")
    site = tmp_path / "site"
    assert (site / "images" / "IMG_4711.JPG").is_file()
    assert (site / "images" / "Kart.PNG").is_file()
    pages = [p for p in site.rglob("index.html") if "Et bilde" in p.read_text(encoding="utf-8")]
    shown = {
        src
        for page in pages
        for src in re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8"))
    }
    assert len(pages) == 2 and len(shown) == 2
    assert all((site / src.lstrip("/")).is_file() for src in shown), shown


@pytest.mark.parametrize(
    ("name", "better"),
    [
        ("Møte i Asker.JPG", "mote-i-asker.jpg"),
        ("plan for 2018?.png", "plan-for-2018.png"),
        ("Ærlig talt.jpeg", "aerlig-talt.jpeg"),
    ],
)
def test_an_image_name_that_cannot_be_an_address_is_one_error_with_the_name_to_give_it(
    copy_site,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    name: str,
    better: str,
) -> None:
    content = copy_site()
    suffix = name.rpartition(".")[2].lower()
    Image.new("RGB", (20, 10), "red").save(
        content / "images" / name, "JPEG" if suffix.startswith("jp") else "PNG"
    )
    _use(content, "about.nb.md", quote(name))
    with pytest.raises(BuildError) as caught:
        pipeline.build(folders_for(content), tmp_path / "site")
    assert [e.render("nb") for e in caught.value.errors] == [
        f"content/images/{name}: bildenavnet '{name}' har tegn som ikke hører hjemme i en "
        f"nettadresse — gi '{name}' det nye navnet '{better}', og lenk til bildet med det navnet"
    ]


def test_a_photo_with_a_gps_position_is_a_warning(
    tmp_path: Path,
) -> None:
    """The build re-encodes every picture from its pixels (render/images.py), so the site never
    shows where a photo was taken; the original in content/ still holds it, hence the warning."""
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (59.0, 50.0, 0.0), 3: "E", 4: (10.0, 26.0, 0.0)})
    photo, plain = tmp_path / "mote.jpg", tmp_path / "plain.jpg"
    Image.new("RGB", (40, 30), "teal").save(photo, exif=exif)
    Image.new("RGB", (40, 30), "teal").save(plain)
    log = ErrorLog()
    check_raster(photo, "content/images/mote.jpg", log)
    check_raster(plain, "content/images/plain.jpg", log)
    assert not log.errors
    assert [str(w) for w in log.warnings] == [
        "content/images/mote.jpg: the image file holds the GPS position where it was taken — "
        "the published image has none, but this file keeps it in the project's history: save "
        "the picture without location data and put that copy here"
    ]
