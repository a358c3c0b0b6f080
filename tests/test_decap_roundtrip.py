"""Opening an entry in the browser editor and saving it unchanged changes nothing: the content is
kept in the form Decap CMS writes (its own YAML and front-matter libraries, run by node), and
that form means exactly what the hand-written form meant."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for

from showcase import pipeline
from showcase.content.contenttypes import CONTENT_TYPES

sys.path.insert(0, str(PROJECT / "tools"))
import decap_format

NODE_MODULES = PROJECT / "node_modules"


@pytest.fixture(autouse=True)
def decaps_libraries() -> None:
    """Decap's YAML libraries come with decap-cms from npm; skipped without them, except in CI."""
    missing = [name for name in ("yaml", "gray-matter") if not (NODE_MODULES / name).is_dir()]
    if not shutil.which("node") or missing:
        reason = "node or node_modules/yaml, gray-matter are missing: run `make test` (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
        pytest.skip(reason)


def test_saving_any_entry_unchanged_rewrites_no_file() -> None:
    jobs = decap_format.jobs(PROJECT / "content")
    assert {job.declared.name for job in jobs} == {t.name for t in CONTENT_TYPES}
    changed = [
        str(path.relative_to(PROJECT))
        for path, text in decap_format.as_decap_writes(jobs).items()
        if path.read_text(encoding="utf-8") != text
    ]
    assert changed == [], "run `python tools/decap_format.py --write` to normalise them"


@pytest.mark.parametrize("declared", CONTENT_TYPES, ids=lambda t: t.name)
def test_decaps_form_means_what_the_hand_written_form_meant(
    declared: object, copy_site: Callable[[], Path], tmp_path: Path
) -> None:
    """The fixture site is hand-written (quotes, flow lists, no comments); a save by the editor
    reformats every file of a type, and the built site stays byte for byte the same."""
    content = copy_site()
    before, after = tmp_path / "before", tmp_path / "after"
    pipeline.build(folders_for(content), before)
    jobs = [job for job in decap_format.jobs(content) if job.declared is declared]
    assert jobs, "the fixture site has no file of this type"
    rewritten = decap_format.as_decap_writes(jobs)
    assert any(path.read_text(encoding="utf-8") != text for path, text in rewritten.items())
    for path, text in rewritten.items():
        path.write_text(text, encoding="utf-8")
    assert decap_format.as_decap_writes(jobs) == rewritten  # a second save changes nothing
    pipeline.build(folders_for(content), after)
    assert _files(after) == _files(before)


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in (".showcase-site", "build-manifest.json")
    }
