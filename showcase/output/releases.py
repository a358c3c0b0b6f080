"""Releases on the web server: each publish a whole folder of its own, made live by one rename.

The server folder (TARGET) holds `releases/<UTC time>-<commit>/`, one finished site each, and
`current`, a symbolic link to the live one; nginx serves `current` and follows the link on every
request. A new release is uploaded into `releases/<id>.partial/`, renamed when it is complete,
and only then made live: a new link under a temporary name is renamed over `current`, so a
reader gets the old site or the new one, never a mix, and a failed upload changes nothing live.

TARGET is a local folder or `user@host:/path`. Every step on its side is a small POSIX shell
script, run with `sh -c` for a folder and through ssh for a server, so both take the same path
(tests run the server's through a stand-in for ssh). Files are copied with rsync, hard-linked
from the live release when unchanged, so a publish sends and stores only what changed.
"""

from __future__ import annotations

import calendar
import os
import re
import shlex
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

KEEP = 10  # releases kept; the live one is never removed
PARTIAL = ".partial"
# An ssh command for the publishing account: no password prompts, which would hang a publish.
SSH_DEFAULT = "ssh -o BatchMode=yes"
SSH_VARIABLE = "SHOWCASE_SSH"  # e.g. a test's stand-in for ssh
_REMOTE = re.compile(r"^(?:(?P<user>[A-Za-z0-9._-]+)@)?(?P<host>[A-Za-z0-9.-]+):(?P<path>.*)$")
_SAFE_PATH = re.compile(r"^/[A-Za-z0-9._/-]*$")
_RELEASE = re.compile(r"^(?P<time>\d{8}T\d{6}Z)-(?P<commit>[0-9a-z]+)(?P<dirty>-dirty)?$")


class PublishError(Exception):
    """Publishing could not go on; what is live is as it was."""


class BadTarget(ValueError):
    """TARGET is neither a folder nor a `user@host:/path` a publish can use."""


@dataclass(frozen=True)
class Target:
    host: str | None  # `user@host` for a server, None for a folder on this machine
    path: str  # absolute

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def rsync_path(self, inside: str) -> str:
        return f"{self}/{inside}"


@dataclass(frozen=True)
class Release:
    name: str  # <UTC time>-<commit>[-dirty]
    time: str  # as written in the name, e.g. 20261204T093712Z
    commit: str  # short commit, or "nogit"
    dirty: bool  # content/ or templates/ had changes not committed


@dataclass(frozen=True)
class State:
    releases: tuple[str, ...]  # finished releases, oldest first
    current: str | None  # the release `current` points at
    partials: tuple[str, ...]  # uploads left behind by a publish that did not finish


def parse_target(text: str) -> Target:
    """`user@host:/path` or a folder; a server path must be absolute and plain (it goes into
    shell commands and rsync on the other side)."""
    text = text.strip()
    if not text:
        raise BadTarget("TARGET is empty")
    remote = _REMOTE.match(text)
    if remote and not text.startswith(("/", ".")):
        path = remote["path"].rstrip("/") or "/"
        if not _SAFE_PATH.match(path) or path == "/" or ".." in path.split("/"):
            raise BadTarget(
                f"the server folder in {text} must be an absolute path of letters, digits, "
                "'.', '_', '-' and '/', such as user@host:/srv/velferdslab"
            )
        user = f"{remote['user']}@" if remote["user"] else ""
        return Target(f"{user}{remote['host']}", path)
    path = Path(text).absolute()
    if path == Path(path.anchor):
        raise BadTarget(f"refusing to publish into {path}: give a folder of its own")
    return Target(None, str(path))


def parse_release(name: str) -> Release | None:
    match = _RELEASE.match(name)
    if match is None:
        return None
    return Release(name, match["time"], match["commit"], bool(match["dirty"]))


def ssh_command() -> list[str]:
    return shlex.split(os.environ.get(SSH_VARIABLE) or SSH_DEFAULT)


