"""Content images: responsive <picture>s, upright, never upscaled, and free of metadata.

The test images are drawn here with Pillow and carry everything a camera or editor might leave
behind: EXIF with a GPS position and an orientation, XMP, IPTC, an ICC profile, PNG text.
"""

from __future__ import annotations

import io
import shutil
import struct
from pathlib import Path

import pytest
from conftest import SITES, folders_for
from lxml import html
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from showcase import pipeline
from showcase.common.errors import BuildError
from showcase.render import images

SECRET = "Hemmelig sted 59.83N 10.43E"
LEAKS = (b"Exif", b"ICC_PROFILE", b"Photoshop 3.0", b"8BIM", b"ns.adobe.com", b"iTXt", b"tEXt")


def camera_jpeg() -> bytes:
    """1000×600 as stored, left half red and right half blue; EXIF says 'rotate 90° clockwise'."""
    image = Image.new("RGB", (1000, 600), (200, 30, 30))
    image.paste((30, 30, 200), (500, 0, 1000, 600))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned
    exif[0x010E] = SECRET  # ImageDescription
    exif.get_ifd(0x8825)[2] = (59.0, 50.0, 0.0)  # GPSLatitude
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ns="http://ns.adobe.com/xap/1.0/">{SECRET}</rdf:RDF></x:xmpmeta>'  # noqa: E501
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, icc_profile=icc, xmp=xmp.encode(), quality=90)
    data = out.getvalue()
    iptc = (
        b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0" + struct.pack(">I", len(SECRET)) + SECRET.encode()
    )
    app13 = b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc
    return data[:2] + app13 + data[2:]


def logo_png() -> bytes:
    """A 300×200 transparent PNG with text chunks."""
    image = Image.new("RGBA", (300, 200), (0, 90, 91, 128))
    info = PngInfo()
    info.add_text("Comment", SECRET)
    info.add_itxt("Location", SECRET)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("images")
    content = root / "content"
    shutil.copytree(SITES / "basic" / "content", content)
    (content / "images").mkdir(exist_ok=True)  # git keeps no empty folders
    (content / "images" / "photo.jpg").write_bytes(camera_jpeg())
    (content / "images" / "logo.png").write_bytes(logo_png())
    about = content / "pages" / "about.nb.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + '\n![En gate i Asker & omegn](/images/photo.jpg)\n\n![Logoen](/images/logo.png "Logo")\n',
        encoding="utf-8",
    )
    pipeline.build(folders_for(content), root / "site")
    return root


def test_the_test_images_carry_every_kind_of_metadata() -> None:
    jpeg, png = camera_jpeg(), logo_png()
    assert all(leak in jpeg for leak in LEAKS[:5]) and all(leak in png for leak in LEAKS[5:])
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.getexif().get_ifd(0x8825) and image.info.get("icc_profile")


def test_widths_are_never_upscaled() -> None:
    assert images.widths_for(2400) == [480, 960, 1600]
    assert images.widths_for(1600) == [480, 960, 1600]
    assert images.widths_for(600) == [480, 600]
    assert images.widths_for(300) == [300]


def test_markdown_images_become_responsive_pictures(built: Path) -> None:
    site = built / "site"
    doc = html.parse(str(site / "om" / "index.html")).getroot()
    pictures = doc.xpath("//main//picture")
    assert len(pictures) == 2
    for picture in pictures:
        (source,) = picture.xpath(".//source")
        (img,) = picture.xpath(".//img")  # lxml nests it in <source>
        assert source.get("type") == "image/webp" and source.get("sizes") == img.get("sizes")
        for srcset in (source.get("srcset"), img.get("srcset")):
            for candidate in srcset.split(", "):
                url, width = candidate.split(" ")
                with Image.open(site / url.lstrip("/")) as file:
                    assert f"{file.width}w" == width
        with Image.open(site / img.get("src").lstrip("/")) as file:
            assert (int(img.get("width")), int(img.get("height"))) == file.size
    first, second = (picture.xpath(".//img")[0] for picture in pictures)
    assert first.get("alt") == "En gate i Asker & omegn" and first.get("loading") is None
    assert second.get("alt") == "Logoen" and second.get("loading") == "lazy"
    assert second.get("title") == "Logo"


def test_photo_is_upright_and_not_upscaled(built: Path) -> None:
    site = built / "site"
    variants = sorted((site / "assets" / "images").glob("photo-*"))
    assert {Image.open(path).size for path in variants} == {(480, 800), (600, 1000)}
    with Image.open(site / "images" / "photo.jpg") as photo:
        assert photo.format == "JPEG" and photo.size == (600, 1000)
        top, bottom = photo.getpixel((300, 100)), photo.getpixel((300, 900))
    assert top[0] > 150 > top[2], "the left (red) half is on top after turning"
    assert bottom[2] > 150 > bottom[0]


def test_transparent_png_keeps_png_fallback(built: Path) -> None:
    site = built / "site"
    fallbacks = sorted((site / "assets" / "images").glob("logo-*.png"))
    assert fallbacks and all(Image.open(path).mode == "RGBA" for path in fallbacks)
    assert Image.open(site / "images" / "logo.png").size == (300, 200)


def test_no_metadata_survives(built: Path) -> None:
    site = built / "site"
    outputs = [*(site / "assets" / "images").iterdir(), *(site / "images").iterdir()]
    assert len(outputs) == 2 * 2 + 1 * 2 + 2  # photo: 2 widths, logo: 1, in 2 formats; originals
    for path in outputs:
        data = path.read_bytes()
        assert SECRET.encode() not in data, path
        for leak in LEAKS:
            assert leak not in data, (path, leak)
        with Image.open(path) as image:
            assert not set(image.info) & {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"}
            assert not image.getexif(), path
            assert not getattr(image, "text", None), path


def test_variants_are_cached_and_rebuilt_identically(built: Path, tmp_path: Path) -> None:
    cache = built / ".cache" / "images"
    entries = sorted(cache.iterdir())
    assert len(entries) == 2
    again = tmp_path / "again"
    pipeline.build(folders_for(built / "content"), again)
    assert sorted(cache.iterdir()) == entries
    for path in (built / "site" / "assets" / "images").iterdir():
        assert (again / "assets" / "images" / path.name).read_bytes() == path.read_bytes()


def test_a_broken_image_is_a_clear_error(copy_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    (content / "images" / "broken.jpg").write_bytes(b"not really a JPEG")
    with pytest.raises(BuildError) as caught:
        pipeline.build(folders_for(content), tmp_path / "site")
    (error,) = caught.value.errors
    assert error.where.path.endswith("content/images/broken.jpg")
    assert "cannot be read" in error.message and not (tmp_path / "site").exists()
