"""Shared fixtures: the project's folders, and building a fixture site into a temporary folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

from showcase import pipeline
from showcase.common.folders import Folders

# Shared 2-core machines are noisy: property tests check behaviour, never speed.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

PROJECT = Path(__file__).resolve().parent.parent
# Every "last updated" date no later than 13 February 2018, in this process and the builds it
# starts: the fixture's pages then read the same on any clone and day (see content/history.py).
os.environ["SOURCE_DATE_EPOCH"] = "1518480000"
SITES = PROJECT / "tests" / "sites"


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_preview(content: Path, ready: str = "/", showing: bytes = b"") -> Iterator[str]:
    """`build.py serve` of `content` in English on a free port: its address, once `ready`
    answers with `showing` in it; the server's output is the failure message if it never does."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--content", str(content), "--port", str(port),
         "--no-browser", "--lang", "en"],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + ready, timeout=5) as response:
                if showing in response.read():
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"the preview did not start:\n{output}")
        time.sleep(0.1)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/sites/*/expected from the current output (review with git diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def folders_for(content: Path) -> Folders:
    root = PROJECT if content.is_relative_to(PROJECT) else content.parent
    return Folders(root=root, content=content, templates=PROJECT / "templates")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ built once for the whole test session."""
    out = tmp_path_factory.mktemp("real") / "site"
    pipeline.build(folders_for(PROJECT / "content"), out)
    return out


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site in tests/sites/basic, built once."""
    out = tmp_path_factory.mktemp("basic") / "site"
    pipeline.build(folders_for(SITES / "basic" / "content"), out)
    return out


SUBPATH = "/velferdslab"  # the path a site may be published under (tests/test_subpath.py)
SUBPATH_BASE_URL = f"https://www.example.no{SUBPATH}/"


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site published under a path (SUBPATH_BASE_URL), with a content image
    on its about pages so pictures are made too, built once."""
    import shutil

    from PIL import Image

    root = tmp_path_factory.mktemp("subpath")
    content = root / "content"
    shutil.copytree(SITES / "basic" / "content", content)
    site_yaml = content / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(
        text.replace("https://test.example.org", SUBPATH_BASE_URL), encoding="utf-8"
    )
    (content / "images").mkdir()
    Image.new("RGB", (1200, 800), (40, 90, 140)).save(content / "images" / "huset.png")
    for lang, alt in (("nb", "Huset"), ("en", "The house")):
        page = content / "pages" / f"about.{lang}.md"
        extra = f"\n![{alt}](/images/huset.png)\n\n[Mer om oss](/om/#main)\n"
        page.write_text(page.read_text(encoding="utf-8") + extra, encoding="utf-8")
    out = root / "site"
    pipeline.build(folders_for(content), out)
    return out


@pytest.fixture
def copy_site(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a fixture site's content to a temporary folder, to break it on purpose."""
    import shutil

    def copy(name: str = "basic") -> Path:
        target = tmp_path / "content"
        shutil.copytree(SITES / name / "content", target)
        (target / "images").mkdir(exist_ok=True)  # git keeps no empty folders
        return target

    return copy
