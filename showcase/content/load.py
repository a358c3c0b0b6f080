"""Finding and reading content files, keeping line numbers.

This module knows the file layout (which files exist, how their names give key and language,
where front matter ends) but nothing about what fields mean: `reader.py` and `types/` know that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative
from . import yamlread
from .yamlread import Node, read_yaml

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_HINT = "use lowercase letters a–z, digits and single hyphens, e.g. 'unge-voksne'"


def is_editor_litter(path: Path) -> bool:
    """Dotfiles, swap files and backups that editors leave beside the real file."""
    name = path.name
    return (
        name.startswith((".", "#", "~"))
        or name.endswith(("~", ".swp", ".swo", ".tmp", ".bak", ".orig"))
        or name.startswith(".#")
    )


@dataclass(frozen=True)
class SourceFile:
    """A content file and what its name says: key and (for Markdown) language."""

    path: Path
    rel: str  # relative to the project root, for messages
    key: str
    lang: str | None


@dataclass(frozen=True)
class MarkdownFile:
    source: SourceFile
    front: Node | None  # the front matter, None when it could not be read
    front_where: Position
    body: str
    body_where: Position


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link followed, stays inside `root`."""
    return path.resolve().is_relative_to(root.resolve())


def linked_outside(path: Path, boundary: Path, root: Path, log: ErrorLog) -> bool:
    """True (and an error logged) when a file is a link that leads out of `boundary`."""
    if inside(path, boundary):
        return False
    log.error(
        Position(relative(path, root)),
        "the file is a link to somewhere outside the project",
        "copy the file into the content folder instead of linking to it",
    )
    return True


def single_file(path: Path, root: Path, log: ErrorLog) -> SourceFile | None:
    """A file such as content/method.yaml, unless it is a link leading out of its folder."""
    if path.is_symlink() and linked_outside(path, path.parent, root, log):
        return None
    return SourceFile(path, relative(path, root), path.stem, None)


def list_files(folder: Path, suffix: str, root: Path, log: ErrorLog) -> list[Path]:
    """Content files directly in `folder`, sorted, without editor litter or links leaving
    content/ (the folder's parent: every kind of item has its own folder in content/)."""
    if not folder.is_dir():
        return []
    found = []
    folder_inside = inside(folder, folder.parent)  # a plain file in it is then inside too
    for path in sorted(folder.iterdir()):
        if path.suffix != suffix or is_editor_litter(path) or not path.is_file():
            continue
        if (not folder_inside or path.is_symlink()) and linked_outside(
            path, folder.parent, root, log
        ):
            continue
        found.append(path)
    return found


def yaml_sources(folder: Path, root: Path, log: ErrorLog) -> list[SourceFile]:
    """One `<key>.yaml` per item; the name is the key."""
    sources = []
    for path in list_files(folder, ".yaml", root, log):
        rel = relative(path, root)
        key = path.stem
        if not KEY_PATTERN.match(key):
            log.error(Position(rel), f"'{path.name}' is not a valid file name", KEY_HINT)
            continue
        sources.append(SourceFile(path, rel, key, None))
    for path in list_files(folder, ".yml", root, log):
        log.error(Position(relative(path, root)), "file ends in .yml", "rename it to end in .yaml")
    return sources


def markdown_sources(
    folder: Path, root: Path, languages: tuple[str, ...], log: ErrorLog
) -> dict[str, dict[str, SourceFile]]:
    """`<key>.<lang>.md` files grouped by key, then language; a language missing is an error."""
    grouped: dict[str, dict[str, SourceFile]] = {}
    for path in list_files(folder, ".md", root, log):
        rel = relative(path, root)
        key, _, lang = path.stem.rpartition(".")
        if not key or lang not in languages:
            expected = " or ".join(f"{path.stem}.{lang}.md" for lang in languages)
            log.error(
                Position(rel),
                f"'{path.name}' does not say its language",
                f"name it {expected}",
            )
            continue
        if not KEY_PATTERN.match(key):
            log.error(Position(rel), f"'{path.name}' is not a valid file name", KEY_HINT)
            continue
        grouped.setdefault(key, {})[lang] = SourceFile(path, rel, key, lang)
    for key, by_lang in grouped.items():
        for lang in languages:
            if lang not in by_lang:
                present = next(iter(by_lang.values()))
                missing = relative(folder / f"{key}.{lang}.md", root)
                log.error(
                    Position(present.rel),
                    f"the translation {missing} is missing",
                    f"create {missing}: copy this file and translate it",
                )
    return {key: by_lang for key, by_lang in grouped.items() if len(by_lang) == len(languages)}


# Text of files read before, by path, size and modification time: the live preview reads every
# file on every save, and one `stat` is much cheaper than opening and decoding the file again.
# Only the preview turns this on (`remember`); a one-off build would just hold the text twice.
_TEXTS: dict[Path, tuple[int, int, str]] = {}
_REMEMBER = [False]


def remember(on: bool = True) -> None:
    """Keep what was read for the next build in this process (the live preview's many builds)."""
    _REMEMBER[0] = on
    if not on:
        _TEXTS.clear()
    yamlread.remember(on)


def text_of(path: Path) -> str:
    """The file's text as it is on disk (raises OSError or UnicodeDecodeError), remembered by
    size and time while `remember` is on."""
    if not _REMEMBER[0]:
        return path.read_text(encoding="utf-8")
    stat = path.stat()
    known = _TEXTS.get(path)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        return known[2]
    text = path.read_text(encoding="utf-8")
    _TEXTS[path] = (stat.st_size, stat.st_mtime_ns, text)
    return text


def read_text(path: Path, rel: str, log: ErrorLog) -> str | None:
    """The file's text with line ends made plain, or None (and an error logged)."""
    try:
        text = text_of(path)
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        log.error(
            Position(rel, line),
            "the file is not UTF-8 text",
            "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
        )
        return None
    except OSError as exc:
        log.error(Position(rel), f"cannot read the file: {exc.strerror}", "check that it exists")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_yaml_file(source: SourceFile | None, log: ErrorLog) -> Node | None:
    if source is None:
        return None
    text = read_text(source.path, source.rel, log)
    return None if text is None else read_yaml(text, source.rel, log)


def read_markdown(source: SourceFile, log: ErrorLog) -> MarkdownFile | None:
    """Split a Markdown file into its front matter (YAML between '---' lines) and body."""
    text = read_text(source.path, source.rel, log)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        log.error(
            Position(source.rel, 1, 1),
            "the file does not start with front matter",
            "begin the file with a line '---', the fields (title: …), and another '---'",
        )
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        log.error(
            Position(source.rel, 1, 1),
            "the front matter has no closing '---'",
            "add a line with only '---' after the last field",
        )
        return None
    front_text = "\n".join(lines[1:end])
    front = read_yaml(front_text, source.rel, log, line_offset=1)
    body = "\n".join(lines[end + 1 :])
    return MarkdownFile(
        source,
        front,
        Position(source.rel, 2, 1),
        body,
        Position(source.rel, end + 2, 1),
    )
