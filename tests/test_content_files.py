"""Content files as things on disk: whatever sits under a content name, however it is named,
however large or deeply nested, ends in an error that names it, never a traceback or silence."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SITES, folders_for

from showcase.common.errors import ErrorLog, Position
from showcase.common.messages import translate
from showcase.content.fields import Fields
from showcase.content.load import (
    TooLarge,
    is_editor_litter,
    list_files,
    name_allowed,
    read_yaml_file,
    text_of,
    yaml_sources,
)
from showcase.content.schema import load_content, load_site
from showcase.content.urls import Urls, output_path, pages_by_source
from showcase.content.yamlread import MAX_DEPTH, Mapping, excerpt, read_yaml
from showcase.output.incremental import inputs_fingerprint
from showcase.render.pages import plan_pages


def errors_of(log: ErrorLog) -> list[str]:
    return [str(e) for e in log.errors]


def listed(folder: Path, suffix: str = ".yaml") -> tuple[list[str], list[str]]:
    log = ErrorLog()
    found = list_files(folder, suffix, folder.parent.parent, log)
    return [p.name for p in found], errors_of(log)


@pytest.fixture
def groups(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "groups"
    folder.mkdir(parents=True)
    (folder / "unge.yaml").write_text("name: x\n")
    return folder


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: p.symlink_to("nowhere.yaml"), "is a link to a file that does not exist"),
        (lambda p: p.symlink_to(p.name), "is a link that leads round in a circle"),
        (os.mkfifo, "is a special file"),
    ],
    ids=["folder", "dangling link", "link loop", "fifo"],
)
def test_anything_but_a_file_under_a_content_name_is_an_error_naming_it(
    groups: Path, make: Callable[[Path], object], says: str
) -> None:
    make(groups / "levekar.yaml")
    names, errors = listed(groups)
    assert names == ["unge.yaml"]
    assert len(errors) == 1
    assert "content/groups/levekar.yaml: 'levekar.yaml' " + says in errors[0]


def test_a_pipe_is_never_opened(groups: Path) -> None:
    """Reading a FIFO would wait for a writer forever: text_of refuses before opening it."""
    os.mkfifo(groups / "ror.yaml")
    with pytest.raises(OSError, match="not a regular file"):
        text_of(groups / "ror.yaml")


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("levekar.yaml ", "begins or ends with a space"),
        (" levekar.yaml", "begins or ends with a space"),
        (".levekar.yaml", "is hidden (its name starts with a dot)"),
    ],
)
def test_names_that_hide_a_content_file_are_errors(groups: Path, name: str, says: str) -> None:
    (groups / name).write_text("name: x\n")
    names, errors = listed(groups)
    assert names == ["unge.yaml"]
    assert len(errors) == 1 and says in errors[0] and f"'{name}'" in errors[0]


@pytest.mark.parametrize(
    "name", [".levekar.yaml.swp", ".#levekar.yaml", "._levekar.yaml", "levekar.yaml~", ".DS_Store"]
)
def test_editor_litter_stays_silent(groups: Path, name: str) -> None:
    (groups / name).write_text("x")
    assert is_editor_litter(groups / name)
    assert listed(groups) == (["unge.yaml"], [])


def test_a_name_that_is_not_utf8_is_reported_with_escapes_and_fingerprinted(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    (content / "groups").mkdir(parents=True)
    with open(os.fsencode(content / "groups") + b"/caf\xe9.yaml", "wb") as handle:  # noqa: PTH123
        handle.write(b"name: x\n")
    before = inputs_fingerprint(content)  # the build's first look at content/ must not crash
    assert listed(content / "groups") == ([], [])  # reported once, for all of content/
    site = SITES / "basic" / "content"
    log = ErrorLog()
    folders = folders_for(content)
    site_copy = load_site(folders_for(site), ErrorLog())
    assert site_copy is not None
    load_content(folders, site_copy, log)
    wrong = [e for e in errors_of(log) if "not UTF-8" in e]
    assert wrong == [
        "content/groups/caf\\xe9.yaml: the name 'caf\\xe9.yaml' is not UTF-8 text — "
        "rename it using letters a–z, digits and hyphens"
    ]
    assert inputs_fingerprint(content) == before


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("con", "reserves for devices"),
        ("NUL", "reserves for devices"),
        ("lpt9", "reserves for devices"),
        ("a" * 81, "81 characters long, more than the 80 allowed"),
    ],
)
def test_keys_windows_reserves_or_too_long_are_refused(key: str, says: str) -> None:
    log = ErrorLog()
    assert not name_allowed(key, Position("content/x.yaml"), log)
    assert says in errors_of(log)[0]
    assert key not in errors_of(log)[0] or len(key) <= 60  # a long key only as an excerpt


def test_allowed_keys_pass() -> None:
    log = ErrorLog()
    assert all(name_allowed(k, Position("x"), log) for k in ("console", "com10", "a" * 80))
    assert not log.errors


def test_a_file_over_its_size_limit_is_refused_before_it_is_read(groups: Path) -> None:
    big = groups / "stor.yaml"
    with big.open("wb") as handle:  # sparse: nothing is written, stat still says 2 MB
        handle.truncate(2_000_000)
    with pytest.raises(TooLarge):
        text_of(big)
    log = ErrorLog()
    sources = yaml_sources(groups, groups.parent.parent, log)
    assert [read_yaml_file(s, log) for s in sources if s.key == "stor"] == [None]
    assert errors_of(log) == [
        "content/groups/stor.yaml: the file is 2.0 MB, more than the 1 MB allowed for a .yaml "
        "file — check that this is the right file; split a long text into several pages"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        "a: " + "[" * 300_000 + "]" * 300_000,  # libyaml alone would crash the process
        "a:\n" + "".join(f"{' ' * n}k{n}:\n" for n in range(1, MAX_DEPTH + 5)),
        "- " * (MAX_DEPTH + 2) + "x",
        "a: !x " + "[" * 500 + "]" * 500,  # the strict loader, for the tag
    ],
    ids=["brackets", "300 000 brackets", "indentation", "compact lists", "with a tag"],
)
def test_nesting_too_deep_is_one_error_with_its_position(text: str) -> None:
    log = ErrorLog()
    assert read_yaml(text, "content/x.yaml", log) is None
    deep = [e for e in log.errors if "nested more than 50 levels" in e.message]
    assert len(deep) == 1 and deep[0].where.line >= 1 and deep[0].where.col > 1


def test_nesting_up_to_the_limit_is_read() -> None:
    log = ErrorLog()
    node = read_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "x.yaml", log)
    assert isinstance(node, Mapping) and not log.errors


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\uffff"])
def test_characters_yaml_refuses_are_errors_at_their_place(char: str) -> None:
    """read_text takes most of them out first (content/invisible.py); YAML read from anywhere
    else still gets a positioned error, never a ReaderError."""
    log = ErrorLog()
    assert read_yaml(f"a: 1\nb: 'abc{char}'\n", "content/x.yaml", log) is None
    assert errors_of(log) == [
        f"content/x.yaml:2:8: the file contains the character U+{ord(char):04X}, which YAML "
        "does not allow — delete it (it often comes with text copied from another program) "
        "and save the file again"
    ]
    assert translate(log.errors[0].message, "nb").startswith("filen inneholder tegnet U+")


def test_messages_quote_only_an_excerpt_of_a_value() -> None:
    secret = "x" * 100 + "HEMMELIG"
    log = ErrorLog()
    node = read_yaml(f"{secret}\n", "content/x.yaml", log)
    Fields(node, log, Position("content/x.yaml"), ("nb",))
    assert log.errors and all("HEMMELIG" not in str(e) for e in log.errors)
    assert excerpt("kort") == "kort"
    assert len(excerpt("y" * 1000)) == 60


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("99999999999999999999999999999", "'order' must be at most 1000000"),
        ("9" * 5000, "'order' must be at most 1000000"),  # past the digits int() accepts
        ("1000001", "'order' must be at most 1000000"),
        ("-1", "'order' must be a whole number"),
        ("١٢", "'order' must be a whole number"),  # digits of another script
    ],
)
def test_numbers_out_of_range_are_errors(value: str, says: str) -> None:
    log = ErrorLog()
    f = Fields(read_yaml(f"order: {value}\n", "x.yaml", log), log, Position("x.yaml"), ("nb",))
    assert f.integer("order") is None
    assert says in errors_of(log)[0] and len(errors_of(log)[0]) < 300


def test_every_planned_page_has_its_address_checked() -> None:
    """pages_by_source, which the loader checks for shared addresses, lists exactly the pages
    plan_pages makes: a new kind of page added to one must be added to the other."""
    folders = folders_for(SITES / "basic" / "content")
    log = ErrorLog()
    site = load_site(folders, log)
    assert site is not None
    content = load_content(folders, site, log)
    assert content is not None, errors_of(log)
    planned = sorted(output_path(spec.url) for spec in plan_pages(content, Urls(content)))
    listed_pages = sorted(output_path(url) for url, _source in pages_by_source(content, "g"))
    assert planned == listed_pages
