"""Every address on the site, in one place.

The default language lives at the root and each other language under `/<lang>/`. Section pages take
their address from their `slug` in content/pages, and items live below their section: a story at
`/historier/<slug>/`, a target group at `/malgrupper/<slug>/`. Templates, feeds, the sitemap and the
link checker all ask this module, so an address is never spelt out twice; `pages_by_source`
lists every page's address with the file it comes from, so no two can share one.

The site may be published under a path of a larger domain (`base_url:
https://www.example.no/velferdslab/`). Only this module knows that path: every `Urls` method
gives the address inside the site ('/om/', where the file sits in site/, which nginx serves at
the path), and `Urls.link` and `Urls.absolute` turn it into what a page, feed or handout writes;
`inside` maps a written address back for the link check.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import urlsplit

from .model import Case, Content, Group, News, Site


@dataclass(frozen=True)
class Urls:
    """Addresses inside the site ('/metoden/'), and as pages link to them ('/velferdslab/metoden/'
    when the site lives under a path) or absolute for canonical links, feeds and print."""

    content: Content

    @cached_property
    def prefix(self) -> str:
        """The path the site is published under, without a trailing slash: '' at a domain's root,
        '/velferdslab' for https://www.example.no/velferdslab/."""
        return site_path(self.content.site.base_url)

    def link(self, url: str) -> str:
        """An address inside the site ('/om/') as pages write it: with the site's path."""
        return self.prefix + url if url.startswith("/") and not url.startswith("//") else url

    def home(self, lang: str) -> str:
        return "/" if lang == self.content.site.default_language else f"/{lang}/"

    def page(self, key: str, lang: str) -> str:
        slug = self.content.pages[key].slug[lang]
        return self.home(lang) + (f"{slug}/" if slug else "")

    def group(self, group: Group, lang: str) -> str:
        return f"{self.page('groups', lang)}{group.slug[lang]}/"

    def case(self, case: Case, lang: str) -> str:
        return f"{self.page('stories', lang)}{case.slug[lang]}/"

    def news(self, item: News, lang: str) -> str:
        return f"{self.page('news', lang)}{item.slug[lang]}/"

    def feed(self, lang: str) -> str:
        return f"{self.page('news', lang)}atom.xml"

    def handout(self, lang: str, print_shop: bool = False) -> str:
        """The printed sheet in a language; the print-shop version has 3 mm bleed."""
        return f"/handouts/asker-velferdslab-{lang}{'-print' if print_shop else ''}.pdf"

    def absolute(self, url: str) -> str:
        """An address inside the site as a full address: base_url holds the site's path."""
        return self.content.site.base_url + url


def site_path(base_url: str) -> str:
    """The path of a site's base_url ('https://host/velferdslab' -> '/velferdslab'), or ''."""
    return urlsplit(base_url).path.rstrip("/")


def at_root(site: Site) -> Site:
    """The site as the live preview serves it, at the root of 127.0.0.1: without the path it is
    published under, so its links work there."""
    parts = urlsplit(site.base_url)
    return replace(site, base_url=f"{parts.scheme}://{parts.netloc}")


def inside(href: str, prefix: str) -> str | None:
    """A root-relative address a page writes, as the address inside the site it points at
    ('/velferdslab/om/' -> '/om/'); None when it leaves the site's path. Other links as they are."""
    if not prefix or not href.startswith("/") or href.startswith("//"):
        return href
    if href == prefix or href.startswith((prefix + "/", prefix + "?", prefix + "#")):
        rest = href[len(prefix) :]
        return rest if rest.startswith("/") else "/" + rest
    return None


NOT_FOUND = "not-found"  # the page shown for an unknown address: /404.html, in no section


def pages_by_source(content: Content, groups_folder: str) -> list[tuple[str, str]]:
    """(address, file it comes from) for every HTML page render.pages.plan_pages makes, section
    pages first; `groups_folder` is content/groups as messages name it (a group's model does
    not keep its file)."""
    urls = Urls(content)
    found: list[tuple[str, str]] = []
    for lang in content.site.languages:
        for key, page in content.pages.items():
            if key != NOT_FOUND:
                found.append((urls.page(key, lang), page.prose[lang].where.path))
    for lang in content.site.languages:
        found += [(urls.group(g, lang), f"{groups_folder}/{g.key}.yaml") for g in content.groups]
        found += [(urls.case(c, lang), c.prose[lang].where.path) for c in content.cases]
        found += [(urls.news(n, lang), n.prose[lang].where.path) for n in content.news]
    if NOT_FOUND in content.pages:
        default = content.site.default_language
        found.append(("/404.html", content.pages[NOT_FOUND].prose[default].where.path))
    return found


def output_path(url: str) -> str:
    """Where the file for a root-relative address is written inside site/."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path


def url_for_output(path: str) -> str:
    """The reverse of `output_path`: the address a written file is served at."""
    if path == "index.html":
        return "/"
    if path.endswith("/index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path
