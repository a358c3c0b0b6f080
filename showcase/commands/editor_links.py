"""Where a content file is edited in the browser editor (Decap CMS at /admin/), so that every
problem the preview lists leads staff straight to the form to fix it in.

content/<folder>/<key>.yaml and content/<folder>/<key>.<lang>.md are the entry <key> of the
collection <folder>; the single files (site.yaml, method.yaml, …) are entries of "settings".
"""

from __future__ import annotations

COLLECTIONS = ("awards", "cases", "groups", "news", "pages", "partners")
SETTINGS = ("site.yaml", "method.yaml", "services.yaml", "results.yaml")


def editor_link(path: str) -> str | None:
    """The editor's address of the entry a file (relative to the project, as problems name it)
    belongs to; None for anything the editor does not edit (images, templates, a stray file)."""
    parts = path.split("/")
    if len(parts) < 2:
        return None
    folder, name = parts[-2], parts[-1]
    if folder in COLLECTIONS and name.endswith((".yaml", ".md")):
        return f"/admin/#/collections/{folder}/entries/{name.split('.')[0]}"
    if name in SETTINGS and folder not in COLLECTIONS:
        return f"/admin/#/collections/settings/entries/{name.removesuffix('.yaml')}"
    return None
