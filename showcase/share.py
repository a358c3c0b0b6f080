"""Share images: a 1200×630 PNG per page with its title, for link previews (Open Graph).

The picture is drawn with Pillow in the site's colours and an openly licensed font (DejaVu, from
Debian's fonts-dejavu-core, which `make` installs). Each image is named by a hash of everything
drawn on it, so it can be cached for a year, and kept in .cache/share/ so a rebuild draws only
the pages whose title changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .errors import BuildError, ContentError, Position
from .model import Site
from .render import PageSpec

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"bold": "DejaVuSans-Bold.ttf", "regular": "DejaVuSans.ttf"}
BACKGROUND, TEXT, SOFT = "#005a5b", "#ffffff", "#cfe3e1"  # --accent, white, a light tint
LEVELS = ("#a4262c", "#a65300", "#1d5c99", "#2b6e2f")  # the stability scale, as a colour band
MARGIN = 80
TITLE_SIZES = (76, 68, 60, 52, 46)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 4
VERSION = "1"  # bump after changing the drawing, so cached images are redrawn


@dataclass(frozen=True)
class Card:
    """Everything drawn on one share image."""

    title: str
    site: str
    tagline: str

    def key(self, fonts: str) -> str:
        text = json.dumps([VERSION, WIDTH, HEIGHT, fonts, *dataclasses.astuple(self)])
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def font_files(folder: Path = FONT_DIR) -> dict[str, Path]:
    """The font files, or a BuildError that says how to install them."""
    paths = {style: folder / name for style, name in FONTS.items()}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        raise BuildError(
            [
                ContentError(
                    Position("share images"),
                    f"the font for share images is missing: {', '.join(missing)}",
                    "run `make build` (it installs fonts-dejavu-core), or "
                    "`apt-get install fonts-dejavu-core`",
                )
            ]
        )
    return paths


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words into lines no wider than `width` (a single over-long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def draw(card: Card, fonts: dict[str, Path]) -> bytes:
    """The PNG for one card: site name above, the title large, the tagline below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    small = ImageFont.truetype(str(fonts["bold"]), 36)
    pen.text((MARGIN, MARGIN), card.site, font=small, fill=SOFT)
    inner = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(fonts["bold"]), size)
        lines = _wrap(card.title, font, inner)
        if len(lines) <= MAX_LINES and all(font.getlength(line) <= inner for line in lines):
            break
    lines = lines[: MAX_LINES + 1]
    spacing = round(size * 1.22)
    top = (HEIGHT - spacing * len(lines)) // 2 + 10
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * spacing), line, font=font, fill=TEXT)
    tagline = ImageFont.truetype(str(fonts["regular"]), 30)
    pen.text((MARGIN, HEIGHT - MARGIN - 30), card.tagline, font=tagline, fill=SOFT)
    band = WIDTH // len(LEVELS)
    for number, colour in enumerate(LEVELS):
        pen.rectangle((number * band, HEIGHT - 16, (number + 1) * band, HEIGHT), fill=colour)
    out = io.BytesIO()
    image.quantize(colors=48, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def _fonts_digest(fonts: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for style in sorted(fonts):
        digest.update(fonts[style].read_bytes())
    return digest.hexdigest()[:16]


def _cached_png(card: Card, key: str, fonts: dict[str, Path], cache: Path) -> bytes:
    path = cache / f"{key}.png"
    if path.is_file():
        return path.read_bytes()
    data = draw(card, fonts)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)  # atomic, so a reader never sees half a file
    return data


def share_images(
    specs: Iterable[PageSpec], site: Site, cache: Path
) -> tuple[list[PageSpec], list[tuple[str, bytes]]]:
    """The pages with `share_image` set, and the image files (one per distinct card)."""
    fonts = font_files()
    fonts_key = _fonts_digest(fonts)
    pages: list[PageSpec] = []
    files: dict[str, bytes] = {}
    for spec in specs:
        card = Card(spec.title, site.title[spec.lang], site.tagline[spec.lang])
        key = card.key(fonts_key)
        path = f"assets/share/{key}.png"
        if path not in files:
            files[path] = _cached_png(card, key, fonts, cache)
        pages.append(dataclasses.replace(spec, share_image=path))
    return pages, sorted(files.items())
