"""A text as a reader sees it, for the personal-data scan: HTML entities decoded, Unicode NFKC
(fullwidth letters and digits become plain ones), the digits of every other script as 0-9, and
invisible characters (zero-width spaces and joiners, soft hyphens, direction marks, leftover
combining marks) dropped. Spelling a number or an address that way changes nothing on the page,
so it must change nothing for the scan either.

Findings still point at the file as written: `Reading.origin` maps an offset in the read text
back to the original. Most texts need no change at all, which two C-speed tests tell.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass

# Characters a page shows as nothing at all.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff"
)
# Marks drawn over the character before them: after NFKC, only those with no composed form are
# left, and a mark between two digits would otherwise split the number.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DROP = re.compile(f"[{_INVISIBLE}{_COMBINING}]")
_ENTITY = r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)"
# What may need a change: an entity, or a run of characters outside ASCII.
_PIECE = re.compile(f"{_ENTITY}|[^\\x00-\\x7f]+")
# A character with the marks over it: what NFKC composes, and what maps to one place.
_SEGMENT = re.compile(f"[^{_COMBINING}][{_COMBINING}]*|[{_COMBINING}]+", re.DOTALL)

# A superset of what NFKC leaves alone but the scan must change, in UTF-8 outside ASCII: an
# invisible character, a combining mark, a digit of another script. The leading class lets the
# regex engine skip to candidates.
_MAYBE_ODD = re.compile(
    rb"[\xc2\xcc\xcd\xd8\xd9\xdb\xdf\xe0\xe1\xe2\xe3\xea\xef\xf0\xf3]"
    rb"(?:(?<=\xc2)\xad|(?<=\xe2)(?:\x80[\x8b-\x8f\xaa-\xae]|\x81[\xa0-\xaf]|\x83[\x90-\xbf])"
    rb"|(?<=\xef)(?:\xbb\xbf|\xb8[\x80-\x8f\xa0-\xaf])"
    rb"|(?<=[\xcc\xcd\xd8\xd9\xdb\xdf\xe0\xe1\xe3\xea\xf0\xf3]))"
)
_ENTITY_BYTES = re.compile(rb"&(?:#|[A-Za-z][A-Za-z0-9]*;)")
_ASCII = bytes(range(0x80))


def _plain(data: bytes) -> bool:
    """Whether a text (as UTF-8) reads as it is written. Only the characters outside ASCII can
    be odd (besides '&'), and they are few, so they are looked at alone: every ASCII character
    is left as it is by NFKC and composes with nothing that is not a combining mark."""
    if b"&" in data and _ENTITY_BYTES.search(data):
        return False
    rest = data.translate(None, _ASCII)
    if not rest:
        return True
    if _MAYBE_ODD.search(rest):
        return False
    return unicodedata.is_normalized("NFKC", rest.decode("utf-8", "surrogatepass"))


def _as_read(piece: str) -> str:
    """One piece of text as read: NFKC, digits as 0-9, nothing invisible."""
    read = _DROP.sub("", unicodedata.normalize("NFKC", piece))
    if not read.isascii():
        read = "".join(
            str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in read
        )
    return read


@dataclass(frozen=True)
class Reading:
    """The read text, and where each change to the original was: `changes` holds (start in the
    read text, end there, start in the original, end there), in order."""

    text: str
    changes: tuple[tuple[int, int, int, int], ...] = ()

    def origin(self, offset: int) -> int:
        """The offset in the original text of the character at `offset` in the read text."""
        if not self.changes:
            return offset
        index = bisect.bisect_right(self.changes, (offset, len(self.text) + 1)) - 1
        if index < 0:
            return offset
        _, end, original_start, original_end = self.changes[index]
        return original_start if offset < end else original_end + (offset - end)


def read(text: str, data: bytes | None = None) -> Reading:
    """`text` as a reader sees it; `data` is its UTF-8, when the caller has it already."""
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    if _plain(data):
        return Reading(text)
    parts: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    done = 0  # how far the original is copied into `parts`
    length = 0  # the length of the read text so far

    def change(start: int, end: int, changed: str) -> None:
        nonlocal done, length
        parts.append(text[done:start])
        length += start - done
        changes.append((length, length + len(changed), start, end))
        parts.append(changed)
        length += len(changed)
        done = end

    for match in _PIECE.finditer(text):
        start, piece = match.start(), match.group()
        if piece[0] == "&":
            decoded = html.unescape(piece)
            if decoded != piece:
                change(start, match.end(), _as_read(decoded))
            continue
        if start > done and _DROP.match(piece) and text[start - 1].isascii():
            start -= 1  # a combining mark over an ASCII letter: read them together
            piece = text[start : match.end()]
        if _as_read(piece) == piece:
            continue  # most runs: letters like æ, ø and å, dashes, quotes
        for segment in _SEGMENT.finditer(piece):
            changed = _as_read(segment.group())
            if changed != segment.group():
                change(start + segment.start(), start + segment.end(), changed)
    if not changes:
        return Reading(text)
    parts.append(text[done:])
    return Reading("".join(parts), tuple(changes))
