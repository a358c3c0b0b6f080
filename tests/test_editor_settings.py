"""deploy/editor.yaml drives the browser editor's configuration: review or not, and the git host
a hosted editor saves to (GitHub, GitLab, Gitea), each with Decap's own settings; a wrong setting
is refused in Norwegian. With review, decap-server works in a clone whose branches and publishing
reach the project (editor/review_repo.py); a project that is no git repository is refused."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT

from showcase.commands import cli
from showcase.commands.edit import review_repo
from showcase.editor.review_repo import CLONE, ReviewRepo, ReviewRepoError
from showcase.editor.settings import SettingsError, parse_settings, read_settings

GITHUB = {"name": "github", "repo": "asker/velferdslab", "branch": "main"}
GITHUB |= {"base_url": "https://oauth.asker.example"}
GITLAB = {"name": "gitlab", "repo": "asker/velferdslab", "auth_type": "pkce"}
GITLAB |= {"app_id": "4f2c", "base_url": "https://gitlab.asker.example"}
GITLAB |= {"api_root": "https://gitlab.asker.example/api/v4"}
GITEA = {"name": "gitea", "repo": "asker/velferdslab", "app_id": "9d1e"}
GITEA |= {"base_url": "https://gitea.asker.example"}


def project_with(tmp_path: Path, copy_site: Callable[[], Path], settings: str) -> Path:
    content = copy_site()
    (content.parent / "deploy").mkdir(exist_ok=True)
    (content.parent / "deploy" / "editor.yaml").write_text(settings, encoding="utf-8")
    return content


@pytest.mark.parametrize(
    ("backend", "workflow"), [(GITHUB, True), (GITLAB, True), (GITEA, False)], ids=str
)
def test_the_settings_file_names_the_backend_and_the_workflow(
    backend: dict[str, str],
    workflow: bool,
    copy_site: Callable[[], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = yaml.safe_dump({"workflow": workflow, "backend": backend})
    content = project_with(tmp_path, copy_site, settings)
    code = cli.main(PROJECT, ["editor-config", "--content", str(content)])
    assert code == cli.EXIT_OK
    config: dict[str, Any] = yaml.safe_load(capsys.readouterr().out)
    assert config["backend"] == backend
    assert "local_backend" not in config and "127.0.0.1" not in yaml.safe_dump(config)
    assert config["publish_mode"] == ("editorial_workflow" if workflow else "simple")
    assert [c["name"] for c in config["collections"]][:2] == ["pages", "cases"]


def test_the_project_edits_locally_and_publishes_at_once_by_default() -> None:
    settings = read_settings(PROJECT)
    assert (settings.workflow, settings.hosted) == (False, False)
    assert read_settings(PROJECT / "no-such-folder") == settings


@pytest.mark.parametrize(
    ("settings", "norwegian"),
    [
        ({"backend": {"name": "bitbucket"}}, "ukjent tilkobling 'bitbucket'; bruk en av github"),
        (
            {"workflow": True, "backend": GITEA},
            "Decaps gitea-tilkobling har ikke gjennomgang før publisering; skriv 'workflow: false'",
        ),
        ({"backend": {"name": "github"}}, "github-tilkoblingen trenger 'repo'"),
        ({"backend": GITHUB | {"repo": "velferdslab"}}, "må være eier/navn, ikke 'velferdslab'"),
        (
            {"backend": GITLAB | {"base_url": "http://gitlab.asker.example"}},
            "backend 'base_url' må begynne med https://",
        ),
        ({"backend": GITHUB | {"app_id": "1"}}, "github-tilkoblingen har ingen innstilling"),
        ({"workflow": "ja"}, "'workflow' må være true eller false"),
        ({"publish": True}, "ukjent innstilling 'publish'"),
    ],
    ids=lambda value: str(value)[:40],
)
def test_a_wrong_setting_is_refused_in_norwegian(
    settings: dict[str, Any],
    norwegian: str,
    copy_site: Callable[[], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SettingsError):
        parse_settings(settings)
    content = project_with(tmp_path, copy_site, yaml.safe_dump(settings))
    assert cli.main(PROJECT, ["editor-config", "--content", str(content)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("feil: deploy/editor.yaml: ") and norwegian in err, err


def test_the_local_proxy_is_no_hosted_editor(
    copy_site: Callable[[], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = project_with(tmp_path, copy_site, "workflow: true\nbackend: {name: proxy}\n")
    assert cli.main(PROJECT, ["editor-config", "--content", str(content)]) == cli.EXIT_USAGE
    assert "nevner ingen git-tjener" in capsys.readouterr().err


def test_review_needs_a_git_repository_and_says_so_in_norwegian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert review_repo(tmp_path, True, "nb") == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "gjennomgang før publisering krever at" in err and "git init" in err
    git(tmp_path, "init", "-q", "-b", "main")
    assert review_repo(tmp_path, True, "nb") == cli.EXIT_USAGE
    assert "en gren med en første commit" in capsys.readouterr().err
    assert review_repo(tmp_path, False, "nb") is None  # no review: nothing is needed


def git(folder: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@localhost"]
    command = ["git", "-C", str(folder), *identity, *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def test_review_branches_and_publishing_reach_the_project_from_the_clone(tmp_path: Path) -> None:
    """What decap-server does in its clone (a branch, its state, a merge into main) is copied
    to the project; the project's working tree changes only when main does."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.md").write_text("a\n", encoding="utf-8")
    (root / ".gitignore").write_text("/.cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    repo = ReviewRepo(root)
    repo.prepare()
    assert repo.branch == "main" and (root / CLONE / "content" / "a.md").is_file()
    assert not repo.sync()

    clone = root / CLONE  # as decap-server saves a new entry for review
    git(clone, "checkout", "-q", "-b", "cms/cases/b")
    (clone / "content" / "b.md").write_text("b\n", encoding="utf-8")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "Create b")
    git(clone, "checkout", "-q", "main")
    git(clone, "config", "branch.cms/cases/b.description", "decap-cms/draft")
    assert repo.sync()
    assert git(root, "show", "cms/cases/b:content/b.md") + "\n" == "b\n"
    assert git(root, "config", "branch.cms/cases/b.description") == "decap-cms/draft"
    assert not (root / "content" / "b.md").exists()

    git(clone, "merge", "-q", "cms/cases/b")  # as decap-server publishes it
    git(clone, "branch", "-q", "-D", "cms/cases/b")  # which drops its state too
    assert repo.sync()
    assert (root / "content" / "b.md").read_text(encoding="utf-8") == "b\n"
    assert git(root, "branch", "--list", "cms/*") == ""
    left = subprocess.run(
        ["git", "-C", str(root), "config", "--get-regexp", "^branch"], check=False
    )
    assert left.returncode == 1, "the published entry's state is still in the project's config"
    assert git(root, "status", "--porcelain") == ""


def test_a_main_that_moved_on_its_own_is_reported_not_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.md").write_text("a\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    repo = ReviewRepo(root)
    repo.prepare()
    (root / "content" / "a.md").write_text("changed here\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "a commit of the project's own")
    clone = root / CLONE
    (clone / "content" / "a.md").write_text("published in the editor\n", encoding="utf-8")
    git(clone, "commit", "-q", "-am", "published")
    with pytest.raises(ReviewRepoError, match="has commits or changes of its own"):
        repo.sync()
    assert (root / "content" / "a.md").read_text(encoding="utf-8") == "changed here\n"
