"""Writing site/ all at once, or not at all.

Everything a build makes is written to a temporary folder beside the old site first; site/
changes only when every file is written and checked, so a failure at any point leaves the
previous site/ exactly as it was. A whole new site is swapped in with renames (`Staging`); when
only a few files changed, just those are moved in, one rename each (`Patch`).

A build replaces a folder whole, so before anything is written `check_output_folder` makes sure
the folder is one a build may replace: missing, empty, or marked with `MARK` by an earlier build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..common.atomic import write_atomic
from .incremental import PACKAGE, digest, manifest_path

# Every site a build makes holds this file; only a folder with it (or an empty or missing one)
# may be replaced by a build. Served with the site (nginx hides it): it says nothing private.
MARK = ".showcase-site"
MARK_TEXT = (
    b"Built by the Asker velferdslab showcase generator (python build.py).\n"
    b"The next build replaces this whole folder: keep nothing else in it.\n"
)
# Folders no site may replace; under the second set, nothing may be written at all.
SYSTEM = (
    *("/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/run"),
    *("/sbin", "/sys", "/usr", "/var", "/tmp"),
)
SYSTEM_TREES = ("/dev", "/proc", "/sys", "/etc", "/usr", "/bin", "/sbin", "/boot")
KINDS = {stat.S_IFREG: "a file", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
KINDS |= {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket"}


class UnsafeOutput(Exception):
    """The output folder is one that must never be replaced."""


def check_output_folder(out: Path, root: Path, protected: Iterable[Path]) -> None:
    """Refuse, before anything is created or deleted, an output folder whose replacement would
    lose something: a file or device, a system folder, the project, its content, templates, code
    or .git, or any folder that holds files this build did not make. `protected` are the content
    and templates folders; the folders holding them are projects, never replaced whole."""
    try:
        target = out.resolve()
        _refuse_system_folders(out, target)
        _refuse_project_folders(out, target, root, protected)
        _refuse_what_is_not_a_folder(out, target)
        if target.is_dir() and any(target.iterdir()) and not _ours(out, target, root):
            raise UnsafeOutput(
                f"refusing to replace {out}: it holds files this build did not make (no {MARK}); "
                "choose an empty or new folder"
            )
    except (OSError, RuntimeError) as exc:  # unreadable, or links in a loop
        raise UnsafeOutput(
            f"refusing to write the site into {out}: it cannot be read ({exc})"
        ) from exc


def _resolved(names: Iterable[str | Path]) -> set[Path]:
    """Each path as written and with its links followed (/bin is /usr/bin on many systems)."""
    return {form for name in names for form in (Path(name), Path(name).resolve())}


def _refuse_system_folders(out: Path, target: Path) -> None:
    system = _resolved(SYSTEM)
    with contextlib.suppress(RuntimeError, KeyError):  # no home folder to protect
        system |= _resolved([Path.home()])
    for folder in sorted(system):
        if folder.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site into {out}: it would replace {folder}")
    for tree in sorted(_resolved(SYSTEM_TREES)):
        if target.is_relative_to(tree):
            raise UnsafeOutput(
                f"refusing to write the site into {out}: it is inside the system folder {tree}"
            )


def _refuse_project_folders(out: Path, target: Path, root: Path, protected: Iterable[Path]) -> None:
    trees = _resolved([*protected, PACKAGE])
    projects = _resolved([root, PACKAGE.parent, *(tree.parent for tree in trees)])
    trees |= {project / ".git" for project in projects}
    for folder in sorted(projects | trees):
        if folder.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site into {out}: it would replace {folder}")
    for tree in sorted(trees):
        if target.is_relative_to(tree):
            raise UnsafeOutput(f"refusing to write the site into {out}: it is inside {tree}")


def _refuse_what_is_not_a_folder(out: Path, target: Path) -> None:
    """A file, device, pipe or socket (or a link to one) is never replaced by a folder; nor can
    a site go under something that is not a folder."""
    if os.path.lexists(target):
        kind = stat.S_IFMT(os.lstat(target).st_mode)
        if kind != stat.S_IFDIR:
            what = KINDS.get(kind, "not a folder")
            raise UnsafeOutput(
                f"refusing to write the site into {out}: it is {what}; give --out a folder"
            )
        return
    parent = target.parent
    while not os.path.lexists(parent):
        parent = parent.parent
    if not parent.is_dir():
        raise UnsafeOutput(f"refusing to write the site into {out}: {parent} is not a folder")


def _ours(out: Path, target: Path, root: Path) -> bool:
    """Whether a folder was built here: it holds the mark, or, for a site built before there was
    one, the build manifest of that very folder exists (the next build adds the mark)."""
    mark = target / MARK
    return (mark.is_file() and not mark.is_symlink()) or manifest_path(root, out).is_file()


def mark(folder: Path) -> None:
    """Mark `folder` as a site this build made, so a later build may replace it."""
    path = folder / MARK
    with contextlib.suppress(OSError):
        if path.read_bytes() == MARK_TEXT and not path.is_symlink():
            return
    write_atomic(path, MARK_TEXT)


class Staging:
    """A new site being written file by file beside the old one, then swapped in whole.

    Files go straight to disk as they are made (from any process: the build's forked workers
    write their own pages), so a build never holds the whole site in memory. A file whose bytes
    equal the one the last build left in `out` is hard-linked from there instead of written.
    `publish` swaps the finished folder in; `discard` removes it, leaving `out` as it was."""

    def __init__(self, out: Path, unchanged: dict[str, str] | None = None) -> None:
        self.out = out.absolute()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.root = self._new_folder()
        self.unchanged = unchanged or {}  # path -> digest of files still as the last build wrote
        self._old, self._new = str(self.out), str(self.root)  # plain strings: tens of
        self._folders: set[str] = set()  # thousands of files make pathlib's cost show

    def _new_folder(self) -> Path:
        """Where the files of this build are written."""
        folder = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.tmp-", dir=self.out.parent))
        mark(folder)
        return folder.resolve()

    def target(self, relative: str) -> str:
        """Where `relative` goes in the new site (its folder made); never outside it."""
        parts = relative.split("/")
        if relative.startswith("/") or ".." in parts:
            raise ValueError(f"output path escapes the site folder: {relative}")
        folder = "/".join(parts[:-1])
        if folder not in self._folders:
            Path(self._new, folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        return f"{self._new}/{relative}"

    def put(self, relative: str, data: bytes) -> str:
        """Write one file (or link the identical old one); returns its digest."""
        value = digest(data)
        target = self.target(relative)
        if self.unchanged.get(relative) != value or not _link(self._source(relative), target):
            Path(target).write_bytes(data)
        return value

    def reuse(self, relative: str) -> str | None:
        """Link the last build's file at `relative` unchanged; its digest, or None if gone."""
        value = self.unchanged.get(relative)
        if value is None or not _link(self._source(relative), self.target(relative)):
            return None
        return value

    def _source(self, relative: str) -> str:
        return f"{self._old}/{relative}"

    def read(self, relative: str) -> bytes:
        """A file of the new site as it will be published (Pagefind reads the pages)."""
        return Path(self._new, relative).read_bytes()

    def publish(self, files: Mapping[str, str]) -> threading.Thread:
        """Swap the new site in (`files`, every file of it by digest, are all in place
        already). The old one is deleted on a thread, so the build can record what it wrote
        meanwhile: join the returned thread before the process ends."""
        self.root.chmod(0o755)
        old = swap_in(self.root, self.out)
        return _started(lambda: _remove(old))

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class InPlace(Staging):
    """The preview's way of writing: files change in `out` itself, each with one atomic rename,
    and what the build no longer makes is removed at the end. A save shows much sooner than
    with a new folder per build, but for a moment old and new pages may be served side by side
    and a failed build leaves a mix, which the preview covers with its error page. Never for
    site/, which changes only once the new build is whole and checked (`Staging`, `Patch`)."""

    def _new_folder(self) -> Path:
        self.out.mkdir(exist_ok=True)
        mark(self.out)  # ours from now on, even if this first build fails halfway
        return self.out

    def put(self, relative: str, data: bytes) -> str:
        value = digest(data)
        target = self.target(relative)
        if self.unchanged.get(relative) != value:
            write_atomic(Path(target), data)
        return value

    def reuse(self, relative: str) -> str | None:
        return self.unchanged.get(relative)

    def publish(self, files: Mapping[str, str]) -> threading.Thread:
        """Remove what this build did not make; the rest is in place already."""
        keep = {*files, MARK}
        for folder, _subfolders, names in os.walk(self.out, topdown=False):
            inside = os.path.relpath(folder, self.out)
            for name in names:
                relative = name if inside == "." else f"{inside}/{name}"
                if relative not in keep:
                    Path(folder, name).unlink()
            if folder != str(self.out):
                with contextlib.suppress(OSError):  # fails, as it should, unless it is empty
                    Path(folder).rmdir()
        return _started(lambda: None)  # nothing left to clean up

    def discard(self) -> None:
        """Nothing to undo: the preview shows the errors instead."""


