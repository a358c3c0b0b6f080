"""What is on disk under a content file's name, before anything is read: a plain file, or
something to report by name (a folder, a broken link, a pipe, a name that is not UTF-8).

Each of these used to be skipped without a word, which unpublished the item quietly; reading a
pipe would even wait forever. `load.list_files` asks here about every file it lists.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative


def shown_name(name: str) -> str:
    """A file name as messages can print it: bytes that are not UTF-8 shown as escapes (\\xe9)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return str(os.fsencode(name))[2:-1]
    return name


def names_not_utf8(content: Path, root: Path, log: ErrorLog) -> None:
    """An error for every file or folder in content/ whose name is not UTF-8: it cannot be
    printed, compared or published, and is easily lost when the folder is copied."""
    for folder, subfolders, names in os.walk(content):
        for name in [*subfolders, *names]:
            shown = shown_name(name)
            if shown != name:
                where = f"{relative(Path(shown_name(folder)), root)}/{shown}"
                log.error(
                    Position(where),
                    f"the name '{shown}' is not UTF-8 text",
                    "rename it using letters a–z, digits and hyphens",
                )


def plain_file(path: Path, root: Path, log: ErrorLog) -> bool:
    """Whether `path` is a regular file, links followed; if it is named like content but is
    anything else, an error says what it is. Special files are never opened (a pipe would
    wait for a writer forever)."""
    where = Position(relative(path, root))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            log.error(
                where,
                f"'{path.name}' is a link to a file that does not exist",
                "replace the link with the file itself, or delete it",
            )
        return False  # otherwise deleted since the folder was listed: it is simply gone
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            log.error(
                where,
                f"'{path.name}' is a link that leads round in a circle",
                "replace the link with the file itself, or delete it",
            )
        else:
            log.error(where, f"cannot read the file: {exc.strerror}", "check that it exists")
        return False
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        log.error(
            where,
            f"'{path.name}' is a folder, not a file",
            "content files must be files: move what is in the folder out, and delete it",
        )
    else:
        log.error(
            where,
            f"'{path.name}' is a special file (a pipe, socket or device), not a text file",
            "replace it with an ordinary file saved from a text editor, or delete it",
        )
    return False
