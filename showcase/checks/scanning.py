"""How a text is scanned fast: each pattern runs only on the lines a cheap trigger picks, over
the text as a reader sees it (see `reading`), and findings point back at the text as written.
What the patterns are is in `personal`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .reading import Reading, read


class Lines:
    """Line and column in the original text of an offset in the text as read, for findings made
    on the whole text at once. The line starts are only counted when there is a finding: most
    files have none."""

    def __init__(self, reading: Reading, original: str, first_line: int) -> None:
        self.reading = reading
        self.original = original
        self.first_line = first_line
        self.starts: list[int] | None = None

    def at(self, offset: int) -> tuple[int, int]:
        if self.starts is None:
            self.starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        offset = self.reading.origin(offset)
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1


@dataclass(frozen=True)
class Rule:
    """A pattern, with what is cheaper to look for in a text than the pattern itself.

    Scanning a whole file with a pattern that starts with a lookbehind or `\\b` tries it at every
    character. Instead, `triggers` point at the lines to scan: they are regexes over the text's
    sketch (see `_sketch`), one of which is found on every line the pattern matches on; most start
    with a literal ('0', '@'), which the regex engine skips to. A case-blind pattern
    `\\b(?:word|…)\\b` has `words` instead. When a pattern changes, its triggers must still hold:
    the property test in tests/test_privacy.py compares with a plain scan."""

    pattern: re.Pattern[str]
    what: str
    hint: str
    triggers: tuple[re.Pattern[bytes], ...] = ()
    words: tuple[bytes, ...] = ()


# The first UTF-8 byte of every decimal digit outside ASCII (what `\d` matches besides 0-9).
_DIGIT_LEADS = b"\xd9\xdb\xdf\xe0\xe1\xea\xef\xf0"
_SKETCH = bytes(
    ord("0") if b in b"0123456789" or b in _DIGIT_LEADS else b if b < 0x80 else 0x80
    for b in range(256)
)
_CONTINUATION = bytes(range(0x80, 0xC0))


def _sketch(text: str) -> bytes:
    """One byte for each character of `text`: ASCII characters stay themselves, except that every
    digit becomes '0', and so does any other character that starts like a digit of some other
    script; the rest become 0x80. So wherever the text has `\\d`, its sketch has '0', and where
    the text has a word, the sketch has the word's sketch; and the regex engine finds a rare byte
    in bytes many times faster than it finds a digit in text."""
    return text.encode("utf-8", "surrogatepass").translate(_SKETCH, _CONTINUATION)


# Characters that match an ASCII letter under re.I without being one: with one of these in a
# text, ASCII lowercasing is no fair pre-filter for a case-blind pattern.
_UNFOLDABLE = ("\u0130", "\u0131", "\u017f", "\u212a")
_ASCII_WORD = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def case_blind_words(words: tuple[str, ...]) -> tuple[bytes, ...]:
    """The `words` of a rule: lowercase ASCII that starts and ends with a letter or digit."""
    for word in words:
        if not (word.isascii() and word[:1].isalnum() and word[-1:].isalnum()):
            raise ValueError(f"{word!r} cannot be looked for as bytes; give the rule triggers")
    return tuple(word.lower().encode() for word in words)


def _has_word(text: str, words: tuple[bytes, ...]) -> bool:
    """Whether `\\b(?:word|…)\\b` (case-blind, `case_blind_words`) can match in `text`.

    Where it matches, the UTF-8 bytes, ASCII-lowercased, hold the word, with no ASCII letter,
    digit or '_' either side (a character that is no such thing encodes as no such byte). Bytes
    are searched much faster than text, and the test is false for all but a few files."""
    if any(c in text for c in _UNFOLDABLE):
        return True
    data = text.encode("utf-8", "surrogatepass").lower()
    for word in words:
        at = data.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or data[at - 1] not in _ASCII_WORD) and (
                end == len(data) or data[end] not in _ASCII_WORD
            ):
                return True
            at = data.find(word, at + 1)
    return False


class PreparedText:
    """One text being scanned, as a reader sees it (`reading`); each trigger runs over it once,
    however many rules share it."""

    def __init__(self, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self.original = text
        self.reading = read(text, data)
        self.text = self.reading.text
        self.sketch: bytes | None = (
            data.translate(_SKETCH, _CONTINUATION) if self.text is text else None
        )
        self.lines: dict[re.Pattern[bytes], list[int]] = {}

    def _line_starts(self, trigger: re.Pattern[bytes]) -> list[int]:
        """Where each line that `trigger` is found on starts."""
        if trigger not in self.lines:
            if self.sketch is None:
                self.sketch = _sketch(self.text)
            self.lines[trigger] = [
                self.sketch.rfind(b"\n", 0, m.start()) + 1 for m in trigger.finditer(self.sketch)
            ]
        return self.lines[trigger]

    def has(self, trigger: re.Pattern[bytes]) -> bool:
        """Whether `trigger`, a regex over the sketch, is found anywhere in the text."""
        if self.sketch is None:
            self.sketch = _sketch(self.text)
        return trigger.search(self.sketch) is not None

    def matches(self, rule: Rule) -> Iterator[re.Match[str]]:
        """Exactly `rule.pattern.finditer(text)`, only faster."""
        text = self.text
        if rule.words:
            if _has_word(text, rule.words):
                yield from rule.pattern.finditer(text)
            return
        # No pattern matches a line break, and neither lookarounds nor `\\b` can tell a line
        # break from the end of the text, so each line can be scanned alone.
        for start in sorted({s for t in rule.triggers for s in self._line_starts(t)}):
            end = text.find("\n", start)
            yield from rule.pattern.finditer(text, start, len(text) if end < 0 else end)


# Eight digits, each at most four separators from the next (as in `numbers`; a separator outside
# ASCII is 0x80 in the sketch): where no identity or phone number can be. Written as bytes, as
# its repeat counts are digits.
EIGHT_DIGITS = re.compile(rb"0(?:[ \t.,/:\-\n\r\x0b\x0c\x80]{0,4}0){7}")


def triggers(*sketched: str) -> tuple[re.Pattern[bytes], ...]:
    """Regexes over sketches (see `_sketch`), written as text: '0' stands for any digit (so no
    other digit may appear in them, not even in a repeat count)."""
    if any(re.search("[1-9]", pattern) for pattern in sketched):
        raise ValueError(f"a digit other than 0 in a sketch regex: {sketched}")
    return tuple(re.compile(_sketch(pattern)) for pattern in sketched)
