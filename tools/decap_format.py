"""Every content file in the form Decap CMS writes it, so that saving an entry unchanged in the
browser editor changes nothing in git.

Decap rewrites a file on save: keys in the order of the collection's fields, its own quoting and
line folding, and a comment above each field that has one in the configuration (ours: the field's
Norwegian help). This runs Decap's own libraries (tools/decap-format.cjs, on node_modules) over
the content and either lists the files that a save would change (`--check`, the default) or
rewrites them once (`--write`).

    python tools/decap_format.py [--content DIR] [--check | --write]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from showcase.content.contenttypes import CONTENT_TYPES  # noqa: E402
from showcase.content.declaration import ContentType  # noqa: E402

SCRIPT = PROJECT / "tools" / "decap-format.cjs"


@dataclass(frozen=True)
class Job:
    """One file, how Decap parses it and the field order and comments it writes with."""

    path: Path
    declared: ContentType

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "format": "frontmatter" if self.path.suffix == ".md" else "yaml",
            "sortedKeys": list(self.declared.names),
            "comments": comments(self.declared),
        }


def comments(declared: ContentType) -> dict[str, str]:
    """The comment Decap writes above each top-level field: its Norwegian help."""
    return {field.name: field.help["nb"] for field in declared.fields}


def jobs(content: Path) -> list[Job]:
    """Every file of `content` that the editor can open, with its content type."""
    found = []
    for declared in CONTENT_TYPES:
        target = content / declared.path
        if declared.storage == "yaml-file":
            paths = [target] if target.is_file() else []
        else:
            suffix = "*.md" if declared.storage == "markdown-folder" else "*.yaml"
            paths = sorted(target.glob(suffix))
        found += [Job(path, declared) for path in paths]
    return found


def as_decap_writes(files: list[Job]) -> dict[Path, str]:
    """Each file's text after Decap has read and written it."""
    if not files:
        return {}
    run = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps([job.as_json() for job in files]),
        capture_output=True,
        text=True,
        check=True,
    )
    return {Path(item["path"]): item["text"] for item in json.loads(run.stdout)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=PROJECT / "content")
    parser.add_argument("--write", action="store_true", help="rewrite the files that differ")
    args = parser.parse_args(argv)
    changed = [
        (path, text)
        for path, text in as_decap_writes(jobs(args.content)).items()
        if path.read_text(encoding="utf-8") != text
    ]
    for path, text in changed:
        if args.write:
            path.write_text(text, encoding="utf-8")
        print(("rewrote " if args.write else "a save would change ") + str(path))
    return 1 if changed and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
