"""The real preview server: edit, see the change; break it, see the errors; fix it, see it back."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import running_preview
from tornado.websocket import WebSocketClientConnection, websocket_connect


def run(session: Coroutine[Any, Any, None]) -> None:
    """Run the websocket session in its own thread: the browser tests' Playwright may already
    have an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, session).result()


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture
def preview(copy_site: Callable[[], Path]) -> Iterator[tuple[str, Path]]:
    content = copy_site()
    with running_preview(content) as base:
        yield base, content


async def connect(base: str) -> WebSocketClientConnection:
    """Connect as livereload.js does, so the server sends us its reload messages."""
    conn = await websocket_connect(base.replace("http", "ws") + "/livereload")
    await conn.write_message(json.dumps({"command": "hello", "protocols": []}))
    await conn.read_message()
    await conn.write_message(json.dumps({"command": "info", "url": base + "/"}))
    return conn


async def edit_and_wait(
    conn: WebSocketClientConnection, path: Path, text: str, url: str, expect: str
) -> float:
    """Save a file, wait for a reload after which `url` shows `expect`; seconds save→reload."""
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    while True:
        message = await asyncio.wait_for(conn.read_message(), timeout=20)
        assert message is not None, "the preview server closed the connection"
        if json.loads(message).get("command") == "reload" and expect in get(url):
            return time.perf_counter() - started


def test_preview_shows_edits_errors_and_recovers(preview: tuple[str, Path]) -> None:
    base, content = preview
    method = content / "pages" / "method.nb.md"
    original = method.read_text(encoding="utf-8")
    assert "<h1>Metoden</h1>" in get(base + "/metoden/")
    assert "Hemmelig utkast nb" in get(base + "/historier/hemmelig/"), "drafts show in preview"
    assert "Utkast:" in get(base + "/historier/hemmelig/"), "drafts carry a visible banner"

    async def session() -> None:
        conn = await connect(base)
        page = base + "/metoden/"
        new = original.replace("title: Metoden", "title: Ny metode")
        await edit_and_wait(conn, method, new, page, "<h1>Ny metode</h1>")

        broken = original.replace("title: Metoden", "title: true")
        await edit_and_wait(conn, method, broken, page, "The preview has errors")
        page = get(base + "/metoden/")
        assert "<h1>Ny metode</h1>" in page, "the last version, under the banner"
        assert "content/pages/method.nb.md" in page
        assert "The preview has errors" in get(base + "/"), "every page carries the banner"
        problems = get(base + "/_feil/")
        assert "The site could not be built" in problems
        assert "content/pages/method.nb.md" in problems and "line 2" in problems
        assert "put it in quotes" in problems

        await edit_and_wait(conn, method, original, base + "/metoden/", "<h1>Metoden</h1>")
        conn.close()

    run(session())


def test_preview_survives_deleted_files_and_editor_litter(preview: tuple[str, Path]) -> None:
    base, content = preview
    news = content / "news" / "2018-02-13-dubai.en.md"

    async def session() -> None:
        conn = await connect(base)
        (content / "news" / ".2018-02-13-dubai.en.md.swp").write_bytes(b"\x00swap")
        (content / "news" / "2018-02-13-dubai.en.md~").write_text("backup")
        text = news.read_text(encoding="utf-8")
        news.unlink()
        keep = content / "news" / "keep.txt"
        problems = base + "/_feil/"
        await edit_and_wait(conn, keep, "touch", problems, "2018-02-13-dubai.en.md is missing")
        await edit_and_wait(conn, news, text, base + "/nyheter/", "Finalist i Dubai")
        conn.close()

    run(session())


def test_preview_that_starts_broken_recovers(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    method = content / "pages" / "method.nb.md"
    original = method.read_text(encoding="utf-8")
    method.write_text(original.replace("title: Metoden", "title: false"), encoding="utf-8")
    with running_preview(content, "/_feil/", b"could not be built") as base:
        assert "The preview has errors" in get(base + "/"), "the rest is shown"

        async def session() -> None:
            conn = await connect(base)
            await edit_and_wait(conn, method, original, base + "/metoden/", "<h1>Metoden</h1>")
            conn.close()

        run(session())


def test_a_broken_draft_leaves_the_other_pages_and_lists_every_problem(
    preview: tuple[str, Path],
) -> None:
    """An error in one file blanks no other page: they are served, under a banner naming the
    broken file; /_feil/ lists the errors and the warnings, each linked to its editor entry,
    and the verdict for the browser editor says the same."""
    base, content = preview
    draft = content / "cases" / "hemmelig.en.md"
    news = content / "news" / "2018-02-13-dubai.en.md"
    verdict_file = content.parent / ".cache" / "preview-verdict.json"
    drafted, told = draft.read_text(encoding="utf-8"), news.read_text(encoding="utf-8")
    assert json.loads(verdict_file.read_text(encoding="utf-8"))["ok"] is True

    async def session() -> None:
        conn = await connect(base)
        problems = base + "/_feil/"
        hidden = told.replace("Finalist in Dubai", "Finalist in\u200b Dubai")
        await edit_and_wait(conn, news, hidden, problems, "removed invisible characters")
        assert "The preview has errors" not in get(base + "/metoden/"), "warnings: no banner"
        broken = drafted.replace("title: Hemmelig utkast en", "title: true")
        await edit_and_wait(conn, draft, broken, base + "/metoden/", "The preview has errors")

        for address, shows in [
            ("/metoden/", "<h1>Metoden</h1>"),
            ("/", "Velkommen"),
            ("/historier/nytt-hjem/", "Et nytt hjem"),
            ("/historier/", "Et nytt hjem"),
        ]:
            page = get(base + address)
            assert shows in page, address
            assert "content/cases/hemmelig.en.md" in page, address
            assert '<a href="/_feil/">' in page, address
            assert page.count("The preview has errors") == 1, address
        listed = get(problems)
        assert '<header class="site-header">' in listed, "the site's own layout"
        assert "could not be built" in listed and "line 2" in listed
        assert "put it in quotes" in listed
        assert "removed invisible characters" in listed
        assert 'href="/admin/#/collections/cases/entries/hemmelig"' in listed
        assert 'href="/admin/#/collections/news/entries/2018-02-13-dubai"' in listed

        verdict = json.loads(verdict_file.read_text(encoding="utf-8"))
        assert verdict["ok"] is False
        assert time.time() - datetime.fromisoformat(verdict["built_at"]).timestamp() < 60
        by_severity = {p["severity"]: p for p in verdict["problems"]}
        error, warning = by_severity["error"], by_severity["warning"]
        assert (error["path"], error["line"], error["column"]) == (
            "content/cases/hemmelig.en.md", 2, 8,
        )  # fmt: skip
        assert "yes/no" in error["message"] and "quotes" in error["hint"]
        assert error["editor"] == "/admin/#/collections/cases/entries/hemmelig"
        assert warning["path"] == "content/news/2018-02-13-dubai.en.md"
        assert warning["editor"] == "/admin/#/collections/news/entries/2018-02-13-dubai"
        assert "U+200B ZERO WIDTH SPACE" in warning["message"]
        assert (warning["line"], warning["column"]) == (2, 19)

        await edit_and_wait(conn, draft, drafted, problems, "built, with warnings")
        assert "The preview has errors" not in get(base + "/metoden/")
        assert "The preview has errors" not in get(base + "/historier/nytt-hjem/")
        assert json.loads(verdict_file.read_text(encoding="utf-8"))["ok"] is True
        conn.close()

    run(session())
