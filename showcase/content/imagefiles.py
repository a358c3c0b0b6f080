"""The files in content/images/: which are safe to publish, and which are published.

Every file is checked when content is read, drafts' images too, so `check` finds what a build
would: an SVG must hold only drawing (svg.py), and a JPEG, PNG or WebP must be one, at most
MAX_PIXELS large. The size comes from the file's header, before any pixel is decoded: an image
of 81 megapixels took seconds and more than a gigabyte to decode, and a few bytes of PNG can
claim far more. Only images that published text uses are published; one that only a draft
shows stays private (the preview with drafts shows it, since its content includes the draft).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from PIL import Image, UnidentifiedImageError

from ..common.errors import ErrorLog, Position, relative
from ..common.folders import Folders
from .model import Content
from .svg import check_svg

MAX_PIXELS = 40_000_000
_GPS = 0x8825  # the EXIF block with the position a camera or phone recorded
FORMATS = ("JPEG", "PNG", "WEBP")  # what Pillow may read a raster file as: nothing more exotic
_REFERENCE = re.compile(r"/images/([^\s\"'()<>?#]+)")
_ADDRESS_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")  # what an address holds as it is
_SPELT_OUT = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_RESIZE = "make it smaller before adding it: 4000 × 3000 pixels is plenty for the web"


def address_name(name: str) -> str:
    """The name a file would have to be given to sit in an address as it is: lower case, a-z,
    digits and single hyphens, 'æ', 'ø' and 'å' written out ('Møte i Asker.JPG' ->
    'mote-i-asker.jpg')."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    plain = unicodedata.normalize("NFKD", stem.lower().translate(_SPELT_OUT))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z0-9_]+", "-", plain).strip("-") or "bilde"
    return plain + (f".{suffix.lower()}" if dot else "")


def check_image_files(folders: Folders, names: tuple[str, ...], log: ErrorLog) -> None:
    """Every image in content/images/ is safe to publish; an error names each one that is not.
    A name that cannot sit in an address as it is (a space, 'ø', '?') is an error with the
    name to give it: a link to it would break on some computers and servers."""
    for name in names:
        path = folders.content / "images" / name
        rel = relative(path, folders.root)
        if not _ADDRESS_SAFE.match(name):
            log.error(
                Position(rel),
                f"the image name '{name}' has characters that do not belong in an address",
                f"rename '{name}' to '{address_name(name)}', and link to it by that name",
            )
        if name.lower().endswith(".svg"):
            try:
                data = path.read_bytes()
            except OSError as exc:
                log.error(
                    Position(rel), f"cannot read the file: {exc.strerror}", "check that it exists"
                )
                continue
            check_svg(data, rel, log)
        else:
            check_raster(path, rel, log)


def check_raster(path: Path, rel: str, log: ErrorLog) -> None:
    """A JPEG, PNG or WebP of at most MAX_PIXELS, judged from its header alone."""
    limit = MAX_PIXELS // 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                width, height = image.size
                located = bool(image.getexif().get_ifd(_GPS))
    except Image.DecompressionBombError:
        log.error(  # Pillow refuses at twice its limit, which is at least MAX_PIXELS
            Position(rel),
            f"the image has more than {2 * limit} megapixels; at most {limit} are allowed",
            _RESIZE,
        )
        return
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        log.error(
            Position(rel),
            f"the image cannot be read: {exc}",
            "save it again as JPEG, PNG or WebP",
        )
        return
    if width * height > MAX_PIXELS:
        log.error(
            Position(rel),
            f"the image is {width} × {height} pixels, more than the {limit} megapixels allowed",
            _RESIZE,
        )
    if located:  # the published copy is re-encoded without it; the original goes into git
        log.warn(
            Position(rel),
            "the image file holds the GPS position where it was taken",
            "the published image has none, but this file keeps it in the project's history: "
            "save the picture without location data and put that copy here",
        )


def published_images(content: Content) -> Content:
    """`content` with only the images its texts use: the rest of content/images/ stays out."""
    known = set(content.images)
    used: set[str] = set()
    for text in _texts(content):
        if "/images/" in text:
            for name in _REFERENCE.findall(text):
                used.update(found for found in (name, unquote(name)) if found in known)
    return dataclasses.replace(content, images=tuple(sorted(used)))


def _texts(value: object) -> Iterator[str]:
    """Every string in the content model, wherever it sits."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name != "images":
                yield from _texts(getattr(value, item.name))
