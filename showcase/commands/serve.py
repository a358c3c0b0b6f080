"""Live preview for editors: build with drafts, serve on 127.0.0.1, rebuild and reload on save.

livereload serves the pages and reloads the browser. Its own watcher polls every 0.8 s; ours is
told about changes by the operating system (watchfiles), so a save shows in the browser as soon
as the rebuild is done. The preview is built into `.cache/preview/`, never into site/, so drafts
cannot end up in what gets published.

An error in one file blanks no other page: while the content has errors, the preview shows what
could still be rendered without the broken items (and the last version of pages it could not
render), every page under a banner that names the broken files and links to /_feil/, the list
of every error and warning with a link to each file's entry in the browser editor. The verdict
goes to `.cache/preview-verdict.json` after every build, for the editor (preview_problems.py).
The next good save takes the banners away.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import watchfiles
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import ioloop

from .. import pipeline
from ..common.atomic import write_atomic
from ..common.errors import BuildError, ContentError
from ..common.folders import Folders
from ..common.messages import translate
from ..content import load
from ..content.load import is_editor_litter
from ..content.model import Content
from ..output import incremental
from ..output.staging import MARK, UnsafeOutput, mark
from .preview_problems import (
    PROBLEMS_PAGE,
    VERDICT,
    banner,
    mark_pages,
    problems_page,
    write_verdict,
)
from .reporter import report_problems, report_success

HOST = "127.0.0.1"
PREVIEW = Path(".cache") / "preview"


class ChangeWatcher(Watcher):  # type: ignore[misc]
    """livereload's watcher, told about changes by the operating system (watchfiles) instead of
    polling every 0.8 s and walking every watched folder to compare times.

    The rebuild runs on the watcher's own thread, not on the server's: the preview is updated
    file by file, so the page being edited is served as soon as it is written, while the rest
    of the site is still being made. The browsers are told to reload once the build is done."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.stop = threading.Event()
        self.changed: queue.SimpleQueue[str] = queue.SimpleQueue()

    def start(self, callback: Callable[[], None]) -> bool:
        loop = ioloop.IOLoop.current()

        def run() -> None:
            for changes in watchfiles.watch(
                *self.paths,
                watch_filter=lambda _change, path: not is_editor_litter(Path(path)),
                debounce=40,
                step=10,
                stop_event=self.stop,
                raise_interrupt=False,
            ):
                self.run_tasks()
                self.changed.put(min(path for _change, path in changes))
                loop.add_callback(callback)

        threading.Thread(target=run, name="preview-watcher", daemon=True).start()
        return True

    def run_tasks(self) -> None:
        """Each watch task once (they are all the preview's rebuild), whatever changed."""
        tasks = {id(item["func"]): item["func"] for item in self._tasks.values() if item["func"]}
        for task in tasks.values():
            task()

    def examine(self) -> tuple[str | None, float | None]:
        """One file changed since the last look, for livereload to reload the browsers (the
        rebuild has run already), or None."""
        changed = []
        while not self.changed.empty():
            changed.append(self.changed.get())
        return (changed[0] if changed else None), None


class Preview:
    """Builds the preview with the build cache (only changed pages are rendered again). While
    the content has errors, the pages that could still be rendered (and the last version of the
    others) carry a banner naming the broken files; after every build the list of problems at
    /_feil/ and the verdict for the browser editor are written (see preview_problems.py)."""

    def __init__(self, folders: Folders, out: Path, lang: str) -> None:
        self.folders = folders
        self.out = out
        self.lang = lang

    def rebuild(self, *_changed: Any) -> bool:
        try:
            report = pipeline.build(
                self.folders, self.out, include_drafts=True, jobs=1, in_place=True, look=self.look()
            )
        except pipeline.Unfinished as exc:
            self.show(exc.errors, exc.warnings, exc.content)
            return False
        except BuildError as exc:  # a template failed: the pages made before it are kept
            self.show(exc.errors, [], None)
            return False
        except UnsafeOutput as exc:
            print(translate(str(exc), self.lang))
            return False
        if not report.up_to_date:  # else what was shown and written last time still holds
            self.show([], report.warnings, report.content)
        stamp = time.strftime("%H:%M:%S")
        report_success(f"{stamp} built", report.pages, report.files, report.seconds, self.lang)
        return True

    def look(self) -> incremental.Look:
        """The quick look at the last preview build; never "nothing to do" while the list of
        problems or the verdict that build would have written is missing."""
        look = incremental.look(self.folders, self.out, True, 1)
        shown = (self.out / PROBLEMS_PAGE).is_file() and (self.folders.root / VERDICT).is_file()
        return look if shown else dataclasses.replace(look, fresh=False)

    def show(
        self, errors: list[ContentError], warnings: list[ContentError], content: Content | None
    ) -> None:
        """The problems in the terminal, on the pages, at /_feil/ and in the verdict."""
        report_problems(errors, warnings, self.lang)
        if errors:
            self.out.mkdir(parents=True, exist_ok=True)
            mark(self.out)  # ours, even when the content never built
            mark_pages(self.out, banner(errors, self.lang))
        for path, data in problems_page(self.folders, content, errors, warnings, self.lang):
            if path == PROBLEMS_PAGE or not (self.out / path).is_file():
                write_atomic(self.out / path, data)
            if path == PROBLEMS_PAGE and not (self.out / "index.html").is_file():
                write_atomic(self.out / "index.html", data)  # no page ever built: show these
        write_verdict(self.folders.root, errors, warnings, self.lang)


class RoutedServer(Server):  # type: ignore[misc]
    """livereload's server with extra routes ahead of its static files (the editor's /admin/)."""

    def __init__(self, watcher: Watcher, routes: Sequence[Any]) -> None:
        super().__init__(watcher=watcher)
        self.routes = list(routes)

    def get_web_handlers(self, script: bytes) -> list[Any]:
        return self.routes + list(super().get_web_handlers(script))


def serve(
    folders: Folders,
    out: Path,
    port: int,
    lang: str,
    open_browser: bool = True,
    routes: Sequence[Any] = (),
) -> None:
    """Run the preview until Ctrl+C. `out` is ignored: the preview never writes site/.
    `routes` are tornado handlers served before the preview's pages (`build.py edit`)."""
    preview_dir = folders.root / PREVIEW
    if not (preview_dir / MARK).exists() and (preview_dir / "sitemap.xml").is_file():
        mark(preview_dir)  # a preview from before builds left a mark: .cache/ is ours
    try:
        preview = Preview(folders, preview_dir, lang)
    except UnsafeOutput as exc:  # pragma: no cover - the preview folder is ours
        print(exc)
        return
    load.remember()  # unchanged files are not read or parsed again on each save
    preview.rebuild()
    # livereload ignores changes for 3 s after each reload, which would leave the browser stale
    # after quick successive saves; the watcher's debounce already merges bursts of events.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    watcher = ChangeWatcher([folders.content, folders.templates])
    server = RoutedServer(watcher, routes)
    for folder in (folders.content, folders.templates):
        server.watch(str(folder), preview.rebuild, ignore=lambda name: is_editor_litter(Path(name)))
    print(translate(f"Preview: http://{HOST}:{port}/ (Ctrl+C stops it)", lang), flush=True)
    try:
        server.serve(
            host=HOST,
            port=port,
            root=str(preview_dir),
            open_url_delay=0.5 if open_browser else None,
            restart_delay=0,
            default_filename="index.html",
        )
    finally:
        watcher.stop.set()
