"""Pages (content/pages/<key>.<lang>.md): the section pages the templates build on, with
their addresses, which must not collide."""

from __future__ import annotations

from ...common.errors import Position, relative
from ..load import KEY_HINT, KEY_PATTERN
from ..model import Page, Translated
from ..reader import Reader

# Pages the templates build on; each needs a file per language in content/pages/.
SECTION_PAGES = (
    "index",
    "method",
    "groups",
    "stories",
    "awards",
    "results",
    "news",
    "about",
    "accessibility",
    "privacy",
    "search",
    "not-found",
)
UNSLUGGED_PAGES = ("index", "not-found")


def read_pages(reader: Reader) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    slugs: dict[tuple[str, str], str] = {}
    for key, files in reader.bilingual("pages"):
        prose = {lang: reader.prose(md, f) for lang, (md, f) in files.items()}
        slug: Translated = {}
        for lang, (_md, f) in files.items():
            if key in UNSLUGGED_PAGES:
                slug[lang] = ""
            else:
                slug[lang] = f.text("slug") or key
                if not KEY_PATTERN.match(slug[lang]):
                    reader.log.error(
                        f.items["slug"][1].where,
                        f"'{slug[lang]}' cannot be used in an address",
                        KEY_HINT,
                    )
                taken = slugs.setdefault((lang, slug[lang]), key)
                if taken != key:
                    reader.log.error(
                        f.items["slug"][1].where,
                        f"the page '{taken}' already uses the address '/{slug[lang]}/'",
                        "choose another slug",
                    )
        published = reader.all_published(key, files)
        for _md, f in files.values():
            f.done("the front matter")
        if published:
            pages[key] = Page(key, slug, prose, reader.draft(*(f for _, f in files.values())))
    for key in SECTION_PAGES:
        if key not in pages:
            folder = relative(reader.folders.content / "pages", reader.folders.root)
            reader.log.error(
                Position(folder),
                f"the page '{key}' is missing or not published",
                f"create {folder}/{key}.<language>.md for every language",
            )
    return pages
