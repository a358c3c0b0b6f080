"""Full-text search: a Pagefind index of the pages this build writes.

Pagefind runs on a temporary copy of the rendered HTML, so the index always matches the pages
that are published, and its files join the site's file list (and so the atomic write). Only the
part of a page marked `data-pagefind-body` is indexed: headers, menus and footers are not.

Pagefind picks its stemmer from `<html lang>` and knows Norwegian only as `no`, while our pages
say `nb` (bokmål). So the copy it indexes is relabelled `no`, and the finished index is filed
back under `nb` in pagefind-entry.json, where the browser looks for the page's own language.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from .errors import BuildError, ContentError, Position

BUNDLE = "pagefind"  # folder inside site/, served at /pagefind/
PAGEFIND_LANGUAGE = {"nb": "no"}  # site language -> the code Pagefind stems it under
# Pagefind also writes UIs this site does not load; leaving them out keeps the site small.
UNUSED = (
    "pagefind-component-ui.",
    "pagefind-modular-ui.",
    "pagefind-highlight.js",
    "wasm.unknown.",  # for pages without a language; every page here has one
)
_HTML_LANG = re.compile(rb'<html lang="([a-z]{2,3})"')
TIMEOUT = 120  # seconds; indexing this site takes well under one


def _relabel(html: bytes) -> bytes:
    """The page as Pagefind should see it: `<html lang="no">` for bokmål."""

    def swap(match: re.Match[bytes]) -> bytes:
        lang = match.group(1).decode()
        return f'<html lang="{PAGEFIND_LANGUAGE.get(lang, lang)}"'.encode()

    return _HTML_LANG.sub(swap, html, count=1)


def _file_back(entry: bytes) -> bytes:
    """pagefind-entry.json with each relabelled index under the site's own language code."""
    data = json.loads(entry)
    back = {code: lang for lang, code in PAGEFIND_LANGUAGE.items()}
    data["languages"] = {back.get(k, k): v for k, v in sorted(data["languages"].items())}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _executable() -> str:
    from pagefind_bin import get_executable  # the binary shipped in the pinned PyPI package

    return str(get_executable())


def index(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The search bundle for the HTML among (path in site/, bytes), as files under pagefind/."""
    with tempfile.TemporaryDirectory(prefix="showcase-search-") as tmp:
        pages, bundle = Path(tmp) / "site", Path(tmp) / BUNDLE
        for path, data in files:
            if path.endswith(".html"):
                target = pages / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_relabel(data))
        command = [_executable(), "--site", str(pages), "--output-path", str(bundle), "--silent"]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            output = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip()
            reason = f"{exc} {output}".strip()
            raise BuildError(
                [
                    ContentError(
                        Position("search index"),
                        f"the search index could not be built: {reason}",
                        "run `make build` again; if it still fails, delete .venv and run it again",
                    )
                ]
            ) from exc
        entry = bundle / "pagefind-entry.json"
        entry.write_bytes(_file_back(entry.read_bytes()))
        return [
            (f"{BUNDLE}/{path.relative_to(bundle).as_posix()}", path.read_bytes())
            for path in sorted(bundle.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        ]
