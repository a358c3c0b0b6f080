"""Every content type's declaration, in the order editors meet them (the editor's menu, the
guide's tables): the registry the editor configuration, `new` and the tests read."""

from __future__ import annotations

from .declaration import ContentType
from .types import awards, cases, groups, method, news, pages, partners, results, services, site

CONTENT_TYPES: tuple[ContentType, ...] = (
    pages.DECLARATION,
    cases.DECLARATION,
    news.DECLARATION,
    groups.DECLARATION,
    awards.DECLARATION,
    partners.DECLARATION,
    site.DECLARATION,
    method.DECLARATION,
    services.DECLARATION,
    results.DECLARATION,
)


def content_type(name: str) -> ContentType:
    return next(declared for declared in CONTENT_TYPES if declared.name == name)
