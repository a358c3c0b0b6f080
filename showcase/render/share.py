"""Share images: a 1200×630 PNG per page with its title, for link previews (Open Graph).

The picture is drawn with Pillow in the site's colours and an openly licensed font (DejaVu, from
Debian's fonts-dejavu-core, which `make` installs). Each image is named by a hash of everything
drawn on it, so it can be cached for a year, and kept in .cache/share/ so a rebuild draws only
the pages whose title changed. A page with a label (an illustrative story's "Illustrerende
eksempel") shows it in a white box above its title, so a shared link never passes a made-up
story off as a real one.

A big site has thousands of these, so each one is cheap (about 1 ms, from 3): the site name,
tagline and colour band are the same on every picture, so they are drawn and compressed once per
build (`Frame`); per page only the title is drawn, and only the rows it covers are compressed,
between ready-made pieces of the frame and of background (see png.py). The pixels are exactly
those of drawing each picture whole.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..common.atomic import write_atomic
from ..common.errors import BuildError, ContentError, Position
from ..common.parallel import pmap
from ..content.model import Site
from . import png
from .pages import PageSpec

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"bold": "DejaVuSans-Bold.ttf", "regular": "DejaVuSans.ttf"}
BACKGROUND, TEXT, SOFT = "#005a5b", "#ffffff", "#cfe3e1"  # --accent, white, a light tint
LEVELS = ("#a4262c", "#a65300", "#1d5c99", "#2b6e2f")  # the stability scale, as a colour band
MARGIN = 80
TITLE_SIZES = (76, 68, 60, 52, 46)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 4
LABEL_SIZE, LABEL_TOP, LABEL_PAD = 30, 150, 12  # the label's box: text size, top, padding
TITLE_TOP = LABEL_TOP + LABEL_SIZE + 2 * LABEL_PAD + 40  # where a labelled page's title may start
LABELLED_LINES = 3  # a labelled title has a line less: the label takes its room
VERSION = "3"  # bump after changing the drawing or the encoding, so cached images are redrawn


@dataclass(frozen=True)
class Card:
    """Everything drawn on one share image."""

    title: str
    site: str
    tagline: str
    label: str = ""  # e.g. "Illustrerende eksempel", shown above the title

    def key(self, fonts: str) -> str:
        drawn = dataclasses.astuple(self)
        drawn = drawn if self.label else drawn[:-1]  # unlabelled pictures keep their names
        text = json.dumps([VERSION, WIDTH, HEIGHT, fonts, *drawn])
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
    label: ImageFont.FreeTypeFont

    @classmethod
    def load(cls, files: dict[str, Path]) -> Fonts:
        bold, regular = str(files["bold"]), str(files["regular"])
        return cls(
            ImageFont.truetype(bold, 36),
            ImageFont.truetype(regular, 30),
            tuple(ImageFont.truetype(bold, size) for size in TITLE_SIZES),
            ImageFont.truetype(bold, LABEL_SIZE),
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


def _layout(
    title: str, fonts: Fonts, most: int = MAX_LINES
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size at which the title fits in `most` lines, and its lines."""
    inner = WIDTH - 2 * MARGIN
    for font in fonts.titles:
        lines = _wrap(title, font, inner)
        # lines of more than one word fit by construction; a single word may not
        if len(lines) <= most and all(" " in line or _width(font, line) <= inner for line in lines):
            break
    return font, lines[: most + 1]


def _label(pen: ImageDraw.ImageDraw, label: str, fonts: Fonts) -> None:
    """The label in the site's colour on a white box, between the site name and the title."""
    width = round(_width(fonts.label, label))
    box = (LEFT, LABEL_TOP, LEFT + width + 2 * LABEL_PAD, LABEL_TOP + LABEL_SIZE + 2 * LABEL_PAD)
    pen.rounded_rectangle(box, radius=LABEL_PAD, fill=WHITE_LEVEL)
    pen.text((LEFT + LABEL_PAD, LABEL_TOP + LABEL_PAD), label, font=fonts.label, fill=0)


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

# Pictures are drawn one pixel wider than they are, one pixel to the right: column 0 stays 0
# (all text starts MARGIN in), the "no filter" byte that starts each row of a PNG's pixel data,
# so a picture's bytes are its PNG rows as they are.
ROW = WIDTH + 1
LEFT = 1 + MARGIN
STEP = 8  # the title's rows are widened to this, so a few pieces of background serve all
FRAME_LEVEL, TITLE_LEVEL = 9, 2  # zlib levels: once per build, and once per picture
HEADER = png.palette_header(WIDTH, HEIGHT, PALETTE)


