"""A site published under a path of a larger domain: `base_url: https://www.example.no/velferdslab/`
in site.yaml.

The files in site/ stay where they are (nginx serves the folder at the path with
deploy/nginx-subpath.conf); every address the site writes carries the path, editors still link
from the site's root, and the link check maps the addresses back. tests/test_deploy.py serves
such a site in nginx and tests/browser/test_subpath.py runs it in Chromium.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import PROJECT, SUBPATH, SUBPATH_BASE_URL, folders_for

from showcase import pipeline
from showcase.checks import links
from showcase.commands.cli import main
from showcase.common.errors import BuildError, ErrorLog
from showcase.content.schema import load_site

HOST = urlsplit(SUBPATH_BASE_URL).netloc
_ATTRIBUTE = re.compile(r'\s(href|src|srcset|action|content|data-bundle|data-merge)="([^"]*)"')
_XML_ADDRESS = re.compile(r'href="([^"]*)"|<(?:loc|id)>([^<]*)<')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)")
_JS_PATH = re.compile(r"[\"'`](/[A-Za-z][^\"'`\s]*)[\"'`]")
PAGEFIND_DEFAULT = "/pagefind/"  # Pagefind's scripts' fallback; the search page gives the path


def set_base_url(content: Path, base_url: str) -> None:
    path = content / "site.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^base_url: .*$", f"base_url: {base_url}", text), "utf-8")


# -- base_url -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stored", "prefix"),
    [
        ("https://www.example.no/lab/", "https://www.example.no/lab", "/lab"),
        ("https://www.example.no/lab", "https://www.example.no/lab", "/lab"),
        ("https://lab.example.no:8443/a/b_c~d/", "https://lab.example.no:8443/a/b_c~d", "/a/b_c~d"),
        ("https://velferdslab.example.org/", "https://velferdslab.example.org", ""),
    ],
)  # fmt: skip
def test_base_url_may_have_a_path_and_is_normalised(
    copy_site: Callable[[], Path], written: str, stored: str, prefix: str
) -> None:
    from showcase.content.urls import site_path

    content = copy_site()
    set_base_url(content, written)
    log = ErrorLog()
    site = load_site(folders_for(content), log)
    assert log.errors == [] and site is not None
    assert (site.base_url, site_path(site.base_url)) == (stored, prefix)


@pytest.mark.parametrize(
    "written",
    [
        "http://www.example.no/velferdslab/",
        "https://www.example.no/velferdslab/../admin/",
        "https://www.example.no/./velferdslab/",
        "https://www.example.no/vel ferdslab/",
        "https://www.example.no/%2e%2e/",
        "https://www.example.no/velferdslab?side=1",
        "https://www.example.no/velferdslab#top",
        "https://www.example.no//velferdslab/",
    ],
)
def test_a_base_url_with_a_path_that_is_not_plain_is_an_error_at_its_line(
    copy_site: Callable[[], Path], written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    set_base_url(content, written)
    assert main(PROJECT, ["check", "--content", str(content), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "site.yaml:4:11: 'base_url' must be an https address, with a path or without" in err


# -- what the site writes -------------------------------------------------------------------------


def written_addresses(site: Path) -> Iterator[tuple[str, str]]:
    """(file inside site/, address) for every address an HTML, XML, JSON, CSS or JS file writes.
    Pagefind's (compressed) fragments keep addresses inside the site: its script puts the folder
    above the bundle the search page names in front (tests/browser/test_subpath.py)."""
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            for attribute, value in _ATTRIBUTE.findall(path.read_text(encoding="utf-8")):
                value = unescape(value)
                if attribute == "content" and not value.startswith(("/", "http")):
                    continue  # a description, a locale, a size
                parts = value.split(",") if attribute == "srcset" else value.split(" ")
                for part in parts:
                    if part.strip():
                        yield name, part.strip().split(" ")[0]
        elif path.suffix == ".xml":
            for href, text in _XML_ADDRESS.findall(path.read_text(encoding="utf-8")):
                yield name, unescape(href or text)
        elif path.suffix == ".json":
            yield from ((name, text) for text in _strings(json.loads(path.read_bytes())))
        elif path.suffix == ".css":
            yield from ((name, url) for url in _CSS_URL.findall(path.read_text(encoding="utf-8")))
        elif path.suffix == ".js":
            for found in _JS_PATH.findall(path.read_text(encoding="utf-8")):
                if not (name.startswith("pagefind/") and found == PAGEFIND_DEFAULT):
                    yield name, found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if value.startswith(("/", "http")):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_address_the_site_writes_stays_under_its_path(subpath_site: Path) -> None:
    found = list(written_addresses(subpath_site))
    kinds = {Path(name).suffix for name, _address in found}
    assert {".html", ".xml", ".css"} <= kinds  # JSON and JS here name no address of the site
    assert len(found) > 500
    outside = []
    for name, address in found:
        parts = urlsplit(address)
        if parts.scheme in ("data", "mailto", "tel") or address.startswith("#"):
            continue
        if not parts.scheme and not address.startswith("/"):  # the stylesheet's fonts, beside it
            beside = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
            if not (subpath_site / beside).is_file():
                outside.append((name, address))
            continue
        if parts.scheme == "https" and parts.netloc != HOST:
            continue  # an external link the content has (the municipality, a partner)
        if (
            parts.netloc not in ("", HOST)
            or parts.scheme not in ("", "https")
            or not parts.path.startswith(SUBPATH + "/")
            or parts.path.startswith(SUBPATH + SUBPATH + "/")  # added twice
        ):
            outside.append((name, address))
    assert outside == []


def test_markdown_links_and_pictures_get_the_path(subpath_site: Path) -> None:
    page = (subpath_site / "om" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/velferdslab/om/#main">Mer om oss</a>' in page
    assert '<picture><source type="image/webp" srcset="/velferdslab/assets/images/huset-' in page
    (img,) = re.findall(r"<img [^>]*>", page)
    assert 'src="/velferdslab/assets/images/huset-960.' in img
    assert all(
        part.strip().startswith("/velferdslab/assets/images/")
        for part in re.search(r'srcset="([^"]*)"', img).group(1).split(",")  # type: ignore[union-attr]
    )
    assert (subpath_site / "images" / "huset.png").is_file()  # the file stays where it was


def test_canonical_feed_sitemap_and_share_image_are_absolute_under_the_path(
    subpath_site: Path,
) -> None:
    page = (subpath_site / "en" / "news" / "dubai" / "index.html").read_text(encoding="utf-8")
    base = SUBPATH_BASE_URL
    assert f'<link rel="canonical" href="{base}en/news/dubai/">' in page
    assert f'<link rel="alternate" hreflang="nb" href="{base}nyheter/dubai/">' in page
    assert f'<meta property="og:image" content="{base}assets/share/' in page
    assert f'"url": "{base}en/news/dubai/"' in page.replace('":"', '": "')
    feed = (subpath_site / "en" / "news" / "atom.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" type="application/atom+xml" href="{base}en/news/atom.xml" />' in feed
    assert f"<id>{base}en/news/dubai/</id>" in feed
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}om/</loc>" in sitemap
    robots = (subpath_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: {SUBPATH}/\n\nSitemap: {base}sitemap.xml\n"


def test_the_not_found_page_loads_its_stylesheet_from_the_path(subpath_site: Path) -> None:
    page = (subpath_site / "404.html").read_text(encoding="utf-8")
    (css,) = re.findall(r'<link rel="stylesheet" href="([^"]*)">', page)
    assert css.startswith("/velferdslab/assets/site.")
    assert (subpath_site / css.removeprefix(SUBPATH + "/")).is_file()


# -- the link check -------------------------------------------------------------------------------


def test_the_link_check_maps_addresses_back_and_a_link_may_not_leave_the_path() -> None:
    files = ["index.html", "om/index.html"]
    pages = {
        "/": links.Attributes(
            ["/velferdslab/om/", "/velferdslab/om/#mangler", "/velferdslab/borte/", "/om/"],
            ["/velferdslab/assets/x.css"],
            ["main"],
        ),
        "/om/": links.Attributes(["#main", "/velferdslab"], [], ["main"]),
    }
    found = links.broken_links(files, pages, prefix=SUBPATH)
    assert [(b.page, b.href, b.reason) for b in found] == [
        ("/", "/om/#mangler", "the page has no anchor '#mangler'"),
        ("/", "/borte/", "no page has this address"),
        ("/", "/om/", "it leaves the site's path /velferdslab/"),
        ("/", "/assets/x.css", "no page has this address"),
    ]
    assert links.find_broken([("index.html", b'<a href="/velferdslab/">x</a>')], SUBPATH) == []


def test_a_broken_link_in_markdown_is_reported_as_the_editor_wrote_it(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    set_base_url(content, SUBPATH_BASE_URL)
    page = content / "pages" / "about.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Borte](/finnes-ikke/)\n", "utf-8")
    assert main(PROJECT, ["check", "--content", str(content), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "about.nb.md:9:9: the link '/finnes-ikke/' is broken: no page has this address" in err


def test_the_build_cache_follows_a_change_of_path(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    folders, out = folders_for(content), content.parent / "site"
    pipeline.build(folders, out)
    assert 'href="/om/"' in (out / "index.html").read_text(encoding="utf-8")
    set_base_url(content, SUBPATH_BASE_URL)
    pipeline.build(folders, out)
    files = [(p.relative_to(out).as_posix(), p.read_bytes()) for p in out.rglob("*") if p.is_file()]
    assert links.find_broken(files, SUBPATH) == []
    assert 'href="/velferdslab/om/"' in (out / "index.html").read_text(encoding="utf-8")
    page = content / "news" / "2018-02-13-dubai.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMer tekst.\n", "utf-8")
    report = pipeline.build(folders, out)
    assert 0 < report.rendered < report.pages  # only the pages that show the text
    page.write_text(page.read_text(encoding="utf-8") + "\n[Borte](/finnes-ikke/)\n", "utf-8")
    with pytest.raises(BuildError, match="the link '/finnes-ikke/' is broken"):
        pipeline.build(folders, out)


def test_the_preview_is_served_at_the_root_whatever_the_path(
    copy_site: Callable[[], Path],
) -> None:
    content = copy_site()
    set_base_url(content, SUBPATH_BASE_URL)
    out = content.parent / "preview"
    pipeline.build(folders_for(content), out, include_drafts=True, jobs=1)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/om/"' in page and "/velferdslab/" not in page
