"""One error type for everything an editor can get wrong.

Every problem found in content is a `ContentError` that knows its file, line, column and how to
fix it. Stages collect them in an `ErrorLog` instead of raising, so one run reports them all.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .messages import translate


@dataclass(frozen=True, order=True)
class Position:
    """Where something is in a content file: path relative to the project, 1-based line/col."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.path}:{self.line}:{self.col}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem an editor can fix: where it is, what is wrong, and how to fix it."""

    where: Position
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """path:line:col: what is wrong — how to fix it, in the editor's language."""
        text = f"{self.where}: {translate(self.message, lang)}"
        if self.hint:
            text += f" — {translate(self.hint, lang)}"
        return text


@dataclass
class ErrorLog:
    """Collects errors and warnings from every stage of a run.

    Once a file is found unreadable (`cannot_read`), what is later logged at it or at its
    translations only echoes that one slip, and is left out: one slip, one error. `extend`
    adds another log's findings whole (the privacy scan's, which do not depend on reading)."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # families of files, see `family`

    def error(self, where: Position, message: str, hint: str = "") -> None:
        if not self.echoes(where.path):
            self.errors.append(ContentError(where, message, hint))

    def warn(self, where: Position, message: str, hint: str = "") -> None:
        if not self.echoes(where.path):
            self.warnings.append(ContentError(where, message, hint, warning=True))

    def cannot_read(self, where: Position, message: str, hint: str) -> None:
        """The one error saying why a file's text cannot be read at all."""
        self.error(where, message, hint)
        self.unreadable.add(family(where.path))

    def echoes(self, path: str) -> bool:
        """Whether `path` is a file, or a translation of a file, that could not be read."""
        return bool(self.unreadable) and family(path) in self.unreadable

    def extend(self, other: ErrorLog) -> None:
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.unreadable |= other.unreadable

    def __bool__(self) -> bool:
        return bool(self.errors)


class BuildError(Exception):
    """Raised when a run found content errors; carries all of them, sorted by place."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __reduce__(self) -> tuple[type[BuildError], tuple[list[ContentError]]]:
        """Raised in a worker process, it reaches the build with its errors intact."""
        return BuildError, (self.errors,)


def family(path: str) -> str:
    """A file and its translations: its path up to the first dot of its name, so that
    content/cases/x.nb.md and content/cases/x.en.md are one family (keys hold no dots)."""
    folder, slash, name = path.rpartition("/")
    return folder + slash + name.split(".")[0]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean …?' hint for a misspelt key or reference, or '' when nothing is close."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def relative(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project root, with forward slashes."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()
