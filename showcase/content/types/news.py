"""News items (content/news/<date>-<key>.<lang>.md): dated by their file name. The date is that of
the event the news is about, shown only as precisely as the source gives it (the press texts give
no publication dates), with the place where it happened."""

from __future__ import annotations

import re

from ...common.errors import Position
from ..declaration import ContentType, Field
from ..declared import Values
from ..fields import Fields, parse_date
from ..load import MarkdownFile
from ..model import News, PartialDate, Translated
from ..reader import Reader
from .shared import DESCRIPTION, ILLUSTRATIVE, SLUG, STATUS_PER_FILE, TITLE, body, t

PRECISIONS = ("day", "month", "year")
PLACE = Field(
    "place",
    "text",
    t("Sted", "Place"),
    t(
        "Valgfritt: hvor hendelsen skjedde, f.eks. «Maastricht». Høyst 30 tegn.",
        "Optional: where the event took place, e.g. “Maastricht”. At most 30 characters.",
    ),
    required=False,
    translated=True,
    max_length=30,
)
PRECISION = Field(
    "date_precision",
    "choice",
    t("Hvor nøyaktig datoen er", "How precise the date is"),
    t(
        "day = vis hele datoen; month = bare måned og år; year = bare året. Velg det kilden "
        "sier: dagen i filnavnet brukes da bare til rekkefølgen.",
        "day shows the whole date; month only month and year; year only the year. Choose "
        "what the source says: the day in the file name then only sets the order.",
    ),
    required=False,
    choices=PRECISIONS,
    default="day",
)
DECLARATION = ContentType(
    name="news",
    storage="markdown-folder",
    path="news",
    label=t("Nyheter", "News"),
    label_singular=t("Nyhet", "News item"),
    help=t(
        "Nyheter om velferdslaben. Datoen for hendelsen nyheten handler om, står først i "
        "filnavnet.",
        "News about the welfare lab. The date of the event the news is about comes first in "
        "the file name.",
    ),
    fields=(TITLE, DESCRIPTION, SLUG, STATUS_PER_FILE, ILLUSTRATIVE, PLACE, PRECISION),
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
            first = values[reader.languages[0]]
            places = _places(reader, files, values)
            items.append(
                News(
                    key,
                    slug,
                    date,
                    first.flag("illustrative"),
                    prose,
                    draft,
                    place=places,
                    precision=first.optional_text("date_precision") or "day",
                )
            )
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


def _places(
    reader: Reader, files: dict[str, tuple[MarkdownFile, Fields]], values: dict[str, Values]
) -> Translated | None:
    """The place in every language, or None; a place in one language only is an error."""
    places = {lang: values[lang].text("place") for lang in files}
    if all(places.values()):
        return places
    given = [lang for lang, place in places.items() if place]
    for lang, place in places.items():
        if given and not place:
            other = files[given[0]][0].source.rel
            reader.log.error(
                files[lang][1].where,
                f"'place' is given in {other} but not here",
                "write the place in this language too, or remove it from the other file",
            )
    return None
