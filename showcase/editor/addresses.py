"""Where each entry's page is in the live preview, by language, for the link beside the entry:
staff check the page itself, not only the form, after a save."""

from __future__ import annotations

from collections.abc import Sequence

from ..common.errors import ErrorLog
from ..common.folders import Folders
from ..content.declaration import ContentType
from ..content.schema import load_content, load_site
from ..content.urls import NOT_FOUND, Urls
from .verdict import entry_for

Addresses = dict[str, dict[str, str]]  # entry ("cases/x") -> language -> "/historier/x/"


def page_addresses(folders: Folders, types: Sequence[ContentType]) -> Addresses:
    """Every entry that has a page, with its address in each language; empty while the content
    cannot be read (the verdict then says why)."""
    log = ErrorLog()
    site = load_site(folders, log)
    content = load_content(folders, site, log, include_drafts=True) if site else None
    if content is None:
        return {}
    urls = Urls(content)
    found: Addresses = {}

    def add(path: str, lang: str, url: str) -> None:
        entry = entry_for(path, folders, types)
        if entry is not None:
            found.setdefault(entry.key, {})[lang] = url

    groups = (folders.content / "groups").relative_to(folders.root).as_posix()
    for lang in content.site.languages:
        for key, page in content.pages.items():
            if key != NOT_FOUND:
                add(page.prose[lang].where.path, lang, urls.page(key, lang))
        for group in content.groups:
            add(f"{groups}/{group.key}.yaml", lang, urls.group(group, lang))
        for case in content.cases:
            add(case.prose[lang].where.path, lang, urls.case(case, lang))
        for item in content.news:
            add(item.prose[lang].where.path, lang, urls.news(item, lang))
    return found
