"""When each content file last changed, for the "Sist oppdatert" line on every page.

The date comes from the project's git history, which knows when a text really changed (a fresh
clone gives every file today's time). A file git does not know yet, or one changed since its
last commit, has its own modification time instead, and so does every file where there is no git
at all. One `git log` over the content folder answers for every file at once; git is run without
pager, hooks or file-system monitor, and a git that fails or is missing means "no history".

With SOURCE_DATE_EPOCH set (the reproducible-builds convention), no date is later than that
moment, so the same sources build the same bytes on any machine and day (the tests use it).
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

from .model import PartialDate

_GIT = ("git", "--no-pager", "-c", "core.fsmonitor=false", "-c", "core.quotepath=false")


def last_changed(content: Path) -> dict[str, PartialDate]:
    """Every file in `content`, by its path inside it, and the day it last changed."""
    files = [path for path in content.rglob("*") if path.is_file()]
    committed, dirty = _git_dates(content)
    latest = _latest()
    changed = {}
    for path in files:
        rel = path.relative_to(content).as_posix()
        day = committed.get(rel)
        if day is None or rel in dirty:
            day = datetime.date.fromtimestamp(path.stat().st_mtime)
        day = min(day, latest) if latest else day
        changed[rel] = PartialDate(day.year, day.month, day.day)
    return changed


def _latest() -> datetime.date | None:
    """The day SOURCE_DATE_EPOCH names, when it is set to a number of seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return None
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()


def _git_dates(content: Path) -> tuple[dict[str, datetime.date], set[str]]:
    """The commit day of each file's last change, and the files changed since (or untracked),
    by their path inside `content`."""
    if shutil.which("git") is None:
        return {}, set()
    try:
        top = _git(content, "rev-parse", "--show-toplevel").strip()
        log = _git(content, "log", "--format=%x00%cs", "--name-only", "--", ".")
        status = _git(content, "status", "--porcelain", "-z", "--untracked-files=all", ".")
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}, set()
    to_root, root = Path(top).resolve(), content.resolve()
    dates: dict[str, datetime.date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = datetime.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(_relative(to_root / line, root), day)  # newest commit comes first
    # porcelain paths are relative to the repository's top, like the log's
    dirty = {_relative(to_root / entry[3:], root) for entry in status.split("\0") if entry[3:]}
    return dates, dirty


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # a file outside the content folder: no page shows it
        return path.as_posix()


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        (*_GIT, "-C", str(root), *args),
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    ).stdout
