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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .atomic import write_atomic
from .errors import BuildError, ContentError, Position
from .model import Site
from .parallel import pmap
from .render import PageSpec

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"bold": "DejaVuSans-Bold.ttf", "regular": "DejaVuSans.ttf"}
BACKGROUND, TEXT, SOFT = "#005a5b", "#ffffff", "#cfe3e1"  # --accent, white, a light tint
LEVELS = ("#a4262c", "#a65300", "#1d5c99", "#2b6e2f")  # the stability scale, as a colour band
MARGIN = 80
TITLE_SIZES = (76, 68, 60, 52, 46)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 4
VERSION = "2"  # bump after changing the drawing, so cached images are redrawn


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


@dataclass(frozen=True)
class Fonts:
    """The loaded typefaces, opened once per build rather than once per picture."""

    site: ImageFont.FreeTypeFont
    tagline: ImageFont.FreeTypeFont
    titles: tuple[ImageFont.FreeTypeFont, ...]  # one per size in TITLE_SIZES

    @classmethod
    def load(cls, files: dict[str, Path]) -> Fonts:
        bold, regular = str(files["bold"]), str(files["regular"])
        return cls(
            ImageFont.truetype(bold, 36),
            ImageFont.truetype(regular, 30),
            tuple(ImageFont.truetype(bold, size) for size in TITLE_SIZES),
        )


def _hex(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


WHITE_LEVEL = 250  # indices 0–250 blend the background into white; 251–254 are the scale
SOFT_LEVEL = 205  # how far towards white the site name and tagline are drawn: a light tint


def _palette() -> list[int]:
    """A background-to-white ramp, so antialiased text keeps smooth edges in an 8-bit picture,
    then the stability scale's colours for the band at the bottom."""
    background, white = _hex(BACKGROUND), [255, 255, 255]
    colours = [
        [round(b + (w - b) * value / WHITE_LEVEL) for b, w in zip(background, white, strict=True)]
        for value in range(WHITE_LEVEL + 1)
    ]
    colours += [_hex(colour) for colour in LEVELS]
    colours += [white] * (256 - len(colours))
    return [channel for colour in colours for channel in colour]


PALETTE = _palette()


def draw(card: Card, fonts: Fonts) -> bytes:
    """The PNG for one card: site name above, the title large, the tagline below.

    Drawn as text coverage in one 8-bit channel and saved with a fixed palette: a few
    milliseconds a picture, which matters when a site has thousands of pages."""
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    pen.text((MARGIN, MARGIN), card.site, font=fonts.site, fill=SOFT_LEVEL)
    inner = WIDTH - 2 * MARGIN
    for font in fonts.titles:  # the largest size at which the title fits
        lines = _wrap(card.title, font, inner)
        if len(lines) <= MAX_LINES and all(font.getlength(line) <= inner for line in lines):
            break
    lines = lines[: MAX_LINES + 1]
    spacing = round(font.size * 1.22)
    top = (HEIGHT - spacing * len(lines)) // 2 + 10
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * spacing), line, font=font, fill=WHITE_LEVEL)
    pen.text((MARGIN, HEIGHT - MARGIN - 30), card.tagline, font=fonts.tagline, fill=SOFT_LEVEL)
    band = WIDTH // len(LEVELS)
    for number in range(len(LEVELS)):
        colour = WHITE_LEVEL + 1 + number
        pen.rectangle((number * band, HEIGHT - 16, (number + 1) * band, HEIGHT), fill=colour)
    image = canvas.convert("P")  # same indices; the palette below gives them their colours
    image.putpalette(PALETTE)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=3)
    return out.getvalue()


def _fonts_digest(fonts: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for style in sorted(fonts):
        digest.update(fonts[style].read_bytes())
    return digest.hexdigest()[:16]


def share_images(
    specs: Iterable[PageSpec], site: Site, cache: Path, jobs: int = 1
) -> tuple[list[PageSpec], list[tuple[str, bytes]]]:
    """The pages with `share_image` set, and the image files (one per distinct card).

    Pictures already in the cache are read back; the rest are drawn on `jobs` processes."""
    font_paths = font_files()
    fonts_key = _fonts_digest(font_paths)
    fonts = Fonts.load(font_paths)
    cards: dict[str, Card] = {}
    pages: list[PageSpec] = []
    for spec in specs:
        card = Card(spec.title, site.title[spec.lang], site.tagline[spec.lang])
        key = card.key(fonts_key)
        cards.setdefault(key, card)
        pages.append(dataclasses.replace(spec, share_image=f"assets/share/{key}.png"))
    missing = [key for key in cards if not (cache / f"{key}.png").is_file()]
    for key, data in zip(
        missing, pmap(lambda key: draw(cards[key], fonts), missing, jobs), strict=True
    ):
        write_atomic(cache / f"{key}.png", data)
    files = [(f"assets/share/{key}.png", (cache / f"{key}.png").read_bytes()) for key in cards]
    return pages, sorted(files)
