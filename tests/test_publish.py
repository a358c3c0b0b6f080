"""Publishing with an undo: releases side by side on the server, `current` switched in one rename.

A publish into a folder, and into `user@host:/path` through real rsync with a stand-in for ssh
that runs the server's side here (no network), is checked for what matters on the server: what
`current` points at, which releases exist, that nothing unfinished ever goes live, and that a
placeholder address is never published. A real nginx serving `current` answers every request of
a loop running while releases are published and rolled back, each page whole, old or new.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT
from nginx_server import running_nginx

from showcase.commands.cli import main
from showcase.commands.publish import commit_id
from showcase.common.folders import Folders
from showcase.content.placeholder import is_placeholder
from showcase.output import releases

REAL_ADDRESS = "https://velferdslab.asker.kommune.no"
ABOUT = Path("pages") / "about.nb.md"  # served as /om/


@pytest.fixture
def content(copy_site: Callable[[], Path]) -> Path:
    """The fixture site with a real-looking address, which publishing accepts."""
    folder = copy_site()
    site = folder / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("https://test.example.org", REAL_ADDRESS), encoding="utf-8")
    return folder


def publish(content: Path, target: str | Path, command: str = "publish") -> int:
    out = content.parent / "site"
    args = [command, "--target", str(target), "--content", str(content), "--out", str(out)]
    return main(PROJECT, [*args, "--jobs", "1", "--lang", "en"])


def live(target: Path) -> str:
    """The release `current` points at, by name."""
    return str((target / "current").readlink()).removeprefix("releases/")


def names(target: Path) -> list[str]:
    return sorted(path.name for path in (target / "releases").iterdir())


def mark(content: Path, word: str) -> None:
    """Put a marker word into the Norwegian About page (/om/)."""
    path = content / ABOUT
    text = path.read_text(encoding="utf-8").split("\nMarkør:")[0].rstrip("\n")
    path.write_text(f"{text}\n\nMarkør: {word}.\n", encoding="utf-8")


# -- into a folder ------------------------------------------------------------------------------


def test_publish_twice_then_roll_back(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "web"
    assert publish(content, target) == 0
    (first,) = names(target)
    assert live(target) == first and (target / "current" / "index.html").is_file()
    mark(content, "BRAVO")
    assert publish(content, target) == 0
    first_again, second = names(target)
    assert first_again == first and live(target) == second
    assert "BRAVO" in (target / "current" / "om" / "index.html").read_text(encoding="utf-8")
    # unchanged files are hard links to the previous release's, not copies
    old, new = (target / "releases" / name / "metoden" / "index.html" for name in (first, second))
    assert old.stat().st_ino == new.stat().st_ino
    assert publish(content, target, "rollback") == 0
    assert live(target) == first and names(target) == [first, second]
    assert "BRAVO" not in (target / "current" / "om" / "index.html").read_text(encoding="utf-8")
    assert publish(content, target, "rollback") == 2  # nothing before the first
    assert live(target) == first


def test_a_failing_build_leaves_the_live_release_alone(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "web"
    assert publish(content, target) == 0
    before, now = names(target), live(target)
    (content / ABOUT).write_text("---\ntitle: [unclosed\n---\nbroken\n", encoding="utf-8")
    assert publish(content, target) == 1
    assert names(target) == before and live(target) == now


def test_a_failed_upload_leaves_the_live_release_alone(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "web"
    assert publish(content, target) == 0
    before, now = names(target), live(target)
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "rsync"  # an rsync that loses its connection
    fake.write_text("#!/bin/sh\necho 'connection unexpectedly closed' >&2\nexit 12\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}:{os.environ['PATH']}")
    mark(content, "CHARLIE")
    assert publish(content, target) == 2
    assert names(target) == before and live(target) == now


def test_eleven_publishes_keep_ten_releases(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "web"
    for _ in range(11):
        assert publish(content, target) == 0
    kept = names(target)
    assert len(kept) == releases.KEEP and live(target) == kept[-1]
    assert all(releases.parse_release(name) for name in kept)
    for _ in range(releases.KEEP - 1):  # rolled back as far as it goes
        assert publish(content, target, "rollback") == 0
    assert live(target) == kept[0]
    assert publish(content, target, "rollback") == 2 and live(target) == kept[0]
    # pruning never takes the live release, however old
    many = tuple(f"2026010{day}T000000Z-abc1234" for day in range(1, 10))
    assert releases.to_prune(many, many[0], keep=3) == list(many[1:-3])


def test_a_stale_partial_upload_is_cleaned_up(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "web"
    stale = target / "releases" / f"20200101T000000Z-abc1234{releases.PARTIAL}"
    (stale / "om").mkdir(parents=True)
    (stale / "om" / "index.html").write_text("half", encoding="utf-8")
    assert publish(content, target) == 0
    assert not stale.exists() and len(names(target)) == 1


def test_current_that_is_not_a_link_is_refused(content: Path, tmp_path: Path) -> None:
    target = tmp_path / "web"
    (target / "current").mkdir(parents=True)
    assert publish(content, target) == 2
    assert not (target / "releases").exists() or names(target) == []


def test_releases_lists_time_and_commit_and_marks_the_live_one(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "web"
    assert publish(content, target, "releases") == 0  # not there yet: nothing to list
    assert publish(content, target) == 0
    assert publish(content, target) == 0
    capsys.readouterr()
    assert publish(content, target, "releases") == 0
    first, second = names(target)
    out = capsys.readouterr().out
    assert f"  {first}  " in out and f"* {second}  " in out and "commit nogit" in out


def test_release_names_sort_by_time_even_within_one_second() -> None:
    first = releases.new_name("abc1234", (), now=1_780_000_000)
    assert first == "20260528T202640Z-abc1234"
    second = releases.new_name("def5678-dirty", (first,), now=1_780_000_000)
    assert second == "20260528T202641Z-def5678-dirty" and sorted([second, first])[-1] == second
    parsed = releases.parse_release(second)
    assert parsed is not None and (parsed.commit, parsed.dirty) == ("def5678", True)


def test_the_commit_names_the_checkout_and_marks_uncommitted_content() -> None:
    folders = Folders(root=PROJECT, content=PROJECT / "content", templates=PROJECT / "templates")
    name = commit_id(folders)
    head = subprocess.run(
        ["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    if head.returncode != 0:
        assert name == "nogit"
    else:
        assert name.removesuffix("-dirty") == head.stdout.strip()
    outside = Folders(root=Path("/"), content=Path("/nonexistent"), templates=Path("/nonexistent"))
    assert commit_id(outside) == "nogit"


# -- wrong targets and placeholder addresses ---------------------------------------------------


@pytest.mark.parametrize("target", ["", "web:relative/path", "me@web:/srv/../etc", "me@web:/a b"])
def test_a_missing_or_invalid_target_is_a_usage_error(content: Path, target: str) -> None:
    assert publish(content, target) == 2


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("https://velferdslab.example.org", True),
        ("https://example.org", True),
        ("https://example.com", True),
        ("https://www.example.net", True),
        ("https://EXAMPLE.COM.", True),
        ("https://site.example", True),
        ("https://velferdslab.test", True),
        ("https://nowhere.invalid", True),
        ("https://localhost", True),
        ("https://app.localhost:8443", True),
        ("https://127.0.0.1", True),
        ("https://127.8.9.10", True),
        ("https://[::1]", True),
        ("https://10.0.0.5", True),
        ("https://172.16.3.4", True),
        ("https://192.168.1.10", True),
        ("https://169.254.0.1", True),
        ("https://[fd00::1]", True),
        ("", True),
        ("https://velferdslab.asker.kommune.no", False),
        ("https://example.org.no", False),
        ("https://myexample.org", False),
        ("https://example.organic", False),
        ("https://testing.no", False),
        ("https://test.no", False),
        ("https://localhost.no", False),
        ("https://8.8.8.8", False),
        ("https://[2001:4860::8888]", False),
    ],
)
def test_reserved_and_private_addresses_are_placeholders(url: str, placeholder: bool) -> None:
    assert is_placeholder(url) is placeholder


def test_a_placeholder_address_is_never_published(
    copy_site: Callable[[], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()  # base_url: https://test.example.org
    target = tmp_path / "web"
    assert publish(content, target) == 2
    assert "set base_url in content/site.yaml" in capsys.readouterr().err
    assert not target.exists() and not (content.parent / "site").exists()  # nothing built


# -- to a server, through rsync and ssh --------------------------------------------------------

FAKE_SSH = """#!/bin/sh
# A stand-in for ssh: skip the options, note the host, run the command here.
while [ $# -gt 0 ]; do
  case "$1" in -o|-p|-i|-l) shift 2 ;; -*) shift ;; *) break ;; esac
