"""Hostile corpus, family 'output': `--out` pointed at something a build must never replace.

Every refused folder ends in exit code 2 with a message naming it, and nothing in it or beside
it changes. The folders a build may write to (missing, empty, the last good site with its mark,
a site of the previous version with its build manifest) keep working with exit code 0.

The real system is never the target: devices, pipes and sockets are made inside the case's own
temporary folder. Output folders inside templates/ or the project itself are tested on a
temporary project in tests/test_output_guard.py, since the corpus builds with the real one.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from hostile import Case, device_node, last_good_site, run_case

from showcase.output import incremental
from showcase.output.staging import MARK


def _device(folder: Path) -> Path:
    return device_node(folder / "null")


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe")
    return folder / "pipe"


def _socket(folder: Path) -> Path:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(folder / "socket"))
    listener.close()
    return folder / "socket"


def _file(folder: Path) -> Path:
    (folder / "notes.txt").write_text("precious notes\n")
    return folder / "notes.txt"


def _link_to_file(folder: Path) -> Path:
    (folder / "link").symlink_to(_file(folder))
    return folder / "link"


def _link_to_device(folder: Path) -> Path:
    (folder / "link").symlink_to(_device(folder))
    return folder / "link"


def _under_a_file(folder: Path) -> Path:
    return _file(folder) / "site"


def _sitemap_beside_precious(folder: Path) -> Path:
    """Regression: a sitemap.xml made any folder count as a built site, replaced whole."""
    (folder / "site").mkdir()
    (folder / "site" / "sitemap.xml").write_text("<urlset/>\n")
    (folder / "site" / "precious.txt").write_text("the only copy\n")
    return folder / "site"


def _documents(folder: Path) -> Path:
    (folder / "documents" / "2024").mkdir(parents=True)
    (folder / "documents" / "2024" / "budget.txt").write_text("figures\n")
    return folder / "documents"


def _content_link(folder: Path) -> Path:
    (folder / "published").symlink_to(folder / "content", target_is_directory=True)
    return folder / "published" / "newsite"


def _git(folder: Path) -> Path:
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return folder / ".git"


def _loop(folder: Path) -> Path:
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    return folder / "a"


def _empty(folder: Path) -> Path:
    (folder / "empty").mkdir()
    return folder / "empty"


def _legacy_site(folder: Path) -> Path:
    """A site the previous version built: no mark, but its build manifest in .cache/build/."""
    out = folder / "site"
    shutil.copytree(last_good_site(), out, symlinks=True)
    (out / MARK).unlink()
    old = incremental.Manifest(generator="the previous version")
    incremental.save(incremental.manifest_path(folder, out), old)
    return out


REFUSED = [
    ("a device node, like /dev/null", _device, "null", ("null",)),
    ("a named pipe (FIFO)", _fifo, "pipe", ("pipe",)),
    ("a socket", _socket, "socket", ("socket",)),
    ("a regular file", _file, "notes.txt", ("notes.txt",)),
    ("a link to a file", _link_to_file, "link", ("notes.txt", "link")),
    ("a link to a device", _link_to_device, "link", ("null", "link")),
    ("a folder under a file", _under_a_file, "notes.txt", ("notes.txt",)),
    ("a sitemap.xml beside a precious file", _sitemap_beside_precious, "site", ("site",)),
    ("a folder of someone's documents", _documents, "documents", ("documents",)),
    ("a new folder inside content/", lambda f: f / "content" / "newsite", "newsite", ("content",)),
    ("content/ itself", lambda f: f / "content", "content", ("content",)),
    ("content/ spelt with '..'", lambda f: f / "x" / ".." / "content", "content", ("content",)),
    ("content/ through a link", _content_link, "newsite", ("content",)),
    ("the folder holding content/ (the project)", lambda f: f, "would replace", ("content",)),
    ("the project's .git/", _git, ".git", (".git",)),
    ("links in a loop", _loop, "cannot be read", ("a", "b")),
]

WORKING = [
    ("a missing folder", lambda f: f / "new" / "site"),
    ("an empty folder", _empty),
    ("a site of the previous version, with its manifest", _legacy_site),
]

CASES = [
    *(
        Case("output", name, out=out, exit_code=2, says=says, keep=keep)
        for name, out, says, keep in REFUSED
    ),
    *(Case("output", name, out=out, exit_code=0) for name, out in WORKING),
    Case("output", "the last good site, with its mark", exit_code=0),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path)
    assert outcome.clean, outcome.explain()


def test_a_site_of_the_previous_version_gets_the_mark(tmp_path: Path) -> None:
    case = Case("output", "legacy", out=_legacy_site, exit_code=0)
    assert run_case(case, tmp_path).clean
    assert (tmp_path / "site" / MARK).is_file()
