"""Reading content files: front matter, line numbers, translations paired by key."""

from __future__ import annotations

from pathlib import Path

from showcase.common.errors import ErrorLog
from showcase.content.load import SourceFile, is_editor_litter, markdown_sources, read_markdown
from showcase.content.yamlread import Mapping


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_and_body_keep_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "cases" / "a.nb.md", "---\ntitle: A\nslug: a\n---\nFirst line\n")
    log = ErrorLog()
    md = read_markdown(SourceFile(path, "content/cases/a.nb.md", "a", "nb"), log)
    assert md is not None and not log.errors
    assert isinstance(md.front, Mapping)
    assert md.front.items["slug"][0].where.line == 3
    assert md.body_where.line == 5
    assert md.body == "First line\n"


def test_missing_front_matter_is_reported_at_line_one(tmp_path: Path) -> None:
    path = write(tmp_path / "a.nb.md", "title: A\n")
    log = ErrorLog()
    assert read_markdown(SourceFile(path, "content/a.nb.md", "a", "nb"), log) is None
    assert [str(e) for e in log.errors] == [
        "content/a.nb.md:1:1: the file does not start with front matter — "
        "begin the file with a line '---', the fields (title: …), and another '---'"
    ]


def test_translations_pair_by_key_and_a_missing_one_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "news"
    write(folder / "a.nb.md", "x")
    write(folder / "a.en.md", "x")
    write(folder / "b.nb.md", "x")
    write(folder / "b.nb.md~", "backup")
    write(folder / ".#b.nb.md", "lock")
    log = ErrorLog()
    found = markdown_sources(folder, tmp_path, ("nb", "en"), log)
    assert sorted(found) == ["a"]
    assert sorted(found["a"]) == ["en", "nb"]
    assert [str(e) for e in log.errors] == [
        "content/news/b.nb.md: the translation content/news/b.en.md is missing — "
        "create content/news/b.en.md: copy this file and translate it"
    ]


def test_file_without_language_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "pages"
    write(folder / "about.md", "x")
    log = ErrorLog()
    assert markdown_sources(folder, tmp_path, ("nb", "en"), log) == {}
    assert "name it about.nb.md or about.en.md" in str(log.errors[0])


def test_editor_litter_is_recognised() -> None:
    for name in ("a.nb.md~", ".a.nb.md.swp", "#a.nb.md#", ".#a.nb.md", ".DS_Store"):
        assert is_editor_litter(Path(name)), name
    assert not is_editor_litter(Path("a.nb.md"))
