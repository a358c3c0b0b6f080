"""What the terminal shows: kept apart from building, so the build stays quiet and testable."""

from __future__ import annotations

import sys
from typing import TextIO

from .errors import ContentError


def _colour(stream: TextIO) -> bool:
    return stream.isatty()


def report_problems(
    errors: list[ContentError], warnings: list[ContentError], stream: TextIO | None = None
) -> None:
    """Print warnings, then errors, one per line as path:line:col: message — hint."""
    stream = stream or sys.stderr
    red, yellow, reset = ("\033[31m", "\033[33m", "\033[0m") if _colour(stream) else ("", "", "")
    for warning in sorted(warnings):
        print(f"{yellow}warning:{reset} {warning}", file=stream)
    for error in errors:
        print(f"{red}error:{reset} {error}", file=stream)
    if errors:
        noun = "error" if len(errors) == 1 else "errors"
        print(f"\n{len(errors)} {noun}; site/ was not changed.", file=stream)


def report_success(what: str, pages: int, files: int, seconds: float) -> None:
    print(f"{what}: {pages} pages, {files} files in {seconds:.2f} s")
