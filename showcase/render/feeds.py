"""Machine-readable files: an Atom feed per language, the sitemap and robots.txt.

Built with ElementTree so every title and text is escaped as XML wants, and dated by the content
(never by the clock), so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..content.edition import Edition
from ..content.model import Content
from ..content.urls import Urls, output_path
from ..output import headers
from .markup import MarkdownRenderer
from .pages import PageSpec

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 20  # the newest items: what feed readers fetch, however much news there is
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(content: Content, urls: Urls, lang: str, markdown: MarkdownRenderer) -> bytes:
    """The news in one language as an Atom 1.0 feed."""
    ET.register_namespace("", ATOM)
    a = f"{{{ATOM}}}"
    feed = ET.Element(f"{a}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    site = content.site
    news_page = content.pages["news"].prose[lang]
    _sub(feed, f"{a}id", urls.absolute(urls.feed(lang)))
    _sub(feed, f"{a}title", f"{news_page.title} – {site.title[lang]}")
    _sub(feed, f"{a}subtitle", news_page.description)
    _sub(
        feed,
        f"{a}link",
        rel="self",
        type="application/atom+xml",
        href=urls.absolute(urls.feed(lang)),
    )
    _sub(
        feed,
        f"{a}link",
        rel="alternate",
        type="text/html",
        href=urls.absolute(urls.page("news", lang)),
    )
    newest = max((item.date.iso for item in content.news), default="2017-01-01")
    _sub(feed, f"{a}updated", f"{newest}T00:00:00Z")
    author = _sub(feed, f"{a}author")
    _sub(author, f"{a}name", site.organisation[lang])
    for item in content.news[:FEED_ENTRIES]:
        prose = item.prose[lang]
        address = urls.absolute(urls.news(item, lang))
        entry = _sub(feed, f"{a}entry")
        _sub(entry, f"{a}id", address)
        _sub(entry, f"{a}title", prose.title)
        _sub(entry, f"{a}link", rel="alternate", type="text/html", href=address)
        _sub(entry, f"{a}updated", f"{item.date.iso}T00:00:00Z")
        _sub(entry, f"{a}published", f"{item.date.iso}T00:00:00Z")
        _sub(entry, f"{a}summary", prose.description)
        _sub(entry, f"{a}content", str(markdown.render(prose.body)), type="html")
    return _xml(feed)


def sitemap(specs: list[PageSpec], urls: Urls) -> bytes:
    """All pages, each with links to its translations (hreflang alternates)."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    s = f"{{{SITEMAP}}}"
    root = ET.Element(f"{s}urlset")
    for spec in sorted((s for s in specs if s.in_sitemap), key=lambda spec: spec.url):
        url = _sub(root, f"{s}url")
        _sub(url, f"{s}loc", urls.absolute(spec.url))
        for lang, address in sorted(spec.alternates.items()):
            _sub(
                url, f"{{{XHTML}}}link", rel="alternate", hreflang=lang, href=urls.absolute(address)
            )
    return _xml(root)


def robots(urls: Urls) -> bytes:
    allow, sitemap = urls.link("/"), urls.absolute("/sitemap.xml")
    return f"User-agent: *\nAllow: {allow}\n\nSitemap: {sitemap}\n".encode()


# A review build asks every robot to stay out: it is a preview, not the site to be found.
ROBOTS_DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def machine_files(
    content: Content,
    urls: Urls,
    specs: list[PageSpec],
    markdown: MarkdownRenderer,
    edition: Edition,
) -> list[tuple[str, bytes]]:
    """The files for robots, feed readers and the host: the public site's lead to it (a feed
    per language, the sitemap); a review build's only ask not to be indexed."""
    rules = headers.headers_file(noindex=not edition.listed)
    if not edition.listed:
        return [("robots.txt", ROBOTS_DISALLOW_ALL), ("_headers", rules)]
    return [
        *(
            (output_path(urls.feed(lang)), atom_feed(content, urls, lang, markdown))
            for lang in content.site.languages
        ),
        ("sitemap.xml", sitemap(specs, urls)),
        ("robots.txt", robots(urls)),
        ("_headers", rules),
    ]
