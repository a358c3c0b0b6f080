"""From files to validated content: every content type read, then checked against each other.

`load_content` reads the whole `content/` folder and returns a `Content` with only what may be
published, or None when any error was logged. Publishing fails closed: an item appears only with
`status: published` in every language, and anything unclear stops the build. Each type's fields
and rules are in its own module in `types/`.
"""

from __future__ import annotations

from ..common.errors import ErrorLog, Position, did_you_mean, relative
from ..common.folders import Folders
from .load import list_files
from .model import Content, Page, Site
from .reader import Reader
from .types.awards import read_awards
from .types.cases import read_cases
from .types.groups import read_groups
from .types.method import read_method
from .types.news import read_news
from .types.pages import read_pages
from .types.partners import read_partners
from .types.results import read_results
from .types.services import read_services
from .types.site import read_site
from .types.strings import read_strings

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".svg")


def load_site(folders: Folders, log: ErrorLog) -> Site | None:
    """content/site.yaml, which every other file depends on (it sets the languages)."""
    return read_site(folders, log)


def load_content(
    folders: Folders, site: Site, log: ErrorLog, include_drafts: bool = False
) -> Content | None:
    """Read and validate all content; None when anything is wrong (see `log`)."""
    images = image_names(folders, log)
    reader = Reader(folders, site.languages, log, include_drafts, images)
    strings = read_strings(reader)
    pages = read_pages(reader)
    method = read_method(reader)
    services = read_services(reader)
    groups = read_groups(reader)
    awards = read_awards(reader)
    partners = read_partners(reader)
    results = read_results(reader, groups)
    cases = read_cases(reader, groups, services)
    news = read_news(reader)
    _check_nav(site, pages, folders, log)
    if log.errors or method is None:
        return None
    return Content(
        site=site,
        strings=strings,
        pages=pages,
        method=method,
        groups=groups,
        awards=awards,
        partners=partners,
        services=services,
        results=results,
        cases=cases,
        news=news,
        images=images,
    )


def _check_nav(site: Site, pages: dict[str, Page], folders: Folders, log: ErrorLog) -> None:
    where = Position(relative(folders.content / "site.yaml", folders.root))
    for key in site.nav:
        if key not in pages:
            hint = did_you_mean(key, pages) or "use the key of a page in content/pages/"
            log.error(where, f"'nav' names the page '{key}', which does not exist", hint)


def image_names(folders: Folders, log: ErrorLog) -> tuple[str, ...]:
    """The picture files editors put in content/images/."""
    folder = folders.content / "images"
    names = []
    for suffix in IMAGE_SUFFIXES:
        names += [p.name for p in list_files(folder, suffix, folders.root, log)]
    return tuple(sorted(names))