class Patch(Staging):
    """A new site of which usually only a few files differ from the old one (one story edited
    among thousands). Files that changed are written into the temporary folder, files that did
    not are left where they are, and `publish` moves the changed ones into `out`, one rename
    each, then removes what the build no longer makes: milliseconds, where linking tens of
    thousands of files into a new folder and deleting the old one took seconds.

    Only after everything was written and checked is `out` touched, so a failed build still
    changes nothing. For the moment the few renames take, a reader may get an old page beside a
    new one, never half a file; new files go in before the pages that link to them. When more
    than `SHARE` of the site changed, the old files are linked into the new folder and it is
    swapped in whole, as `Staging` does."""

    SHARE = 0.1

    def put(self, relative: str, data: bytes) -> str:
        value = digest(data)
        if self.unchanged.get(relative) != value:
            Path(self.target(relative)).write_bytes(data)
        return value

    def reuse(self, relative: str) -> str | None:
        return self.unchanged.get(relative)

    def read(self, relative: str) -> bytes:
        try:
            return Path(self._new, relative).read_bytes()
        except FileNotFoundError:
            return Path(self._old, relative).read_bytes()

    def publish(self, files: Mapping[str, str]) -> threading.Thread:
        fresh = [path for path, value in files.items() if self.unchanged.get(path) != value]
        if len(fresh) > self.SHARE * len(files):
            for path in files.keys() - set(fresh):
                if not _link(self._source(path), self.target(path)):
                    shutil.copy2(self._source(path), self.target(path))
            return super().publish(files)
        for path in sorted(fresh, key=_linked_last):
            target = Path(self._old, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            Path(self._new, path).replace(target)
        for path in sorted(_files_in(self._old) - files.keys() - {MARK}):
            Path(self._old, path).unlink()
            _prune(Path(self._old, path).parent, self.out)
        mark(self.out)  # a site built before there was a mark gets one
        return _started(self.discard)


def _files_in(top: str) -> set[str]:
    """Every file under `top`, relative to it (scandir: no stat per file, unlike os.walk)."""
    found: set[str] = set()
    folders = [("", top)]
    while folders:
        inside, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{inside}{entry.name}/", entry.path))
                else:
                    found.add(inside + entry.name)
    return found


def _linked_last(path: str) -> tuple[bool, str]:
    """Pages, and the search's entry file, go in after the files they name."""
    name = path.rsplit("/", 1)[-1]
    return (".html" in name or name.startswith("pagefind-entry.json"), path)


def _prune(folder: Path, top: Path) -> None:
    """Remove `folder` and the folders above it that are now empty, up to `top`."""
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def write_site(
    out: Path, files: Iterable[tuple[str, bytes]], unchanged: dict[str, str] | None = None
) -> dict[str, str]:
    """Write every (relative path, bytes) into a fresh folder, then swap it in for `out`.

    `unchanged` maps paths to the digests of the files now in `out`: a file with the same bytes
    is hard-linked from there instead of written again. Returns each written file's digest."""
    stage = Staging(out, unchanged)
    try:
        digests = {relative: stage.put(relative, data) for relative, data in files}
        cleaner = stage.publish(digests)
    except BaseException:
        stage.discard()
        raise
    cleaner.join()
    return digests


def _remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _started(work: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=work)
    thread.start()
    return thread


def _link(source: str, target: str) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def swap_in(staging: Path, out: Path) -> Path | None:
    """Replace `out` with `staging` using renames, so readers never see a half-written site.
    Returns the folder now holding the old site, for the caller to delete."""
    if not out.exists():
        staging.replace(out)
        return None
    old = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=out.parent))
    out.replace(old / "site")
    try:
        staging.replace(out)
    except BaseException:
        (old / "site").replace(out)
        old.rmdir()
        raise
    return old
