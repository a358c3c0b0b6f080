"""The printed handouts: a two-page A4 sheet per language, made from the site's own content.

Each language gets an office-printer PDF and a print-shop PDF with 3 mm bleed. The HTML is cheap
to render, the PDF is not, so PDFs are cached in .cache/handouts/ under a hash of everything that
goes into them (the HTML, the stylesheets, the files in templates/handout/, the font files and
the renderer's version): a build renders a PDF again only when one of those changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..common import parallel
from ..common.errors import BuildError, ContentError, Position, relative
from ..common.folders import Folders
from ..content.model import Content
from ..content.urls import Urls, output_path
from ..render.pages import LANGUAGE_NAMES
from . import pdf_cache, printer, selection, template

PAGES = 2
STYLESHEET = "handout.css"  # in templates/handout/, beside the template
PRINT_SHOP_CSS = "@page { bleed: 3mm; }"
SCALES = (0.92, 1.0, 1.1, 1.2)  # type sizes tried, as factors of the stylesheet's


@dataclass(frozen=True)
class Handout:
    lang: str
    print_shop: bool
    url: str  # root-relative address on the site
    data: bytes

    @property
    def path(self) -> str:
        return output_path(self.url)

    @property
    def kilobytes(self) -> int:
        return max(1, round(len(self.data) / 1000))

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.lang, self.lang)


@dataclass(frozen=True)
class Handouts:
    """The rendered handouts, and how many had to be rendered rather than read from the cache."""

    items: tuple[Handout, ...] = ()
    rendered: int = 0

    @property
    def files(self) -> list[tuple[str, bytes]]:
        return [(item.path, item.data) for item in self.items]

    def get(self, lang: str, print_shop: bool = False) -> Handout:
        return next(h for h in self.items if h.lang == lang and h.print_shop == print_shop)

    def links(self) -> list[tuple[Handout, Handout]]:
        """(office, print shop) per language, in the site's language order, for the pages."""
        langs = dict.fromkeys(item.lang for item in self.items)
        return [(self.get(lang), self.get(lang, True)) for lang in langs]


def for_site(
    content: Content, folders: Folders, cache: Path, drafts: bool, jobs: int = 1
) -> Handouts:
    """The handouts of a build. A preview with drafts gets none: a PDF travels, drafts must not."""
    return Handouts() if drafts else render_handouts(content, folders, cache, jobs=jobs)


def render_handouts(
    content: Content,
    folders: Folders,
    cache: Path | None,
    langs: Iterable[str] | None = None,
    jobs: int = 1,
) -> Handouts:
    """Both variants of the handout in each language; a BuildError when one does not fit.

    When more than one language needs new PDFs, they are made on up to `jobs` forked processes,
    a language each: faster, and WeasyPrint's tens of megabytes stay out of the build itself
    and out of the page workers forked from it later."""
    problems = selection.problems(
        content,
        {
            "method": Position(relative(folders.content / "method.yaml", folders.root)),
            "groups": Position(relative(folders.content / "groups", folders.root)),
        },
    )
    if problems:
        raise BuildError(problems)
    urls = Urls(content)
    folder = folders.templates / "handout"
    where = Position(relative(folder / template.TEMPLATE, folders.root))
    wanted = [(lang, shop) for lang in langs or content.site.languages for shop in (False, True)]
    found: dict[tuple[str, bool], bytes] = {}
    missing: dict[str, list[tuple[bool, str, list[str], str]]] = {}
    for lang, print_shop in wanted:
        html, stylesheets = sources(content, folders, lang, print_shop)
        key = cache_key(html, stylesheets, folder)
        data = pdf_cache.load(cache, key)
        if data is None:
            missing.setdefault(lang, []).append((print_shop, html, stylesheets, key))
        else:
            found[lang, print_shop] = data

    def render_language(lang: str) -> list[bytes]:
        scale = None  # the office version's, tried first for the print-shop one: same layout
        made = []
        for _print_shop, html, stylesheets, _key in missing[lang]:
            data, scale = _fit(html, folder, stylesheets, where, lang, scale)
            made.append(data)
        return made

    todo = sorted(missing)
    for lang, made in zip(todo, parallel.pmap(render_language, todo, jobs, 1), strict=True):
        for (print_shop, _html, _stylesheets, key), data in zip(missing[lang], made, strict=True):
            pdf_cache.store(cache, key, data)
            found[lang, print_shop] = data
    items = [
        Handout(lang, shop, urls.handout(lang, shop), found[lang, shop]) for lang, shop in wanted
    ]
    return Handouts(tuple(items), sum(len(variants) for variants in missing.values()))


def sources(
    content: Content, folders: Folders, lang: str, print_shop: bool = False
) -> tuple[str, list[str]]:
    """One handout's HTML and stylesheets, before the type is fitted to the pages."""
    urls = Urls(content)
    folder = folders.templates / "handout"
    sheet = selection.sheet(content, lang, urls.absolute(urls.home(lang)))
    env = template.environment(folder, content, urls)
    url = urls.handout(lang, print_shop)
    html = template.render(env, content, sheet, print_shop, folder, url)
    css = (folder / STYLESHEET).read_text(encoding="utf-8")
    return html, [css, PRINT_SHOP_CSS] if print_shop else [css]


def scaled(stylesheets: list[str], scale: float) -> list[str]:
    """The stylesheets with the type scaled by `scale` (see --scale in handout.css)."""
    return [*stylesheets, f":root {{ --scale: {scale}; }}"]


def cache_key(html: str, stylesheets: list[str], folder: Path) -> str:
    """Everything one PDF depends on. Templates count through the HTML they render; other files
    in templates/handout/ (images, say) and the font files by their bytes."""
    versions = f"{printer.RENDERER}; scales {SCALES}"
    assets = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".html")
    return pdf_cache.key([versions, html, *stylesheets], assets + printer.font_paths())


def _fit(
    html: str,
    folder: Path,
    stylesheets: list[str],
    where: Position,
    lang: str,
    hint: float | None,
) -> tuple[bytes, float]:
    """The sheet at the largest type scale that still fits two pages, and that scale.

    Content with every text at its length limit gets slightly smaller type than the stylesheet's
    (the first scale); the real content, shorter, gets larger, easier type instead of an empty band
    at the foot of each page. Every result is checked by rendering.
    """

    def attempt(scale: float) -> printer.Pdf:
        try:
            return printer.render_pdf(html, folder, scaled(stylesheets, scale))
        except printer.RenderError as exc:
            error = ContentError(
                where,
                f"the {lang} handout failed: {exc}",
                "check templates/handout/ and the content the handout shows",
            )
            raise BuildError([error]) from exc

    if hint is not None and (pdf := attempt(hint)).pages == PAGES:
        return pdf.data, hint
    if (pdf := attempt(SCALES[-1])).pages == PAGES:
        return pdf.data, SCALES[-1]
    best = attempt(SCALES[0])
    if best.pages != PAGES:
        raise BuildError(
            [
                ContentError(
                    where,
                    f"the {lang} handout takes {best.pages} pages; it must fit on {PAGES} "
                    "(one sheet, printed on both sides)",
                    "shorten the longest texts it shows, or adjust templates/handout/handout.css",
                )
            ]
        )
    low, high, found = 1, len(SCALES) - 2, 0
    while low <= high:
        middle = (low + high) // 2
        if (pdf := attempt(SCALES[middle])).pages == PAGES:
            best, found, low = pdf, middle, middle + 1
        else:
            high = middle - 1
    return best.data, SCALES[found]