def run_script(target: Target, script: str, missing_ok: bool = False) -> str:
    """Run a shell script in TARGET's folder, here or on the server; its output. With
    `missing_ok`, a folder that is not there yet gives no output instead of an error."""
    enter = f"cd {shlex.quote(target.path)}" + (" 2>/dev/null || exit 0" if missing_ok else "")
    body = f"set -e; {enter}; {script}"
    if target.host is None:
        command = ["sh", "-c", body]
    else:
        command = [*ssh_command(), target.host, f"sh -c {shlex.quote(body)}"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()
        raise PublishError(f"{target}: {why[-1] if why else f'exit code {done.returncode}'}")
    return done.stdout


def prepare(target: Target) -> None:
    """Make TARGET/releases (a folder only: a server's path must exist, made by its admin)."""
    if target.host is None:
        Path(target.path).mkdir(parents=True, exist_ok=True)
    run_script(target, "mkdir -p releases")


def state(target: Target) -> State:
    """What is in TARGET: the releases, the live one, any unfinished upload."""
    script = (
        "if [ -L current ]; then printf 'current=%s\\n' \"$(readlink current)\"; "
        "elif [ -e current ]; then echo notlink; fi; "
        'for r in releases/*; do [ -d "$r" ] && [ ! -L "$r" ] && '
        "printf 'release=%s\\n' \"${r#releases/}\"; done; true"
    )
    current, releases, partials = None, [], []
    for line in run_script(target, script, missing_ok=True).splitlines():
        key, _, value = line.partition("=")
        if key == "notlink":
            raise PublishError(
                f"{target}/current is not a symbolic link; move it away before publishing"
            )
        if key == "current":
            current = value.rstrip("/").removeprefix("releases/")
        elif key == "release" and value.endswith(PARTIAL):
            partials.append(value)
        elif key == "release" and parse_release(value):
            releases.append(value)
    return State(tuple(sorted(releases)), current, tuple(sorted(partials)))


def new_name(commit: str, existing: tuple[str, ...], now: float | None = None) -> str:
    """`<UTC time>-<commit>`: names sort by time; a second publish within the same second (or
    after a clock step back) takes the next free second, so the newest always sorts last."""
    stamp = int(time.time() if now is None else now)
    newest = parse_release(existing[-1]) if existing else None
    if newest is not None:
        last = calendar.timegm(time.strptime(newest.time, "%Y%m%dT%H%M%SZ"))
        stamp = max(stamp, last + 1)
    return f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(stamp))}-{commit}"


def upload(site: Path, target: Target, name: str, current: str | None) -> None:
    """Copy `site` into releases/<name>.partial/ (unchanged files hard-linked from the live
    release), then rename it to releases/<name>/: a folder without `.partial` is complete."""
    partial = f"releases/{name}{PARTIAL}"
    command = ["rsync", "-a", "--delete", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r"]
    if current is not None:
        command.append(f"--link-dest=../{current}")
    if target.host is not None:
        command += ["-e", shlex.join(ssh_command())]
    command += [f"{site}/", target.rsync_path(f"{partial}/")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()
        raise PublishError(f"rsync: {why[-1] if why else f'exit code {done.returncode}'}")
    run_script(target, f"mv -T {partial} releases/{name}")


def switch(target: Target, name: str) -> None:
    """Point `current` at releases/<name> in one rename: a new link under a temporary name,
    renamed over the old one (`mv -T`, so it replaces the link instead of going into it)."""
    temporary = f".current-{name}.tmp"
    run_script(target, f"ln -sfn releases/{name} {temporary}; mv -T {temporary} current")


def remove(target: Target, names: list[str]) -> None:
    """Delete releases (or unfinished uploads) by name; never the live one (callers check)."""
    if names:
        folders = " ".join(shlex.quote(f"releases/{name}") for name in names)
        run_script(target, f"rm -rf -- {folders}")


def to_prune(releases: tuple[str, ...], current: str | None, keep: int = KEEP) -> list[str]:
    """The oldest releases beyond the newest `keep`, the live one spared."""
    return [name for name in releases[: max(len(releases) - keep, 0)] if name != current]


def previous(releases: tuple[str, ...], current: str | None) -> str | None:
    """The release before the live one: where a rollback goes."""
    if current not in releases:
        return releases[-2] if len(releases) >= 2 else None
    index = releases.index(current)
    return releases[index - 1] if index > 0 else None
