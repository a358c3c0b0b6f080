"""The real preview server: edit, see the change; break it, see the errors; fix it, see it back."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT
from tornado.websocket import WebSocketClientConnection, websocket_connect


def run(session: Coroutine[Any, Any, None]) -> None:
    """Run the websocket session in its own thread: the browser tests' Playwright may already
    have an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, session).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture
def preview(copy_site: Callable[[], Path]) -> Iterator[tuple[str, Path]]:
    content = copy_site()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--content", str(content), "--port", str(port),
         "--no-browser", "--lang", "en"],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            get(base + "/")
            break
        except OSError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                raise AssertionError(output) from exc
            time.sleep(0.1)
    yield base, content
    process.terminate()
    process.wait(timeout=10)


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

        broken = original.replace("title: Metoden", "title: yes")
        await edit_and_wait(conn, method, broken, page, "could not be built")
        page = get(base + "/metoden/")
        assert "The site could not be built" in page
        assert "content/pages/method.nb.md:2:8" in page
        assert "put it in quotes" in page
        assert "could not be built" in get(base + "/"), "every page shows the errors"

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
        await edit_and_wait(conn, keep, "touch", base + "/", "2018-02-13-dubai.en.md is missing")
        await edit_and_wait(conn, news, text, base + "/nyheter/", "Finalist i Dubai")
        conn.close()

    run(session())


def test_preview_that_starts_broken_recovers(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    method = content / "pages" / "method.nb.md"
    original = method.read_text(encoding="utf-8")
    method.write_text(original.replace("title: Metoden", "title: no"), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--content", str(content), "--port", str(port),
         "--no-browser", "--lang", "en"],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert "could not be built" in get(base + "/")
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)

        async def session() -> None:
            conn = await connect(base)
            await edit_and_wait(conn, method, original, base + "/metoden/", "<h1>Metoden</h1>")
            conn.close()

        run(session())
    finally:
        process.terminate()
        process.wait(timeout=10)
