"""Live preview for editors: build with drafts, serve on 127.0.0.1, rebuild and reload on save.

livereload serves the pages and reloads the browser. Its own watcher polls every 0.8 s; ours is
told about changes by the operating system (watchfiles), so a save shows in the browser as soon
as the rebuild is done. The preview is built into `.cache/preview/`, never into site/, so drafts
cannot end up in what gets published. While the content has errors, every page of the preview
shows them (file, line, what to do) instead of a stale page; the next good save brings it back.
"""

from __future__ import annotations

import html
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import watchfiles
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import ioloop

from .. import pipeline
from ..common.errors import BuildError, ContentError
from ..common.folders import Folders
from ..common.messages import translate
from ..content import load
from ..content.load import is_editor_litter
from ..output.staging import MARK, UnsafeOutput, mark, write_site
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


def error_page(errors: list[ContentError], lang: str) -> bytes:
    """A plain page listing every error, shown in place of every page of the preview."""
    title = translate("The site could not be built", lang)
    items = "\n".join(
        f"<li><code>{html.escape(str(e.where))}</code><br>{html.escape(translate(e.message, lang))}"
        + (f"<br><strong>{html.escape(translate(e.hint, lang))}</strong>" if e.hint else "")
        + "</li>"
        for e in errors
    )
    hint = translate("Fix the files and save: this page updates by itself.", lang)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>{html.escape(hint)}</p>
<ol class="preview-errors">
{items}
</ol>
</main>
</body>
</html>
""".encode()


class Preview:
    """Builds the preview with the build cache (only changed pages are rendered again) and,
    while the content has errors, shows them on every page of the last good preview."""

    def __init__(self, folders: Folders, out: Path, lang: str) -> None:
        self.folders = folders
        self.out = out
        self.lang = lang

    def rebuild(self, *_changed: Any) -> bool:
        try:
            report = pipeline.build(
                self.folders, self.out, include_drafts=True, jobs=1, in_place=True
            )
        except BuildError as exc:
            report_problems(exc.errors, [], self.lang)
            self.show_errors(exc.errors)
            return False
        except UnsafeOutput as exc:
            print(translate(str(exc), self.lang))
            return False
        report_problems([], report.warnings, self.lang)
        stamp = time.strftime("%H:%M:%S")
        report_success(f"{stamp} built", report.pages, report.files, report.seconds, self.lang)
        return True

    def show_errors(self, errors: list[ContentError]) -> None:
        page = error_page(errors, self.lang)
        last = (
            [(p.relative_to(self.out).as_posix(), p) for p in sorted(self.out.rglob("*"))]
            if self.out.is_dir()
            else []
        )
        files = [
            (path, page if path.endswith(".html") else source.read_bytes())
            for path, source in last
            if source.is_file()
        ]
        # With no good preview yet, a folder with just the error page (write_site marks it as
        # a site this build made, so the next good build may replace it).
        write_site(self.out, files or [("index.html", page), ("404.html", page)])


def serve(folders: Folders, out: Path, port: int, lang: str, open_browser: bool = True) -> None:
    """Run the preview until Ctrl+C. `out` is ignored: the preview never writes site/."""
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
    server = Server(watcher=watcher)
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
