"""The personal-data gate: nothing that identifies a person gets past the build.

Every content file is scanned line by line, drafts included (a draft is one status change away
from the web). National ID numbers, D- and H-numbers with valid check digits, phone numbers,
e-mail and street addresses are errors unless `site.yaml` allows them as the programme's public
contact details; names on the private deny-list are errors; and in case stories, details that
together could point at a family (exact age, a named school, a small place, a rare diagnosis,
an exact date) are warnings. Values are always printed masked.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .denylist import DenyList
from .errors import ErrorLog, Position, relative
from .load import is_editor_litter

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


def allow_key(value: str) -> str:
    """How an allowed contact detail is compared: lowercase, spaces folded."""
    return " ".join(value.lower().split())


class _Lines:
    """Line and column of an offset in a text, for findings made on the whole text at once."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1


_CONTACT_HINT = "remove it, or add it to 'privacy: allow' in site.yaml if it is a public {what}"
_CONTACTS = (
    (_PHONE, "a phone number", _CONTACT_HINT.format(what="number")),
    (_EMAIL, "an e-mail address", _CONTACT_HINT.format(what="address")),
    (_STREET, "a street address", _CONTACT_HINT.format(what="address")),
)


def scan_line(text: str, number: int, allowed: frozenset[str]) -> Iterator[Finding]:
    """Personal data in a text starting at line `number`: identity numbers, phones, e-mails
    and street addresses (the last three unless allowed)."""
    lines = _Lines(text, number)
    for match in _ELEVEN_DIGITS.finditer(text):
        kind = identity_kind(match.group(1) + match.group(2))
        if kind:
            yield Finding(
                *lines.at(match.start()),
                match.group(),
                f"this looks like {kind} ({mask(match.group())})",
                "remove it: identity numbers must never be published",
            )
    for pattern, kind, hint in _CONTACTS:
        for match in pattern.finditer(text):
            if not _is_allowed(match.group(), allowed):
                value = match.group()
                yield Finding(
                    *lines.at(match.start()), value, f"this looks like {kind} ({mask(value)})", hint
                )


_QUASI_ALL = (
    *_QUASI,
    (_SMALL_PLACE, "a small place", "write 'Asker'"),
    (_DIAGNOSIS, "a rare diagnosis", "describe the need instead of naming the diagnosis"),
)


def scan_quasi(text: str, number: int) -> Iterator[Finding]:
    """Details that are harmless alone but can identify a family together with others."""
    lines = _Lines(text, number)
    for pattern, what, hint in _QUASI_ALL:
        for match in pattern.finditer(text):
            yield Finding(*lines.at(match.start()), match.group(), what, hint)


def content_files(content: Path) -> list[Path]:
    """Every text file editors write, drafts and all, without editor litter."""
    return sorted(
        path
        for path in content.rglob("*")
        if path.suffix in (".md", ".yaml", ".yml") and path.is_file() and not is_editor_litter(path)
    )


SCANNER_VERSION = "1"  # bump when a pattern changes, so cached results are not trusted


def _findings(text: str, allowed: frozenset[str], is_case: bool) -> list[list[Any]]:
    """[kind, line, col, message, hint] for one file: what `scan` reports, ready to cache."""
    found: list[list[Any]] = [
        ["error", f.line, f.col, f.message, f.hint] for f in scan_line(text, 1, allowed)
    ]
    if is_case:
        found += [
            [
                "warning",
                f.line,
                f.col,
                f"the story mentions {f.message} ({mask(f.value)}), which together with other "
                "details could identify the family",
                f.hint,
            ]
            for f in scan_quasi(text, 1)
        ]
    return found


def _load_cache(path: Path | None) -> dict[str, list[list[Any]]]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}  # a damaged cache is only a slower scan
    return data if isinstance(data, dict) else {}


def scan(
    content: Path,
    root: Path,
    allowed: frozenset[str],
    deny: DenyList,
    log: ErrorLog,
    cache: Path | None = None,
) -> int:
    """Scan all content; errors and warnings go to `log`. Returns the number of files read.

    Findings are kept in `cache` by the digest of each file's text (with the allow-list and the
    scanner's version), so only changed files are scanned again. The deny-list is never cached:
    it is private, and a name added to it must be found in files that did not change."""
    files = content_files(content)
    known = _load_cache(cache)
    salt = f"{SCANNER_VERSION}\0{sorted(allowed)}\0"
    kept: dict[str, list[list[Any]]] = {}
    for path in files:
        rel = relative(path, root)
        is_case = path.parent.name == "cases"
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # the loader reports unreadable files
        key = hashlib.blake2b(f"{salt}{is_case}\0{text}".encode(), digest_size=16).hexdigest()
        findings = known.get(key)
        if findings is None:
            findings = _findings(text, allowed, is_case)
        kept[key] = findings
        for kind, line, col, message, hint in findings:
            report = log.error if kind == "error" else log.warn
            report(Position(rel, line, col), message, hint)
        if deny.hashes:
            for number, line_text in enumerate(text.split("\n"), start=1):
                for col, words in deny.find(line_text):
                    log.error(
                        Position(rel, number, col),
                        f"this name is on the private deny-list ({mask(words)})",
                        "remove the name; use a made-up first name or 'the family' instead",
                    )
    if cache is not None and kept != known:
        write_atomic(cache, json.dumps(kept).encode("utf-8"))
    return len(files)
