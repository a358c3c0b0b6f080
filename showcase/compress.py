"""Precompressed copies of text files, so the web server sends them without compressing.

For each HTML, CSS, JavaScript, XML, JSON, SVG and text file the build adds `<file>.gz` and
`<file>.br`, made once at the highest settings; nginx's gzip_static and brotli_static serve them
to browsers that accept them. Both are deterministic (gzip's header carries no time or name), so
results are kept in .cache/compress/ by the hash of the input and a rebuild redoes only changes.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import brotli

SUFFIXES = (".html", ".css", ".js", ".xml", ".json", ".svg", ".txt")
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}


def _cached(data: bytes, suffix: str, cache: Path) -> bytes:
    path = cache / (hashlib.sha256(data).hexdigest() + suffix)
    if path.is_file():
        return path.read_bytes()
    packed = ENCODERS[suffix](data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(packed)
    partial.replace(path)  # atomic: a parallel build never reads half a file
    return packed


def precompressed(files: list[tuple[str, bytes]], cache: Path) -> list[tuple[str, bytes]]:
    """`.gz` and `.br` beside every compressible file, where compressing makes it smaller."""
    extra: list[tuple[str, bytes]] = []
    for path, data in files:
        if path.endswith(SUFFIXES):
            for suffix in ENCODERS:
                packed = _cached(data, suffix, cache)
                if len(packed) < len(data):
                    extra.append((path + suffix, packed))
    return extra
