"""Share images: a 1200×630 PNG per page with its title, for link previews (Open Graph).

The picture is drawn with Pillow in the site's colours and an openly licensed font (DejaVu, from
Debian's fonts-dejavu-core, which `make` installs). Each image is named by a hash of everything
drawn on it, so it can be cached for a year, and kept in .cache/share/ so a rebuild draws only
the pages whose title changed.

A big site has thousands of these, so each one is cheap: the site name, tagline and colour band
are the same on every picture, so they are drawn and compressed once per build (`Frame`); per
page only the title is drawn, and only the rows it covers are compressed, between the frame's
ready-made rows above and below it (the PNG is written here, not by Pillow, to allow that).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
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
VERSION = "3"  # bump after changing the drawing or the encoding, so cached images are redrawn


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


@lru_cache(maxsize=1 << 16)
def _width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """Measured once per word and size: titles share most of their words."""
    return font.getlength(text)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words into lines no wider than `width` (a single over-long word gets its own line).

    A line's width is the sum of its words' and spaces' widths, except where kerning across a
    space could make a difference: near the margin the whole line is measured."""
    lines: list[str] = []
    used = 0.0  # the width of the last line, as a sum
    slack = font.size / 4  # far more than any kerning pair
    space = _width(font, " ")
    for word in text.split():
        if lines:
            candidate = f"{lines[-1]} {word}"
            wide = used + space + _width(font, word)
            if wide <= width - slack or (
                wide <= width + slack and font.getlength(candidate) <= width
            ):
                lines[-1], used = candidate, wide
                continue
        lines.append(word)
        used = _width(font, word)
    return lines


def _layout(title: str, fonts: Fonts) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size at which the title fits in MAX_LINES, and its lines."""
    inner = WIDTH - 2 * MARGIN
    for font in fonts.titles:
        lines = _wrap(title, font, inner)
        # lines of more than one word fit by construction; a single word may not
        if len(lines) <= MAX_LINES and all(
            " " in line or _width(font, line) <= inner for line in lines
        ):
            break
    return font, lines[: MAX_LINES + 1]


def _hex(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


WHITE_LEVEL = 250  # indices 0–250 blend the background into white; 251–254 are the scale
SOFT_LEVEL = 205  # how far towards white the site name and tagline are drawn: a light tint


def _palette() -> bytes:
    """A background-to-white ramp, so antialiased text keeps smooth edges in an 8-bit picture,
    then the stability scale's colours for the band at the bottom."""
    background, white = _hex(BACKGROUND), [255, 255, 255]
    colours = [
        [round(b + (w - b) * value / WHITE_LEVEL) for b, w in zip(background, white, strict=True)]
        for value in range(WHITE_LEVEL + 1)
    ]
    colours += [_hex(colour) for colour in LEVELS]
    return bytes(channel for colour in colours for channel in colour)


PALETTE = _palette()

# The pictures are drawn 1 pixel wider than they are, one pixel to the right: column 0 stays 0,
# which is the "no filter" byte that starts each row of a PNG's pixel data. So an image's bytes
# are its PNG rows as they are.
ROW = WIDTH + 1
LEFT = 1 + MARGIN
STEP = 8  # the title's rows are rounded out to this, so a few frame pieces serve every title
FRAME_LEVEL, TITLE_LEVEL = 9, 2  # zlib levels: once per build, and once per picture


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


PNG_HEAD = (
    b"\x89PNG\r\n\x1a\n"
    + _chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0))  # 8-bit, palette
    + _chunk(b"PLTE", PALETTE)
)
PNG_END = _chunk(b"IEND", b"")
ZLIB_HEAD = b"\x78\xda"  # deflate, 32 KiB window (as below), no preset dictionary
ADLER = 65521


def _adler32_combine(first: int, second: int, length: int) -> int:
    """The Adler-32 of two pieces of data joined, from theirs (zlib's adler32_combine)."""
    rem = length % ADLER
    sum1 = ((first & 0xFFFF) + (second & 0xFFFF) + ADLER - 1) % ADLER
    sum2 = (rem * (first & 0xFFFF) + (first >> 16) + (second >> 16) + ADLER - rem) % ADLER
    return sum1 | (sum2 << 16)


@dataclass(frozen=True)
class Piece:
    """Some rows of a picture, deflated on their own (so pieces can be joined), and their
    Adler-32 checksum and length, which the zlib stream's checksum is made of."""

    data: bytes
    adler: int
    length: int

    @classmethod
    def deflate(cls, rows: bytes, level: int, last: bool) -> Piece:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
        data = packer.compress(rows) + packer.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)
        return cls(data, zlib.adler32(rows), len(rows))


