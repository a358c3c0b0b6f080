"""Search in a real browser, under the site's real Content-Security-Policy.

The fixture site gets words that appear in one inflected form only, in each language; searching
for another form must find the page (stemming), in the page's own language only. The server sends
the headers from showcase/output/headers.py, so a CSP that blocked Pagefind's WebAssembly would
fail here.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from showcase import pipeline
from showcase.common.folders import Folders
from showcase.output.headers import SECURITY_HEADERS
from showcase.render import search

PROJECT = Path(__file__).resolve().parents[2]


class HeadersHandler(SimpleHTTPRequestHandler):
    """Serves files with the site's security headers."""

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def words_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("words")
    content = root / "content"
    shutil.copytree(PROJECT / "tests" / "sites" / "basic" / "content", content)
    for name, line in (
        ("about.nb.md", "Vi besøkte mange barnehager i høst."),
        ("about.en.md", "We visited several libraries this autumn."),
    ):
        path = content / "pages" / name
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    out = root / "site"
    pipeline.build(Folders(root, content, PROJECT / "templates"), out)
    return out


def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(HeadersHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(words_site: Path) -> Iterator[str]:
    yield from serve(words_site)


# Pages whose text these tests may extend, by where they are published.
PAGES = {"om": "about", "personvern": "privacy", "tilgjengelighet": "accessibility"}


@pytest.fixture(scope="module")
def sharded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The fixture site with its index in shards of two pages, and a word on one page that is
    not in the first shard: (server address, that page's address)."""
    root = tmp_path_factory.mktemp("shards")
    content = root / "content"
    shutil.copytree(PROJECT / "tests" / "sites" / "basic" / "content", content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_PAGES", 2)
        out = root / "site"
        pipeline.build(Folders(root, content, PROJECT / "templates"), out)
        found = [p.relative_to(out).as_posix() for p in out.rglob("*.html")]
        pages = [(path, "nb") for path in found if not path.startswith("en/")]
        shards = search.shards(pages)
    merged = {page for shard in shards[1:] for page in shard.pages}
    folder = next(name for name in PAGES if f"{name}/index.html" in merged)
    source = content / "pages" / f"{PAGES[folder]}.nb.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nHer står ordet sjøsprøyt.\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_PAGES", 2)
        pipeline.build(Folders(root, content, PROJECT / "templates"), out)
    assert (out / "pagefind" / "nb-1").is_dir(), "the index is in shards"
    for address in serve(out):
        yield address, f"/{folder}/"


def search_page(context: Any, url: str) -> tuple[list[str], list[str], list[str]]:
    """(result addresses, errors, requests to other hosts) for one search page address."""
    tab = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    host = url.split("/")[2]

    def console(message: Any) -> None:
        # Failed loads are counted by address below.
        if message.type == "error" and "Failed to load resource" not in message.text:
            errors.append(message.text)

    def response(answer: Any) -> None:
        # The browser asks for /favicon.ico on its own; the site has none.
        if not answer.ok and not answer.url.endswith("/favicon.ico"):
            errors.append(f"{answer.status} {answer.url}")

    tab.on("console", console)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("response", response)
    tab.on("request", lambda r: None if r.url.split("/")[2] == host else foreign.append(r.url))
    try:
        tab.goto(url)
        tab.wait_for_selector(".pagefind-ui__message:not(:has-text('…'))", timeout=15_000)
        links = tab.eval_on_selector_all(
            ".pagefind-ui__result-link", "links => links.map(a => a.getAttribute('href'))"
        )
        assert tab.locator("#search-needs-js").is_hidden(), "the no-JS note goes away"
    finally:
        tab.close()
    return links, errors, foreign


def test_bokmaal_search_finds_other_forms_of_a_word(context: Any, server: str) -> None:
    links, errors, foreign = search_page(context, server + "/sok/?q=barnehage")
    assert "/om/" in links  # the page says 'barnehager' only
    assert all(not link.startswith("/en/") for link in links), links
    assert errors == [] and foreign == []


def test_english_search_finds_other_forms_and_stays_in_english(context: Any, server: str) -> None:
    links, errors, foreign = search_page(context, server + "/en/search/?q=library")
    assert "/en/about/" in links  # the page says 'libraries' only
    assert all(link.startswith("/en/") for link in links), links
    assert errors == [] and foreign == []


def test_search_finds_nothing_in_the_other_language(context: Any, server: str) -> None:
    links, errors, _ = search_page(context, server + "/sok/?q=libraries")
    assert links == [] and errors == []


def test_search_finds_pages_in_every_shard_of_a_large_index(
    context: Any, sharded_server: tuple[str, str]
) -> None:
    server, page = sharded_server
    links, errors, foreign = search_page(context, server + "/sok/?q=sjøsprøyt")
    assert links == [page], "the page is in a merged shard, not in /pagefind/ itself"
    assert errors == [] and foreign == []


def test_a_made_up_story_is_labelled_in_the_results(context: Any, server: str) -> None:
    """The story's label travels into search: Pagefind shows it as a tag under the result."""
    tab = context.new_page()
    try:
        tab.goto(server + "/sok/?q=hjem")
        tab.wait_for_selector(".pagefind-ui__result-link[href='/historier/nytt-hjem/']")
        result = tab.locator(
            ".pagefind-ui__result", has=tab.locator("a[href='/historier/nytt-hjem/']")
        )
        tags = result.locator(".pagefind-ui__result-tag").all_inner_texts()
    finally:
        tab.close()
    assert [tag.strip() for tag in tags] == ["Merk: Illustrerende eksempel"]
