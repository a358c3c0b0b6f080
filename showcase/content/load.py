"""Finding and reading content files, keeping line numbers.

This module knows the file layout (which files exist, how their names give key and language,
where front matter ends) but nothing about what fields mean: `reader.py` and `types/` know that.
"""

from __future__ import annotations

import errno
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative
from . import invisible, yamlread
from .filekinds import plain_file, shown_name
from .yamlread import Node, excerpt, read_yaml

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_HINT = "use lowercase letters a–z, digits and single hyphens, e.g. 'unge-voksne'"
KEY_MAX = 80  # characters in a file name's key or a slug: a folder of the site is named by it
# Names Windows keeps for devices: a file or folder named so cannot exist there, and editors may
# sync content/ (or a copy of site/) to a Windows machine.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))]
)
# Larger files are refused before they are read: the longest real file is some 10 kB, and
# PyYAML needs about 1.5 s and 100 MB per MB of YAML.
SIZE_LIMITS = {".yaml": 1_000_000, ".yml": 1_000_000, ".md": 5_000_000}
YAML_MAX = SIZE_LIMITS[".yaml"]


class TooLarge(OSError):
    """A content file over its size limit (an OSError: whoever reads files skips it)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, "File too large")
        self.size, self.limit = size, limit


def name_allowed(key: str, where: Position, log: ErrorLog) -> bool:
    """Whether a key or slug that has the right letters is also short enough and not a name
    Windows reserves (`con`, `nul`, …); if not, an error is logged at `where`."""
    if len(key) > KEY_MAX:
        log.error(
            where,
            f"'{excerpt(key)}' is {len(key)} characters long, more than the {KEY_MAX} "
            "allowed in a name or address",
            "shorten it to a few words, e.g. 'unge-voksne'",
        )
        return False
    if key.lower() in WINDOWS_RESERVED:
        log.error(
            where,
            f"'{key}' is a name Windows reserves for devices and cannot be used",
            "choose another name; con, prn, aux, nul, com1–com9 and lpt1–lpt9 are not allowed",
        )
        return False
    return True


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
    if (path.exists() or path.is_symlink()) and not plain_file(path, root, log):
        return None
    return SourceFile(path, relative(path, root), path.stem, None)


def list_files(
    folder: Path, suffix: str, root: Path, log: ErrorLog, any_case: bool = False
) -> list[Path]:
    """Content files directly in `folder`, sorted, without editor litter or links leaving
    content/ (the folder's parent: every kind of item has its own folder in content/).
    `any_case`: the suffix may be written in capitals too (a camera's IMG_4711.JPG).

    Nothing named like a content file is skipped quietly: a folder, a broken link or a special
    file in its place, a name with a space at either end and a hidden copy are errors, since
    each would otherwise unpublish the item without a word."""
    if not folder.is_dir():
        return []
    found = []
    folder_inside = inside(folder, folder.parent)  # a plain file in it is then inside too
    for path in sorted(folder.iterdir()):
        if shown_name(path.name) != path.name:
            continue  # reported once for all of content/ (names_not_utf8)
        if misnamed(path, suffix, relative(path, root), log):
            continue
        own = path.suffix.lower() if any_case else path.suffix
        if own != suffix or is_editor_litter(path) or not plain_file(path, root, log):
            continue
        if (not folder_inside or path.is_symlink()) and linked_outside(
            path, folder.parent, root, log
        ):
            continue
        found.append(path)
    return found


def misnamed(path: Path, suffix: str, rel: str, log: ErrorLog) -> bool:
    """True (and an error logged) for a content file the build would not see for its name: a
    space at either end, or a dot in front that hides it ('.levekar.yaml'). Editor litter such
    as '.levekar.yaml.swp' or '.#levekar.yaml' is not named like content, and stays ignored."""
    name = path.name
    if name != name.strip() and name.strip().endswith(suffix):
        log.error(
            Position(rel),
            f"the file name '{name}' begins or ends with a space",
            f"rename it to '{name.strip()}'",
        )
        return True
    visible = name[1:]
    if (
        name.startswith(".")
        and visible.endswith(suffix)
        and KEY_PATTERN.match(visible.split(".")[0])
    ):
        log.error(
            Position(rel),
            f"the file '{name}' is hidden (its name starts with a dot), so it is not published",
            f"rename it to '{visible}', or delete it if it is an old copy",
        )
        return True
    return False


def yaml_sources(folder: Path, root: Path, log: ErrorLog) -> list[SourceFile]:
    """One `<key>.yaml` per item; the name is the key."""
    sources = []
    for path in list_files(folder, ".yaml", root, log):
        rel = relative(path, root)
        key = path.stem
        if not KEY_PATTERN.match(key):
            log.error(Position(rel), f"'{excerpt(path.name)}' is not a valid file name", KEY_HINT)
            continue
        if name_allowed(key, Position(rel), log):
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
            log.error(Position(rel), f"'{excerpt(path.name)}' is not a valid file name", KEY_HINT)
            continue
        if name_allowed(key, Position(rel), log):
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
    size and time while `remember` is on. Anything but a regular file is never opened, and a
    file over its size limit never read (`TooLarge`)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    limit = SIZE_LIMITS.get(path.suffix, 0)
    if limit and info.st_size > limit:
        raise TooLarge(info.st_size, limit)
    if not _REMEMBER[0]:
        return path.read_text(encoding="utf-8")
    known = _TEXTS.get(path)
    if known is not None and known[:2] == (info.st_size, info.st_mtime_ns):
        return known[2]
    text = path.read_text(encoding="utf-8")
    _TEXTS[path] = (info.st_size, info.st_mtime_ns, text)
    return text


def read_text(path: Path, rel: str, log: ErrorLog) -> str | None:
    """The file's text with line ends made plain, or None (and an error logged)."""
    try:
        text = text_of(path)
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        log.cannot_read(
            Position(rel, line),
            "the file is not UTF-8 text",
            "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
        )
        return None
    except TooLarge as exc:
        log.cannot_read(
            Position(rel),
            f"the file is {exc.size / 1e6:.1f} MB, more than the {exc.limit / 1e6:g} MB "
            f"allowed for a {path.suffix} file",
            "check that this is the right file; split a long text into several pages",
        )
        return None
    except OSError as exc:
        log.cannot_read(
            Position(rel), f"cannot read the file: {exc.strerror}", "check that it exists"
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    nul = text.find("\x00")
    if nul >= 0:  # not text at all: a damaged file, or one another program saved
        log.cannot_read(
            Position(rel, text.count("\n", 0, nul) + 1, nul - text.rfind("\n", 0, nul)),
            "the file contains a NUL character (U+0000), so it is not plain text",
            "open it in a text editor, copy the text into a new file and save that as UTF-8",
        )
        return None
    return invisible.strip_invisible(text, rel, log)


def read_yaml_file(source: SourceFile | None, log: ErrorLog) -> Node | None:
    if source is None:
        return None
    text = read_text(source.path, source.rel, log)
    return None if text is None else read_yaml(text, source.rel, log)


_FRONT_MATTER_LINE = re.compile(r"^(?: |#|- |[A-Za-z_][\w-]*:)")


def _front_matter_end(lines: list[str]) -> int:
    """Where a front matter left open most likely ends: its first empty line, or else the
    first line that cannot be a field (the text of the page)."""
    for i in range(1, len(lines)):
        if not lines[i].strip() or not _FRONT_MATTER_LINE.match(lines[i]):
            return i
    return len(lines) - 1


def read_markdown(source: SourceFile, log: ErrorLog) -> MarkdownFile | None:
    """Split a Markdown file into its front matter (YAML between '---' lines) and body; None
    (and one error logged) when either cannot be read."""
    text = read_text(source.path, source.rel, log)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        log.cannot_read(
            Position(source.rel, 1, 1),
            "the file does not start with front matter",
            "begin the file with a line '---', the fields (title: …), and another '---'",
        )
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        log.cannot_read(
            Position(source.rel, _front_matter_end(lines) + 1, 1),
            "the front matter has no closing '---'",
            "put a line with only '---' here, after the last field",
        )
        return None
    front_text = "\n".join(lines[1:end])
    if len(front_text) > YAML_MAX:  # characters, at least as many bytes: no YAML this long
        log.cannot_read(
            Position(source.rel, 2, 1),
            f"the front matter is longer than the {YAML_MAX / 1e6:g} MB of YAML allowed",
            "check where the front matter ends: a line with only '---' must close it",
        )
        return None
    front = read_yaml(front_text, source.rel, log, line_offset=1)
    if front is None:  # the one error is logged; reading fields from nothing would add more
        return None
    body = "\n".join(lines[end + 1 :])
    return MarkdownFile(
        source,
        front,
        Position(source.rel, 2, 1),
        body,
        Position(source.rel, end + 2, 1),
    )
