"""'Last updated' on every page: the day the content last changed, from git where it knows."""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import folders_for

from showcase import pipeline
from showcase.content.history import last_changed
from showcase.content.model import PartialDate


def git(folder: Path, *args: str, date: str = "") -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else None
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=folder, check=True, capture_output=True, env=env,
    )  # fmt: skip


@pytest.fixture
def no_clamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")


@pytest.mark.usefixtures("no_clamp")
def test_committed_files_have_their_commit_day_and_changed_ones_today(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "cases").mkdir(parents=True)
    (content / "site.yaml").write_text("a\n")
    (content / "cases" / "x.nb.md").write_text("b\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", date="2017-11-20T12:00:00+01:00")
    (content / "cases" / "x.nb.md").write_text("changed\n")
    (content / "new.yaml").write_text("untracked\n")
    today = datetime.date.today()
    assert last_changed(content) == {
        "site.yaml": PartialDate(2017, 11, 20),
        "cases/x.nb.md": PartialDate(today.year, today.month, today.day),
        "new.yaml": PartialDate(today.year, today.month, today.day),
    }


@pytest.mark.usefixtures("no_clamp")
def test_without_git_the_files_own_time_counts(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a\n")
    stamp = datetime.datetime(2018, 2, 13, 12).timestamp()
    os.utime(tmp_path / "a.yaml", (stamp, stamp))
    assert last_changed(tmp_path) == {"a.yaml": PartialDate(2018, 2, 13)}


def test_every_page_says_when_it_was_last_updated_in_its_language(
    copy_site: Callable[[], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_site()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    for path in content.rglob("*"):
        if path.is_file():
            stamp = datetime.datetime(2018, 2, 13, 12).timestamp()
            os.utime(path, (stamp, stamp))
    story = next((content / "cases").glob("*.en.md"))
    stamp = datetime.datetime(2018, 3, 1, 12).timestamp()
    os.utime(story, (stamp, stamp))
    out = tmp_path / "site"
    pipeline.build(folders_for(content), out)
    pages = {p: p.read_text(encoding="utf-8") for p in out.rglob("*.html") if p.name != "404.html"}
    assert pages and all('<p class="updated">' in html for html in pages.values())
    norwegian = [html for html in pages.values() if '<html lang="nb"' in html]
    assert all("Sist oppdatert <time datetime=" in html for html in norwegian)
    english = [html for html in pages.values() if '<html lang="en"' in html]
    assert any('<time datetime="2018-03-01">1 March 2018</time>' in html for html in english)
    assert not any('datetime="2018-03-01"' in html for html in norwegian)  # not its language
