"""The texts `build.py new` writes into a new item's fields before anyone has written anything,
and the sentences among them that must never be published.

Each text comes from the field's declared `example` in the file's language; a field without one
gets "Fyll ut: <label>." / "Fill in: <label>.", so every text field of a new item says what to
write. Those that tell the editor to write something ("Skriv …", "Write …") are placeholders: a
published item still holding one is an error (checks/leftovers.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from .contenttypes import CONTENT_TYPES
from .declaration import ContentType, Field

TEXT_KINDS = ("text", "paragraph", "markdown", "list")
INSTRUCTIONS = ("Skriv ", "Write ", "Fyll ut: ", "Fill in: ")


def starter_text(field: Field, lang: str) -> str:
    """What a new item holds in a text field, in `lang`."""
    example = field.example.get(lang)
    if example:
        return example
    label = field.label.get(lang) or field.label["en"]
    return f"Fyll ut: {label}." if lang == "nb" else f"Fill in: {label}."


def creatable(declared: ContentType) -> bool:
    """Whether `new` makes items of this type: editors may add them, one file or pair each."""
    return declared.creatable and declared.storage in ("markdown-folder", "yaml-folder")


def _all_fields(fields: tuple[Field, ...]) -> Iterator[Field]:
    for field in fields:
        yield field
        yield from _all_fields(field.fields)


@cache
def placeholder_sentences() -> tuple[str, ...]:
    """Every instruction `new` writes, in every language, longest first (so a match names the
    whole sentence, not a shorter one inside it)."""
    found = set()
    for declared in filter(creatable, CONTENT_TYPES):
        fields = declared.fields + ((declared.body,) if declared.body else ())
        for field in _all_fields(fields):
            if field.kind in TEXT_KINDS:
                for lang in ("nb", "en"):
                    text = starter_text(field, lang)
                    if text.startswith(INSTRUCTIONS):
                        found.add(text)
    return tuple(sorted(found, key=lambda s: (-len(s), s)))
