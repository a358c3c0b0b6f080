"""From files to validated content: every content type read, then checked against each other.

`load_content` reads the whole `content/` folder and returns a `Content` with only what may be
published, or None when any error was logged. Publishing fails closed: an item appears only with
`status: published` in every language, and anything unclear stops the build. Each type's fields
and rules are in its own module in `types/`.
"""

from __future__ import annotations

from ..common.errors import ErrorLog, Position, did_you_mean, relative
from ..common.folders import Folders
from .filekinds import names_not_utf8
from .history import last_changed
from .imagefiles import check_image_files, published_images
from .load import KEY_HINT, KEY_PATTERN, list_files, name_allowed
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
from .urls import output_path, pages_by_source
from .yamlread import excerpt

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".svg")
# Folders of content/ the templates build on: without one, its pages would vanish quietly
# (content/images/ is optional: a site may have no pictures).
NEEDED_FOLDERS = ("pages", "groups", "cases", "news", "awards", "partners")


def load_site(folders: Folders, log: ErrorLog) -> Site | None:
    """content/site.yaml, which every other file depends on (it sets the languages)."""
    return read_site(folders, log)


def load_content(
    folders: Folders, site: Site, log: ErrorLog, include_drafts: bool = False, partial: bool = False
) -> Content | None:
    """Read and validate all content; None when anything is wrong (see `log`). With `partial`,
    what could be read even then (the readers skip broken items), for the run to render and
    link-check the rest: None only when the method cannot be read."""
    names_not_utf8(folders.content, folders.root, log)
    _check_folders(folders, log)
    images = image_names(folders, log)
    reader = Reader(folders, site.languages, log, include_drafts, images)
    strings = read_strings(reader)
    pages = read_pages(reader)
    method = read_method(reader)
    services = read_services(reader)
    reader.services = tuple(services)
    groups = read_groups(reader)
    awards = read_awards(reader)
    partners = read_partners(reader)
    results = read_results(reader, groups)
    cases = read_cases(reader, groups)
    news = read_news(reader)
    _check_nav(site, pages, folders, log)
    if (log.errors and not partial) or method is None:
        return None
    broken = bool(log.errors)
    content = Content(
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
        changed=last_changed(folders.content),
    )
    if not broken:  # with an item missing, the addresses are checked once it is fixed
        _check_addresses(content, folders, log)
    if log.errors and not partial:
        return None
    return published_images(content)


def _check_folders(folders: Folders, log: ErrorLog) -> None:
    for name in NEEDED_FOLDERS:
        folder = folders.content / name
        if not folder.is_dir():
            where = relative(folder, folders.root)
            log.error(
                Position(where),
                f"the folder {where}/ is missing",
                "create it (with a file named .gitkeep in it while it has no items, so that git "
                "keeps the empty folder)",
            )


def _check_addresses(content: Content, folders: Folders, log: ErrorLog) -> None:
    """One address, one page, across every kind: two pages with one address would be written to
    one file, and one of them lost without a word (a page with the slug 'en' would take the
    English front page's /en/). Every part of an address must also be a name any computer can
    store (group slugs, for one, are checked nowhere else)."""
    groups = relative(folders.content / "groups", folders.root)
    taken: dict[str, str] = {}
    judged: set[str] = set()
    for url, source in pages_by_source(content, groups):
        for part in url.strip("/").split("/") if url.endswith("/") else ():
            if part and part not in judged:
                judged.add(part)
                if not KEY_PATTERN.match(part):
                    log.error(
                        Position(source),
                        f"'{excerpt(part)}' cannot be used in an address",
                        KEY_HINT,
                    )
                else:
                    name_allowed(part, Position(source), log)
        path = output_path(url)
        if path in taken:
            log.error(
                Position(source),
                f"this page's address {url} is already the address of {taken[path]}",
                "give one of them another slug: every page of the site needs its own address",
            )
        else:
            taken[path] = source


def _check_nav(site: Site, pages: dict[str, Page], folders: Folders, log: ErrorLog) -> None:
    where = Position(relative(folders.content / "site.yaml", folders.root))
    for key in site.nav:
        if key not in pages and not log.echoes(
            relative(folders.content / "pages" / key, folders.root)
        ):
            hint = did_you_mean(key, pages) or "use the key of a page in content/pages/"
            log.error(where, f"'nav' names the page '{key}', which does not exist", hint)


def image_names(folders: Folders, log: ErrorLog) -> tuple[str, ...]:
    """The picture files editors put in content/images/, each checked to be safe to publish."""
    folder = folders.content / "images"
    names = []
    for suffix in IMAGE_SUFFIXES:  # IMG_4711.JPG as well: cameras write capitals
        names += [p.name for p in list_files(folder, suffix, folders.root, log, any_case=True)]
    check_image_files(folders, tuple(sorted(names)), log)
    return tuple(sorted(names))
