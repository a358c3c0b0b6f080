"""Reading a content item's fields as its declaration says: each field by its kind, required or
not, its length limit and its choices, so the rules in `types/` and in the editor cannot drift.

`read_declared` returns the values by field name (None where a value is missing or wrong, which
is logged at its own line); the type's reader then builds the model and checks what lies
between fields. Fields of a Markdown type are read one language file at a time, so there a
translated field is plain text; in a YAML type it is {nb: …, en: …}.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..common.errors import did_you_mean
from .declaration import Field
from .fields import Fields
from .model import PartialDate, Translated
from .weblinks import WEB
from .yamlread import excerpt


class Values(dict[str, object]):
    """The values read, by field name, with typed getters for building the model: each gives
    the value, or an empty one where it was missing or wrong (that is already logged)."""

    def text(self, name: str) -> str:
        value = self.get(name)
        return value if isinstance(value, str) else ""

    def optional_text(self, name: str) -> str | None:
        value = self.get(name)
        return value if isinstance(value, str) else None

    def translated(self, name: str) -> Translated:
        value = self.get(name)
        return dict(value) if isinstance(value, dict) else {}

    def optional_translated(self, name: str) -> Translated | None:
        return self.translated(name) or None

    def integer(self, name: str) -> int:
        value = self.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def optional_integer(self, name: str) -> int | None:
        value = self.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, name: str) -> bool:
        return self.get(name) is True

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.get(name)
        return tuple(value) if isinstance(value, tuple) else ()

    def date(self, name: str) -> PartialDate | None:
        value = self.get(name)
        return value if isinstance(value, PartialDate) else None

    def group(self, name: str) -> Values:
        value = self.get(name)
        return value if isinstance(value, Values) else Values()

    def rows(self, name: str) -> list[Values]:
        value = self.get(name)
        return list(value) if isinstance(value, list) else []


# Where the keys of each `choices_from` source are written.
SOURCES = {
    "groups": "content/groups/",
    "pages": "content/pages/",
    "partners": "content/partners/",
    "services": "content/services.yaml",
}
# The keys a `choices_from` source offers ("groups" -> the group keys); None: checked elsewhere.
Options = Callable[[str], Sequence[str] | None]


def read_declared(
    f: Fields, fields: Sequence[Field], options: Options, per_language_file: bool = False
) -> Values:
    """Every declared field of one mapping, read once; unknown keys are left for `f.done()`."""
    return Values(
        {field.name: read_field(f, field, options, per_language_file) for field in fields}
    )


def read_field(f: Fields, field: Field, options: Options, per_language_file: bool) -> object:
    name, required, kind = field.name, field.required, field.kind
    translated = field.translated and not per_language_file
    if kind in ("text", "paragraph", "markdown"):
        limit = field.max_length or 0
        if translated:
            return f.translated(name, required, limit)
        return f.text(name, required, limit)
    if kind == "url":
        return f.url(name, required, field.schemes or WEB)
    if kind == "integer":
        return f.integer(name, required)
    if kind == "boolean":
        return f.boolean(name, default=bool(field.default))
    if kind == "date":
        return f.date(name, required)
    if kind == "choice":
        allowed = _allowed(field, options)
        if allowed is None:
            return f.text(name, required)
        return f.choice(name, allowed, required)
    if kind == "choices":
        return _choices(f, field, _allowed(field, options))
    if kind == "list":
        return f.text_list(name, required)
    if kind == "group":
        inner = f.fields(name, required)
        values = read_declared(inner, field.fields, options, per_language_file)
        inner.done(f"'{name}'")
        return values if inner.items else None
    if kind == "items":
        return [values for values, _item in each_item(f, field, options, per_language_file)]
    raise AssertionError(f"no reading for the kind {kind!r}")  # pragma: no cover


def each_item(
    f: Fields, field: Field, options: Options, per_language_file: bool = False
) -> Iterator[tuple[Values, Fields]]:
    """The items of an "items" field, each read and checked for unknown keys."""
    for item in f.each(field.name, field.required):
        values = read_declared(item, field.fields, options, per_language_file)
        item.done(f"'{field.name}'")
        yield values, item


def complete(value: object) -> bool:
    """Whether a value was read whole: nothing in it was missing or wrong."""
    if isinstance(value, dict):
        return all(map(complete, value.values()))
    return value is not None


def _allowed(field: Field, options: Options) -> Sequence[str] | None:
    return options(field.choices_from) if field.choices_from else field.choices


def _choices(f: Fields, field: Field, allowed: Sequence[str] | None) -> tuple[str, ...] | None:
    """Several values, each one of `allowed`; None (already reported) when one is not."""
    chosen = []
    for node in f.sequence(field.name, field.required):
        value = getattr(node, "text", "")
        if allowed is not None and value not in allowed:
            source = field.choices_from
            if source:
                hint = did_you_mean(value, allowed) or f"use a key from {SOURCES[source]}"
                f.log.error(node.where, f"unknown {source[:-1]} '{excerpt(value)}'", hint)
            else:
                hint = did_you_mean(value, allowed) or "use one of: " + ", ".join(allowed)
                f.log.error(node.where, f"'{field.name}' cannot be '{excerpt(value)}'", hint)
            return None
        chosen.append(value)
    return tuple(chosen)