done
echo "$1" >> "{log}"
shift
exec sh -c "$*"
"""


def test_publish_to_a_server_through_rsync_and_ssh(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = tmp_path / "server" / "srv" / "velferdslab"
    server.mkdir(parents=True)
    ssh, log = tmp_path / "fake-ssh", tmp_path / "ssh.log"
    ssh.write_text(FAKE_SSH.replace("{log}", str(log)), encoding="utf-8")
    ssh.chmod(0o755)
    monkeypatch.setenv(releases.SSH_VARIABLE, f"{ssh} -o BatchMode=yes")
    target = f"publisher@web.asker.kommune.no:{server}"
    assert publish(content, target) == 0
    (first,) = names(server)
    mark(content, "DELTA")
    assert publish(content, target) == 0
    second = names(server)[-1]
    assert live(server) == second
    assert "DELTA" in (server / "current" / "om" / "index.html").read_text(encoding="utf-8")
    same = [server / "releases" / name / "metoden" / "index.html" for name in (first, second)]
    assert same[0].stat().st_ino == same[1].stat().st_ino  # --link-dest on the server too
    assert publish(content, target, "rollback") == 0 and live(server) == first
    assert publish(content, target, "releases") == 0
    hosts = set(log.read_text(encoding="utf-8").split())  # rsync gives the user as `-l user`
    assert hosts == {"publisher@web.asker.kommune.no", "web.asker.kommune.no"}


# -- a real nginx serving `current` while releases change ---------------------------------------


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


PAGES = {"/": "index.html", "/om/": "om/index.html", "/en/about/": "en/about/index.html"}


def test_nginx_serves_whole_pages_while_releases_switch(content: Path, tmp_path: Path) -> None:
    target, work = tmp_path / "web", tmp_path / "nginx"
    work.mkdir()
    mark(content, "ALFA")
    assert publish(content, target) == 0
    seen: list[tuple[str, int, str]] = []
    stop = threading.Event()

    def ask() -> None:
        """Requests in a loop, only to 127.0.0.1, for at most 20 s and 4000 requests."""
        deadline = time.monotonic() + 20
        while not stop.is_set() and len(seen) < 4000 and time.monotonic() < deadline:
            time.sleep(0.003)  # a few hundred requests a second: enough to meet every switch
            for path in PAGES:
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    connection.request("GET", path)
                    response = connection.getresponse()
                    seen.append((path, response.status, digest(response.read())))
                    connection.close()
                except OSError as exc:
                    seen.append((path, -1, repr(exc)))

    with running_nginx(PROJECT / "deploy" / "nginx.conf", target / "current", work) as port:
        asker = threading.Thread(target=ask)
        asker.start()
        time.sleep(0.5)
        mark(content, "BRAVO")
        assert publish(content, target) == 0  # a second, different build goes live
        time.sleep(0.5)
        assert publish(content, target, "rollback") == 0  # back to ALFA
        time.sleep(0.5)
        mark(content, "CHARLIE")
        assert publish(content, target) == 0  # a third
        time.sleep(0.5)
        stop.set()
        asker.join()
    versions = {
        path: {digest((release / file).read_bytes()) for release in (target / "releases").iterdir()}
        for path, file in PAGES.items()
    }
    errors = [entry for entry in seen if entry[1] != 200 or entry[2] not in versions[entry[0]]]
    print(f"nginx loop: {len(seen)} requests, {len(errors)} errors")
    assert errors == [] and len(seen) > 100
    served = {entry[2] for entry in seen if entry[0] == "/om/"}
    assert len(served) >= 3  # ALFA, BRAVO and CHARLIE were each served along the way
