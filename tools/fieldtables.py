"""Rewrite the field tables of the editing guide (docs/redigering.md) from the content-type
declarations (showcase/content/fieldtables.py does the work; this only reads and writes).

    python tools/fieldtables.py           # rewrite the tables that are out of date
    python tools/fieldtables.py --check   # exit 1 if one is, without writing
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from showcase.content.contenttypes import CONTENT_TYPES  # noqa: E402
from showcase.content.fieldtables import documented, update  # noqa: E402

GUIDE = PROJECT / "docs" / "redigering.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether a table is stale")
    args = parser.parse_args(argv)
    text = GUIDE.read_text(encoding="utf-8")
    missing = sorted({t.name for t in CONTENT_TYPES} - set(documented(text)))
    for name in missing:
        print(f"{GUIDE}: no table for '{name}': add <!-- felt: {name} --><!-- /felt -->")
    fresh = update(text)
    if fresh != text and args.check:
        print(f"{GUIDE}: a field table is out of date: run python tools/fieldtables.py")
        return 1
    if fresh != text:
        GUIDE.write_text(fresh, encoding="utf-8")
        print(f"rewrote the field tables in {GUIDE}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
