"""The editor's routes on the live preview's server: /admin/ (our page, which loads Decap CMS and
the verdict panel), /admin/config.yml (made from the declaration on every request), Decap's own
files straight from node_modules/decap-cms/dist, and /_verdict.json.

Everything is served by the preview on 127.0.0.1; nothing is copied into site/ or .cache/.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tornado import web

from ..common.folders import Folders
from ..content.contenttypes import CONTENT_TYPES
from ..content.declaration import ContentType
from .addresses import Addresses, page_addresses
from .choices import current_choices
from .cms_config import cms_config, dump
from .verdict import VERDICT, explained, read_verdict

STATIC = Path(__file__).resolve().parent / "static"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
TITLE = {
    "nb": "Redigere innholdet – Asker velferdslab",
    "en": "Edit the content – Asker velferdslab",
}


@dataclass
class Editor:
    """What the routes need: the project, the proxy's port, the language of the interface,
    and the page addresses of the last good build (looked up again when a build finishes)."""

    folders: Folders
    proxy_port: int
    lang: str
    content: str = "content"  # the content folder, relative to the folder decap-server serves
    workflow_branch: str | None = None  # with review: the branch entries are published into
    review: dict[str, Any] = field(default_factory=dict)  # entry -> its review branch's verdict
    review_stamp: int = 0  # time.time_ns() of the last change to `review`
    types: Sequence[ContentType] = CONTENT_TYPES
    _addresses: tuple[object, Addresses] = field(default=(None, {}))

    def admin_page(self) -> str:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        return page.replace("{lang}", self.lang).replace("{title}", html.escape(TITLE[self.lang]))

    def config(self) -> str:
        choices = current_choices(self.folders.content, self.types, self.lang)
        branch = self.workflow_branch
        config = cms_config(
            self.types,
            self.proxy_port,
            self.lang,
            self.content,
            choices,
            workflow=branch is not None,
            backend={"name": "proxy", "branch": branch} if branch else None,
        )
        return dump(config)

    def verdict(self) -> dict[str, Any]:
        raw = read_verdict(self.folders.root)
        shown = explained(raw, self.folders, self.types, self.lang)
        built_at, addresses = self._addresses
        if raw.get("ok") and raw.get("built_at") != built_at:
            addresses = page_addresses(self.folders, self.types)
            self._addresses = (raw.get("built_at"), addresses)
        return shown | {"pages": addresses, "version": self.version(), "review": self.review}

    def version(self) -> int:
        """Changes with every verdict written (built_at is only to the second): the panel
        waits, after a save, until the verdict is a newer one than before the save."""
        try:
            written = (self.folders.root / VERDICT).stat().st_mtime_ns
        except OSError:
            written = 0
        return max(written, self.review_stamp)


class Uncached(web.RequestHandler):
    """Our own responses: never cached, and never given livereload's script, which would
    reload the editor (losing what is being typed) every time a save rebuilds the preview."""

    def initialize(self, editor: Editor) -> None:
        self.editor = editor

    def prepare(self) -> None:
        self._transforms = []  # livereload adds its script to every HTML response otherwise
        self.set_header("Cache-Control", "no-store")


class AdminPage(Uncached):
    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(self.editor.admin_page())


class ConfigFile(Uncached):
    def get(self) -> None:
        self.set_header("Content-Type", "text/yaml; charset=utf-8")
        self.write(self.editor.config())


class VerdictFile(Uncached):
    def get(self) -> None:
        self.write(self.editor.verdict())  # a dict: tornado sends it as JSON


class Redirect(web.RequestHandler):
    def get(self) -> None:
        self.redirect("/admin/")


def routes(editor: Editor, project: Path) -> list[tuple[str, Any, dict[str, Any]]]:
    """The handlers to put before the preview's own, which serves everything else."""
    given = {"editor": editor}
    return [
        (r"/admin", Redirect, {}),
        (r"/admin/(?:index\.html)?", AdminPage, given),
        (r"/admin/config\.yml", ConfigFile, given),
        (r"/_verdict\.json", VerdictFile, given),
        (r"/admin/(verdict\.(?:js|css))", web.StaticFileHandler, {"path": str(STATIC)}),
        (r"/admin/(.+)", web.StaticFileHandler, {"path": str(project / DECAP_DIST)}),
    ]
