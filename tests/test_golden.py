"""Golden output: the fixture site in tests/sites/basic must build to exactly expected/.

After an intended change to templates or output, run `pytest --update-golden` and review the
changes under tests/sites/basic/expected with `git diff` before committing them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SITES


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_fixture_site_matches_expected_output(basic_site: Path, update_golden: bool) -> None:
    expected_dir = SITES / "basic" / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(basic_site, expected_dir)
    actual, expected = tree(basic_site), tree(expected_dir)
    assert sorted(actual) == sorted(expected), "files added or missing: run --update-golden"
    changed = [name for name in actual if actual[name] != expected[name]]
    assert not changed, f"output differs from tests/sites/basic/expected in: {changed}"


def test_build_is_deterministic(basic_site: Path, tmp_path: Path) -> None:
    from conftest import folders_for

    from showcase import pipeline

    pipeline.build(folders_for(SITES / "basic" / "content"), tmp_path / "again")
    assert tree(tmp_path / "again") == tree(basic_site)
