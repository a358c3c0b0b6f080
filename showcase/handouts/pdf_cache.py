"""Rendered PDFs kept by the hash of everything that went into them.

A PDF takes about a second to render; its inputs take milliseconds to hash. Same key, same bytes,
so a build renders again only what changed. Writes are atomic: builds may run side by side.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..common.atomic import write_atomic

KEEP = 32  # PDFs kept; the least recently used go first


def key(texts: Iterable[str], files: Iterable[Path]) -> str:
    """A hash of texts (the renderer's version, the HTML, the CSS) and files' bytes."""
    digest = hashlib.sha256()
    parts = [text.encode() for text in texts]
    parts += [path.read_bytes() if path.is_file() else b"(missing)" for path in files]
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def load(cache: Path | None, name: str) -> bytes | None:
    """The cached PDF under this key, or None."""
    if cache is None:
        return None
    path = cache / f"{name}.pdf"
    try:
        data = path.read_bytes()
        os.utime(path)  # recently used: kept longest
    except OSError:
        return None
    return data


def store(cache: Path | None, name: str, data: bytes) -> None:
    """Keep a PDF under its key, then drop all but the most recently used entries."""
    if cache is None:
        return
    write_atomic(cache / f"{name}.pdf", data)
    entries = []
    for path in cache.glob("*.pdf"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue  # removed by a build running beside this one
    for _mtime, old in sorted(entries, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
