"""Where a run reads from and writes to: the few paths every command needs first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Folders:
    """Where a run reads from; messages name files relative to `root`."""

    root: Path
    content: Path
    templates: Path


# Where `python build.py new KIND "Title"` puts a new item, by KIND: here, not in
# commands/scaffold.py, so the command line can list the kinds without loading the content model.
NEW_ITEM_FOLDERS = {
    "case": "cases",
    "news": "news",
    "award": "awards",
    "page": "pages",
    "group": "groups",
    "partner": "partners",
}
