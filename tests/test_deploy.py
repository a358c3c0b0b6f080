"""The deploy config, for real: deploy/nginx.conf serves a built site in Debian's nginx, and
deploy/nginx-subpath.conf serves one built for a path of a larger domain at that path.

The static checks keep deploy/nginx.conf in step with showcase/output/headers.py (which writes
site/_headers). The live checks start nginx on 127.0.0.1 with that file, pointed at the built site,
and ask it for pages the way a browser does. They skip when nginx is missing, except under CI.
"""

from __future__ import annotations

import gzip
import http.client
import re
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from conftest import PROJECT, SUBPATH
from nginx_server import running_nginx

from showcase.checks import links
from showcase.content.urls import url_for_output
from showcase.output.compress import SUFFIXES
from showcase.output.headers import IMMUTABLE, REVALIDATE, SECURITY_HEADERS

CONFIG = PROJECT / "deploy" / "nginx.conf"


def config_headers(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*add_header ([\w-]+) "([^"]*)" always;$', text, re.M))


# -- the file itself --------------------------------------------------------------------------


def test_nginx_sends_exactly_the_headers_of_headers_py() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert config_headers(text) == SECURITY_HEADERS
    assert re.search(rf'~\^/assets/\s+"{re.escape(IMMUTABLE)}";', text)
    assert re.search(rf'default\s+"{re.escape(REVALIDATE)}";', text)
    assert "add_header Cache-Control $showcase_cache_control always;" in text
    for directive in ("gzip_static on;", "brotli_static on;", "error_page 404 /404.html;"):
        assert directive in text


def test_every_text_file_has_precompressed_copies(real_site: Path) -> None:
    checked = 0
    for path in real_site.rglob("*"):
        if not path.name.endswith(SUFFIXES):
            continue
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:  # small files are left alone when compressing does not help
            assert gz.is_file() and br.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, gz
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, br
        checked += 1
    assert checked > 40


# -- a real nginx -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx serving the built real site on a free port of 127.0.0.1; yields the port."""
    with running_nginx(CONFIG, real_site, tmp_path_factory.mktemp("nginx")) as port:
        yield port