@dataclass(frozen=True)
class Frame:
    """What every picture with one site name and tagline shares: the site name above (rows up
    to `head`), the tagline and colour band below (rows from `foot`), nothing in between.

    Drawn, and its rows above and below deflated, once per build."""

    image: Image.Image
    head: int
    foot: int
    above: png.Piece
    below: png.Piece

    @classmethod
    def draw(cls, site: str, tagline: str, fonts: Fonts) -> Frame:
        image = _draw(Card("", site, tagline), fonts, title=False)
        alone = Image.new("L", (ROW, HEIGHT), 0)  # where the site name ends
        ImageDraw.Draw(alone).text((LEFT, MARGIN), site, font=fonts.site, fill=SOFT_LEVEL)
        head = (alone.getbbox() or (0, 0, 0, 0))[3]
        below = image.crop((0, head, ROW, HEIGHT)).getbbox()
        foot = head + below[1] if below else HEIGHT
        rows = [
            image.crop((0, first, ROW, last)).tobytes()
            for first, last in ((0, head), (foot, HEIGHT))
        ]
        return cls(image, head, foot, *(png.Piece.deflate(part, FRAME_LEVEL) for part in rows))


@lru_cache(maxsize=8)
def _frame(site: str, tagline: str, fonts: Fonts) -> Frame:
    return Frame.draw(site, tagline, fonts)


@lru_cache(maxsize=256)
def _blank(rows: int) -> png.Piece:
    """Rows of background, deflated once per number of rows (a multiple of STEP)."""
    return png.Piece.deflate(bytes(rows * ROW), FRAME_LEVEL)


def _draw(card: Card, fonts: Fonts, title: bool = True, frame: bool = True) -> Image.Image:
    """The card as text coverage in one 8-bit channel (palette indices, see PALETTE), in ROW
    columns: site name above, the title large, the tagline and the colour band below."""
    canvas = Image.new("L", (ROW, HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    if frame:
        pen.text((LEFT, MARGIN), card.site, font=fonts.site, fill=SOFT_LEVEL)
    if title:
        if card.label:
            _label(pen, card.label, fonts)
        font, lines = _layout(card.title, fonts, LABELLED_LINES if card.label else MAX_LINES)
        spacing = round(font.size * 1.22)
        top = (HEIGHT - spacing * len(lines)) // 2 + 10
        if card.label:  # centred in the room below the label
            top = TITLE_TOP + (HEIGHT - MARGIN - 40 - TITLE_TOP - spacing * len(lines)) // 2
        for number, line in enumerate(lines):
            pen.text((LEFT, top + number * spacing), line, font=font, fill=WHITE_LEVEL)
    if frame:
        pen.text((LEFT, HEIGHT - MARGIN - 30), card.tagline, font=fonts.tagline, fill=SOFT_LEVEL)
        band = WIDTH // len(LEVELS)
        for number in range(len(LEVELS)):
            box = (1 + number * band, HEIGHT - 16, 1 + (number + 1) * band, HEIGHT)
            pen.rectangle(box, fill=WHITE_LEVEL + 1 + number)
    return canvas


def draw(card: Card, fonts: Fonts) -> bytes:
    """The PNG for one card, with a fixed palette.

    Only the title is drawn and deflated here, as it lies between the frame's rows; the rest
    comes ready from the card's `Frame`."""
    frame = _frame(card.site, card.tagline, fonts)
    title = _draw(card, fonts, frame=False)
    box = title.getbbox() or (0, frame.head, 0, frame.head)
    if not frame.head <= box[1] <= box[3] <= frame.foot:  # a title so tall it reaches the frame
        whole = png.Piece.deflate(_draw(card, fonts).tobytes(), TITLE_LEVEL)
        return png.png(HEADER, [whole])
    first = box[1] - (box[1] - frame.head) % STEP
    last = box[3] + (frame.foot - box[3]) % STEP
    rows = png.Piece.deflate(title.crop((0, first, ROW, last)).tobytes(), TITLE_LEVEL)
    above, below = _blank(first - frame.head), _blank(frame.foot - last)
    return png.png(HEADER, [frame.above, above, rows, below, frame.below])


def _fonts_digest(fonts: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for style in sorted(fonts):
        digest.update(fonts[style].read_bytes())
    return digest.hexdigest()[:16]


def share_images(
    specs: Iterable[PageSpec], site: Site, cache: Path, jobs: int = 1
) -> tuple[list[PageSpec], list[tuple[str, Path]]]:
    """The pages with `share_image` set, and the image files (one per distinct card): where
    each goes in site/, and the file in the cache that holds it.

    Pictures missing from the cache are drawn, and written to it, on `jobs` processes; none is
    held in memory (a large site has thousands)."""
    font_paths = font_files()
    fonts_key = _fonts_digest(font_paths)
    fonts = Fonts.load(font_paths)
    cards: dict[str, Card] = {}
    pages: list[PageSpec] = []
    for spec in specs:
        card = Card(spec.title, site.title[spec.lang], site.tagline[spec.lang], spec.label)
        key = card.key(fonts_key)
        cards.setdefault(key, card)
        pages.append(dataclasses.replace(spec, share_image=f"assets/share/{key}.png"))
    paths = {key: cache / f"{key}.png" for key in cards}
    missing = [key for key, path in paths.items() if not path.is_file()]

    def make(key: str) -> None:
        write_atomic(paths[key], draw(cards[key], fonts))

    for name, tagline in {(cards[key].site, cards[key].tagline) for key in missing}:
        _frame(name, tagline, fonts)  # drawn before the workers start, so all of them have it
    pmap(make, missing, jobs)
    return pages, sorted((f"assets/share/{key}.png", path) for key, path in paths.items())
