"""Checking the rendered site: every internal link and #anchor must lead somewhere.

Runs on the pages in memory before anything is written, so a broken link stops the build and the
message names the content file and line the link came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .errors import Position
from .urls import url_for_output


@dataclass(frozen=True)
class BrokenLink:
    page: str  # address of the page with the link
    href: str
    reason: str


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.loads: list[str] = []  # what the browser fetches by itself: src and srcset
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name == "href":
                self.links.append(value)
            elif name == "src":
                self.loads.append(value)
            elif name == "srcset":
                self.loads.extend(part.strip().split(" ")[0] for part in value.split(","))


def parse(html: bytes) -> tuple[list[str], set[str]]:
    """The links (href, src, srcset) of a page and the ids it offers as anchors."""
    parser = _LinkParser()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return parser.links + parser.loads, parser.ids


def third_party_loads(html: bytes) -> list[str]:
    """Files the browser would fetch from another site: a privacy leak on every visit."""
    parser = _LinkParser()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return [url for url in parser.loads if resolve(url, "/") is None]


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
    parsed = {address: parse(data) for address, data in html.items()}
    broken = [
        BrokenLink(page, url, "it loads a file from another site, which tells that site who reads "
                   "the page; put the file in content/images/ and link to /images/<name>")
        for page, data in sorted(html.items())
        for url in third_party_loads(data)
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
