"""Shared fixtures: the project's folders, and building a fixture site into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from showcase import pipeline
from showcase.common.folders import Folders

# Shared 2-core machines are noisy: property tests check behaviour, never speed.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

PROJECT = Path(__file__).resolve().parent.parent
SITES = PROJECT / "tests" / "sites"


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
