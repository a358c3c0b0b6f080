"""Typed reading of YAML fields, with every mistake logged and the reading carried on.

A `Fields` wraps one YAML mapping. Each getter returns a usable value (or None) and logs a
`ContentError` at the value's own line when the value is missing or of the wrong kind, so a single
run finds every problem. `done()` reports keys nobody asked for, with a 'did you mean' hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from ..common.errors import ContentError, ErrorLog, Position, did_you_mean
from .model import PartialDate, Translated
from .weblinks import WEB, check_links, url_problem
from .yamlread import TAG_BOOL, TAG_FLOAT, TAG_INT, Mapping, Node, Scalar, Sequence, excerpt

INTEGER_MAX = 1_000_000  # the largest count, figure or position a content file may give
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a group of fields"
    if isinstance(node, Sequence):
        return "a list"
    return f"'{excerpt(node.text)}'"


def scalar_text(node: Node, log: ErrorLog, name: str) -> str | None:
    """The text of a scalar meant as text, refusing the values YAML tools read as something else."""
    if not isinstance(node, Scalar):
        log.error(
            node.where, f"'{name}' must be text, not {describe(node)}", "write a single value"
        )
        return None
    if node.is_null:
        return None
    # YAML 1.2, which Decap CMS writes, reads only true and false as yes/no: a plain "no" or
    # "On" it writes for a title is text, and so it is here.
    if node.plain and node.tag == TAG_BOOL and node.text.lower() in ("true", "false"):
        log.error(
            node.where,
            f"'{name}' is {node.text}, which YAML reads as yes/no, not as text",
            f'put it in quotes: "{node.text}"',
        )
        return None
    if node.plain and node.tag in (TAG_INT, TAG_FLOAT) and ":" in node.text:
        log.error(
            node.where,
            f"'{name}' is {node.text}, which YAML reads as a number, not as text",
            f'put it in quotes: "{node.text}"',
        )
        return None
    return node.text


def parse_date(text: str) -> PartialDate | None:
    """'2017', '2017-11' or '2017-11-20' as a PartialDate; None when not a real date."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        return PartialDate(year, month, day).checked()
    except ValueError:
        return None


