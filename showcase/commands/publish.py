"""`publish`, `rollback` and `releases`: putting the built site on the web server, with an undo.

The server side is in output/releases.py; this is the order of the steps and what the person
at the terminal is told. Publishing refuses a placeholder address before anything is built or
sent: a public site, and the QR codes printed from it, must lead to the real address.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from ..common.errors import BuildError, ErrorLog
from ..common.folders import Folders
from ..common.messages import translate
from ..content.placeholder import is_placeholder
from ..content.types.site import read_site
from ..output import releases
from ..output.releases import BadTarget, PublishError, Target

EXIT_OK, EXIT_USAGE = 0, 2


def say(text: str, lang: str, error: bool = False) -> None:
    print(translate(text, lang), file=sys.stderr if error else sys.stdout)


def commit_id(folders: Folders) -> str:
    """The short commit of the checkout, `-dirty` when content/ or templates/ have changes not
    committed; "nogit" outside a git checkout."""

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        command = ["git", "-C", str(folders.root), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    if shutil.which("git") is None:
        return "nogit"
    head = git("rev-parse", "--short", "HEAD")
    if head.returncode != 0 or not head.stdout.strip():
        return "nogit"
    changes = git("status", "--porcelain", "--", str(folders.content), str(folders.templates))
    dirty = changes.returncode != 0 or bool(changes.stdout.strip())
    return head.stdout.strip() + ("-dirty" if dirty else "")


def target_of(text: str | None, lang: str) -> Target | None:
    """TARGET parsed, or None after saying what is wrong with it."""
    if not text:
        say(
            "TARGET is missing: give the web server's folder, "
            "e.g. TARGET=user@host:/srv/velferdslab (--target for build.py)",
            lang,
            error=True,
        )
        return None
    try:
        return releases.parse_target(text)
    except BadTarget as exc:
        say(str(exc), lang, error=True)
        return None


def address_problem(folders: Folders) -> str | None:
    """Why the site's base_url must not be published, or None when it may."""
    log = ErrorLog()
    site = read_site(folders, log)
    if site is None or log.errors:
        raise BuildError(log.errors)
    if is_placeholder(site.base_url):
        return (
            f"refusing to publish: the site's address '{site.base_url}' is a placeholder "
            "(a domain kept for examples and tests, or one not on the public internet); "
            "set base_url in content/site.yaml to the site's real address"
        )
    return None


def publish(
    folders: Folders, out: Path, text: str | None, build: Callable[[], int], lang: str
) -> int:
    """Check TARGET and the address, build, upload a new release, make it live, prune."""
    target = target_of(text, lang)
    if target is None:
        return EXIT_USAGE
    if shutil.which("rsync") is None:
        say("rsync is not installed: apt-get install rsync", lang, error=True)
        return EXIT_USAGE
    problem = address_problem(folders)
    if problem:
        say(problem, lang, error=True)
        return EXIT_USAGE
    code = build()  # content errors raise BuildError: nothing is sent
    if code != EXIT_OK:
        return code
    try:
        return upload(out, target, commit_id(folders), lang)
    except PublishError as exc:
        say(f"publishing failed, the live site is unchanged: {exc}", lang, error=True)
        return EXIT_USAGE


def upload(site: Path, target: Target, commit: str, lang: str) -> int:
    releases.prepare(target)
    now = releases.state(target)
    if now.partials:  # a publish that crashed or lost its connection
        releases.remove(target, list(now.partials))
        for name in now.partials:
            say(f"removed an unfinished upload: {name}", lang)
    name = releases.new_name(commit, now.releases)
    say(f"uploading {site} to {target}/releases/{name}/", lang)
    try:
        releases.upload(site, target, name, now.current)
    except PublishError:
        # tidy up at once when the server is still there; otherwise the next publish will
        with contextlib.suppress(PublishError):
            releases.remove(target, [name + releases.PARTIAL])
        raise
    releases.switch(target, name)
    say(f"published {name}: {target}/current points to it now", lang)
    old = releases.to_prune((*now.releases, name), name)
    releases.remove(target, old)
    for gone in old:
        say(f"removed the old release {gone}", lang)
    return EXIT_OK


def rollback(text: str | None, lang: str) -> int:
    """Make the release before the live one live again, in one rename."""
    target = target_of(text, lang)
    if target is None:
        return EXIT_USAGE
    try:
        now = releases.state(target)
        back = releases.previous(now.releases, now.current)
        if back is None:
            say(f"nothing to roll back to in {target}: there is no earlier release", lang, True)
            return EXIT_USAGE
        releases.switch(target, back)
    except PublishError as exc:
        say(f"rollback failed, the live site is unchanged: {exc}", lang, error=True)
        return EXIT_USAGE
    say(f"rolled back: {back} is live now (it was {now.current})", lang)
    return EXIT_OK


def list_releases(text: str | None, lang: str) -> int:
    """The releases in TARGET, oldest first, with their time and commit; * marks the live one."""
    target = target_of(text, lang)
    if target is None:
        return EXIT_USAGE
    try:
        now = releases.state(target)
    except PublishError as exc:
        say(f"cannot read the releases: {exc}", lang, error=True)
        return EXIT_USAGE
    if not now.releases:
        say(f"no releases in {target} yet", lang)
        return EXIT_OK
    say(f"releases in {target}, oldest first (* is live):", lang)
    for name in now.releases:
        release = releases.parse_release(name)
        assert release is not None  # state() lists only names it can read
        stamp = release.time
        when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"
        mark = "*" if name == now.current else " "
        say(f"{mark} {name}  {when} UTC  commit {release.commit}", lang)
        if release.dirty:
            say("    with changes to content/ or templates/ that were not committed", lang)
    return EXIT_OK
