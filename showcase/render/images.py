"""Content images as light, private, responsive pictures.

Each JPEG, PNG or WebP in content/images/ is turned upright (EXIF orientation), converted to sRGB
and re-encoded from its pixels alone, so no metadata survives: no EXIF (and so no GPS position),
XMP, IPTC, ICC profile or PNG text. It is written in a few widths, never wider than the original,
as WebP plus a JPEG (PNG when it has transparency) for browsers without WebP. The variants are
fingerprinted under /assets/images/ so they can be cached for a year, and the largest fallback is
also served at the image's own address, /images/<name>, for feeds and old links.

Work is cached in .cache/images/ by the source's content hash, so a rebuild re-encodes nothing.
Markdown images (`![alt](/images/x.jpg)`) become `<picture>` elements with srcset, sizes, width
and height; every image after the first on a page loads lazily.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from PIL import Image, ImageCms, ImageOps

from ..common.errors import BuildError, ContentError, Position, relative
from ..common.folders import Folders
from ..content.imagefiles import FORMATS, MAX_PIXELS

WIDTHS = (480, 960, 1600)
SIZES = "(min-width: 46rem) 44rem, 100vw"  # the text column is at most 44rem wide
QUALITY = {"webp": 80, "jpeg": 82}
RASTER = (".jpg", ".jpeg", ".png", ".webp")
VERSION = "1"  # bump to re-encode every cached image after changing how it is done
_IMG = r'<img\b[^>]*\bsrc="{prefix}/images/([^"/]+)"[^>]*>'  # prefix: the site's path
_ATTR = re.compile(r'\b(alt|title)="([^"]*)"')

# Reading content already refused images over MAX_PIXELS from their headers; should one get
# here anyway, Pillow refuses to decode more than twice that instead of filling the memory.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass(frozen=True)
class Variant:
    path: str  # inside site/
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Picture:
    """One content image in every width and format."""

    name: str  # file name in content/images/
    webp: tuple[Variant, ...]  # narrowest first
    fallback: tuple[Variant, ...]

    def files(self) -> list[tuple[str, bytes]]:
        """Every variant, and the largest one in the source's format at /images/<name>."""
        own = self.webp[-1] if self.name.lower().endswith(".webp") else self.fallback[-1]
        return [(v.path, v.data) for v in (*self.webp, *self.fallback)] + [
            (f"images/{self.name}", own.data)
        ]


def widths_for(width: int) -> list[int]:
    """The responsive widths for an image `width` pixels wide; never upscaled."""
    return [w for w in WIDTHS if w < width] + ([width] if width <= WIDTHS[-1] else [])