class Fields:
    """Reads the fields of one YAML mapping for one kind of content item."""

    def __init__(
        self, node: Node | None, log: ErrorLog, where: Position, languages: tuple[str, ...]
    ) -> None:
        self.log = log
        self.languages = languages
        self.used: set[str] = set()
        self.missing: dict[str, ContentError] = {}  # withdrawn in done() when it is a typo
        self.where = where
        self.items: dict[str, tuple[Scalar, Node]] = {}
        if isinstance(node, Mapping):
            self.items = node.items
            self.where = node.where
        elif node is not None and not (isinstance(node, Scalar) and node.is_null):
            log.error(
                node.where,
                f"expected fields written as 'name: value', found {describe(node)}",
                "start each line with a field name followed by a colon",
            )

    def has(self, key: str) -> bool:
        return key in self.items and not _is_null(self.items[key][1])

    def node(self, key: str, required: bool = True) -> Node | None:
        self.used.add(key)
        entry = self.items.get(key)
        if entry is None or _is_null(entry[1]):
            if required:
                where = entry[0].where if entry else self.where
                self.log.error(where, f"missing field '{key}'", f"add '{key}:' with a value")
                if entry is None:
                    self.missing[key] = self.log.errors[-1]
            return None
        return entry[1]

    def text(self, key: str, required: bool = True, max_length: int = 0) -> str | None:
        node = self.node(key, required)
        if node is None:
            return None
        value = scalar_text(node, self.log, key)
        if value is None:
            if required and isinstance(node, Scalar) and node.is_null:
                self.log.error(node.where, f"'{key}' is empty", f"write a value for '{key}'")
            return None
        value = value.strip()
        if required and not value:
            self.log.error(node.where, f"'{key}' is empty", f"write a value for '{key}'")
            return None
        if max_length and len(value) > max_length:
            self.log.error(
                node.where,
                f"'{key}' is {len(value)} characters long, more than the {max_length} allowed",
                "shorten it",
            )
        if "](" in value or "<" in value or "]:" in value:  # Markdown links, when rendered
            check_links(value, node.where, self.log)
        return value

    def url(self, key: str, required: bool = True, schemes: tuple[str, ...] = WEB) -> str | None:
        """An address that becomes a link: https (or `schemes`), or a path on this site."""
        value = self.text(key, required)
        if not value:  # an optional address left empty, as the editor writes it: no link
            return None
        problem = url_problem(value, f"'{key}'", schemes)
        if problem is not None:
            self.log.error(self.items[key][1].where, *problem)
            return None
        return value

    def translated(self, key: str, required: bool = True, max_length: int = 0) -> Translated | None:
        node = self.node(key, required)
        if node is None:
            return None
        if not isinstance(node, Mapping):
            langs = ", ".join(f"{lang}: ..." for lang in self.languages)
            self.log.error(
                node.where,
                f"'{key}' needs a text in each language",
                f"write it as {{{langs}}}",
            )
            return None
        inner = Fields(node, self.log, node.where, self.languages)
        values = {lang: inner.text(lang, max_length=max_length) for lang in self.languages}
        inner.done(f"'{key}'")
        if any(v is None for v in values.values()):
            return None
        return Translated({lang: v for lang, v in values.items() if v is not None})

    def integer(
        self, key: str, required: bool = True, minimum: int = 0, maximum: int = INTEGER_MAX
    ) -> int | None:
        """A whole number from `minimum` to `maximum`: every number on the site is a count, a
        figure or a position, and a longer one is a typo (or too long for Python to read)."""
        node = self.node(key, required)
        if node is None:
            return None
        if not isinstance(node, Scalar) or not re.fullmatch(r"[0-9]+", node.text.strip()):
            self.log.error(
                node.where, f"'{key}' must be a whole number, not {describe(node)}", "e.g. 12"
            )
            return None
        digits = node.text.strip().lstrip("0") or "0"
        if len(digits) > len(str(maximum)) or int(digits) > maximum:
            self.log.error(
                node.where,
                f"'{key}' must be at most {maximum}, not {describe(node)}",
                "check the number: no count, figure or position on the site is that large",
            )
            return None
        value = int(digits)
        if value < minimum:
            self.log.error(node.where, f"'{key}' must be at least {minimum}", "")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        node = self.node(key, required=False)
        if node is None:
            return default
        if isinstance(node, Scalar) and node.text in ("true", "false"):
            return node.text == "true"
        self.log.error(node.where, f"'{key}' must be true or false, not {describe(node)}", "")
        return default

    def choice(self, key: str, choices: Iterable[str], required: bool = True) -> str | None:
        options = list(choices)
        node = self.node(key, required)
        if node is None:
            return None
        value = scalar_text(node, self.log, key)
        if value is None:
            return None
        if value not in options:
            hint = did_you_mean(value, options) or (
                "use one of: " + ", ".join(options) if options else ""
            )
            self.log.error(node.where, f"'{key}' cannot be '{excerpt(value)}'", hint)
            return None
        return value

    def date(self, key: str, required: bool = True) -> PartialDate | None:
        node = self.node(key, required)
        if node is None:
            return None
        text = scalar_text(node, self.log, key) if isinstance(node, Scalar) else None
        parsed = parse_date(text) if text else None
        if parsed is None:
            self.log.error(
                node.where,
                f"'{key}' is not a valid date: {describe(node)}",
                'write it as "YYYY-MM-DD", or "YYYY-MM" or "YYYY" when that is all you know',
            )
        return parsed

    def sequence(self, key: str, required: bool = True) -> tuple[Node, ...]:
        node = self.node(key, required)
        if node is None:
            return ()
        if not isinstance(node, Sequence):
            self.log.error(
                node.where,
                f"'{key}' must be a list",
                "write each item on its own line starting with '- ', or as [a, b]",
            )
            return ()
        return node.items

    def text_list(self, key: str, required: bool = True) -> tuple[str, ...]:
        texts = (scalar_text(item, self.log, key) for item in self.sequence(key, required))
        return tuple(t.strip() for t in texts if t and t.strip())

    def fields(self, key: str, required: bool = True) -> Fields:
        node = self.node(key, required)
        return Fields(node, self.log, node.where if node else self.where, self.languages)

    def each(self, key: str, required: bool = True) -> Iterator[Fields]:
        for item in self.sequence(key, required):
            yield Fields(item, self.log, item.where, self.languages)

    def done(self, what: str = "this file") -> None:
        """Report every key that no getter asked for: a typo or a field that does not exist."""
        known = sorted(self.used)
        for name, (key, _value) in self.items.items():
            if name not in self.used:
                meant = difflib.get_close_matches(name, list(self.missing), n=1, cutoff=0.6)
                if meant:  # one error for a misspelt field, not 'missing' and 'unknown' both
                    self.log.errors.remove(self.missing.pop(meant[0]))
                hint = did_you_mean(name, known) or (
                    "remove it; the fields allowed here are: " + ", ".join(known)
                    if known
                    else "remove it"
                )
                self.log.error(key.where, f"unknown field '{excerpt(name)}' in {what}", hint)


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.is_null
