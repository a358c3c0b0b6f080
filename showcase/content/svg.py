"""Vector images are checked, element by element, before the site serves them.

An SVG file is a program as much as a picture: opened at its own address it runs its scripts
and event handlers on the site's domain, and it can load other files (external entities,
stylesheets, images, fonts) from anywhere. The build publishes an SVG byte for byte only when
it holds nothing but drawing: the elements and attributes below, references only to its own
parts (`#name`), no DOCTYPE, entities or processing instructions. Anything else is refused with
an error at its line, so the editor fixes the file (usually: save it again as plain SVG) and
what is published is always exactly what was checked. The file is read with defusedxml, so a
hostile DOCTYPE is stopped before expat expands or fetches anything.
"""

from __future__ import annotations

import io
import re
import xml.sax
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml.sax
from defusedxml import DefusedXmlException

from ..common.errors import ErrorLog, Position

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
HINT = "remove it, or save the drawing again as plain SVG (in Inkscape: Save As → Plain SVG)"

ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "style", "path", "rect", "circle",
    "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "filter", "feBlend",
    "feColorMatrix", "feComposite", "feDropShadow", "feFlood", "feGaussianBlur", "feMerge",
    "feMergeNode", "feOffset",
})  # fmt: skip
ATTRIBUTES = frozenset({
    "id", "class", "style", "lang", "xml:lang", "xml:space", "role", "focusable", "aria-label",
    "aria-labelledby", "aria-describedby", "aria-hidden", "version", "baseProfile", "viewBox",
    "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
    "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "transform", "dx", "dy",
    "rotate", "textLength", "lengthAdjust", "startOffset", "href", "xlink:href", "fill",
    "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
    "color", "display", "visibility", "overflow", "clip-path", "clip-rule", "mask", "filter",
    "vector-effect", "paint-order", "shape-rendering", "text-rendering", "color-interpolation",
    "color-interpolation-filters", "font-family", "font-size", "font-weight", "font-style",
    "font-variant", "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
    "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
    "direction", "unicode-bidi", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits",
    "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "marker-start",
    "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX", "refY",
    "orient", "filterUnits", "primitiveUnits", "stdDeviation", "in", "in2", "result", "mode",
    "type", "values", "operator", "k1", "k2", "k3", "k4", "flood-color", "flood-opacity",
})  # fmt: skip
NAMESPACES = {"xmlns": SVG_NAMESPACE, "xmlns:xlink": XLINK_NAMESPACE}

# In CSS (a style attribute, a <style> element, or a presentation attribute such as fill):
# url() to anything but #name, @import, and escapes that could spell either in disguise.
_OUTSIDE = re.compile(r"url\(\s*(?![\s'\"]*#)|@import|\\|expression\(|javascript:", re.I)


class _Inspector(ContentHandler):
    """Notes each kind of problem once, at the first place it occurs."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.problems: dict[str, tuple[int, int]] = {}
        self.style: list[str] = []  # text of the <style> element being read, if any
        self.root = True

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def place(self) -> tuple[int, int]:
        if self.locator is None:
            return (0, 0)
        return (self.locator.getLineNumber() or 0, (self.locator.getColumnNumber() or 0) + 1)

    def refuse(self, message: str) -> None:
        self.problems.setdefault(message, self.place())

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        if self.root and name != "svg":
            self.refuse(f"the file is not an SVG image: it starts with <{name}>")
        self.root = False
        if name not in ELEMENTS:
            self.refuse(f"the SVG image has the element <{name}>, which images may not have")
        for attribute, value in attrs.items():
            self.attribute(name, attribute, value)
        if name == "style":
            self.style = []

    def attribute(self, element: str, attribute: str, value: str) -> None:
        if attribute in NAMESPACES:
            if value != NAMESPACES[attribute]:
                self.refuse(f"the SVG image declares '{attribute}' for another kind of file")
        elif attribute not in ATTRIBUTES:
            self.refuse(
                f"the SVG image has the attribute '{attribute}' on <{element}>, "
                "which images may not have"
            )
        elif attribute in ("href", "xlink:href") and not value.startswith("#"):
            self.refuse("the SVG image refers to a file or address outside itself")
        elif _OUTSIDE.search(value):
            self.refuse("the SVG image's style refers to a file or address outside itself")

    def characters(self, content: str) -> None:
        self.style.append(content)

    def endElement(self, name: str) -> None:
        if name == "style" and _OUTSIDE.search("".join(self.style)):
            self.refuse("the SVG image's style refers to a file or address outside itself")
        self.style = []

    def processingInstruction(self, target: str, data: str) -> None:
        self.refuse(f"the SVG image has a processing instruction <?{target} …?>")


def check_svg(data: bytes, rel: str, log: ErrorLog) -> bool:
    """True when the SVG file holds only drawing; else an error for each kind of problem."""
    inspector = _Inspector()
    try:
        defusedxml.sax.parse(io.BytesIO(data), inspector, forbid_dtd=True)
    except DefusedXmlException:
        line, col = inspector.place()
        log.error(
            Position(rel, line, col),
            "the SVG image has a DOCTYPE or entity declarations, which images may not have",
            "delete the <!DOCTYPE …> line (and any <!ENTITY …>); drawing programs do not need it",
        )
        return False
    except xml.sax.SAXParseException as exc:
        log.error(
            Position(rel, exc.getLineNumber() or 0, (exc.getColumnNumber() or 0) + 1),
            f"the SVG image is not well-formed XML: {exc.getMessage()}",
            "open it in a drawing program and save it again as plain SVG",
        )
        return False
    for message, (line, col) in inspector.problems.items():
        log.error(Position(rel, line, col), message, HINT)
    return not inspector.problems
