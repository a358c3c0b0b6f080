"""The site's icons: templates/assets/favicon.svg as it is drawn, and the two raster copies
browsers still want, drawn from that same file with Pillow so the three never drift apart.

Browsers ask for /favicon.ico and /apple-touch-icon.png on their own, at the site's root,
whatever a page links; so the icons keep those fixed names instead of fingerprinted ones, and
are checked with the server on each visit like the pages (output/headers.py). The raster copies
are the same bytes on every build (Pillow is pinned, and PNG and ICO carry no dates).

favicon.svg may hold only what `shapes` reads, <rect> (with rx) and <circle>, each filled or
stroked in a #rgb or #rrggbb colour: enough for the symbol, and drawn here exactly.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, ImageColor, ImageDraw

SOURCE = "favicon.svg"  # in templates/assets/
TOUCH = ("apple-touch-icon.png", 180)  # iOS and Android home screens
ICO = ("favicon.ico", (16, 32))  # what a browser asks for when a page names no icon
DRAWN_AT = 1440  # pixels a side: drawn this large, then scaled down, for smooth edges
SVG = "{http://www.w3.org/2000/svg}"
HEX = re.compile(r"#([0-9a-fA-F]{3}){1,2}")


@dataclass(frozen=True)
class Shape:
    """A rect or circle of favicon.svg, in its viewBox's units."""

    kind: str  # "rect" or "circle"
    box: tuple[float, float, float, float]  # left, top, right, bottom of the shape's outline
    radius: float  # a rect's corner radius (rx)
    fill: str | None
    stroke: str | None
    stroke_width: float


def _number(element: ElementTree.Element, name: str) -> float:
    return float(element.get(name, "0"))


def _colour(element: ElementTree.Element, name: str) -> str | None:
    value = element.get(name)
    if value in (None, "none"):
        return None
    if not HEX.fullmatch(value):
        raise ValueError(f"{SOURCE}: {name}='{value}' is not a #rgb or #rrggbb colour")
    return value


def shapes(svg: bytes) -> tuple[float, list[Shape]]:
    """The viewBox's width and the shapes in drawing order; anything else in the file is an
    error, so an edit that draws more than this reads fails the build instead of the icon."""
    root = ElementTree.fromstring(svg)
    _, _, width, height = (float(part) for part in root.get("viewBox", "").split())
    if width != height:
        raise ValueError(f"{SOURCE}: the viewBox must be square")
    found = []
    for element in root:
        kind = element.tag.removeprefix(SVG)
        fill = _colour(element, "fill") if "fill" in element.attrib else "#000000"
        stroke, stroke_width = _colour(element, "stroke"), _number(element, "stroke-width") or 1
        if kind == "rect":
            x, y = _number(element, "x"), _number(element, "y")
            box = (x, y, x + _number(element, "width"), y + _number(element, "height"))
            radius = _number(element, "rx")
        elif kind == "circle":
            cx, cy = _number(element, "cx"), _number(element, "cy")
            r = _number(element, "r") + (stroke_width / 2 if stroke else 0)
            box, radius = (cx - r, cy - r, cx + r, cy + r), r
        else:
            raise ValueError(f"{SOURCE}: <{kind}> is not drawn into the raster icons")
        found.append(Shape(kind, box, radius, fill, stroke, stroke_width if stroke else 0))
    return width, found


def draw(svg: bytes, size: int, opaque: bool = False) -> Image.Image:
    """The icon as a `size` × `size` RGBA picture; `opaque`: the first shape's colour fills the
    corners too (a home-screen icon must have no see-through pixels: the system rounds it)."""
    width, found = shapes(svg)
    scale = DRAWN_AT / width
    canvas = Image.new("RGBA", (DRAWN_AT, DRAWN_AT), (0, 0, 0, 0))
    if opaque and found and found[0].fill:
        canvas.paste((*ImageColor.getrgb(found[0].fill)[:3], 255), (0, 0, DRAWN_AT, DRAWN_AT))
    pen = ImageDraw.Draw(canvas)
    for shape in found:
        box = tuple(round(value * scale) for value in shape.box)
        line = round(shape.stroke_width * scale)
        if shape.kind == "rect":
            pen.rounded_rectangle(box, round(shape.radius * scale), shape.fill, shape.stroke, line)
        else:
            pen.ellipse(box, shape.fill, shape.stroke, line)
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _ico(svg: bytes, sizes: tuple[int, ...]) -> bytes:
    """One ICO holding each size drawn on its own (not one picture shrunk by the ICO writer)."""
    frames = [draw(svg, size) for size in sizes]
    out = io.BytesIO()
    largest = frames[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in sizes], append_images=frames[:-1])
    return out.getvalue()


@functools.cache
def _made(svg: bytes) -> tuple[tuple[str, bytes], ...]:
    name, size = TOUCH
    touch = _png(draw(svg, size, opaque=True).convert("RGB"))
    return ((SOURCE, svg), (ICO[0], _ico(svg, ICO[1])), (name, touch))


def files(assets: Path) -> list[tuple[str, bytes]]:
    """The icons as (path inside site/, bytes): none when the templates draw no favicon.svg."""
    source = assets / SOURCE
    return list(_made(source.read_bytes())) if source.is_file() else []
