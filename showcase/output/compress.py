"""Precompressed copies of text files, so the web server sends them without compressing.

For each HTML, CSS, JavaScript, XML, JSON, SVG and text file the build adds `<file>.gz` and
`<file>.br`; nginx's gzip_static and brotli_static serve them to browsers that accept them. Both
are deterministic (gzip's header carries no time or name). A file whose bytes did not change
since the last build keeps its copies from then: they are linked, not compressed again.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli

from .staging import Staging

SUFFIXES = (".html", ".css", ".js", ".xml", ".json", ".svg", ".txt")
# Brotli's top quality (11) is kept for shared assets, fetched on every first visit and cached
# for a year; pages use 7, which is some 15 times faster for a few per cent more bytes and keeps
# a clean build of thousands of pages quick.


def _gzip(data: bytes, _asset: bool) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _brotli(data: bytes, asset: bool) -> bytes:
    packed: bytes = brotli.compress(data, quality=11 if asset else 7)
    return packed


ENCODERS: dict[str, Callable[[bytes, bool], bytes]] = {".gz": _gzip, ".br": _brotli}


def put(stage: Staging, path: str, data: bytes, copies: bool = True) -> dict[str, str]:
    """Write `path` into the new site with its `.gz` and `.br` copies (where compressing makes
    it smaller and `copies` is on). Returns the digest of every file written."""
    value = stage.put(path, data)
    written = {path: value}
    if not copies or not path.endswith(SUFFIXES):
        return written
    same = stage.unchanged.get(path) == value
    asset = path.startswith(("assets/", "pagefind/"))
    for suffix, encode in ENCODERS.items():
        name = path + suffix
        kept = stage.reuse(name) if same else None
        if kept is not None:
            written[name] = kept
            continue
        packed = encode(data, asset)
        if len(packed) < len(data):
            written[name] = stage.put(name, packed)
    return written


def reuse(stage: Staging, path: str, copies: bool = True) -> dict[str, str]:
    """Link the last build's `path` and the copies it had, unchanged; their digests, or nothing
    when the file itself is not there to link."""
    value = stage.reuse(path)
    if value is None:
        return {}
    linked = {path: value}
    for suffix in ENCODERS if copies and path.endswith(SUFFIXES) else ():
        kept = stage.reuse(path + suffix)
        if kept is not None:
            linked[path + suffix] = kept
    return linked
