"""News items (content/news/<date>-<key>.<lang>.md): dated by their file name."""

from __future__ import annotations

import re

from ...common.errors import Position
from ..declaration import ContentType
from ..fields import parse_date
from ..model import News, PartialDate
from ..reader import Reader
from .shared import DESCRIPTION, ILLUSTRATIVE, SLUG, STATUS_PER_FILE, TITLE, body, t

DECLARATION = ContentType(
    name="news",
    storage="markdown-folder",
    path="news",
    label=t("Nyheter", "News"),
    label_singular=t("Nyhet", "News item"),
    help=t(
        "Nyheter om velferdslaben. Datoen står først i filnavnet.",
        "News about the welfare lab. The date comes first in the file name.",
    ),
    fields=(TITLE, DESCRIPTION, SLUG, STATUS_PER_FILE, ILLUSTRATIVE),
    body=body(
        "Nyheten, med mellomtitler.",
        "The news, with subheadings.",
        "Skriv nyheten her.",
        "Write the news here.",
    ),
    dated=True,
)


def read_news(reader: Reader) -> tuple[News, ...]:
    items = []
    for key, files, values in reader.bilingual_values(DECLARATION):
        md = files[reader.languages[0]][0]
        date = _date(reader, key, md.source.rel)
        prose = {lang: reader.prose(md, values[lang]) for lang, (md, _f) in files.items()}
        slug = {
            lang: reader.slug(f, values[lang]["slug"], key[11:]) for lang, (_md, f) in files.items()
        }
        published = reader.all_published(key, files, values)
        for _md, f in files.values():
            f.done("the front matter")
        if published and date is not None:
            draft = reader.draft(*(f for _, f in files.values()))
            illustrative = values[reader.languages[0]].flag("illustrative")
            items.append(News(key, slug, date, illustrative, prose, draft))
    reader.unique_slugs(items, "news items")
    return tuple(sorted(items, key=lambda n: (n.date.sort_key, n.key), reverse=True))


def _date(reader: Reader, key: str, rel: str) -> PartialDate | None:
    """The date a news file's name starts with."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}-", key):
        reader.log.error(
            Position(rel),
            "a news file name must start with its date",
            "name it like 2018-02-13-world-government-summit.nb.md",
        )
        return None
    date = parse_date(key[:10])
    if date is None:
        reader.log.error(
            Position(rel),
            f"the date {key[:10]} in the file name is not a real date",
            "correct the date in the file name (YYYY-MM-DD)",
        )
    return date
