"""Where a content file is edited in the browser editor (Decap CMS at /admin/), so that every
problem the preview lists leads staff straight to the form to fix it in.

content/<folder>/<key>.yaml and content/<folder>/<key>.<lang>.md are the entry <key> of the
collection <folder>; the single files (site.yaml, method.yaml, …) are entries of "settings".
The collections and files are the content types' declaration, as the editor's config has them.
"""

from __future__ import annotations

from ..content.contenttypes import CONTENT_TYPES
from ..editor.cms_config import SETTINGS, collection_key

FOLDERS = {t.path: t for t in CONTENT_TYPES if t.storage != "yaml-file"}
FILES = {t.path: t for t in CONTENT_TYPES if t.storage == "yaml-file"}


def editor_link(path: str) -> str | None:
    """The editor's address of the entry a file (relative to the project, as problems name it)
    belongs to; None for anything the editor does not edit (images, templates, a stray file)."""
    parts = path.split("/")
    if len(parts) < 2:
        return None
    folder, name = parts[-2], parts[-1]
    if folder in FOLDERS and name.endswith((".yaml", ".md")):
        return f"/admin/#/collections/{FOLDERS[folder].name}/entries/{name.split('.')[0]}"
    if name in FILES and folder not in FOLDERS:
        return f"/admin/#/collections/{SETTINGS}/entries/{collection_key(FILES[name])}"
    return None
