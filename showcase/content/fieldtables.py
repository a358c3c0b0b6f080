"""The field tables of the editing guide (docs/redigering.md), made from the declarations, so the
guide says what the build checks and no table can fall behind a new or changed field.

Each table stands between `<!-- felt: <type> -->` and `<!-- /felt -->`; this rewrites what is
between them and leaves the prose around them alone; `python tools/fieldtables.py` runs it.
tests/test_docs.py fails when a table differs from what the declaration gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .contenttypes import content_type
from .declaration import ContentType, Field
from .declared import SOURCES

BLOCK = re.compile(r"(<!-- felt: (?P<name>\w+) -->\n)(?P<table>.*?)(<!-- /felt -->)", re.DOTALL)
HEADER = (
    "| Felt | Hva du skriver | Må fylles ut | Språk | Valg |\n| --- | --- | --- | --- | --- |\n"
)
# What a value of each kind looks like, when it has no choices to list.
SHAPES = {
    "text": "én linje",
    "paragraph": "tekst, gjerne over flere linjer",
    "markdown": "tekst i Markdown",
    "integer": "et helt tall",
    "boolean": "`true` (på) eller `false` (av)",
    "date": "dato som `2018-02-13`",
    "url": "`https://…` eller en sti på nettstedet som `/om/`",
    "list": "en liste, én per linje",
    "group": "feltene under",
    "items": "en liste; hver rad har feltene under",
}
WHERE = {"groups": "målgruppe", "pages": "side", "partners": "partner", "services": "tjeneste"}


def _choices(field: Field) -> str:
    several = field.kind == "choices"
    if field.choices_from:
        source = field.choices_from
        one = f"nøkkelen til en {WHERE.get(source, 'fil')} i `{SOURCES[source]}`"
        return ("én eller flere; hver er " if several else "") + one
    listed = ", ".join(f"`{choice}`" for choice in field.choices)
    return ("én eller flere av " if several else "én av ") + listed


def _valg(field: Field) -> str:
    if field.kind in ("choice", "choices"):
        text = _choices(field)
    elif field.kind == "url" and field.schemes:
        schemes = ", ".join(f"`{scheme}:…`" for scheme in field.schemes)
        text = f"{schemes} eller en sti på nettstedet"
    else:
        text = SHAPES[field.kind]
    if field.max_length:
        text += f", høyst {field.max_length} tegn"
    if field.default is not None and field.kind != "text":
        default = str(field.default).lower() if isinstance(field.default, bool) else field.default
        text += f" (`new` skriver `{default}`)"
    return text


def _language(declared: ContentType, field: Field) -> str:
    if declared.storage == "markdown-folder":
        return "eget på hvert språk" if field.translated else "likt på alle språk"
    return "nb og en" if field.translated else "likt på alle språk"


def _rows(declared: ContentType, fields: tuple[Field, ...], prefix: str = "") -> Iterator[str]:
    for field in fields:
        name = f"{prefix}{field.name}"
        help_text = field.help["nb"].replace("|", "\\|")
        required = "ja" if field.required else "nei"
        language = _language(declared, field)
        yield f"| `{name}` | {help_text} | {required} | {language} | {_valg(field)} |\n"
        yield from _rows(declared, field.fields, f"{name}.")


def table(declared: ContentType) -> str:
    """The guide's table of one content type's fields, nested ones as `stability.before`."""
    rows = "".join(_rows(declared, declared.fields))
    if declared.body:
        body = declared.body
        rows += (
            f"| teksten under `---` | {body.help['nb']} | ja | {_language(declared, body)} "
            f"| {SHAPES['markdown']} |\n"
        )
    return HEADER + rows


def update(text: str) -> str:
    """`text` with every field table rewritten from its content type's declaration."""
    return BLOCK.sub(lambda m: m.group(1) + table(content_type(m.group("name"))) + m.group(4), text)


def documented(text: str) -> list[str]:
    """The content types that have a table in `text`, in order."""
    return [m.group("name") for m in BLOCK.finditer(text)]
