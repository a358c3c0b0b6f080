"""`python build.py new KIND "Title"`: the files of a new item, made from its content type's
declaration (showcase/content/types/), ready to fill in.

Every declared field is written, in declared order, with its Norwegian help as a comment above
it and in the form Decap CMS writes (content/decapyaml.py), so a later save in the browser
editor changes only what the editor changed. The status is `draft` and every value is a valid
placeholder, so the new item passes `check` as it is and appears only in the preview. The
Norwegian file gets the given title; the English file gets English placeholders and an English
address of its own, so copying and translating can never publish Norwegian under /en/.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..common.folders import NEW_ITEM_FOLDERS, Folders
from ..content.contenttypes import CONTENT_TYPES
from ..content.decapyaml import Value, dump
from ..content.declaration import ContentType, Field
from ..content.load import KEY_PATTERN
from ..content.starters import creatable, starter_text
from ..render.markup import slugify

KINDS = tuple(NEW_ITEM_FOLDERS)
LANGS = ("nb", "en")
TITLE_FIELDS = ("title", "name")  # the field a type's items are called by


def declaration(kind: str) -> ContentType:
    """The content type `new KIND` makes an item of."""
    return next(t for t in CONTENT_TYPES if t.path == NEW_ITEM_FOLDERS[kind] and creatable(t))


@dataclass(frozen=True)
class NewItem:
    """What the placeholder values depend on besides the declaration."""

    title: str
    today: datetime.date
    slugs: dict[str, str]  # the address in each language
    order: int  # after every existing item
    options: dict[str, list[str]]  # the keys each `choices_from` source has now


def free_key(folder: Path, title: str, prefix: str = "") -> str:
    """A key from the title that no file in `folder` uses yet: 'ny-historie', 'ny-historie-2'.

    `prefix` is a glob for what may stand before the key, e.g. any date for news items, whose
    addresses leave the date out and so must differ from every other news item's.
    """
    base = slugify(title)[:50].strip("-") or "ny"
    key, n = base, 1
    while any(folder.glob(f"{prefix}{key}.*")):
        n += 1
        key = f"{base}-{n}"
    assert KEY_PATTERN.match(key)
    return key


def _free(base: str, taken: set[str]) -> str:
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _load(path: Path) -> Any:
    """A file's YAML (a Markdown file's front matter), or None when it cannot be read: `new`
    only looks for keys and numbers; `check` reports what is wrong with the file."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---\n")[1] if text.startswith("---\n") else ""
        return yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, IndexError, yaml.YAMLError):
        return None


def _items(folder: Path, declared: ContentType) -> list[tuple[str, Any]]:
    """Each item's key (the date left out) and its English data, for addresses and order."""
    found = []
    if declared.storage == "markdown-folder":
        for path in sorted(folder.glob("*.en.md")):
            key = path.name.removesuffix(".en.md")
            found.append((key[11:] if declared.dated else key, _load(path)))
    else:
        found = [(path.stem, _load(path)) for path in sorted(folder.glob("*.yaml"))]
    return found


def english_slug(folder: Path, declared: ContentType) -> str:
    """An English address no item of the kind has yet: 'new-story', 'new-story-2'."""
    taken = set()
    for key, data in _items(folder, declared):
        slug = data.get("slug") if isinstance(data, dict) else None
        if isinstance(slug, dict):
            slug = slug.get("en")
        taken.add(slug if isinstance(slug, str) else key)
    return _free(slugify("new " + declared.label_singular["en"]), taken)


def _next_order(folder: Path, declared: ContentType) -> int:
    orders = [data.get("order") for _key, data in _items(folder, declared)]
    return 1 + max((n for n in orders if isinstance(n, int)), default=0)


def _options(content: Path) -> dict[str, list[str]]:
    """The keys a choice can take from the content as it is now, sorted as the editor lists
    them (services in the order of content/services.yaml)."""
    services = _load(content / "services.yaml")
    listed = services.get("services") if isinstance(services, dict) else None
    return {
        "groups": sorted(p.stem for p in (content / "groups").glob("*.yaml")),
        "partners": sorted(p.stem for p in (content / "partners").glob("*.yaml")),
        "pages": sorted({p.name.split(".")[0] for p in (content / "pages").glob("*.md")}),
        "services": [str(s["key"]) for s in listed or [] if isinstance(s, dict) and "key" in s],
    }


def value(field: Field, lang: str | None, new: NewItem, top: bool = False) -> Value:
    """A valid placeholder for `field`: in `lang`, or in every language for a translated field
    of a YAML type (`lang` None)."""
    if field.translated and lang is None:
        return {each: value(field, each, new, top) for each in LANGS}
    nested = lang  # a YAML type's inner fields are translated one by one, like the outer ones
    lang = lang or "nb"
    if field.name == "slug":
        return new.slugs[lang]
    if top and field.name in TITLE_FIELDS and field.kind == "text" and lang == "nb":
        return new.title
    if top and field.name == "order" and field.kind == "integer":
        return new.order
    if field.default is not None:
        return field.default
    kind = field.kind
    if kind in ("text", "paragraph", "markdown"):
        return starter_text(field, lang)
    if kind == "list":
        return [starter_text(field, lang)] if field.required or field.example else []
    if kind in ("choice", "choices"):
        options = list(field.choices) or new.options.get(field.choices_from or "", [])
        first = options[0] if options else ""
        return first if kind == "choice" else [first] if first else []
    if kind == "group":
        return {inner.name: value(inner, nested, new) for inner in field.fields if inner.required}
    if kind == "items":
        if not field.required:
            return []
        return [{inner.name: value(inner, nested, new) for inner in field.fields if inner.required}]
    simple: dict[str, Value] = {
        "integer": 1,
        "boolean": False,
        "date": new.today.isoformat(),
        "url": "",  # optional everywhere it is declared: an empty address is no link
    }
    return simple[kind]


def comments(declared: ContentType) -> dict[str, str]:
    """The comment above each top-level field: its Norwegian help, as the editor writes it."""
    return {field.name: field.help["nb"] for field in declared.fields}


def files(declared: ContentType, new: NewItem) -> dict[str, str]:
    """The text of each file, by language ("" for the one file of a YAML type)."""
    notes = comments(declared)
    if declared.storage == "yaml-folder":
        data = {f.name: value(f, None, new, top=True) for f in declared.fields}
        return {"": dump(data, notes)}
    texts = {}
    for lang in LANGS:
        data = {f.name: value(f, lang, new, top=True) for f in declared.fields}
        body = starter_text(declared.body, lang) if declared.body else ""
        texts[lang] = f"---\n{dump(data, notes)}---\n{body}\n"
    return texts


def create(
    kind: str, title: str, folders: Folders, today: datetime.date | None = None
) -> list[Path]:
    """Write the new item's files (never overwriting any) and return their paths."""
    today = today or datetime.date.today()
    declared = declaration(kind)
    folder = folders.content / declared.path
    folder.mkdir(parents=True, exist_ok=True)
    key = free_key(folder, title, "[0-9]*-[0-9]*-[0-9]*-" if declared.dated else "")
    new = NewItem(
        title=title,
        today=today,
        slugs={"nb": key, "en": english_slug(folder, declared)},
        order=_next_order(folder, declared),
        options=_options(folders.content),
    )
    stem = f"{today.isoformat()}-{key}" if declared.dated else key
    paths = []
    for lang, text in files(declared, new).items():
        path = folder / (f"{stem}.{lang}.md" if lang else f"{stem}.yaml")
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
        paths.append(path)
    return paths
