"""Golden output: the fixture site in tests/sites/basic must build to exactly expected/.

After an intended change to templates or output, run `pytest --update-golden` and review the
changes under tests/sites/basic/expected with `git diff` before committing them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SITES

BINARY = (".gz", ".br", ".pdf", ".png", ".webp", ".jpg")


def reviewed(relative: str) -> bool:
    """Files a person can review in the golden diff: text we write. Pagefind's index, the
    .gz/.br copies, PDFs and pictures are machine output that changes with tool versions; their
    own tests check them by behaviour, and the determinism test below covers their bytes."""
    return not relative.startswith("pagefind/") and not relative.endswith(BINARY)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        relative: path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and reviewed(relative := path.relative_to(folder).as_posix())
    }


def test_fixture_site_matches_expected_output(basic_site: Path, update_golden: bool) -> None:
    expected_dir = SITES / "basic" / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, data in tree(basic_site).items():
            (expected_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / relative).write_bytes(data)
    actual, expected = tree(basic_site), tree(expected_dir)
    assert sorted(actual) == sorted(expected), "files added or missing: run --update-golden"
    changed = [name for name in actual if actual[name] != expected[name]]
    assert not changed, f"output differs from tests/sites/basic/expected in: {changed}"


def test_build_is_deterministic(basic_site: Path, tmp_path: Path) -> None:
    from conftest import folders_for

    from showcase import pipeline

    pipeline.build(folders_for(SITES / "basic" / "content"), tmp_path / "again")
    again = tmp_path / "again"

    def everything(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file()
        }

    assert everything(again) == everything(basic_site)
