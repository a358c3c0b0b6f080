"""Invalid sites: each folder in tests/invalid/ breaks the fixture site one way, and `check`
must print exactly its expected.txt (Norwegian, the default), one error per line.

Each case's content/ is copied over a copy of tests/sites/basic/content. Regenerate the expected
texts on purpose with `pytest tests/test_invalid.py --update-golden` and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, SITES

from showcase.commands.cli import main

CASES = sorted(p.name for p in (PROJECT / "tests" / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_invalid_site_reports_exactly_the_expected_errors(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    folder = PROJECT / "tests" / "invalid" / case
    content = tmp_path / "content"
    shutil.copytree(SITES / "basic" / "content", content)
    shutil.copytree(folder / "content", content, dirs_exist_ok=True)
    out = tmp_path / "site"
    code = main(PROJECT, ["--content", str(content), "--out", str(out), "--lang", "nb"])
    printed = capsys.readouterr().err
    expected = folder / "expected.txt"
    if update_golden:
        expected.write_text(printed, encoding="utf-8")
    assert code == 1
    assert printed == expected.read_text(encoding="utf-8")
    assert not out.exists(), "a failed build must not write the site"
