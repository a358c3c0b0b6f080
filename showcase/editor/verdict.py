"""The build's verdict on the entries being edited: the live preview's last result
(.cache/preview-verdict.json, written after every preview build) with each problem tied to the
editor's entry, the field it is in (by its label, as the editor shows it) and the language file.

Staff read "Feltet «Beskrivelse»: …" beside the form they are filling in, not "line 3"; the line
is mapped to a field by the indentation of the YAML (or front matter) above it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..common.folders import Folders
from ..content.declaration import ContentType, Field
from .cms_config import LANGUAGE_LABELS, LANGUAGES, SETTINGS, collection_key

VERDICT = Path(".cache") / "preview-verdict.json"
EMPTY: dict[str, Any] = {"built_at": None, "ok": True, "problems": []}
KEY_LINE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(\s|$)")


@dataclass(frozen=True)
class Entry:
    """Where a content file sits in the editor: its collection, entry and language."""

    declared: ContentType
    collection: str
    slug: str
    language: str | None  # the language file of a Markdown type; None for YAML

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.slug}"


def read_verdict(root: Path) -> dict[str, Any]:
    """The last preview build's verdict, or an empty one before the first (or while the file
    is being replaced)."""
    try:
        verdict = json.loads((root / VERDICT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return dict(EMPTY)
    return verdict if isinstance(verdict, dict) else dict(EMPTY)


def entry_for(path: str, folders: Folders, types: Sequence[ContentType]) -> Entry | None:
    """The editor entry a file (named relative to the project) belongs to, if any."""
    try:
        inside = (folders.root / path).relative_to(folders.content).as_posix()
    except ValueError:
        return None
    folder, _, name = inside.rpartition("/")
    for declared in types:
        if declared.storage == "yaml-file" and inside == declared.path:
            return Entry(declared, SETTINGS, collection_key(declared), None)
        if folder != declared.path:
            continue
        if declared.storage == "yaml-folder" and name.endswith(".yaml"):
            return Entry(declared, declared.name, name.removesuffix(".yaml"), None)
        stem, _, lang = name.removesuffix(".md").rpartition(".")
        if declared.storage == "markdown-folder" and name.endswith(".md") and stem:
            return Entry(declared, declared.name, stem, lang)
    return None


def ancestors(lines: Sequence[str], line: int) -> list[str]:
    """The keys that the 1-based `line` of a YAML text lies under, outermost first."""
    if not 1 <= line <= len(lines):
        return []
    found: list[str] = []
    limit: int | None = None
    for text in reversed(lines[:line]):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = KEY_LINE.match(text)
        if match:
            indent = len(match.group(1)) + len(match.group(2) or "")
            if limit is None or indent < limit:
                found.insert(0, match.group(3))
                limit = indent
        elif limit is None:  # the line itself is a value, or an item of a list
            indent = len(text) - len(text.lstrip())
            limit = indent + (1 if text.lstrip().startswith("-") else 0)
        if limit == 0:
            break
    return found


def field_label(text: str, line: int, declared: ContentType, lang: str) -> str | None:
    """The label of the field `line` of a file of `declared` is in: "Mål i planen › På kort
    sikt", or the body's for a line below the front matter; None when it is none of them."""
    lines = text.splitlines()
    if declared.storage == "markdown-folder":
        ends = [i for i, value in enumerate(lines) if value.strip() == "---"]
        if len(ends) >= 2 and ends[0] == 0:
            if line > ends[1] + 1 and declared.body is not None:
                return declared.body.label[lang]
            lines = lines[: ends[1]]
    names = ancestors(lines, line)
    if not names or names[0] not in declared.names:
        return None
    field: Field = declared.field(names[0])
    labels = [field.label[lang]]
    for name in names[1:]:
        if field.translated and name in LANGUAGES:
            labels.append(LANGUAGE_LABELS[name])
        elif any(inner.name == name for inner in field.fields):
            field = field.inner(name)
            labels.append(field.label[lang])
    return " › ".join(labels)


def explained(
    verdict: dict[str, Any], folders: Folders, types: Sequence[ContentType], lang: str
) -> dict[str, Any]:
    """The verdict with each problem tied to its entry, field (labelled in `lang`) and
    language file."""
    problems = []
    for problem in verdict.get("problems") or []:
        if not isinstance(problem, dict):
            continue
        path = str(problem.get("path", ""))
        entry = entry_for(path, folders, types)
        shown = dict(problem)  # message and hint are in the preview's language already
        if entry is not None:
            shown["entry"] = entry.key
            shown["language"] = LANGUAGE_LABELS.get(entry.language or "")
            shown["field"] = label_at(folders.root / path, problem.get("line"), entry, lang)
        problems.append(shown)
    return {"built_at": verdict.get("built_at"), "ok": verdict.get("ok", True)} | {
        "problems": problems
    }


def label_at(path: Path, line: Any, entry: Entry, lang: str) -> str | None:
    if not isinstance(line, int) or line < 1:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return field_label(text, line, entry.declared, lang)
