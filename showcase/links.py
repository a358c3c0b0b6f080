"""Checking the rendered site: every internal link and #anchor must lead somewhere.

Runs on the pages in memory before anything is written, so a broken link stops the build and the
message names the content file and line the link came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote, urlsplit

from .errors import Position
from .urls import url_for_output


@dataclass(frozen=True)
class BrokenLink:
    page: str  # address of the page with the link
    href: str
    reason: str


# The pages are our own output (Jinja and nh3 always write attributes in double quotes), so a
# regular expression finds links and ids many times faster than a full HTML parser.
_ATTRIBUTE = re.compile(r'\s(href|src|srcset|id)="([^"]*)"')


def _attributes(html: bytes) -> tuple[list[str], list[str], set[str]]:
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
    return links, loads, ids


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
    served: set[str] = set()
    html: dict[str, bytes] = {}
    for path, data in files:
        address = url_for_output(path)
        served.add(address)
        if path.endswith(".html"):
            html[address] = data
    attributes = {address: _attributes(data) for address, data in html.items()}
    parsed = {address: (links + loads, ids) for address, (links, loads, ids) in attributes.items()}
    broken = [
        BrokenLink(
            page,
            url,
            "it loads a file from another site, which tells that site who reads "
            "the page; put the file in content/images/ and link to /images/<name>",
        )
        for page, (_links, loads, _ids) in sorted(attributes.items())
        for url in third_party(loads)
    ]
    for page, (links, _ids) in sorted(parsed.items()):
        for href in links:
            target = resolve(href, page)
            if target is None:
                continue
            path, anchor = target
            if path not in served:
                broken.append(BrokenLink(page, href, "no page has this address"))
            elif anchor and path in parsed and anchor not in parsed[path][1]:
                broken.append(BrokenLink(page, href, f"the page has no anchor '#{anchor}'"))
    return broken


def locate(href: str, body: str, where: Position) -> Position:
    """The line of a Markdown body where `href` is written, for the error message."""
    for offset, line in enumerate(body.split("\n")):
        column = line.find(href)
        if column >= 0:
            return Position(where.path, where.line + offset, column + 1)
    return Position(where.path)