def get(port: int, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def assert_security_headers(headers: dict[str, str]) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert "Set-Cookie" not in headers


def test_pages_come_with_the_security_headers_and_no_cookies(nginx: int, real_site: Path) -> None:
    for path, file in (("/", "index.html"), ("/en/search/", "en/search/index.html")):
        status, headers, body = get(nginx, path)
        assert status == 200
        assert body == (real_site / file).read_bytes()
        assert "Content-Encoding" not in headers
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Cache-Control"] == REVALIDATE
        assert_security_headers(headers)


def test_gzip_and_brotli_copies_are_sent_to_browsers_that_accept_them(
    nginx: int, real_site: Path
) -> None:
    page = (real_site / "index.html").read_bytes()
    status, headers, body = get(nginx, "/", "gzip")
    assert (status, headers.get("Content-Encoding")) == (200, "gzip")
    assert body == (real_site / "index.html.gz").read_bytes() and gzip.decompress(body) == page
    assert headers.get("Vary") == "Accept-Encoding"
    status, headers, body = get(nginx, "/", "br, gzip")
    assert (status, headers.get("Content-Encoding")) == (200, "br")
    assert brotli.decompress(body) == page
    assert_security_headers(headers)


def test_fingerprinted_assets_are_cached_for_a_year(nginx: int, real_site: Path) -> None:
    (css,) = (real_site / "assets").glob("site.*.css")
    status, headers, body = get(nginx, f"/assets/{css.name}", "gzip")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == IMMUTABLE
    assert gzip.decompress(body) == css.read_bytes()
    (share,) = list((real_site / "assets" / "share").glob("*.png"))[:1]
    status, headers, _ = get(nginx, f"/assets/share/{share.name}")
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (
        200,
        "image/png",
        IMMUTABLE,
    )


def test_missing_pages_get_the_404_page(nginx: int, real_site: Path) -> None:
    assert (real_site / ".showcase-site").is_file()  # the build's mark is there, not served
    for path in ("/finnes-ikke/", "/en/no-such-page/", "/_headers", "/.showcase-site"):
        status, headers, body = get(nginx, path)
        assert status == 404, path
        assert body == (real_site / "404.html").read_bytes()
        assert_security_headers(headers)
    status, headers, body = get(nginx, "/finnes-ikke/", "gzip")
    assert status == 404 and headers.get("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (real_site / "404.html").read_bytes()


def test_the_search_bundle_is_served(nginx: int, real_site: Path) -> None:
    for path in (
        "/pagefind/pagefind-entry.json",
        "/pagefind/pagefind-ui.js",
        "/pagefind/wasm.no.pagefind",
    ):
        status, _headers, body = get(nginx, path)
        assert status == 200, path
        assert body == (real_site / path.lstrip("/")).read_bytes()


# -- a site under a path: deploy/nginx-subpath.conf ---------------------------------------------

SUBPATH_CONFIG = PROJECT / "deploy" / "nginx-subpath.conf"


def test_the_sub_path_config_sends_exactly_the_headers_of_headers_py() -> None:
    text = SUBPATH_CONFIG.read_text(encoding="utf-8")
    assert config_headers(text) == SECURITY_HEADERS
    assert re.search(rf'~\^{SUBPATH}/assets/\s+"{re.escape(IMMUTABLE)}";', text)
    assert re.search(rf'default\s+"{re.escape(REVALIDATE)}";', text)
    assert "add_header Cache-Control $showcase_subpath_cache_control always;" in text
    for directive in (
        f"location {SUBPATH}/ {{",
        "alias /srv/velferdslab/current/;",
        "gzip_static on;",
        "brotli_static on;",
        f"error_page 404 {SUBPATH}/404.html;",
    ):
        assert directive in text


@pytest.fixture(scope="module")
def nginx_subpath(subpath_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx serving the fixture site built for a path, at that path; yields the port."""
    work = tmp_path_factory.mktemp("nginx-subpath")
    with running_nginx(SUBPATH_CONFIG, subpath_site, work) as port:
        yield port


def test_every_page_link_and_file_of_a_site_under_a_path_answers(
    nginx_subpath: int, subpath_site: Path
) -> None:
    """Crawl from the front page: every address a page links to or loads answers 200 with the
    file the build wrote, and every page is reached."""
    todo, seen, pages = [f"{SUBPATH}/"], set(), set()
    while todo:
        address = todo.pop()
        if address in seen:
            continue
        seen.add(address)
        status, headers, body = get(nginx_subpath, address)
        assert status == 200, address
        assert_security_headers(headers)
        if headers["Content-Type"].startswith("text/html"):
            pages.add(address)
            found = links.attributes(body)
            bundle = re.search(rb'data-bundle="([^"]*)"', body)
            extra = [bundle.group(1).decode() + "pagefind-ui.js"] if bundle else []
            for href in [*found.links, *found.loads, *extra]:
                target = links.resolve(href, address)
                if target is not None and not href.startswith("data:"):
                    todo.append(target[0])
    written = {
        f"{SUBPATH}{url_for_output(path.relative_to(subpath_site).as_posix())}"
        for path in subpath_site.rglob("*.html")
    }
    assert pages == written - {f"{SUBPATH}/404.html"}
    assert any(a.startswith(f"{SUBPATH}/assets/images/") for a in seen)
    assert f"{SUBPATH}/pagefind/pagefind-ui.js" in seen


def test_unknown_addresses_under_the_path_get_the_404_page_and_its_stylesheet(
    nginx_subpath: int, subpath_site: Path
) -> None:
    page = (subpath_site / "404.html").read_bytes()
    for path in ("/finnes-ikke/", "/en/a/b/c/d", "/_headers", "/.showcase-site"):
        status, headers, body = get(nginx_subpath, SUBPATH + path)
        assert (status, body) == (404, page), path
        assert_security_headers(headers)
    (css,) = re.findall(rb'<link rel="stylesheet" href="([^"]*)">', page)
    status, headers, _body = get(nginx_subpath, css.decode())
    assert (status, headers["Cache-Control"]) == (200, IMMUTABLE)
    for path, moved in ((SUBPATH, f"{SUBPATH}/"), (f"{SUBPATH}/om", f"{SUBPATH}/om/")):
        status, headers, _body = get(nginx_subpath, path)
        assert (status, headers["Location"]) == (301, moved)
