"""Preview latency: from saving an item to its new text being served, ours against `hugo server`.

Both servers run at once on 127.0.0.1, each on its own copy of the corpus. The edits take turns
between them: change one item's body text, then fetch the item's page every 10 ms until the new
text is in it. The time from the save to that response is what an editor waits for (the browser's
own reload comes on top, the same for both).
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus
from .measure import BenchError, Run, wait_measured

POLL = 0.01  # seconds between fetches
SETTLE = 1.0  # seconds of quiet after each edit, so the next one starts from rest


@dataclass(frozen=True)
class Server:
    name: str  # the row in the results
    command: list[str]
    cwd: Path
    port: int
    page: str  # the edited item's address on the server
    source: Path  # the edited item's file

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.page}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, timeout: float) -> str | None:
    """The page's text, or None while the server is not answering with it."""
    try:
        with urllib.request.urlopen(url, timeout=max(timeout, 0.1)) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, http.client.HTTPException, OSError, TimeoutError):
        return None  # not up yet, or the page was being rewritten while it was sent


def wait_for_text(
    url: str, text: str, timeout: float, started: float | None = None
) -> float | None:
    """Seconds from `started` (default: now) until the page at `url` contains `text`, polled
    every 10 ms; None when it did not within `timeout`."""
    started = time.perf_counter() if started is None else started
    deadline = started + timeout
    while (now := time.perf_counter()) < deadline:
        body = fetch(url, deadline - now)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(POLL)
    return None


@dataclass
class Session:
    """One running server's measurements; its peak memory is known once it has stopped."""

    latencies: list[float] = field(default_factory=list)
    peak_mib: float = 0.0


@contextmanager
def running(server: Server, log: Path, ready_timeout: float) -> Iterator[Session]:
    """Start the server, wait until it serves the item, and stop it (by its own id) at the end."""
    log.parent.mkdir(parents=True, exist_ok=True)
    session = Session()
    with log.open("ab") as sink:
        process = subprocess.Popen(server.command, cwd=server.cwd, stdout=sink, stderr=sink)
        try:
            if wait_for_text(server.url, "</html>", ready_timeout) is None:
                late = f"not served within {ready_timeout:.0f} s; see {log}"
                raise BenchError(f"{server.name}: {server.url} {late}")
            yield session
        finally:
            if process.poll() is None:
                process.terminate()
                _code, session.peak_mib = wait_measured(process)


def measure(
    servers: tuple[Server, Server], edits: int, log_dir: Path, ready_timeout: float, timeout: float
) -> dict[str, list[Run]]:
    """`edits` timed saves per server, taking turns; every save must show up within `timeout`."""
    first, second = servers
    with (
        running(first, log_dir / f"{first.name}.log", ready_timeout) as one,
        running(second, log_dir / f"{second.name}.log", ready_timeout) as two,
    ):
        sessions = {first.name: one, second.name: two}
        for edit in range(edits):
            word = corpus.marker(1000 + edit)
            for server in servers:
                time.sleep(SETTLE)
                started = time.perf_counter()
                corpus.revise(server.source, word)
                seconds = wait_for_text(server.url, word, timeout, started)
                if seconds is None:
                    raise BenchError(f"{server.name}: an edit did not show within {timeout:.0f} s")
                sessions[server.name].latencies.append(seconds)
                print(f"  {server.name:<17} edit {edit + 1}/{edits}: {seconds:.3f} s", flush=True)
    return {
        name: [Run(seconds, session.peak_mib) for seconds in session.latencies]
        for name, session in sessions.items()
    }
