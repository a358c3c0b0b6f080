"""The editorial workflow's git repository: decap-server's own clone of the project, kept in step
with the project, so the project's working tree only ever holds main.

Why a clone: in git mode decap-server checks branches out in the folder it is given (a save
checks out `cms/<collection>/<slug>`, rebases, writes, runs `git add .` and commits, then checks
main out again). On the project itself the live preview, which follows the working tree, would
rebuild from a review branch for a moment and then back, and `git add .` would commit whatever
else lay uncommitted there. A linked worktree cannot help: git refuses to check main out in two
worktrees, and decap-server checks out main before every read.

So decap-server works in `.cache/editor-git/`, and `sync` copies what it did to the project: the
review branches (`cms/…`, each with its state, which decap-server keeps as the branch's
description in git's config) and, when an entry is published, main, fast-forwarded, so the
preview rebuilds once with the whole published entry.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CLONE = Path(".cache") / "editor-git"
PREFIX = "refs/heads/cms/"
DESCRIPTION = r"^branch\.cms/.*\.description$"
IDENTITY = {"user.name": "Redigering i nettleseren", "user.email": "redigering@localhost"}


class ReviewRepoError(RuntimeError):
    """The project cannot be edited with review: the message says why, in English."""


def git(folder: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise ReviewRepoError((done.stderr or done.stdout).strip() or f"git {args[0]} failed")
    return done.stdout.strip()


def main_branch(root: Path) -> str:
    """The branch the project has checked out, which reviewed entries are published into."""
    inside = git(root, "rev-parse", "--show-toplevel", check=False)
    if not inside or Path(inside).resolve() != root.resolve():
        raise ReviewRepoError(
            f"the editorial workflow needs {root} to be a git repository: run `git init` there "
            "and commit the content first"
        )
    branch = git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if not branch or not git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False):
        raise ReviewRepoError(
            f"the editorial workflow needs a branch with a first commit in {root}: commit the "
            "content first"
        )
    return branch


@dataclass
class ReviewRepo:
    root: Path
    branch: str = ""
    _seen: tuple[str, ...] = field(default=())

    @property
    def clone(self) -> Path:
        return self.root / CLONE

    def prepare(self) -> None:
        """The clone, made or brought up to date: main as the project's, every review branch
        and its state as the project has them."""
        self.branch = main_branch(self.root)
        if not (self.clone / ".git").is_dir():
            self.clone.parent.mkdir(parents=True, exist_ok=True)
            git(self.root, "clone", "--quiet", "--no-checkout", str(self.root), str(self.clone))
        for key, value in IDENTITY.items():
            if not git(self.clone, "config", key, check=False):
                git(self.clone, "config", key, value)
        git(self.clone, "checkout", "--quiet", "--detach")  # frees main to be reset
        git(self.clone, "fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/heads/*")
        git(self.clone, "checkout", "--quiet", "--force", self.branch)
        _copy_descriptions(self.root, self.clone)
        self._seen = self._state()

    def sync(self) -> bool:
        """Copy to the project what decap-server did since the last call; whether anything was.
        Main is only fast-forwarded: a project main that moved on its own is reported."""
        if self._busy():
            return False  # decap-server is half-way through a save: try again later
        state, before = self._state(), self._seen
        if state == before:
            return False
        self._seen = state  # a failure below is reported once, not on every call
        try:
            self._take_main(state[0], before[0])
        finally:  # main first: a published entry is in main before its branch goes
            push = ("push", "--quiet", "--force", "--prune", "origin", f"{PREFIX}*:{PREFIX}*")
            git(self.clone, *push)
            _copy_descriptions(self.clone, self.root)
        return True

    def _take_main(self, now: str, before: str) -> None:
        """Fast-forward the project's main to the clone's, when an entry was published."""
        if now != before:
            git(self.root, "fetch", "--quiet", str(self.clone), self.branch)
            git(self.root, "merge", "--ff-only", "--quiet", "FETCH_HEAD", check=False)
            if git(self.root, "rev-parse", "HEAD") != now:
                raise ReviewRepoError(
                    f"an entry was published, but {self.branch} in {self.root} has commits or "
                    f"changes of its own: commit them, then run `git pull --no-rebase {CLONE}` "
                    "there"
                )

    def _busy(self) -> bool:
        """Whether decap-server has another branch checked out, or git is writing the index:
        it checks a review branch out for a save and main again when the save is committed."""
        head = git(self.clone, "symbolic-ref", "--quiet", "HEAD", check=False)
        return head != f"refs/heads/{self.branch}" or (self.clone / ".git" / "index.lock").exists()

    def _state(self) -> tuple[str, ...]:
        main = git(self.clone, "rev-parse", f"refs/heads/{self.branch}")
        refs = git(self.clone, "for-each-ref", "--format=%(refname) %(objectname)", PREFIX)
        described = git(self.clone, "config", "--get-regexp", DESCRIPTION, check=False)
        return (main, refs, described)


def _copy_descriptions(source: Path, target: Path) -> None:
    """Each review branch's state (decap-server's `branch.cms/….description`), as `source`
    has them."""
    wanted = dict(
        line.split(" ", 1)
        for line in git(source, "config", "--get-regexp", DESCRIPTION, check=False).splitlines()
        if " " in line
    )
    present = git(target, "config", "--get-regexp", DESCRIPTION, check=False).splitlines()
    for line in present:
        key = line.split(" ", 1)[0]
        if key not in wanted:
            git(target, "config", "--unset-all", key, check=False)
    for key, value in wanted.items():
        git(target, "config", key, value)
