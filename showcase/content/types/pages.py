"""Pages (content/pages/<key>.<lang>.md): the section pages the templates build on, with
their addresses, which must not collide."""

from __future__ import annotations

from ...common.errors import Position, relative
from ..declaration import ContentType
from ..model import Page, Translated
from ..reader import Reader
from .shared import DESCRIPTION, SLUG, STATUS_PER_FILE, TITLE, body, t

DECLARATION = ContentType(
    name="pages",
    storage="markdown-folder",
    path="pages",
    label=t("Sider", "Pages"),
    label_singular=t("Side", "Page"),
    help=t(
        "Forsiden og de faste sidene: metoden, om oss, personvern og så videre.",
        "The front page and the fixed pages: the method, about, privacy and so on.",
    ),
    fields=(TITLE, DESCRIPTION, SLUG, STATUS_PER_FILE),
    body=body(
        "Teksten på siden.", "The text of the page.", "Skriv teksten her.", "Write the text here."
    ),
)

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
    for key, files, values in reader.bilingual_values(DECLARATION):
        prose = {lang: reader.prose(md, values[lang]) for lang, (md, _f) in files.items()}
        slug: Translated = {}
        for lang, (_md, f) in files.items():
            if key in UNSLUGGED_PAGES:
                slug[lang] = ""
                continue
            slug[lang] = reader.slug(f, values[lang]["slug"], key)
            taken = slugs.setdefault((lang, slug[lang]), key)
            if taken != key:
                reader.log.error(
                    f.items["slug"][1].where if "slug" in f.items else f.where,
                    f"the page '{taken}' already uses the address '/{slug[lang]}/'",
                    "choose another slug",
                )
        published = reader.all_published(key, files, values)
        for _md, f in files.values():
            f.done("the front matter")
        if published:
            pages[key] = Page(key, slug, prose, reader.draft(*(f for _, f in files.values())))
    folder = relative(reader.folders.content / "pages", reader.folders.root)
    for key in SECTION_PAGES:
        if key not in pages and not reader.log.echoes(f"{folder}/{key}"):
            reader.log.error(
                Position(folder),
                f"the page '{key}' is missing or not published",
                f"create {folder}/{key}.<language>.md for every language",
            )
    return pages
