"""Live preview for editors: build, serve site/ on 127.0.0.1, rebuild and reload on save."""

from __future__ import annotations

import time
from pathlib import Path

from livereload import Server

from . import pipeline
from .errors import BuildError
from .load import is_editor_litter
from .output import UnsafeOutput
from .reporter import report_problems, report_success
from .schema import Folders

HOST = "127.0.0.1"


def rebuild(folders: Folders, out: Path) -> bool:
    """One preview build (drafts included); problems are printed, the last good site stays."""
    try:
        report = pipeline.build(folders, out, include_drafts=True)
    except BuildError as exc:
        report_problems(exc.errors, [])
        return False
    except UnsafeOutput as exc:
        print(f"error: {exc}")
        return False
    report_problems([], report.warnings)
    report_success(time.strftime("%H:%M:%S rebuilt"), report.pages, report.files, report.seconds)
    return True


def serve(folders: Folders, out: Path, port: int, open_browser: bool = True) -> None:
    rebuild(folders, out)
    server = Server()

    def on_change() -> None:
        rebuild(folders, out)

    def ignore(name: str) -> bool:
        return is_editor_litter(Path(name))

    for folder in (folders.content, folders.templates):
        server.watch(str(folder), on_change, ignore=ignore)
    print(f"Preview: http://{HOST}:{port}/  (Ctrl+C stops it)")
    server.serve(
        host=HOST,
        port=port,
        root=str(out),
        open_url_delay=0.5 if open_browser else None,
        restart_delay=0,
        default_filename="index.html",
    )