@dataclass(frozen=True)
class Frame:
    """What every picture with one site name and tagline shares: the site name above (rows up
    to `head`), the tagline and colour band below (rows from `foot`), nothing in between.

    Its rows above and below a title are deflated once for each place a title starts or ends."""

    image: Image.Image
    head: int
    foot: int
    _above: dict[int, Piece] = field(default_factory=dict)
    _below: dict[int, Piece] = field(default_factory=dict)

    @classmethod
    def draw(cls, site: str, tagline: str, fonts: Fonts) -> Frame:
        image = Image.new("L", (ROW, HEIGHT), 0)
        pen = ImageDraw.Draw(image)
        pen.text((LEFT, MARGIN), site, font=fonts.site, fill=SOFT_LEVEL)
        head = (image.getbbox() or (0, 0, 0, 0))[3]
        pen.text((LEFT, HEIGHT - MARGIN - 30), tagline, font=fonts.tagline, fill=SOFT_LEVEL)
        band = WIDTH // len(LEVELS)
        for number in range(len(LEVELS)):
            box = (1 + number * band, HEIGHT - 16, 1 + (number + 1) * band, HEIGHT)
            pen.rectangle(box, fill=WHITE_LEVEL + 1 + number)
        below = image.crop((0, head, ROW, HEIGHT)).getbbox()
        return cls(image, head, head + below[1] if below else HEIGHT)

    def above(self, top: int) -> Piece:
        if top not in self._above:
            rows = self.image.crop((0, 0, ROW, top)).tobytes() if top else b""
            self._above[top] = Piece.deflate(rows, FRAME_LEVEL, last=False)
        return self._above[top]

    def below(self, bottom: int) -> Piece:
        if bottom not in self._below:
            rows = self.image.crop((0, bottom, ROW, HEIGHT)).tobytes() if bottom < HEIGHT else b""
            self._below[bottom] = Piece.deflate(rows, FRAME_LEVEL, last=True)
        return self._below[bottom]


@lru_cache(maxsize=8)
def _frame(site: str, tagline: str, fonts: Fonts) -> Frame:
    return Frame.draw(site, tagline, fonts)


def _png(above: Piece, middle: bytes, below: Piece) -> bytes:
    """A PNG of rows: the frame's ready-deflated rows around the title's, deflated here."""
    title = Piece.deflate(middle, TITLE_LEVEL, last=False) if middle else Piece(b"", 1, 0)
    adler = _adler32_combine(above.adler, title.adler, title.length)
    adler = _adler32_combine(adler, below.adler, below.length)
    stream = b"".join((ZLIB_HEAD, above.data, title.data, below.data, struct.pack(">I", adler)))
    return PNG_HEAD + _chunk(b"IDAT", stream) + PNG_END


def draw(card: Card, fonts: Fonts) -> bytes:
    """The PNG for one card: site name above, the title large, the tagline below.

    Drawn as text coverage in one 8-bit channel and saved with a fixed palette. Only the
    title is drawn here; the rest comes from the card's `Frame`."""
    frame = _frame(card.site, card.tagline, fonts)
    font, lines = _layout(card.title, fonts)
    spacing = round(font.size * 1.22)
    top = (HEIGHT - spacing * len(lines)) // 2 + 10
    canvas = Image.new("L", (ROW, HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    for number, line in enumerate(lines):
        pen.text((LEFT, top + number * spacing), line, font=font, fill=WHITE_LEVEL)
    box = canvas.getbbox() or (0, frame.head, 0, frame.head)
    if frame.head <= box[1] and box[3] <= frame.foot:  # as always: the title between the two
        first = box[1] - (box[1] - frame.head) % STEP
        last = box[3] + (frame.foot - box[3]) % STEP
        middle = canvas.crop((0, first, ROW, last)).tobytes() if last > first else b""
        return _png(frame.above(first), middle, frame.below(last))
    canvas = frame.image.copy()  # a title so tall that it reaches the frame: draw it over
    pen = ImageDraw.Draw(canvas)
    for number, line in enumerate(lines):
        pen.text((LEFT, top + number * spacing), line, font=font, fill=WHITE_LEVEL)
    return _png(frame.above(0), canvas.tobytes(), frame.below(HEIGHT))


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
