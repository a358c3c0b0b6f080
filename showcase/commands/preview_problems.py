"""What the live preview shows of the content's problems, so staff see them where they look.

- A banner on every page while the content has errors, naming the broken files and linking to
  the list of problems: the rest of the preview stays usable (an error in one story must not
  hide the other pages).
- The list of problems at /_feil/ (`_feil/index.html` in the preview only, never in site/):
  errors and warnings by file, each with its line, message, hint and a link to the file's entry
  in the browser editor, in the site's own layout.
- The verdict, `.cache/preview-verdict.json`, for the browser editor to show beside the fields
  (written after every preview build, replaced in one rename):

      {"built_at": "2025-01-31T12:00:00+00:00",   # ISO 8601, UTC
       "ok": false,                               # no errors (warnings allowed)
       "problems": [{"path": "content/cases/x.nb.md", "line": 3, "column": 1,
                     "severity": "error",         # or "warning"
                     "message": "…", "hint": "…", # in the preview's language (--lang)
                     "editor": "/admin/#/collections/cases/entries/x"}]}  # or null

  `line` and `column` are 0 when a problem concerns the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import jinja2

from ..common.atomic import write_atomic
from ..common.errors import BuildError, ContentError
from ..common.folders import Folders
from ..common.messages import translate
from ..content.model import Content
from ..content.urls import Urls
from ..render import assets
from ..render.pages import PageSpec, Renderer
from .editor_links import editor_link

PROBLEMS_URL = "/_feil/"
PROBLEMS_PAGE = "_feil/index.html"
VERDICT = Path(".cache") / "preview-verdict.json"
TEMPLATE = "preview_errors.html"
START, END = b"<!-- preview-problems -->", b"<!-- /preview-problems -->"
_OLD_BANNER = re.compile(re.escape(START) + b".*?" + re.escape(END), re.DOTALL)
_MAIN, _BODY = re.compile(rb"<main\b[^>]*>"), re.compile(rb"<body\b[^>]*>")


def banner(errors: list[ContentError], lang: str) -> bytes:
    """The notice on every page of a preview whose content has errors."""
    files = ", ".join(dict.fromkeys(error.where.path for error in errors))
    title = translate("The preview has errors", lang)
    text = translate(f"These files have errors; what they show is missing or old: {files}.", lang)
    link = translate("See every problem and where to fix it", lang)
    return (
        START
        + f'<div class="wrap" lang="{lang}"><div class="notice">'
        f"<p><strong>{escape(title)}.</strong> {escape(text)} "
        f'<a href="{PROBLEMS_URL}">{escape(link)}</a></p></div></div>'.encode()
        + END
    )


def with_banner(page: bytes, notice: bytes) -> bytes:
    """`page` with `notice` first in its main content, instead of any banner it had."""
    page = _OLD_BANNER.sub(b"", page, count=1)
    found = _MAIN.search(page) or _BODY.search(page)
    if not notice or found is None:
        return page
    return page[: found.end()] + notice + page[found.end() :]


def mark_pages(out: Path, notice: bytes) -> None:
    """Put `notice` on every page of the preview (b"": take the banners away)."""
    for path in sorted(out.rglob("*.html")):
        if path.relative_to(out).as_posix() == PROBLEMS_PAGE:
            continue
        old = path.read_bytes()
        new = with_banner(old, notice)
        if new != old:
            write_atomic(path, new)


def by_file(
    errors: Iterable[ContentError], warnings: Iterable[ContentError], lang: str
) -> list[dict[str, Any]]:
    """The problems, errors first, grouped by file in the order the files first appear."""
    files: dict[str, dict[str, Any]] = {}
    for problem in [*errors, *sorted(warnings)]:
        path = problem.where.path
        entry = files.setdefault(path, {"path": path, "editor": editor_link(path), "problems": []})
        entry["problems"].append(
            {
                "kind": translate("warning" if problem.warning else "error", lang).capitalize(),
                "line": problem.where.line,
                "message": translate(problem.message, lang),
                "hint": translate(problem.hint, lang) if problem.hint else "",
            }
        )
    return list(files.values())


def problems_page(
    folders: Folders,
    content: Content | None,
    errors: list[ContentError],
    warnings: list[ContentError],
    lang: str,
) -> list[tuple[str, bytes]]:
    """The list of problems and the stylesheet it uses, as (path in the preview, bytes): in the
    site's layout while the content allows it, else with the stylesheet alone."""
    css = assets.stylesheet(folders.templates)
    if errors:
        title = "The site could not be built"
    elif warnings:
        title = "The site was built, with warnings"
    else:
        title = "The site was built without problems"
    text = {
        "lang": lang,
        "title": translate(title, lang),
        "summary": translate(f"errors: {len(errors)}, warnings: {len(warnings)}", lang),
        "intro": translate("Fix the files and save: this page updates by itself.", lang),
        "line": translate("line", lang),
        "edit": translate("Fix it in the browser editor", lang),
    }
    values = {"text": text, "files": by_file(errors, warnings, lang)}
    if content is not None:
        shown = lang if lang in content.site.languages else content.site.default_language
        renderer = Renderer(folders.templates, content, Urls(content), css)
        spec = PageSpec(
            PROBLEMS_URL, shown, TEMPLATE, text["title"], text["summary"], {},
            values={**values, "layout": "base.html"}, in_sitemap=False,
        )  # fmt: skip
        try:
            return [(PROBLEMS_PAGE, renderer.render(spec)), (css.path, css.data)]
        except BuildError:
            pass  # a page base.html links to is among the broken files
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders.templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    plain = env.get_template(TEMPLATE).render(
        **values, layout="preview_plain.html", css_url="/" + css.path
    )
    return [(PROBLEMS_PAGE, plain.encode()), (css.path, css.data)]


def verdict(errors: list[ContentError], warnings: list[ContentError], lang: str) -> dict[str, Any]:
    """The preview's verdict as the browser editor reads it (the format is above)."""
    problems = [
        {
            "path": problem.where.path,
            "line": problem.where.line,
            "column": problem.where.col,
            "severity": "warning" if problem.warning else "error",
            "message": translate(problem.message, lang),
            "hint": translate(problem.hint, lang) if problem.hint else "",
            "editor": editor_link(problem.where.path),
        }
        for problem in [*errors, *sorted(warnings)]
    ]
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    return {"built_at": built_at, "ok": not errors, "problems": problems}


def write_verdict(
    root: Path, errors: list[ContentError], warnings: list[ContentError], lang: str
) -> None:
    data = json.dumps(verdict(errors, warnings, lang), ensure_ascii=False, indent=1)
    write_atomic(root / VERDICT, data.encode("utf-8") + b"\n")
