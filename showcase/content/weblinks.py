"""The one rule for every address an editor writes that becomes a link on the site.

A link may lead to another site only over `https:` (a contact may also be `mailto:` or `tel:`),
or to a page of this site by its path from the root (`/metoden/`). Anything else is refused
where it is written: `javascript:` and `data:` run code or show a page the site does not control,
`http:` can be changed on the way, and `//host` or `www.example.org` only look like paths.
The same rule holds for YAML fields (`Fields.url`) and for links in Markdown bodies
(`markdown_links`); nh3 uses `SCHEMES` too, so a link it would keep is one the rule allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..common.errors import ErrorLog, Position

WEB = ("https",)
CONTACT = ("https", "mailto", "tel")
SCHEMES = frozenset(CONTACT)  # what Markdown bodies may use (markup.py gives it to nh3)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_TEL = re.compile(r"^\+?[0-9().-]{3,}$")
_UNSAFE = re.compile(r"[\s\\\x00-\x1f\x7f]")

# Where Markdown puts a link target: [text](url) and ![alt](url), a reference definition
# `[name]: url`, an autolink <scheme:...>, and href/src attributes in raw HTML.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def url_problem(
    url: str, subject: str, schemes: tuple[str, ...] = WEB, fragment: bool = False
) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `url` breaks the rule, else None. `subject` names it
    in the message ("'url'", "the link"); the value itself is never repeated, since it may be
    the very thing that must not be printed. `fragment` allows '#anchor' on the same page."""
    hint = (
        "use an https:// address, a path on this site starting with /, mailto: or tel:"
        if "mailto" in schemes
        else "use an https:// address, or a path on this site starting with /"
    )
    if _UNSAFE.search(url):
        return f"{subject} has spaces or invisible characters in it", "write the address alone"
    if url.startswith("//"):
        return f"{subject} starts with //, which leads to another site", hint
    if url.startswith("/") or (fragment and url.startswith("#")):
        return None
    found = _SCHEME.match(url)
    if found is None:
        return f"{subject} is not a complete address", hint
    scheme = found.group(1).lower()
    rest = url[found.end() :]
    if scheme == "http":
        return f"{subject} starts with http://, which is not encrypted", (
            "use https:// (check that the address works with https)"
        )
    if scheme not in schemes:
        return f"{subject} uses '{scheme}:', which links on this site may not use", hint
    if scheme == "https":
        host = urlsplit(url).netloc
        if not rest.startswith("//") or not host or "@" in host:
            return f"{subject} is not a complete address", "write it as https://host/path"
    elif scheme == "tel" and not _TEL.match(rest):
        return f"{subject} is not a phone number", "write it as tel:+4712345678"
    elif not rest:
        return f"{subject} is not a complete address", hint
    return None


def markdown_links(body: str) -> Iterator[tuple[int, int, str]]:
    """(line offset, column, target) of every link and image target in a Markdown body."""
    if "](" not in body and "]:" not in body and "<" not in body:
        return
    for offset, line in enumerate(body.split("\n")):
        if "](" in line:
            for match in _INLINE.finditer(line):
                yield offset, match.start(1) + 1, match.group(1)
        if "]:" in line:
            for match in _REFERENCE.finditer(line):
                yield offset, match.start(1) + 1, match.group(1)
        if "<" in line:
            for pattern in (_AUTOLINK, _ATTRIBUTE):
                for match in pattern.finditer(line):
                    yield offset, match.start(1) + 1, match.group(1)


def check_links(text: str, where: Position, log: ErrorLog) -> None:
    """Every link and image in Markdown `text` (a body, or a YAML text rendered as Markdown)
    follows the rule; an error at each one that does not. `where` is the text's first line."""
    for offset, col, url in markdown_links(text):
        problem = url_problem(url, "the link", CONTACT, fragment=True)
        if problem is not None:
            column = where.col + col - 1 if offset == 0 and where.col > 1 else col
            log.error(Position(where.path, where.line + offset, column), *problem)
