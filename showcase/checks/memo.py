"""What a check found in each file, kept between runs by the digest of the file's text, so the
run after one edit judges only the files that changed. For checks that read every word of every
page (klarspråk: some 1 ms a page, 5 s at 5 000 pages), which is too slow to repeat for a
preview after each save, or for a build after one edit.

The digest covers the file's path and text and the checking code (`salt`): a change to either
makes the old findings unused, and they are left out when the memo is saved. A memo that cannot
be read or written only makes the check slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from ..common.atomic import write_atomic

FORMAT = 1
Findings = list[list[Any]]  # what the check needs to report them again, e.g. [line, message]


class Memo:
    """Findings by digest: `get` what was found before, `put` what was found now, `save`."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path, self.salt = path, salt
        self.kept: dict[str, Findings] = {}
        self.used: dict[str, Findings] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                self.kept = dict(data["findings"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # none yet, or damaged: judged again

    def key(self, *parts: str) -> str:
        text = "\0".join((self.salt, *parts)).encode("utf-8", "surrogatepass")
        return hashlib.blake2b(text, digest_size=16).hexdigest()

    def get(self, key: str) -> Findings | None:
        found = self.kept.get(key)
        if isinstance(found, list):
            self.used[key] = found
            return found
        return None

    def put(self, key: str, findings: Findings) -> None:
        self.used[key] = findings

    def save(self) -> None:
        """Keep what this run used, when it differs from what was kept."""
        if self.used == self.kept:
            return
        data = {"format": FORMAT, "findings": self.used}
        with contextlib.suppress(OSError):  # a read-only project: the next run judges again
            write_atomic(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
