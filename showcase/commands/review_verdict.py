"""The build's verdict on entries under review. With the editorial workflow a saved entry lives on
its branch `cms/<collection>/<slug>`, not in the working tree the live preview builds, so the
preview's verdict cannot speak of it. Each review branch's content is checked as `build.py check`
would check it after publishing, and the editor shows that verdict beside the entry.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import pipeline
from ..checks.denylist import DEFAULT_PATH as DENYLIST
from ..common.errors import BuildError, ContentError
from ..common.folders import Folders
from ..content.declaration import ContentType
from ..editor.review_repo import PREFIX, ReviewRepo, git
from ..editor.verdict import explained
from .preview_problems import verdict

Verdict = dict[str, Any]


@dataclass
class ReviewVerdicts:
    """The verdict on each review branch, by the editor's entry key ("cases/x"), made again
    only for a branch that moved."""

    folders: Folders  # the project's: where content/ sits in it, and its templates
    types: Sequence[ContentType]
    lang: str
    _made: dict[str, tuple[str, Verdict]] = field(default_factory=dict)

    def update(self, repo: ReviewRepo) -> dict[str, Verdict]:
        listed = git(repo.clone, "for-each-ref", "--format=%(refname) %(objectname)", PREFIX)
        branches = dict(line.split(" ", 1) for line in listed.splitlines() if " " in line)
        made: dict[str, tuple[str, Verdict]] = {}
        for ref, sha in branches.items():
            key = ref.removeprefix(PREFIX)
            known = self._made.get(key)
            made[key] = known if known and known[0] == sha else (sha, self.judge(repo, sha))
        self._made = made
        return {key: shown | {"branch": f"cms/{key}"} for key, (_sha, shown) in made.items()}

    def judge(self, repo: ReviewRepo, sha: str) -> Verdict:
        """`check` on the content as it is at `sha`, the problems tied to entries and fields."""
        content = self.folders.content.relative_to(self.folders.root).as_posix()
        archive = git_bytes(repo.clone, "archive", "--format=tar", sha, content)
        with tempfile.TemporaryDirectory(prefix="showcase-review-") as scratch:
            root = Path(scratch)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(root, filter="data")
            private = self.folders.root / DENYLIST.parent  # the same names are refused
            if private.is_dir():
                shutil.copytree(private, root / DENYLIST.parent)
            folders = Folders(root=root, content=root / content, templates=self.folders.templates)
            errors: list[ContentError] = []
            warnings: list[ContentError] = []
            try:
                warnings = list(pipeline.check(folders, jobs=1).warnings)
            except BuildError as exc:
                errors = exc.errors
            return explained(verdict(errors, warnings, self.lang), folders, self.types, self.lang)


def git_bytes(folder: Path, *args: str) -> bytes:
    command = ["git", "-C", str(folder), *args]
    return subprocess.run(command, capture_output=True, check=True).stdout
