"""HTML to a tagged, print-ready PDF with WeasyPrint, reading nothing but local files.

The fetcher serves only the files in templates/handout/ and the font files named here, so a stray
`http://` in a template or in content stops the render instead of reaching the network. The font
comes from Debian's fonts-inter package (SIL Open Font License), which the Makefile installs;
WeasyPrint embeds the subset it uses, so the PDF looks the same on every computer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import segno
from markupsafe import Markup

if TYPE_CHECKING:
    import weasyprint

FONT_PACKAGE = "fonts-inter"
FONT_DIR = Path("/usr/share/fonts/opentype/inter")
FONT_FAMILY = "Inter"
FONT_FILES = {  # (weight, style) -> file in FONT_DIR
    (400, "normal"): "Inter-Regular.otf",
    (400, "italic"): "Inter-Italic.otf",
    (600, "normal"): "Inter-SemiBold.otf",
    (700, "normal"): "Inter-Bold.otf",
}
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
RENDERER = f"WeasyPrint {version('weasyprint')}; {PDF_OPTIONS}"  # part of the cache key
# WeasyPrint itself is imported only when a handout is rendered: it takes a third of a second,
# and most builds find every handout in the cache.


class RenderError(Exception):
    """The handout could not be rendered: a missing font, a refused address, a bad template."""


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


def font_paths() -> list[Path]:
    return [FONT_DIR / name for name in FONT_FILES.values()]


def check_fonts() -> None:
    """Fail with the fix when the font is not installed, instead of silently using another."""
    missing = [path for path in font_paths() if not path.is_file()]
    if missing:
        raise RenderError(
            f"the handout font is missing ({missing[0]}): run `make build`, which installs it, "
            f"or `apt-get install {FONT_PACKAGE}`"
        )


def font_face_css() -> str:
    """@font-face rules for the embedded font, one per weight and style."""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        url = (FONT_DIR / name).as_uri()
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{url}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def local_fetcher(roots: Sequence[Path]) -> weasyprint.URLFetcher:
    """A fetcher that serves files below `roots` and the font files, and refuses every other
    address."""
    import weasyprint

    fonts = {path.resolve() for path in font_paths()}
    allowed_roots = [root.resolve() for root in roots]

    class LocalFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> weasyprint.urls.URLFetcherResponse:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            allowed = path is not None and (
                path in fonts or any(path.is_relative_to(root) for root in allowed_roots)
            )
            if path is None or not allowed or not path.is_file():
                raise RenderError(
                    f"the handout may only use files in templates/handout/, not {url}"
                )
            return weasyprint.urls.URLFetcherResponse(path.as_uri(), path.read_bytes())

    return LocalFetcher(fail_on_errors=True)


def qr_svg(url: str, title: str) -> Markup:
    """The address as an inline SVG QR code; `title` becomes the image's alternative text."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        border=0, omitsize=True, title=title, svgclass="qr-code", lineclass=None, dark="#000"
    )
    return Markup(svg)


def layout(html: str, folder: Path, stylesheets: Sequence[str]) -> weasyprint.Document:
    """`html` (with files relative to `folder`) laid out in pages with the given CSS texts."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    check_fonts()
    fetcher = local_fetcher([folder])
    fonts = FontConfiguration()
    base = folder.resolve().as_uri() + "/"
    sheets = [
        weasyprint.CSS(string=css, base_url=base, url_fetcher=fetcher, font_config=fonts)
        for css in (font_face_css(), *stylesheets)
    ]
    with _problems() as problems:
        document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts
        )
    _raise(problems)
    return document


def render_pdf(html: str, folder: Path, stylesheets: Sequence[str]) -> Pdf:
    """The laid-out pages as a tagged PDF/UA-1 file, and how many pages it has."""
    document = layout(html, folder, stylesheets)
    with _problems() as problems:
        data = document.write_pdf(**PDF_OPTIONS)
    _raise(problems)
    return Pdf(bytes(data), len(document.pages))


def _raise(problems: list[str]) -> None:
    if problems:
        raise RenderError("WeasyPrint: " + "; ".join(problems))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _problems() -> Iterator[list[str]]:
    """WeasyPrint's errors (a missing alt text, a refused file) as a list; its warnings about
    CSS it ignores stay out of the build output."""
    import weasyprint

    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    saved = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [collect], False
    try:
        yield collect.messages
    except weasyprint.urls.FatalURLFetchingError as exc:
        raise RenderError(str(exc.__cause__ or exc)) from exc
    finally:
        logger.handlers, logger.propagate = saved
