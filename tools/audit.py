"""`make audit`: Lighthouse scores for key pages of the real site, in both languages.

Builds the site into a temporary folder, serves it on a free port of 127.0.0.1 the way the host
would (the headers from site/_headers, the precompressed .gz copies), runs the pinned Lighthouse
from node_modules in Debian's Chromium for each page, prints the four category scores as a table
and exits 1 when any score is below 100. Nothing is fetched from the network.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (
    ("front page", "/", "/en/"),
    ("story", "/historier/levekar-skole/", "/en/stories/a-fresh-start-at-school/"),
    ("results", "/resultater/", "/en/results/"),
)
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
HeaderRules = list[tuple[str, list[tuple[str, str]]]]


def parse_headers(text: str) -> HeaderRules:
    """The `_headers` format: a path pattern, then indented `Name: value` lines."""
    rules: HeaderRules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class HostLikeHandler(SimpleHTTPRequestHandler):
    """Serves site/ with its `_headers` and precompressed copies, like the production host."""

    rules: ClassVar[HeaderRules] = []

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the table is the output."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gz = path.with_name(path.name + ".gz")
        if "gzip" in self.headers.get("Accept-Encoding", "") and gz.is_file():
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(gz.stat().st_size))
            self.end_headers()
            return gz.open("rb")
        return super().send_head()

    def end_headers(self) -> None:
        chosen: dict[str, str] = {}
        for pattern, headers in self.rules:
            if fnmatch.fnmatch(self.path.split("?")[0], pattern):
                chosen.update(headers)
        for name, value in chosen.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve(root: Path) -> Iterator[str]:
    headers_file = root / "_headers"
    rules = parse_headers(headers_file.read_text()) if headers_file.is_file() else []
    handler_class = type("Handler", (HostLikeHandler,), {"rules": rules})
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, work: Path) -> dict[str, Any]:
    """One Lighthouse run (default mobile settings); the parsed JSON report."""
    profile = Path(tempfile.mkdtemp(prefix="chrome-", dir=work))
    report = work / "report.json"
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
    ]
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    subprocess.run(command, check=True, env=env, timeout=300)
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    shutil.rmtree(profile, ignore_errors=True)
    return result


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """The weighted audits that cost points in one category, for the explanation under the table."""
    audits = report["audits"]
    lost = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = audit.get("displayValue", "")
            lost.append(f"{ref['id']} ({audit['score']:.2f}{', ' + value if value else ''})")
    return lost


def main() -> int:
    for tool, hint in (
        ("node", "install Node.js"),
        ("chromium", "apt-get install chromium"),
    ):
        if shutil.which(tool) is None:
            print(f"audit: {tool} is missing: {hint}", file=sys.stderr)
            return 2
    if not LIGHTHOUSE.is_file():
        print(
            "audit: node_modules is missing: run `make audit` (it runs `npm ci`)", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        work = Path(tmp)
        site = work / "site"
        subprocess.run([sys.executable, "build.py", "--out", str(site)], check=True, cwd=PROJECT)
        rows: list[tuple[str, dict[str, int], list[str]]] = []
        with serve(site) as base:
            for name, *addresses in PAGES:
                for address in addresses:
                    print(f"audit: {address}", file=sys.stderr, flush=True)
                    report = lighthouse(base + address, work)
                    scores = {
                        c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES
                    }
                    lost = [
                        f"{c}: {audit}"
                        for c in CATEGORIES
                        if scores[c] < 100
                        for audit in failing_audits(report, c)
                    ]
                    rows.append((f"{name} ({address})", scores, lost))
    print(table(rows))
    below = [(page, lost) for page, scores, lost in rows if min(scores.values()) < 100]
    for page, lost in below:
        print(f"{page}: " + ("; ".join(lost) or "below 100"))
    return 1 if below else 0


def table(rows: list[tuple[str, dict[str, int], list[str]]]) -> str:
    width = max(len(page) for page, _, _ in rows)
    head = f"| {'page':<{width}} | " + " | ".join(CATEGORIES) + " |"
    rule = f"| {'-' * width} | " + " | ".join("-" * len(c) for c in CATEGORIES) + " |"
    lines = [head, rule]
    for page, scores, _ in rows:
        cells = " | ".join(f"{scores[c]:>{len(c)}}" for c in CATEGORIES)
        lines.append(f"| {page:<{width}} | {cells} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
