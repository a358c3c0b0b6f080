"""The command line: `python build.py [build|check|serve|edit|editor-config|new|deny-name|
handout|publish|rollback|releases|review|publish-review] [options]`.

Exit codes: 0 success; 1 content errors (listed on stderr, site/ untouched); 2 wrong usage, an
unsafe output folder, or a publish refused or failed (the live site unchanged); 3 an internal
error, a bug in this program (one line on stderr, the traceback in .cache/logs/). Messages are
in Norwegian unless --lang en is given or $LANG starts with en.
"""

from __future__ import annotations

import argparse
import getpass
import os
import platform
import shlex
import sys
import tempfile
import time
import traceback
from pathlib import Path

from ..common.errors import BuildError
from ..common.folders import NEW_ITEM_FOLDERS, Folders
from ..common.messages import choose_language, translate
from ..content.edition import PUBLIC, Edition
from ..output import incremental
from ..output.staging import UnsafeOutput, mark
from .reporter import report_problems, report_success

# The rest (the content model, Jinja, Markdown, Pillow, …) is imported only by the commands that
# need it: a build that finds nothing changed is over before those would have loaded.

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
CRASH_LOGS = Path(".cache") / "logs"  # inside the project, beside the build cache
COMMANDS = (
    "build",
    "check",
    "serve",
    "edit",
    "editor-config",
    "new",
    "deny-name",
    "handout",
    "publish",
    "rollback",
    "releases",
    "review",
    "publish-review",
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build the Asker velferdslab showcase site.",
        epilog="exit codes: 0 success, 1 content errors, 2 wrong usage, unsafe output folder or "
        "publish refused or failed (live site unchanged), "
        "3 internal error (a bug: please report it with the log file named)",
    )
    parser.add_argument("command", nargs="?", default="build", choices=COMMANDS)
    parser.add_argument("args", nargs="*", help='for new: KIND "Title" (KIND: ' + ", ".join(
        NEW_ITEM_FOLDERS) + ")")  # fmt: skip
    parser.add_argument("--content", type=Path, help="content folder (default: content/)")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--port", type=int, default=8000, help="preview port (default: 8000)")
    parser.add_argument(
        "--proxy-port", type=int, default=8081, help="edit: Decap's proxy port (default: 8081)"
    )
    parser.add_argument("--drafts", action="store_true", help="include drafts (preview only)")
    parser.add_argument(
        "--workflow",
        action="store_true",
        help="edit: entries go through review on cms/ branches (Decap's editorial workflow)",
    )
    parser.add_argument("--no-browser", action="store_true", help="serve without opening a browser")
    parser.add_argument(
        "--jobs", type=int, default=0, help="processes rendering pages (default: one per core)"
    )
    parser.add_argument(
        "--target",
        help="for publish, rollback, releases, publish-review: the web server's folder, a local "
        "path or user@host:/path",
    )
    parser.add_argument(
        "--base-url", help="for review: the address it is served at (default: site.yaml's)"
    )
    parser.add_argument("--branch", help="for publish-review: the branch under review")
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
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    lang = choose_language(args.lang)
    try:
        return run(project, args, lang)
    except BuildError as exc:
        report_problems(exc.errors, [], lang)
        return EXIT_CONTENT
    except UnsafeOutput as exc:
        print(f"{translate('error', lang)}: {translate(str(exc), lang)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception:  # a bug in this program, not in the content: Ctrl+C still just stops
        return report_bug(project.absolute(), argv, lang)


def run(project: Path, args: argparse.Namespace, lang: str) -> int:
    """The command `args` names; content errors and an unsafe --out are raised to `main`."""
    folders = folders_for(project.absolute(), args.content)
    out = (args.out or project / "site").absolute()
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
    elif args.command == "edit":
        from .edit import edit

        ports = (args.port, args.proxy_port)
        browser = not args.no_browser
        return edit(project.absolute(), folders, out, ports, lang, browser, args.workflow)
    elif args.command == "editor-config":
        from .edit import editor_config

        return editor_config(folders, lang)
    elif args.command == "new":
        return new(folders, args.args, lang)
    elif args.command in ("publish", "rollback", "releases"):
        return publishing(folders, out, args, lang)
    elif args.command in ("review", "publish-review"):
        return reviewing(project.absolute(), folders, args, lang)
    elif args.command == "deny-name":
        return deny_name(folders.root, lang)
    else:
        return handout(folders, out, args.lang, lang)
    return EXIT_OK


def report_bug(project: Path, argv: list[str], lang: str) -> int:
    """An internal error: one line for the person at the terminal, who can do nothing about it
    but report it, and the whole traceback in a log file for whoever fixes it."""
    details = traceback.format_exc()
    log = write_crash_log(project, argv, details)
    if log is not None:
        line = translate(
            "internal error: this is a bug in the site generator, not in your content; "
            f"please report it and attach {log}",
            lang,
        )
        print(line, file=sys.stderr)
    else:  # nowhere to write it: the traceback itself is all there is to report
        line = translate(
            "internal error: this is a bug in the site generator, not in your content; "
            "please report it with what follows",
            lang,
        )
        print(f"{line}\n{details}", file=sys.stderr)
    return EXIT_BUG


def write_crash_log(project: Path, argv: list[str], details: str) -> Path | None:
    """The traceback in .cache/logs/crash-<UTC time>.log under the project, or in the system's
    temporary folder when that cannot be written; None when neither can."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    text = (
        f"Internal error of the Asker velferdslab showcase generator at {stamp}\n"
        f"command: python build.py {shlex.join(argv)}\n"
        f"Python {platform.python_version()} on {platform.platform()}\n"
        "Before sending this file to anyone, check that it holds no personal data.\n\n"
        f"{details}"
    )
    name = f"crash-{stamp}-{os.getpid()}.log"
    for path in (project / CRASH_LOGS / name, Path(tempfile.gettempdir()) / f"showcase-{name}"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return path
    return None


def build(
    folders: Folders, out: Path, drafts: bool, jobs: int, lang: str, edition: Edition = PUBLIC
) -> int:
    """The site into `out`; when nothing changed since the last build, just a quick look."""
    look = incremental.look(folders, out, drafts, jobs, edition.key())
    if look.fresh:
        print(translate(f"{out} is up to date: nothing changed", lang))
        return EXIT_OK
    from .. import pipeline

    report = pipeline.build(folders, out, drafts, jobs, look=look, edition=edition)
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
    mark(out)  # a folder of handouts alone is still one a build may replace
    for item in result.items:
        print(translate(f"wrote {out / item.path} ({item.kilobytes} kB)", lang))
    cached, made, took = len(result.items) - result.rendered, result.rendered, f"{seconds:.2f}"
    print(translate(f"handouts: {made} rendered, {cached} from the cache, in {took} s", lang))
    return EXIT_OK


def publishing(folders: Folders, out: Path, args: argparse.Namespace, lang: str) -> int:
    """`publish`, `rollback` and `releases` (commands/publish.py); publish builds first."""
    from . import publish

    if args.command == "rollback":
        return publish.rollback(args.target, lang)
    if args.command == "releases":
        return publish.list_releases(args.target, lang)
    return publish.publish(
        folders, out, args.target, lambda: build(folders, out, False, args.jobs, lang), lang
    )


def reviewing(project: Path, folders: Folders, args: argparse.Namespace, lang: str) -> int:
    """`review`: the review build, drafts included, into --out (default .cache/review/, never
    site/); `publish-review`: that, then onto the preview server (commands/review.py)."""
    from . import review

    out = (args.out or project / review.OUT).absolute()
    if args.command == "publish-review":
        wanted = (args.target, args.branch, args.base_url)
        return review.publish_review(
            folders,
            out,
            wanted,
            lambda edition: build(folders, out, True, args.jobs, lang, edition),
            lang,
        )
    edition = review.edition_for(args.base_url, lang)
    return EXIT_USAGE if edition is None else build(folders, out, True, args.jobs, lang, edition)
