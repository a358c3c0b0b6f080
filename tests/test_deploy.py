"""The deploy config, for real: deploy/nginx.conf serves a built site in Debian's nginx.

The static checks keep deploy/nginx.conf in step with showcase/output/headers.py (which writes
site/_headers). The live checks start nginx on 127.0.0.1 with that file, pointed at the built site,
and ask it for pages the way a browser does. They skip when nginx is missing, except under CI.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from conftest import PROJECT

from showcase.output.compress import SUFFIXES
from showcase.output.headers import IMMUTABLE, REVALIDATE, SECURITY_HEADERS

CONFIG = PROJECT / "deploy" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_config(site: Path, port: int, work: Path) -> str:
    """A complete nginx.conf around deploy/nginx.conf, listening on 127.0.0.1:port only."""
    server = CONFIG.read_text(encoding="utf-8")
    server = re.sub(r"^\s*listen .*;$", "", server, flags=re.M)
    server = server.replace("server_name _;", f"listen 127.0.0.1:{port};\n    server_name _;")
    server = re.sub(r"^(\s*)root .*;$", rf"\1root {site};", server, count=1, flags=re.M)
    (work / "site.conf").write_text(server, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {work / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{"user root;" if os.geteuid() == 0 else ""}
load_module {BROTLI_MODULE};
worker_processes 1;
daemon off;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temp}
    include {work / "site.conf"};
}}
"""


@pytest.fixture(scope="module")
def nginx(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx serving the built real site on a free port of 127.0.0.1; yields the port."""
    if not Path(NGINX).is_file() or not BROTLI_MODULE.is_file():
        reason = "nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(nginx_config(real_site, port, work), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", str(conf)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # up to ten seconds for it to listen
            if process.poll() is not None:
                pytest.fail(
                    f"nginx stopped: {process.stderr.read().decode() if process.stderr else ''}"
                )
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


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
