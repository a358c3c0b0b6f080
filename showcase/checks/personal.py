"""What personal data looks like, line by line: Norwegian national ID, D- and H-numbers with
valid check digits, phone numbers, e-mail and street addresses (errors unless allowed as public
contact details), and in case stories the details that together could point at a family (exact
age, a named school, a small place, a rare diagnosis, an exact date). `privacy` runs these over
every content file; values are only ever shown masked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.model import allow_key

# -- national identity numbers ------------------------------------------------------------------

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_ELEVEN_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])(\d{6}) ?(\d{5})(?!\d|[.,]\d)")


def check_digits(first_nine: str) -> str | None:
    """The two mod-11 check digits of a Norwegian identity number, or None when none exist."""
    digits = [int(c) for c in first_nine]
    k1 = 11 - sum(w * d for w, d in zip(_WEIGHTS_1, digits, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(w * d for w, d in zip(_WEIGHTS_2, [*digits, k1], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return f"{k1}{k2}"


def identity_kind(number: str) -> str | None:
    """'a national ID number', 'a D-number' or 'an H-number' for a valid number, else None."""
    if len(number) != 11 or not number.isdigit():
        return None
    if check_digits(number[:9]) != number[9:]:
        return None
    day, month = int(number[:2]), int(number[2:4])
    kind = "a national ID number"
    if day > 40:
        day, kind = day - 40, "a D-number"
    elif month > 40:
        month, kind = month - 40, "an H-number"
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return kind


# -- other identifiers ----------------------------------------------------------------------------

_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)47[ ]?)?"
    r"(?:[2-9]\d{7}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d \d{2} \d{2} \d{2})"
    r"(?![\d])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_STREET_WORDS = (
    "veien|vegen|vei|veg|gata|gaten|gate|allé|alle|plass|plassen|stien|sti|bakken|svingen|tunet|"
    "terrasse|torget|brygga|brygge|lia|åsen|kroken|løkka|haugen|jordet"
)
_STREET = re.compile(
    rf"\b[A-ZÆØÅ][\wæøåÆØÅé-]*(?:{_STREET_WORDS}) \d{{1,4}}(?: ?[A-Za-z]\b)?"
    rf"|\b[A-ZÆØÅ][\wæøåÆØÅé-]+ (?:gate|vei|veg|allé|plass|terrasse) \d{{1,4}}(?: ?[A-Za-z]\b)?"
    r"|\b\d{1,4} [A-Z][a-z]+ (?:Street|Road|Avenue|Lane)\b",
)

# -- quasi-identifiers (warnings, case stories only) ---------------------------------------------

_MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_QUASI = (
    (
        re.compile(r"(?<![\d–-] og )(?<![\d–-])\b\d{1,2} ?(?:år|års|-åring|åring)\b"),
        "an exact age",
        "write an age range instead, e.g. 'i tenårene' or 'mellom 18 og 25 år'",
    ),
    (
        re.compile(r"\b(?:aged \d{1,2}|\d{1,2}[- ]years?[- ]old)\b"),
        "an exact age",
        "write an age range instead, e.g. 'in their teens'",
    ),
    (
        re.compile(r"\b[A-ZÆØÅ][\wæøå-]+ (?:skole|ungdomsskole|barneskole|barnehage|School)\b"),
        "a named school or kindergarten",
        "write 'skolen' or 'the school' without its name",
    ),
    (
        re.compile(rf"\b\d{{1,2}}\.? (?:{_MONTHS}) \d{{4}}\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b"),
        "an exact date",
        "write the month or the season instead",
    ),
)
SMALL_PLACES = (
    "Heggedal", "Vollen", "Holmen", "Borgen", "Bondi", "Nesøya", "Slemmestad", "Sætre", "Tofte",
    "Filtvet", "Spikkestad", "Bødalen", "Vettre", "Blakstad", "Gullhella", "Hvalstad",
    "Billingstad",
    "Vardåsen", "Drengsrud", "Hallenskog", "Kana", "Nærsnes", "Åros", "Klokkarstua", "Hyggen",
)  # fmt: skip
RARE_DIAGNOSES = (
    "Prader-Willi", "Angelman", "Rett-syndrom", "Retts syndrom", "Duchenne", "Huntington",
    "cystisk fibrose", "cystic fibrosis", "Williams syndrom", "Tourette", "spinal muskelatrofi",
    "SMA", "ALS", "fragilt X", "fragile X", "22q11", "Turners syndrom", "Cri du chat",
)  # fmt: skip
_SMALL_PLACE = re.compile(r"\b(?:" + "|".join(map(re.escape, SMALL_PLACES)) + r")\b")
_DIAGNOSIS = re.compile(r"\b(?:" + "|".join(map(re.escape, RARE_DIAGNOSES)) + r")\b", re.I)


@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    value: str
    message: str
    hint: str


def mask(value: str) -> str:
    """Enough of a value to find it in the file, never enough to read it: '01******123'."""
    compact = value.replace(" ", "")
    if compact.isdigit() and len(compact) >= 8:
        return compact[:2] + "*" * (len(compact) - 5) + compact[-3:]
    if "@" in value:
        user, _, domain = value.partition("@")
        return f"{user[:1]}***@{domain[:1]}***"
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split(" "))


def _is_allowed(value: str, allowed: frozenset[str]) -> bool:
    return allow_key(value) in allowed


class _Lines:
    """Line and column of an offset in a text, for findings made on the whole text at once.

    The line starts are only counted when there is a finding: most files have none."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.starts: list[int] | None = None

    def at(self, offset: int) -> tuple[int, int]:
        if self.starts is None:
            self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1


