"""The handout's HTML: its own Jinja setup, with the site's filters, and the sheet's context.

The handout does not share the site's renderer: a PDF has no site around it, so root-relative
links in content are made absolute here, and the page templates' needs never leak into print.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup
from PIL import ImageFont

from ..common.errors import BuildError
from ..content.model import Content
from ..content.urls import Urls
from ..render import filters
from ..render.markup import MarkdownRenderer
from ..render.pages import template_error
from . import printer
from .selection import Sheet

TEMPLATE = "sheet.html"  # in templates/handout/
ADDRESS_WIDTH_MM = 44  # the QR column's width in handout.css (.closing > .qr)
ADDRESS_PT = (5.5, 8.0)  # the address under the QR code: smallest and largest type size
_ROOT_LINK = re.compile(r'href="(/[^"]*)"')


def environment(folder: Path, content: Content, urls: Urls) -> jinja2.Environment:
    """The handout's own Jinja setup: the same filters as the site's pages, in print."""
    markdown = MarkdownRenderer()

    def inline(text: str) -> Markup:
        """Short Markdown with root-relative links made absolute: a PDF has no site around it."""
        html = str(markdown.inline(text))
        return Markup(_ROOT_LINK.sub(lambda m: f'href="{urls.absolute(m.group(1))}"', html))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        t=filters.translate,
        number=filters.number,
        date=filters.date,
        daterange=filters.daterange,
        inline=inline,
    )
    env.globals.update(site=content.site, content=content, urls=urls, _=filters.gettext)
    return env


def render(
    env: jinja2.Environment,
    content: Content,
    sheet: Sheet,
    print_shop: bool,
    folder: Path,
    url: str,
) -> str:
    lang, strings = sheet.lang, content.strings
    qr_label = strings["handout_qr"][lang]
    display_url = sheet.home_url.removeprefix("https://").rstrip("/")
    try:
        return env.get_template(TEMPLATE).render(
            lang=lang,
            sheet=sheet,
            title=f"{content.site.title[lang]} – {strings['handout_title'][lang]}",
            print_shop=print_shop,
            qr=None
            if sheet.proof
            else printer.qr_svg(sheet.home_url, f"{qr_label} {sheet.home_url}"),
            display_url=display_url,
            address_size=address_size(display_url),
        )
    except Exception as exc:
        error = template_error(exc, folder.parent.absolute(), url)
        raise BuildError([error]) from exc


def address_size(address: str) -> float:
    """The type size (pt) that keeps the site's address on one line under the QR code: a reader
    types it from paper, so it must not break, and a long one gets smaller type. Measured with the
    handout's own font, the semibold the address is set in."""
    font = ImageFont.truetype(str(printer.FONT_DIR / printer.FONT_FILES[600, "normal"]), 100)
    em = font.getlength(address) / 100  # the address's width in ems
    width_pt = ADDRESS_WIDTH_MM / 25.4 * 72
    smallest, largest = ADDRESS_PT
    return round(max(smallest, min(largest, width_pt / em if em else largest)), 2)
