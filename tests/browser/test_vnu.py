"""The Nu HTML Checker (vnu) finds no error in any page of the real site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .conftest import VNU, node_tool, unavailable

# A page that must fail, checked in the same run: proves the checker runs and its output is read.
CANARY = """<!DOCTYPE html>
<html lang="en"><head><title>Canary</title></head>
<body><p><div>block inside a paragraph</div></p><img src="x.png"></body></html>
"""


def vnu_errors(files: list[Path]) -> dict[str, list[str]]:
    """Run vnu once over all files; errors per file path."""
    java = shutil.which("java")
    if java is None:
        unavailable("java is missing: install Debian's default-jre-headless")
    jar = node_tool(VNU)
    run = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.stderr.lstrip().startswith("{"), f"vnu did not report: {run.stderr[:2000]}"
    report = json.loads(run.stderr)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        where = message.get("url", "").removeprefix("file:")
        line = message.get("lastLine", "?")
        errors.setdefault(where, []).append(f"{line}: {message['type']}: {message['message']}")
    return errors


def test_no_vnu_errors_on_any_page(real_site: Path, tmp_path: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) >= 40
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")

    errors = vnu_errors([*pages, canary])

    assert errors.pop(str(canary), []), "vnu found nothing wrong in a broken page"
    assert errors == {}
