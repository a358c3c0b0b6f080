"""Precompressed copies of text files, so the web server sends them without compressing.

For each HTML, CSS, JavaScript, XML, JSON, SVG and text file the build adds `<file>.gz` and
`<file>.br`, made once at the highest settings; nginx's gzip_static and brotli_static serve them
to browsers that accept them. Both are deterministic (gzip's header carries no time or name), so
results are kept in .cache/compress/ by the hash of the input and a rebuild redoes only changes.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from pathlib import Path

import brotli

from .atomic import write_atomic
from .parallel import pmap

SUFFIXES = (".html", ".css", ".js", ".xml", ".json", ".svg", ".txt")
# Brotli's top quality (11) is kept for shared assets, fetched on every first visit and cached
# for a year; pages use 7, which is some 15 times faster for a few per cent more bytes and keeps
# a clean build of thousands of pages quick.
ENCODERS: dict[str, Callable[[bytes, bool], bytes]] = {
    ".gz": lambda data, _asset: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data, asset: brotli.compress(data, quality=11 if asset else 7),
}


def _encode(job: tuple[str, bytes, str]) -> bytes:
    path, data, suffix = job
    return ENCODERS[suffix](data, path.startswith(("assets/", "pagefind/")))


def precompressed(
    files: list[tuple[str, bytes]], cache: Path, jobs: int = 1
) -> list[tuple[str, bytes]]:
    """`.gz` and `.br` beside every compressible file, where compressing makes it smaller.

    Results are kept in the cache by the hash of the input; new ones are made on `jobs`
    processes."""
    wanted = [
        (path, data, suffix, cache / (hashlib.sha256(data).hexdigest() + suffix))
        for path, data in files
        if path.endswith(SUFFIXES)
        for suffix in ENCODERS
    ]
    missing = [
        (path, data, suffix) for path, data, suffix, stored in wanted if not stored.is_file()
    ]
    made = dict(zip(missing, pmap(_encode, missing, jobs), strict=True))
    extra: list[tuple[str, bytes]] = []
    for path, data, suffix, stored in wanted:
        packed = made.get((path, data, suffix))
        if packed is None:
            packed = stored.read_bytes()
        else:
            write_atomic(stored, packed)
        if len(packed) < len(data):
            extra.append((path + suffix, packed))
    return extra
