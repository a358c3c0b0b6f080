"""Checking the rendered site: every internal link and #anchor must lead somewhere.

Runs on the pages in memory before anything is written, so a broken link stops the build and the
message names the content file and line the link came from. A site published under a path
('/velferdslab', content/urls.py) writes its links with that path: they are mapped back to the
addresses inside the site, and a link from the root that leaves the path is broken.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote, urlsplit

from ..common.errors import ContentError, Position
from ..content.schema import NEEDED_FOLDERS
from ..content.urls import inside, url_for_output


@dataclass(frozen=True)
class BrokenLink:
    page: str  # address of the page with the link
    href: str  # as the content or template wrote it: inside the site, without its path
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


def find_broken(files: Iterable[tuple[str, bytes]], prefix: str = "") -> list[BrokenLink]:
    """Broken internal links and anchors in the HTML files among (path, bytes) pairs of a site
    published under `prefix`."""
    files = list(files)
    pages = {
        url_for_output(path): attributes(data) for path, data in files if path.endswith(".html")
    }
    return broken_links({path for path, _data in files}, pages, prefix=prefix)


def _follow(href: str, page: str, prefix: str) -> tuple[str, tuple[str, str] | None] | None:
    """The link as an address inside the site and what it resolves to (None for an external
    one); None when it leaves the site's path."""
    written = inside(href, prefix)
    return None if written is None else (written, resolve(written, page))


def broken_links(
    files: Iterable[str],
    pages: dict[str, Attributes],
    only: Collection[str] | None = None,
    prefix: str = "",
) -> list[BrokenLink]:
    """Broken internal links and anchors, given every file's path inside site/ and what each
    page (by address inside the site) links to, loads and names as anchors; of the pages in
    `only`, when given (the others are known to be fine). `prefix`: the path the site is
    published under, which its links carry."""
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
    # Most links are root-relative and repeat on every page: each is followed once.
    absolute: dict[str, tuple[str, tuple[str, str] | None] | None] = {}
    for page, found in sorted(pages.items()):
        for href in [*found.links, *found.loads]:
            if href.startswith("/") and not href.startswith("//"):
                if href not in absolute:
                    absolute[href] = _follow(href, page, prefix)
                followed = absolute[href]
            else:
                followed = _follow(href, page, prefix)
            if followed is None:
                broken.append(BrokenLink(page, href, f"it leaves the site's path {prefix}/"))
                continue
            written, target = followed
            if target is None:
                continue
            path, anchor = target
            if path not in served:
                broken.append(BrokenLink(page, written, "no page has this address"))
            elif anchor and path in every and not has_anchor(path, anchor):
                broken.append(BrokenLink(page, written, f"the page has no anchor '#{anchor}'"))
    return broken


def lost_items(errors: Iterable[ContentError]) -> frozenset[str]:
    """The keys of the items in content/<folder>/ with errors: a run with errors leaves them
    out, so a link to their pages only echoes those errors."""
    found = set()
    for error in errors:
        parts = error.where.path.split("/")
        if len(parts) >= 2 and parts[-2] in NEEDED_FOLDERS:
            found.add(parts[-1].split(".")[0])
    return frozenset(found)


def locate(href: str, body: str, where: Position) -> Position:
    """The line of a Markdown body where `href` is written, for the error message."""
    for offset, line in enumerate(body.split("\n")):
        column = line.find(href)
        if column >= 0:
            return Position(where.path, where.line + offset, column + 1)
    return Position(where.path)
