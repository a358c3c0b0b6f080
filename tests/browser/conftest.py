"""Browser fixtures: the real site served on 127.0.0.1 and one Debian Chromium for the session.

Everything here runs offline: Chromium is the system one (never `playwright install`), and axe-core
and the Nu HTML Checker come from node_modules (`make test` runs `npm ci` first). When a tool is
missing the tests skip and say what to install, except under CI, where they fail instead.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest
from conftest import SUBPATH
from nginx_server import running_nginx

PROJECT = Path(__file__).resolve().parents[2]
NODE_MODULES = PROJECT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}


def unavailable(reason: str) -> NoReturn:
    """Skip locally, but fail under CI, where a missing tool is a broken set-up."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


def node_tool(path: Path) -> Path:
    if not path.is_file():
        unavailable(f"{path.relative_to(PROJECT)} is missing: run `make test` (it runs `npm ci`)")
    return path


@dataclass(frozen=True)
class Served:
    """The built site on a local server: its folder, base address and every page's address."""

    root: Path
    base: str
    pages: tuple[str, ...]

    def url(self, path: str) -> str:
        return self.base + path

    def in_language(self, lang: str) -> list[str]:
        """Pages of one language: English lives under /en/, bokmål everywhere else."""
        english = [p for p in self.pages if p.startswith("/en/")]
        return english if lang == "en" else [p for p in self.pages if p not in english]


def page_address(root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="package")
def served(real_site: Path) -> Iterator[Served]:
    """The real site on a free port of 127.0.0.1, for all browser tests."""
    handler = functools.partial(QuietHandler, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pages = tuple(sorted(page_address(real_site, p) for p in real_site.rglob("*.html")))
    try:
        yield Served(real_site, f"http://127.0.0.1:{server.server_port}", pages)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="package")
def served_at_path(
    subpath_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """The fixture site built for a path of a larger domain, served at that path by nginx with
    deploy/nginx-subpath.conf (its headers too): `url('/om/')` is the page under the path."""
    config = PROJECT / "deploy" / "nginx-subpath.conf"
    with running_nginx(config, subpath_site, tmp_path_factory.mktemp("nginx-subpath")) as port:
        pages = tuple(sorted(page_address(subpath_site, p) for p in subpath_site.rglob("*.html")))
        yield Served(subpath_site, f"http://127.0.0.1:{port}{SUBPATH}", pages)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for all browser tests, driven by Playwright.

    Package scope, not session: Playwright's sync API keeps an event loop running while it is
    open, and later tests elsewhere (the live preview's) call asyncio.run().
    """
    chromium = shutil.which("chromium")
    if chromium is None:
        unavailable("chromium is missing: install Debian's package (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is missing: run `make test` to set up .venv")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="package")
def context(browser: Any) -> Iterator[Any]:
    """The one browser context all pages are visited in."""
    ctx = browser.new_context(viewport=DESKTOP)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A fresh tab in the session's context, so one test's emulation never leaks into another."""
    tab = context.new_page()
    try:
        yield tab
    finally:
        tab.close()
