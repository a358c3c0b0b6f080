"""Writing one file so that nobody ever reads half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename: readers (and builds running
    beside this one) see the old file or the new one, never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    Path(tmp).chmod(0o644)
    Path(tmp).replace(target)
