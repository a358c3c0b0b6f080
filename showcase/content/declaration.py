"""What each content type holds, declared once: its fields, their kind, whether they are
required, translated or the same in every language, where their choices come from, and a
label and one-line help in Norwegian and English.

The declaration is the one source for the readers' field rules, `build.py new`, the editor's
configuration (Decap CMS at /admin/) and the field tables in the editing guide; tests compare
each of them with it. The readers in `types/` still own the rules between fields (a case's
group must be published, news is dated by its file name), which no table can express.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .model import Translated

Kind = Literal[
    "text",  # one line of text
    "paragraph",  # plain text over several lines
    "markdown",  # text with Markdown (headings, lists, links, images)
    "integer",
    "boolean",
    "date",  # "YYYY-MM-DD" ("YYYY-MM" and "YYYY" are accepted in hand-written files)
    "url",  # https://… or a path on the site
    "choice",  # one value from `choices`, or a key of the items in `choices_from`
    "choices",  # several values, each from `choices` or `choices_from`
    "list",  # a list of lines of text
    "group",  # a mapping of the `fields` below
    "items",  # a list of mappings, each of the `fields` below
]
Storage = Literal[
    "yaml-folder",  # content/<folder>/<key>.yaml, translated fields as {nb: …, en: …}
    "markdown-folder",  # content/<folder>/<key>.<lang>.md, one file per language
    "yaml-file",  # one file, content/<name>.yaml
]


@dataclass(frozen=True)
class Field:
    """One field of a content type.

    In a YAML type, `translated` means the value is written once per language, {nb: …, en: …}.
    In a Markdown type each language has its own file; `translated` fields may differ between
    the files, and the others must be the same in every language (the editor asks once).
    """

    name: str
    kind: Kind
    label: Translated
    help: Translated
    required: bool = True
    translated: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    choices_from: str | None = None  # "groups", "services", "pages": keys from that content
    schemes: tuple[str, ...] = ()  # a "url" that may also be e.g. mailto: or tel:
    fields: tuple[Field, ...] = ()  # the inner fields of a "group" or "items"
    default: str | int | bool | None = None
    example: Translated = field(default_factory=dict)  # what `new` writes, per language

    def inner(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class ContentType:
    """A kind of content, where its files live and the fields each holds."""

    name: str  # "cases"; also the editor's collection and the `new` kind where it has one
    storage: Storage
    path: str  # folder or file, relative to content/
    label: Translated  # plural, as the editor's menu shows it
    label_singular: Translated
    help: Translated
    fields: tuple[Field, ...]
    body: Field | None = None  # the Markdown body of a markdown-folder type
    creatable: bool = True  # whether editors may add items
    dated: bool = False  # file names start with the item's date: 2018-02-13-<key>

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)
