"""Markdown to safe HTML.

Editors write Markdown; Python-Markdown turns it into HTML and nh3 (the Ammonia sanitiser) keeps
only an allow-list of tags and attributes, so raw HTML in content can never add scripts, styles,
frames or event handlers to a page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

import markdown
import nh3
from markupsafe import Markup

from ..content.weblinks import CONTACT, SCHEMES, url_problem

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "dl", "dt", "em", "figcaption", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
URL_SCHEMES = set(SCHEMES)  # the rule of content/weblinks.py, which refuses the rest with an error


def slugify(value: str, separator: str = "-") -> str:
    """Heading anchors that keep Norwegian letters readable: 'Små barn' -> 'sma-barn'."""
    folded = value.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", separator, folded).strip(separator)


# The same text always gives the same HTML: a page and the feed that quotes it, or the preview
# rebuilding after each save, convert it once. Bounded, since a build of many pages passes here
# with each body once.
_RENDERED: dict[tuple[str, str], Markup] = {}
_RENDERED_LIMIT = 512


class MarkdownRenderer:
    """One reusable Markdown converter; `render` turns editor Markdown into sanitised HTML.

    Editors link from the site's root ('/om/', '/images/x.jpg'); `prefix` is the path the site
    is published under ('/velferdslab', see content/urls.py), put in front of those links."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "toc"],
            extension_configs={"toc": {"slugify": slugify, "toc_depth": "2-4"}},
            output_format="html",
        )

    def render(self, text: str) -> Markup:
        known = _RENDERED.get((self.prefix, text))
        if known is None:
            known = Markup(sanitise(self._md.reset().convert(text), self.prefix))
            if len(_RENDERED) >= _RENDERED_LIMIT:
                _RENDERED.clear()
            _RENDERED[self.prefix, text] = known
        return known

    def inline(self, text: str) -> Markup:
        """Markdown for one line or short text: no wrapping paragraph."""
        html = str(self.render(text))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)


def _same_rule(prefix: str, _tag: str, attribute: str, value: str) -> str | None:
    """nh3 keeps any address without a scheme ('//other.site/', 'www.x.no'): drop the ones the
    link rule refuses. Content with such a link already failed to load; this is the backstop.
    Links from the site's root get the site's path in front."""
    if attribute not in ("href", "src") or value[:1] == "#":
        return value
    if value[:1] == "/" and value[:2] != "//":
        return prefix + value
    return None if url_problem(value, "", CONTACT, fragment=True) else value


def sanitise(html: str, prefix: str = "") -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=partial(_same_rule, prefix),
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
