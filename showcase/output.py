"""Writing site/ all at once, or not at all.

The new site is written to a temporary folder beside the old one and swapped in with renames only
when every file is written. A failure at any point leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .incremental import digest

SITE_MARK = "sitemap.xml"  # every built site has one; a folder without it is not ours to replace


class UnsafeOutput(Exception):
    """The output folder is one that must never be replaced."""


def check_output_folder(out: Path, root: Path, protected: Iterable[Path]) -> None:
    """Refuse to replace '/', the home folder, the project itself or the content."""
    target = out.resolve()
    forbidden = {Path("/").resolve(), Path.home().resolve(), root.resolve()}
    forbidden |= {p.resolve() for p in protected}
    for danger in forbidden:
        if target == danger or danger.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site into {out}: it would replace {danger}")
    if target.is_dir() and any(target.iterdir()) and not (target / SITE_MARK).is_file():
        raise UnsafeOutput(
            f"refusing to replace {out}: it is not empty and does not look like a built site "
            f"(no {SITE_MARK}); choose an empty or new folder"
        )


class Staging:
    """A new site being written file by file beside the old one, then swapped in whole.

    Files go straight to disk as they are made (from any process: the build's forked workers
    write their own pages), so a build never holds the whole site in memory. A file whose bytes
    equal the one the last build left in `out` is hard-linked from there instead of written.
    `publish` swaps the finished folder in; `discard` removes it, leaving `out` as it was."""

    def __init__(self, out: Path, unchanged: dict[str, str] | None = None) -> None:
        self.out = out.absolute()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(
            tempfile.mkdtemp(prefix=f"{self.out.name}.tmp-", dir=self.out.parent)
        ).resolve()
        self.unchanged = unchanged or {}  # path -> digest of files still as the last build wrote

    def target(self, relative: str) -> Path:
        """Where `relative` goes in the new site; never outside it."""
        if ".." in Path(relative).parts or Path(relative).is_absolute():
            raise ValueError(f"output path escapes the site folder: {relative}")
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def put(self, relative: str, data: bytes) -> str:
        """Write one file (or link the identical old one); returns its digest."""
        value = digest(data)
        target = self.target(relative)
        if self.unchanged.get(relative) != value or not _link(self.out / relative, target):
            target.write_bytes(data)
        return value

    def reuse(self, relative: str) -> str | None:
        """Link the last build's file at `relative` unchanged; its digest, or None if gone."""
        value = self.unchanged.get(relative)
        if value is None or not _link(self.out / relative, self.target(relative)):
            return None
        return value

    def publish(self) -> None:
        self.root.chmod(0o755)
        swap_in(self.root, self.out)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def write_site(
    out: Path, files: Iterable[tuple[str, bytes]], unchanged: dict[str, str] | None = None
) -> dict[str, str]:
    """Write every (relative path, bytes) into a fresh folder, then swap it in for `out`.

    `unchanged` maps paths to the digests of the files now in `out`: a file with the same bytes
    is hard-linked from there instead of written again. Returns each written file's digest."""
    stage = Staging(out, unchanged)
    try:
        digests = {relative: stage.put(relative, data) for relative, data in files}
        stage.publish()
    except BaseException:
        stage.discard()
        raise
    return digests


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        return False
    return True


def swap_in(staging: Path, out: Path) -> None:
    """Replace `out` with `staging` using renames, so readers never see a half-written site."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=out.parent))
        out.replace(old / "site")
    try:
        staging.replace(out)
    except BaseException:
        if old is not None:
            (old / "site").replace(out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
