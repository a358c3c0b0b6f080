"""Checking the rendered site: every internal link and #anchor must lead somewhere.

Runs on the pages in memory before anything is written, so a broken link stops the build and the
message names the content file and line the link came from.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote, urlsplit

from ..common.errors import Position
from ..content.urls import url_for_output


@dataclass(frozen=True)
class BrokenLink:
    page: str  # address of the page with the link
    href: str
    reason: str


# The pages are our own output (Jinja and nh3 always write attributes in double quotes), so a
# regular expression finds links and ids many times faster than a full HTML parser.
_ATTRIBUTE = re.compile(r'\s(href|src|srcset|id)="([^"]*)"')


@dataclass(frozen=True)
class Attributes:
    """What the link check needs from one page: where it links, what it loads, its anchors."""

    links: list[str]
    loads: list[str]
    ids: list[str]


def attributes(html: bytes) -> Attributes:
    links, loads, ids = [], [], set()
    for name, raw in _ATTRIBUTE.findall(html.decode("utf-8")):
        value = unescape(raw)
        if name == "id":
            ids.add(value)
        elif name == "href":
            links.append(value)
        elif name == "src":
            loads.append(value)
        else:
            loads.extend(part.strip().split(" ")[0] for part in value.split(","))
    return Attributes(links, loads, sorted(ids))


def third_party(loads: list[str]) -> list[str]:
    """Files the browser would fetch from another site: a privacy leak on every visit."""
    return [url for url in loads if resolve(url, "/") is None]


def resolve(href: str, page: str) -> tuple[str, str] | None:
    """The internal address and anchor a link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        path = page
    elif not path.startswith("/"):
        base = page.rsplit("/", 1)[0]
        path = f"{base}/{path}"
    return path, unquote(parts.fragment)


def find_broken(files: Iterable[tuple[str, bytes]]) -> list[BrokenLink]:
    """Broken internal links and anchors in the HTML files among (path, bytes) pairs."""
    files = list(files)
    pages = {
        url_for_output(path): attributes(data) for path, data in files if path.endswith(".html")
    }
    return broken_links({path for path, _data in files}, pages)


def broken_links(
    files: Iterable[str], pages: dict[str, Attributes], only: Collection[str] | None = None
) -> list[BrokenLink]:
    """Broken internal links and anchors, given every file's path inside site/ and what each
    page (by address) links to, loads and names as anchors; of the pages in `only`, when given
    (the others are known to be fine)."""
    served = {url_for_output(path) for path in files}
    every = pages
    anchors: dict[str, set[str]] = {}  # by page, made when a link first needs it

    def has_anchor(page: str, anchor: str) -> bool:
        if page not in anchors:
            anchors[page] = set(every[page].ids)
        return anchor in anchors[page]

    if only is not None:
        pages = {page: pages[page] for page in only}
    broken = [
        BrokenLink(
            page,
            url,
            "it loads a file from another site, which tells that site who reads "
            "the page; put the file in content/images/ and link to /images/<name>",
        )
        for page, found in sorted(pages.items())
        for url in third_party(found.loads)
    ]
    absolute: dict[str, tuple[str, str] | None] = {}  # most links are, and repeat on every page
    for page, found in sorted(pages.items()):
        for href in [*found.links, *found.loads]:
            if href.startswith("/") and not href.startswith("//"):
                if href not in absolute:
                    absolute[href] = resolve(href, page)
                target = absolute[href]
            else:
                target = resolve(href, page)
            if target is None:
                continue
            path, anchor = target
            if path not in served:
                broken.append(BrokenLink(page, href, "no page has this address"))
            elif anchor and path in every and not has_anchor(path, anchor):
                broken.append(BrokenLink(page, href, f"the page has no anchor '#{anchor}'"))
    return broken


def locate(href: str, body: str, where: Position) -> Position:
    """The line of a Markdown body where `href` is written, for the error message."""
    for offset, line in enumerate(body.split("\n")):
        column = line.find(href)
        if column >= 0:
            return Position(where.path, where.line + offset, column + 1)
    return Position(where.path)