@dataclass(frozen=True)
class _Rule:
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


def _words(words: tuple[str, ...]) -> tuple[bytes, ...]:
    """The `words` of a rule: lowercase ASCII that starts and ends with a letter or digit."""
    for word in words:
        if not (word.isascii() and word[:1].isalnum() and word[-1:].isalnum()):
            raise ValueError(f"{word!r} cannot be looked for as bytes; give the rule triggers")
    return tuple(word.lower().encode() for word in words)


def _has_word(text: str, words: tuple[bytes, ...]) -> bool:
    """Whether `\\b(?:word|…)\\b` (case-blind, `_words`) can match in `text`.

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
    """One text being scanned; each trigger runs over it once, however many rules share it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sketch: bytes | None = None
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

    def matches(self, rule: _Rule) -> Iterator[re.Match[str]]:
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


def _triggers(*sketched: str) -> tuple[re.Pattern[bytes], ...]:
    """Regexes over sketches (see `_sketch`), written as text: '0' stands for any digit (so no
    other digit may appear in them, not even in a repeat count)."""
    if any(re.search("[1-9]", pattern) for pattern in sketched):
        raise ValueError(f"a digit other than 0 in a sketch regex: {sketched}")
    return tuple(re.compile(_sketch(pattern)) for pattern in sketched)


# Every identity or phone number has six digits in a row or two pairs of digits around a space.
_NUMBERS = _triggers("00(?:0000| 00)")
_IDENTITY = _Rule(
    _ELEVEN_DIGITS, "", "remove it: identity numbers must never be published", _NUMBERS
)
_CONTACT_HINT = "remove it, or add it to 'privacy: allow' in site.yaml if it is a public {what}"
_CONTACTS = (
    _Rule(_PHONE, "a phone number", _CONTACT_HINT.format(what="number"), _NUMBERS),
    _Rule(_EMAIL, "an e-mail address", _CONTACT_HINT.format(what="address"), _triggers("@")),
    _Rule(
        _STREET,
        "a street address",
        _CONTACT_HINT.format(what="address"),
        # 'Storgata 12' and '10 Downing Street'; looking back for the space is faster
        _triggers("0(?<= 0)", "0 [A-Z]"),
    ),
)


def scan_line(text: str, number: int, allowed: frozenset[str]) -> Iterator[Finding]:
    """Personal data in a text starting at line `number`: identity numbers, phones, e-mails
    and street addresses (the last three unless allowed)."""
    yield from contact_findings(PreparedText(text), number, allowed)


def contact_findings(text: PreparedText, number: int, allowed: frozenset[str]) -> Iterator[Finding]:
    lines = _Lines(text.text, number)
    for match in text.matches(_IDENTITY):
        kind = identity_kind(match.group(1) + match.group(2))
        if kind:
            yield Finding(
                *lines.at(match.start()),
                match.group(),
                f"this looks like {kind} ({mask(match.group())})",
                _IDENTITY.hint,
            )
    for rule in _CONTACTS:
        for match in text.matches(rule):
            if not _is_allowed(match.group(), allowed):
                value = match.group()
                yield Finding(
                    *lines.at(match.start()),
                    value,
                    f"this looks like {rule.what} ({mask(value)})",
                    rule.hint,
                )


_QUASI_TRIGGERS = (
    _triggers("0 ?-?år"),
    _triggers("aged 0", "0[- ]year"),
    _triggers("skole", "barnehage", "School"),
    _triggers("0(?<= 0)000", r"0\.0"),
)
_QUASI_ALL = (
    *(
        _Rule(pattern, what, hint, triggers)
        for (pattern, what, hint), triggers in zip(_QUASI, _QUASI_TRIGGERS, strict=True)
    ),
    _Rule(
        _SMALL_PLACE,
        "a small place",
        "write 'Asker'",
        _triggers("|".join(map(re.escape, SMALL_PLACES))),
    ),
    _Rule(
        _DIAGNOSIS,
        "a rare diagnosis",
        "describe the need instead of naming the diagnosis",
        words=_words(RARE_DIAGNOSES),
    ),
)


def scan_quasi(text: str, number: int) -> Iterator[Finding]:
    """Details that are harmless alone but can identify a family together with others."""
    yield from quasi_findings(PreparedText(text), number)


def quasi_findings(text: PreparedText, number: int) -> Iterator[Finding]:
    lines = _Lines(text.text, number)
    for rule in _QUASI_ALL:
        for match in text.matches(rule):
            yield Finding(*lines.at(match.start()), match.group(), rule.what, rule.hint)
