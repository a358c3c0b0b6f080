"""The hostile-content corpus: files a careless or hostile editor could write, and what a build
must do with each.

Every case copies the fixture site (tests/sites/basic), leaves a built site in the output folder
as the last good build, breaks the copy one way and builds it with the real command line. A
clean outcome has the expected exit code, no traceback and no hang, leaves the last good site
exactly as it was when the build fails (nothing lost), and lets no hostile or personal value
reach any file of the output (pages, search index, feeds, compressed copies).

The cases live beside their tests, one file per family (tests/test_hostile_*.py). Run this file
to see every family's outcomes as a table:

    .venv/bin/python tests/hostile.py
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib
import io
import os
import shutil
import signal
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
FIXTURE = TESTS / "sites" / "basic" / "content"
FAMILIES = ("output", "links", "privacy", "files")  # tests/test_hostile_<family>.py
TIMEOUT = 60  # seconds; a build of the fixture site takes about one

if str(PROJECT) not in sys.path:  # run as a script
    sys.path.insert(0, str(PROJECT))

from showcase.commands.cli import main  # noqa: E402


@dataclass(frozen=True)
class Case:
    """One hostile input. `breaks` changes the copied content folder (its argument); `out`, when
    given, makes the output folder to use inside the case's temporary folder (its argument)."""

    family: str
    name: str
    breaks: Callable[[Path], object] = lambda content: None
    exit_code: int = 1
    secret: str | None = None  # must appear in no output file
    says: str | None = None  # must appear in what the build printed (e.g. the file's name)
    out: Callable[[Path], Path] | None = None
    keep: tuple[str, ...] = ()  # files (relative to the case's folder) that must survive

    def __str__(self) -> str:
        return f"{self.family}: {self.name}"


@dataclass
class Outcome:
    case: Case
    exit_code: int | None = None
    printed: str = ""
    traceback: str = ""
    hang: bool = False
    lost: list[str] = field(default_factory=list)  # what the build destroyed or dropped
    leaked: list[str] = field(default_factory=list)  # output files holding the secret

    @property
    def clean(self) -> bool:
        return (
            self.exit_code == self.case.exit_code
            and not self.traceback
            and not self.hang
            and not self.lost
            and not self.leaked
            and (self.case.says is None or self.case.says in self.printed)
        )

    def explain(self) -> str:
        return (
            f"{self.case}: exit {self.exit_code} (expected {self.case.exit_code}), "
            f"hang={self.hang}, lost={self.lost}, leaked={self.leaked}\n"
            f"{self.traceback}\n--- printed ---\n{self.printed}"
        )


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def device_node(path: Path) -> Path:
    """A character device like /dev/null at `path` (a named pipe when not running as root): never
    point a build at the real one, which a broken guard would replace."""
    if os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    else:
        os.mkfifo(path)
    return path


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its digest (links by their target)."""
    found = {}
    if folder.is_dir() and not folder.is_symlink():
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[rel] = "link:" + str(path.readlink())
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def readable(path: Path) -> bytes:
    """A file's bytes as a reader gets them: gzip-compressed files (the .gz copies and Pagefind's
    index) unpacked."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError):
            return gzip.decompress(data)
    return data


def holding(folder: Path, secret: str) -> list[str]:
    """Output files that hold `secret` (and, for a slug or file name, paths that do)."""
    needle = secret.encode("utf-8")
    found = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if secret in rel or (path.is_file() and needle in readable(path)):
                found.append(rel)
    return found


_LAST_GOOD: dict[str, Path] = {}


def last_good_site() -> Path:
    """The fixture site built once per process: every case starts from a copy of it."""
    if "site" not in _LAST_GOOD:
        work = Path(tempfile.mkdtemp(prefix="hostile-"))
        shutil.copytree(FIXTURE, work / "content")
        (work / "content" / "images").mkdir(exist_ok=True)
        with contextlib.redirect_stdout(io.StringIO()):
            code = _run(work / "content", work / "site", [])
        assert code == 0, "the fixture site must build"
        _LAST_GOOD["site"] = work / "site"
        _LAST_GOOD["cache"] = work / ".cache"
    return _LAST_GOOD["site"]


