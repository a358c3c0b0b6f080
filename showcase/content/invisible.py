"""Characters nobody can see, taken out of every content file as it is read.

Text copied from e-mails, PDFs and chat often carries characters that show as nothing: bidi
overrides and isolates, which make a line display in another order than it reads (so a page can
say something else than its file seems to), zero-width spaces and joiners, a byte order mark in
the middle, and control characters. They are removed once, where each file is read, so no page,
feed or search index carries them; a warning names the line so the editor can check the text
around it. Tab, line end and carriage return are kept: they are the text's own layout. The
privacy scan reads the raw files on its own.
"""

from __future__ import annotations

import re
import unicodedata

from ..common.errors import ErrorLog, Position

INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters but tab, line end, carriage return
    "\u200b-\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner, word joiner, BOM
    "\u202a-\u202e\u2066-\u2069]"  # bidi embeddings, overrides and isolates
)


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code and name, never the character itself."""
    name = unicodedata.name(char, "") or "control character"
    return f"U+{ord(char):04X} {name}"


def strip_invisible(text: str, rel: str, log: ErrorLog) -> str:
    """`text` without invisible characters, and a warning for each line that had some."""
    if INVISIBLE.search(text) is None:
        return text
    for number, line in enumerate(text.split("\n"), 1):
        found = INVISIBLE.search(line)
        if found is None:
            continue
        kinds = ", ".join(describe(char) for char in sorted(set(INVISIBLE.findall(line))))
        log.warn(
            Position(rel, number, found.start() + 1),
            f"removed invisible characters from this line: {kinds}",
            "they can hide or reorder text; check that the line reads as you meant",
        )
    return INVISIBLE.sub("", text)