def _upright_srgb(source: Image.Image) -> Image.Image:
    """The pixels as displayed: rotated per EXIF, in sRGB, with nothing else attached."""
    image = ImageOps.exif_transpose(source)
    icc = source.info.get("icc_profile")
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if alpha else "RGB")
    if icc:
        with contextlib.suppress(ImageCms.PyCMSError, OSError):  # unreadable: keep the pixels
            image = (
                ImageCms.profileToProfile(
                    image,
                    ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                    ImageCms.createProfile("sRGB"),
                    outputMode=image.mode,
                )
                or image
            )
    return Image.frombytes(image.mode, image.size, image.tobytes())  # drops every info entry


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "webp":
        image.save(out, "WEBP", quality=QUALITY["webp"], method=6)
    elif fmt == "jpeg":
        image.save(out, "JPEG", quality=QUALITY["jpeg"], optimize=True, progressive=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _fallback(name: str, image: Image.Image) -> str:
    """PNG stays PNG (often drawings); photos, and WebP without transparency, fall back to JPEG."""
    return "png" if name.lower().endswith(".png") or image.mode == "RGBA" else "jpeg"


def _variants(name: str, data: bytes) -> list[tuple[int, int, str, bytes]]:
    """[(width, height, format, bytes)] for one source image, narrowest first."""
    with Image.open(io.BytesIO(data), formats=FORMATS) as source:
        image = _upright_srgb(source)
    fallback = _fallback(name, image)
    result = []
    for width in widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        sized = (
            image
            if width == image.width
            else image.resize((width, height), Image.Resampling.LANCZOS)
        )
        sized = Image.frombytes(sized.mode, sized.size, sized.tobytes())
        result += [(width, height, fmt, _encode(sized, fmt)) for fmt in ("webp", fallback)]
    return result


def _cached_variants(name: str, data: bytes, cache: Path) -> list[tuple[int, int, str, bytes]]:
    """`_variants`, kept in `cache` under the hash of the source bytes and the settings."""
    settings = f"{VERSION} {WIDTHS} {QUALITY} {Path(name).suffix.lower()}".encode()
    key = hashlib.sha256(settings + b"\0" + data).hexdigest()
    folder = cache / key
    if folder.is_dir():
        found = []
        for path in folder.iterdir():
            size, fmt = path.name.split(".")
            wide, high = size.split("x")
            found.append((int(wide), int(high), fmt, path.read_bytes()))
        return sorted(found)
    variants = _variants(name, data)
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{key}.tmp-", dir=cache))
    for width, height, fmt, encoded in variants:
        (staging / f"{width}x{height}.{fmt}").write_bytes(encoded)
    try:
        staging.replace(folder)  # all at once, so a half-written entry is never read
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another build cached it first
    return sorted(variants)


def picture(name: str, data: bytes, cache: Path) -> Picture:
    """The responsive variants of one content image (from the cache when already made)."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-") or "image"  # srcset-safe
    webp: list[Variant] = []
    fallback: list[Variant] = []
    for width, height, fmt, encoded in _cached_variants(name, data, cache):
        digest = hashlib.sha256(encoded).hexdigest()[:10]
        ext = "jpg" if fmt == "jpeg" else fmt
        variant = Variant(f"assets/images/{stem}-{width}.{digest}.{ext}", width, height, encoded)
        (webp if fmt == "webp" else fallback).append(variant)
    return Picture(name, tuple(webp), tuple(fallback))


def pictures(folders: Folders, names: tuple[str, ...], cache: Path) -> dict[str, Picture]:
    """The raster images among `names` (those published pages use), by file name; unreadable
    ones are errors."""
    found, errors = {}, []
    for name in (name for name in names if name.lower().endswith(RASTER)):
        path = folders.content / "images" / name
        try:
            found[name] = picture(name, path.read_bytes(), cache)
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            errors.append(
                ContentError(
                    Position(relative(path, folders.root)),
                    f"the image cannot be read: {exc}",
                    "save it again as JPEG, PNG or WebP",
                )
            )
    if errors:
        raise BuildError(errors)
    return found


def _srcset(variants: tuple[Variant, ...], prefix: str) -> str:
    return ", ".join(f"{prefix}/{v.path} {v.width}w" for v in variants)


def picture_html(pic: Picture, alt: str, title: str | None, lazy: bool, prefix: str = "") -> str:
    """The <picture> for one image: WebP first, the fallback as the <img> every browser reads.
    `prefix`: the path the site is published under (content/urls.py)."""
    default = next((v for v in pic.fallback if v.width >= WIDTHS[1]), pic.fallback[-1])
    extra = f' title="{html.escape(title)}"' if title is not None else ""
    loading = ' loading="lazy"' if lazy else ""
    return (
        f'<picture><source type="image/webp" srcset="{_srcset(pic.webp, prefix)}" sizes="{SIZES}">'
        f'<img src="{prefix}/{default.path}" srcset="{_srcset(pic.fallback, prefix)}" '
        f'sizes="{SIZES}" width="{default.width}" height="{default.height}" '
        f'alt="{html.escape(alt)}"{extra}'
        f'{loading} decoding="async"></picture>'
    )


def rewrite(page: bytes, pics: dict[str, Picture], prefix: str = "") -> bytes:
    """Replace each <img src="/images/…"> of a known content image with its <picture>; the
    Markdown put `prefix`, the path the site is published under, in front of its address."""
    if not pics or f'src="{prefix}/images/'.encode() not in page:
        return page
    seen = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal seen
        pic = pics.get(unquote(match.group(1)))
        if pic is None:
            return match.group(0)
        attrs = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        seen += 1
        return picture_html(pic, attrs.get("alt", ""), attrs.get("title"), seen > 1, prefix)

    pattern = re.compile(_IMG.format(prefix=re.escape(prefix)))
    return pattern.sub(replace, page.decode("utf-8")).encode("utf-8")
