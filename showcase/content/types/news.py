"""News items (content/news/<date>-<key>.<lang>.md): dated by their file name."""

from __future__ import annotations

import re

from ...common.errors import Position
from ..fields import parse_date
from ..model import News
from ..reader import Reader


def read_news(reader: Reader) -> tuple[News, ...]:
    items = []
    for key, files in reader.bilingual("news"):
        md = files[reader.languages[0]][0]
        if not re.match(r"^\d{4}-\d{2}-\d{2}-", key):
            reader.log.error(
                Position(md.source.rel),
                "a news file name must start with its date",
                "name it like 2018-02-13-world-government-summit.nb.md",
            )
            continue
        date = parse_date(key[:10])
        if date is None:
            reader.log.error(
                Position(md.source.rel),
                f"the date {key[:10]} in the file name is not a real date",
                "correct the date in the file name (YYYY-MM-DD)",
            )
            continue
        prose = {lang: reader.prose(md, f) for lang, (md, f) in files.items()}
        slug = {lang: reader.slug(f, key[11:]) for lang, (_md, f) in files.items()}
        flags = {lang: f.boolean("illustrative") for lang, (_md, f) in files.items()}
        reader.same_everywhere(files, "illustrative", dict(flags))
        published = reader.all_published(key, files)
        for _md, f in files.values():
            f.done("the front matter")
        if published:
            draft = reader.draft(*(f for _, f in files.values()))
            items.append(News(key, slug, date, flags[reader.languages[0]], prose, draft))
    reader.unique_slugs(items, "news items")
    return tuple(sorted(items, key=lambda n: (n.date.sort_key, n.key), reverse=True))
