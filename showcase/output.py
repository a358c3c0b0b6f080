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


def write_site(
    out: Path, files: Iterable[tuple[str, bytes]], unchanged: dict[str, str] | None = None
) -> dict[str, str]:
    """Write every (relative path, bytes) into a fresh folder, then swap it in for `out`.

    `unchanged` maps paths to the digests of the files now in `out`: a file with the same bytes
    is hard-linked from there instead of written again. Returns each written file's digest."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{out.name}.tmp-", dir=out.parent))
    root = staging.resolve()
    previous = unchanged or {}
    digests: dict[str, str] = {}
    made: set[Path] = {root}
    try:
        for relative, data in files:
            target = root / relative
            if ".." in Path(relative).parts or Path(relative).is_absolute():
                raise ValueError(f"output path escapes the site folder: {relative}")
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.update(target.parents)
            digests[relative] = value = digest(data)
            if previous.get(relative) != value or not _link(out / relative, target):
                target.write_bytes(data)
        staging.chmod(0o755)
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
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
