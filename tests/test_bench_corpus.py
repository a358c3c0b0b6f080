"""The benchmark's corpus generator (bench/corpus.py): the same bytes on every run, and content
that our own `check` accepts, so `make bench` measures real builds of valid sites."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def generate(n: int, out: Path) -> None:
    command = [sys.executable, "-m", "bench.corpus", "--n", str(n), "--out", str(out)]
    subprocess.run(command, cwd=PROJECT, check=True, capture_output=True)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_corpus_is_deterministic_complete_and_accepted_by_check(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate(5, first)
    generate(5, second)
    assert tree(first) == tree(second)

    # 5 item pages round up to 3 items in nb and en: 6 pages in every tool's format.
    content = first / "ours" / "content"
    ours = sorted(content.glob("cases/*.md")) + sorted(content.glob("news/*.md"))
    assert len(ours) == 6
    assert {p.name.split(".")[-2] for p in ours} == {"nb", "en"}
    assert len(list((first / "hugo" / "content" / "items").glob("*.md"))) == 6
    assert len(list((first / "pelican" / "content" / "items").glob("*.md"))) == 6
    assert len(list((first / "mkdocs" / "docs" / "items").glob("*.md"))) == 6

    for page in ours:
        body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert 500 <= len(body.split()) <= 800, page.name
        for markup in ("\n## ", "\n### ", "\n- ", "\n1. ", "**", "](/", "![", "/images/"):
            assert markup in body, (page.name, markup)

    result = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(content), "--lang", "en"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    assert "check passed" in result.stdout
