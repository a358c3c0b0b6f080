"""The command line: `python build.py [build|check|serve|new|deny-name|handout] [options]`.

Exit codes: 0 success; 1 content errors (listed on stderr, site/ untouched); 2 wrong usage or an
unsafe output folder. Messages are in Norwegian unless --lang en is given or $LANG starts with en.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..common.errors import BuildError
from ..common.folders import NEW_ITEM_FOLDERS, Folders
from ..common.messages import choose_language, translate
from ..output import incremental
from ..output.staging import UnsafeOutput
from .reporter import report_problems, report_success

# The rest (the content model, Jinja, Markdown, Pillow, …) is imported only by the commands that
# need it: a build that finds nothing changed is over before those would have loaded.

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
COMMANDS = ("build", "check", "serve", "new", "deny-name", "handout")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build the Asker velferdslab showcase site.",
        epilog="exit codes: 0 success, 1 content errors, 2 wrong usage or unsafe output folder",
    )
    parser.add_argument("command", nargs="?", default="build", choices=COMMANDS)
    parser.add_argument("args", nargs="*", help='for new: KIND "Title" (KIND: ' + ", ".join(
        NEW_ITEM_FOLDERS) + ")")  # fmt: skip
    parser.add_argument("--content", type=Path, help="content folder (default: content/)")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--port", type=int, default=8000, help="preview port (default: 8000)")
    parser.add_argument("--drafts", action="store_true", help="include drafts (preview only)")
    parser.add_argument("--no-browser", action="store_true", help="serve without opening a browser")
    parser.add_argument(
        "--jobs", type=int, default=0, help="processes rendering pages (default: one per core)"
    )
    parser.add_argument(
        "--lang",
        choices=("nb", "en"),
        help="language of messages (default: nb); for handout, also the only handout made",
    )
    return parser.parse_args(argv)


def folders_for(project: Path, content: Path | None) -> Folders:
    content_dir = (content or project / "content").absolute()
    root = project if content_dir.is_relative_to(project) else content_dir.parent
    return Folders(root=root, content=content_dir, templates=project / "templates")


def main(project: Path, argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    lang = choose_language(args.lang)
    folders = folders_for(project.absolute(), args.content)
    out = (args.out or project / "site").absolute()
    try:
        if args.command == "build":
            return build(folders, out, args.drafts, args.jobs, lang)
        if args.command == "check":
            from .. import pipeline

            report = pipeline.check(folders)
            report_problems([], report.warnings, lang)
            report_success("check passed", report.pages, report.files, report.seconds, lang)
        elif args.command == "serve":
            from .serve import serve

            serve(folders, out, args.port, lang, open_browser=not args.no_browser)
        elif args.command == "new":
            return new(folders, args.args, lang)
        elif args.command == "deny-name":
            return deny_name(folders.root, lang)
        else:
            return handout(folders, out, args.lang, lang)
    except BuildError as exc:
        report_problems(exc.errors, [], lang)
        return EXIT_CONTENT
    except UnsafeOutput as exc:
        print(f"{translate('error', lang)}: {translate(str(exc), lang)}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def build(folders: Folders, out: Path, drafts: bool, jobs: int, lang: str) -> int:
    """The site into `out`; when nothing changed since the last build, just a quick look."""
    look = incremental.look(folders, out, drafts, jobs)
    if look.fresh:
        print(translate(f"{out} is up to date: nothing changed", lang))
        return EXIT_OK
    from .. import pipeline

    report = pipeline.build(folders, out, include_drafts=drafts, jobs=jobs, look=look)
    if report.notice:
        print(translate(report.notice, lang), file=sys.stderr)
    report_problems([], report.warnings, lang)
    report_success(f"built {out}", report.pages, report.files, report.seconds, lang)
    return EXIT_OK


def new(folders: Folders, args: list[str], lang: str) -> int:
    """`new KIND "Title"`: create the files of a new draft item in every language."""
    from . import scaffold

    if len(args) != 2 or args[0] not in scaffold.KINDS:
        kinds = "|".join(scaffold.KINDS)
        print(translate(f'usage: python build.py new {{{kinds}}} "Title"', lang), file=sys.stderr)
        return EXIT_USAGE
    created = scaffold.create(args[0], args[1], folders)
    for path in created:
        print(translate(f"created {path.relative_to(folders.root).as_posix()}", lang))
    print(translate("it is a draft: set 'status: published' when it is ready", lang))
    return EXIT_OK


def deny_name(root: Path, lang: str) -> int:
    """Add a real name to the private deny-list; read without echo, so it stays out of history."""
    from ..checks import denylist

    path = denylist.path_for(root)
    name = getpass.getpass(translate("Name to block (not shown): ", lang))
    try:
        count = denylist.add_name(path, name)
    except ValueError:
        print(translate("the name has no letters", lang), file=sys.stderr)
        return EXIT_USAGE
    print(translate(f"added; the deny-list {path} now has {count} names", lang))
    return EXIT_OK


def handout(folders: Folders, out: Path, only: str | None, lang: str) -> int:
    """`handout [--lang nb|en]`: only the handouts, into out/handouts/; unchanged ones come from
    the cache, so this is quick while working on the handout's template."""
    from .. import pipeline

    result, seconds = pipeline.handouts_only(folders, out, [only] if only else None)
    for item in result.items:
        print(translate(f"wrote {out / item.path} ({item.kilobytes} kB)", lang))
    cached, made, took = len(result.items) - result.rendered, result.rendered, f"{seconds:.2f}"
    print(translate(f"handouts: {made} rendered, {cached} from the cache, in {took} s", lang))
    return EXIT_OK