def _run(content: Path, out: Path, extra: list[str]) -> int:
    return main(PROJECT, ["--content", str(content), "--out", str(out), "--lang", "en", *extra])


def run_case(case: Case, folder: Path) -> Outcome:
    """Build `case` in `folder` (a fresh temporary folder) and judge what happened."""
    good = last_good_site()
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    (content / "images").mkdir(exist_ok=True)
    # The shared cache keeps handouts and share images: a build that passes stays quick.
    (folder / ".cache").symlink_to(_LAST_GOOD["cache"], target_is_directory=True)
    if case.out is None:
        out = folder / "site"
        shutil.copytree(good, out, symlinks=True)
    else:
        out = case.out(folder)
    before = tree_digest(out)
    kept = {rel: tree_digest(folder / rel) or (folder / rel).exists() for rel in case.keep}
    case.breaks(content)
    outcome = Outcome(case)
    printed = io.StringIO()
    try:
        with (
            _deadline(TIMEOUT),
            contextlib.redirect_stdout(printed),
            contextlib.redirect_stderr(printed),
        ):
            outcome.exit_code = _run(content, out, [])
    except _Hang:
        outcome.hang = True
    except BaseException:  # any escape is what the corpus looks for
        outcome.traceback = traceback.format_exc()
    outcome.printed = printed.getvalue()
    if outcome.exit_code not in (0, None) and tree_digest(out) != before:
        outcome.lost.append(f"{out.name}/ changed although the build failed")
    for rel, was in kept.items():
        if (tree_digest(folder / rel) or (folder / rel).exists()) != was:
            outcome.lost.append(rel)
    if case.secret is not None:
        outcome.leaked = holding(out, case.secret)
        if case.secret in outcome.printed:
            outcome.leaked.append("(printed unmasked)")
    return outcome


def cases() -> list[Case]:
    """Every family's cases, from tests/test_hostile_<family>.py."""
    found: list[Case] = []
    for family in FAMILIES:
        with contextlib.suppress(ModuleNotFoundError):
            found += importlib.import_module(f"test_hostile_{family}").CASES
    return found


def table(outcomes: list[Outcome]) -> str:
    """Per family: cases, exit codes, tracebacks, hangs, content lost, hostile data in output."""
    head = ("family", "cases", "exit codes", "tracebacks", "hangs", "lost", "leaked", "unclean")
    rows = [head]
    for family in FAMILIES:
        mine = [o for o in outcomes if o.case.family == family]
        if not mine:
            continue
        codes: dict[object, int] = {}
        for o in mine:
            key = "hang" if o.hang else ("traceback" if o.traceback else o.exit_code)
            codes[key] = codes.get(key, 0) + 1
        rows.append(
            (
                family,
                str(len(mine)),
                " ".join(f"{code}×{n}" for code, n in sorted(codes.items(), key=str)),
                str(sum(bool(o.traceback) for o in mine)),
                str(sum(o.hang for o in mine)),
                str(sum(bool(o.lost) for o in mine)),
                str(sum(bool(o.leaked) for o in mine)),
                str(sum(not o.clean for o in mine)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-|-".join("-" * w for w in widths))
    return "\n".join(lines)


def run_all() -> int:
    sys.path.insert(0, str(TESTS))
    outcomes = []
    for case in cases():
        with tempfile.TemporaryDirectory(prefix="hostile-case-") as folder:
            outcomes.append(run_case(case, Path(folder)))
    print(table(outcomes))
    for outcome in outcomes:
        if not outcome.clean:
            print("\n" + outcome.explain())
    return 0 if all(o.clean for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(run_all())
