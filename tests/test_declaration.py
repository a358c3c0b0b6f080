"""The declarations and the readers agree, for every content type: the keys a file holds are the
declared ones, a key nobody declared is an error, and a field is required exactly when the
declaration says so."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, folders_for

from showcase import pipeline
from showcase.commands import scaffold
from showcase.common.errors import BuildError
from showcase.content.contenttypes import CONTENT_TYPES
from showcase.content.declaration import ContentType
from showcase.content.starters import creatable

TODAY = datetime.date(2026, 11, 23)
KIND_OF = {scaffold.declaration(kind).name: kind for kind in scaffold.KINDS}


def files_of(declared: ContentType, content: Path) -> list[Path]:
    """One item's files: made by `new` for a type editors add to, else the single file."""
    if creatable(declared):
        return scaffold.create(KIND_OF[declared.name], "Ny prøve", folders_for(content), TODAY)
    return [content / declared.path]


def keys(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return list(yaml.safe_load(text.split("---\n")[1] if path.suffix == ".md" else text))


def without(text: str, name: str) -> str:
    """`text` with the top-level field `name` taken out: its line, the lines indented under it
    and the comment above it."""
    lines, out, skipping = text.split("\n"), [], False
    for line in lines:
        if line.startswith(f"{name}:"):
            skipping = True
            if out and out[-1].startswith("#"):
                out.pop()
            continue
        if skipping and line.startswith((" ", "-")) and not line.startswith("---"):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def errors(content: Path) -> list[str]:
    """What reading and validating the content finds (the pages are not made: they would only
    slow the 80-odd runs here down)."""
    try:
        pipeline.validate(folders_for(content))
    except BuildError as failed:
        return [str(e) for e in failed.errors]
    return []


@pytest.mark.parametrize("declared", CONTENT_TYPES, ids=lambda t: t.name)
def test_a_file_holds_the_declared_keys(declared: ContentType) -> None:
    if creatable(declared):
        return  # test_scaffold checks that `new` writes exactly the declared keys in order
    found = keys(PROJECT / "content" / declared.path)
    required = [f.name for f in declared.fields if f.required]
    assert set(required) <= set(found) <= set(declared.names)
    assert found == [name for name in declared.names if name in found]  # in declared order


@pytest.mark.parametrize("declared", [t for t in CONTENT_TYPES if creatable(t)], ids=str)
def test_new_writes_exactly_the_declared_keys(
    declared: ContentType, copy_site: Callable[[], Path]
) -> None:
    for path in files_of(declared, copy_site()):
        assert keys(path) == list(declared.names)


@pytest.mark.parametrize("declared", CONTENT_TYPES, ids=lambda t: t.name)
def test_a_key_nobody_declared_is_an_unknown_field(
    declared: ContentType, copy_site: Callable[[], Path]
) -> None:
    content = copy_site()
    path = files_of(declared, content)[0]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        path.write_text(text.replace("---\n", "---\ncolour: blue\n", 1), encoding="utf-8")
    else:
        path.write_text("colour: blue\n" + text, encoding="utf-8")
    rel = path.relative_to(content.parent).as_posix()
    found = errors(content)
    assert [e for e in found if e.startswith(rel) and "unknown field 'colour'" in e], found


@pytest.mark.parametrize(
    ("declared", "field"),
    [(t, f.name) for t in CONTENT_TYPES for f in t.fields],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_a_field_is_required_exactly_when_declared_so(
    declared: ContentType, field: str, copy_site: Callable[[], Path]
) -> None:
    content = copy_site()
    paths = files_of(declared, content)
    before = errors(content)
    for path in paths:  # (the fixture's site.yaml already goes without its optional privacy)
        text = path.read_text(encoding="utf-8")
        assert text != without(text, field) or not declared.field(field).required
        path.write_text(without(text, field), encoding="utf-8")
    found = [e for e in errors(content) if e not in before]
    if declared.field(field).required:
        assert any(f"'{field}'" in e for e in found), found
    else:
        assert found == []
