"""The command line: `python build.py [build|check|serve]`.

Exit codes: 0 success; 1 content errors (listed on stderr, site/ untouched); 2 wrong usage or an
unsafe output folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pipeline
from .errors import BuildError
from .output import UnsafeOutput
from .reporter import report_problems, report_success
from .schema import Folders

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python build.py", description="Build the Asker velferdslab showcase site."
    )
    parser.add_argument("command", nargs="?", default="build", choices=["build", "check", "serve"])
    parser.add_argument("--content", type=Path, help="content folder (default: content/)")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--port", type=int, default=8000, help="preview port (default: 8000)")
    parser.add_argument("--drafts", action="store_true", help="include drafts (preview only)")
    parser.add_argument("--no-browser", action="store_true", help="serve without opening a browser")
    return parser.parse_args(argv)


def folders_for(project: Path, content: Path | None) -> Folders:
    content_dir = (content or project / "content").absolute()
    root = project if content_dir.is_relative_to(project) else content_dir.parent
    return Folders(root=root, content=content_dir, templates=project / "templates")


def main(project: Path, argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    folders = folders_for(project.absolute(), args.content)
    out = (args.out or project / "site").absolute()
    try:
        if args.command == "check":
            report = pipeline.check(folders)
            report_problems([], report.warnings)
            report_success("check passed", report.pages, report.files, report.seconds)
        elif args.command == "serve":
            from .serve import serve

            serve(folders, out, args.port, open_browser=not args.no_browser)
        else:
            report = pipeline.build(folders, out, include_drafts=args.drafts)
            report_problems([], report.warnings)
            report_success(f"built {out}", report.pages, report.files, report.seconds)
    except BuildError as exc:
        report_problems(exc.errors, [])
        return EXIT_CONTENT
    except UnsafeOutput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
