"""PNG files joined from rows deflated apart, for pictures that are mostly the same.

A PNG's pixels are one zlib stream. Deflate data that ends on a sync flush can be followed by
more deflate data from another compressor, so rows shared by many pictures are deflated once
and each picture deflates only its own rows; the stream's Adler-32 checksum is put together from
the pieces' (zlib's adler32_combine), so no byte is read twice.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_HEAD = b"\x78\xda"  # deflate with a 32 KiB window (as `Piece` uses), no preset dictionary
ADLER_BASE = 65521


def adler32_combine(first: int, second: int, length: int) -> int:
    """The Adler-32 of two pieces of data joined, from theirs and the second one's length."""
    rem = length % ADLER_BASE
    low = ((first & 0xFFFF) + (second & 0xFFFF) + ADLER_BASE - 1) % ADLER_BASE
    high = (rem * (first & 0xFFFF) + (first >> 16) + (second >> 16) + ADLER_BASE - rem) % ADLER_BASE
    return low | (high << 16)


@dataclass(frozen=True)
class Piece:
    """Rows of pixel data, each starting with its filter-type byte, deflated on their own: the
    deflate data (ending byte-aligned, so another piece can follow), its Adler-32 and length."""

    data: bytes
    adler: int
    length: int

    @classmethod
    def deflate(cls, rows: bytes, level: int) -> Piece:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = packer.compress(rows) + packer.flush(zlib.Z_SYNC_FLUSH)
        return cls(data, zlib.adler32(rows), len(rows))


END = b"\x03\x00"  # an empty last deflate block: ends the stream after the last piece


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def palette_header(width: int, height: int, palette: bytes) -> bytes:
    """Signature, header and palette of an 8-bit palette PNG: the same for all such pictures."""
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"PLTE", palette)


def png(header: bytes, pieces: Sequence[Piece]) -> bytes:
    """The PNG file with `header` (see `palette_header`) whose rows are `pieces`, in order."""
    pieces = [piece for piece in pieces if piece.length]  # an empty piece adds nothing
    adler = 1  # the Adler-32 of nothing
    for piece in pieces:
        adler = adler32_combine(adler, piece.adler, piece.length)
    stream = [ZLIB_HEAD, *(piece.data for piece in pieces), END, struct.pack(">I", adler)]
    return header + chunk(b"IDAT", b"".join(stream)) + chunk(b"IEND", b"")
