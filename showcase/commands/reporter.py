"""What the terminal shows: kept apart from building, so the build stays quiet and testable."""

from __future__ import annotations

import sys
from typing import TextIO

from ..common.errors import ContentError
from ..common.messages import translate


def report_problems(
    errors: list[ContentError],
    warnings: list[ContentError],
    lang: str = "en",
    stream: TextIO | None = None,
) -> None:
    """Print warnings, then errors, one per line as path:line:col: message — hint."""
    stream = stream or sys.stderr
    colour = stream.isatty()
    red, yellow, reset = ("\033[31m", "\033[33m", "\033[0m") if colour else ("", "", "")
    warning, error = translate("warning", lang), translate("error", lang)
    for problem in sorted(warnings):
        print(f"{yellow}{warning}:{reset} {problem.render(lang)}", file=stream)
    for problem in errors:
        print(f"{red}{error}:{reset} {problem.render(lang)}", file=stream)
    if errors:
        noun = "error" if len(errors) == 1 else "errors"
        summary = f"{len(errors)} {noun}; site/ was not changed."
        print("\n" + translate(summary, lang), file=stream)


def report_success(headline: str, pages: int, files: int, seconds: float, lang: str = "en") -> None:
    """One line such as 'built site: 41 pages, 47 files in 0.25 s'."""
    print(translate(f"{headline}: {pages} pages, {files} files in {seconds:.2f} s", lang))
