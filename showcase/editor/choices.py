"""The current choices of a field whose values come from the content (a story's group and
services), read when the editor's configuration is made, i.e. each time /admin/ is opened.

Why not Decap's relation widget for these: in a translated (Markdown) collection Decap mounts
the field again in the English pane, where the relation widget calls onChange on load, and
Decap compares that pane's data with `entry.get("i18n", "en", "data")`, which Immutable reads
as `entry.get("i18n")`: the entry is marked «ULAGREDE ENDRINGER» as soon as it is opened
(decap-cms issues #7142 and #7276; entryDraft.js, DRAFT_CHANGE_FIELD). A select with the same
values never changes anything on load. A file that cannot be read leaves the source out, and
the field stays a relation: the build's verdict says what is wrong with the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from ..content.declaration import ContentType

Option = dict[str, str]  # Decap's {label, value}
Choices = Mapping[str, list[Option]]  # source content type -> its options now


def current_choices(content: Path, types: Sequence[ContentType], lang: str) -> Choices:
    """Options for every source a field of a Markdown type takes its choices from."""
    sources = {
        part.choices_from
        for declared in types
        if declared.storage == "markdown-folder"
        for part in declared.fields
        if part.choices_from
    }
    found: dict[str, list[Option]] = {}
    for source in (t for t in types if t.name in sources):
        options = _options(content, source, lang)
        if options:
            found[source.name] = options
    return found


def _options(content: Path, source: ContentType, lang: str) -> list[Option] | None:
    try:
        if source.storage == "yaml-folder":
            return sorted(
                (
                    _option(path.stem, _load(path), lang)
                    for path in (content / source.path).glob("*.yaml")
                ),
                key=lambda option: option["label"].casefold(),
            )
        if source.storage == "yaml-file":
            rows = next(f for f in source.fields if f.kind == "items")
            listed = _load(content / source.path)[rows.name]
            if not isinstance(listed, list):
                return None
            return [_option(str(row["key"]), row, lang) for row in listed]
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError):
        return None
    return None  # a Markdown source: not needed by any field today


def _load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} is not a mapping")
    return data


def _option(key: str, data: Mapping[str, object], lang: str) -> Option:
    """The key as the value, shown by its name in the editor's language when it has one."""
    name = data.get("name")
    label = name.get(lang) if isinstance(name, dict) else name
    return {"label": str(label) if label else key, "value": key}
