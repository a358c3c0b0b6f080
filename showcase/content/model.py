"""The validated content, as frozen dataclasses.

Everything after validation works on these types only; they never point back at YAML nodes or
files, except through a `Position` kept for error messages (e.g. broken links found later).
Translated texts are plain `{lang: text}` dicts, complete for every site language.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from ..common.errors import Position

Translated = dict[str, str]

STABILITY_LEVELS = ("uholdbar", "ustabil", "stabil", "baerekraftig")
PUBLISHED = "published"
STATUSES = ("draft", PUBLISHED)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, month or day: the press texts are not always precise."""

    year: int
    month: int | None = None
    day: int | None = None

    def checked(self) -> PartialDate:
        if not 1900 <= self.year <= 2100:
            raise ValueError("year out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month out of range")
        if self.day is not None:
            if self.month is None:
                raise ValueError("day without month")
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise ValueError("day out of range")
        return self

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Contact:
    """Whom readers can contact: every part optional, so the site claims no detail it lacks.
    An e-mail address or phone number must also be on the privacy allow-list."""

    name: Translated  # a unit or a role; {} when not given
    email: str | None = None
    phone: str | None = None
    url: str | None = None

    @property
    def tel(self) -> str | None:
        """The phone number as a tel: address wants it: digits and a leading +, no spaces."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+") if self.phone else None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone or self.url)


def allow_key(value: str) -> str:
    """How an allowed contact detail is compared: lowercase, spaces folded. One function, used
    where site.yaml is read and where the privacy scan matches content."""
    return " ".join(value.lower().split())


@dataclass(frozen=True)
class Site:
    title: Translated
    tagline: Translated
    description: Translated
    base_url: str  # scheme, host and maybe a path (content/urls.py), no trailing slash
    languages: tuple[str, ...]  # the first is the default, served at the root
    organisation: Translated
    contact: Contact
    nav: tuple[str, ...]  # page keys, in menu order
    footer: Translated
    privacy_allow: tuple[str, ...] = ()  # public contact details the privacy gate allows, sorted

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Prose:
    """The Markdown part of a file in one language, and where its body starts."""

    title: str
    description: str
    body: str
    where: Position  # the file, at the first line of the body


@dataclass(frozen=True)
class Page:
    key: str
    slug: Translated  # '' for the front page
    prose: dict[str, Prose]
    draft: bool = False  # only ever true in the preview


@dataclass(frozen=True)
class MethodStep:
    title: Translated
    text: Translated


@dataclass(frozen=True)
class Level:
    key: str
    name: Translated
    text: Translated


@dataclass(frozen=True)
class Method:
    steps: tuple[MethodStep, ...]
    scale: tuple[Level, ...]

    def level(self, key: str) -> Level:
        return next(level for level in self.scale if level.key == key)


@dataclass(frozen=True)
class Group:
    key: str
    order: int
    name: Translated
    summary: Translated
    body: Translated
    slug: Translated
    draft: bool = False


@dataclass(frozen=True)
class Figure:
    value: int
    of: int | None
    qualifier: str | None  # 'about' or 'more_than' when the source gives no exact number
    label: Translated


@dataclass(frozen=True)
class Milestone:
    date: PartialDate
    place: Translated | None
    text: Translated


@dataclass(frozen=True)
class Award:
    key: str
    name: Translated
    awarded_by: Translated
    date: PartialDate
    end_date: PartialDate | None
    place: Translated | None
    outcome: Translated  # what the welfare lab got (certificate, finalist), or who won
    summary: Translated
    figures: tuple[Figure, ...]
    milestones: tuple[Milestone, ...]
    source: Translated
    draft: bool = False
    lab_role: Translated | None = None  # the lab's part when the award went to someone else


@dataclass(frozen=True)
class Partner:
    key: str
    order: int
    name: Translated
    role: Translated
    url: str | None


@dataclass(frozen=True)
class GroupResult:
    group: str
    before: dict[str, int]
    after: dict[str, int]


@dataclass(frozen=True)
class Results:
    illustrative: bool
    note: Translated
    groups: tuple[GroupResult, ...]
    as_of: PartialDate | None = None  # when the findings were true, e.g. 2018-02
    findings: tuple[Translated, ...] = ()  # what the sources found, in words
    source: Translated | None = None  # where the findings come from


@dataclass(frozen=True)
class ImageCredit:
    """Who made a picture in a text, and its licence: shown under it ("Foto: … · Lisens: …")."""

    file: str  # its name in content/images/
    credit: str
    licence: str = ""


@dataclass(frozen=True)
class CaseText:
    pseudonym: str
    goals_short: tuple[str, ...]
    goals_long: tuple[str, ...]
    measures: tuple[str, ...]
    images: tuple[ImageCredit, ...] = ()  # credits of the pictures in this language's text


@dataclass(frozen=True)
class Case:
    key: str
    slug: Translated
    group: str
    services: tuple[str, ...]
    before: str
    after: str
    illustrative: bool
    prose: dict[str, Prose]
    details: dict[str, CaseText]
    draft: bool = False


@dataclass(frozen=True)
class News:
    """A news item. Its date (from the file name) orders the news; the page shows it, as
    precisely as the source gives it, as the date of the event the news is about."""

    key: str
    slug: Translated
    date: PartialDate
    illustrative: bool
    prose: dict[str, Prose]
    draft: bool = False
    place: Translated | None = None  # where the event took place
    precision: str = "day"  # how much of the date the source gives: day, month or year

    @property
    def event_date(self) -> PartialDate:
        """The date as precisely as the source gives it: 2018-02 rather than a made-up day."""
        month = self.date.month if self.precision in ("day", "month") else None
        day = self.date.day if self.precision == "day" else None
        return PartialDate(self.date.year, month, day)


@dataclass(frozen=True)
class Content:
    """Everything published, validated and complete in every language."""

    site: Site
    strings: dict[str, Translated]  # interface texts from templates/strings.yaml
    pages: dict[str, Page]
    method: Method
    groups: tuple[Group, ...]
    awards: tuple[Award, ...]  # by date
    partners: tuple[Partner, ...]
    services: dict[str, Translated]
    results: Results | None
    cases: tuple[Case, ...]
    news: tuple[News, ...]  # newest first
    images: tuple[str, ...] = field(default=())  # files in content/images/ its texts use
    # the day each file last changed, by its path inside content/ (see content/history.py)
    changed: dict[str, PartialDate] = field(default_factory=dict)

    def last_changed(self, lang: str, *sources: str) -> PartialDate | None:
        """The latest change among files (e.g. 'method.yaml') and folders ('cases'; '' is the
        whole content folder) that a page in `lang` shows: other languages' files left out."""
        others = tuple(f".{other}.md" for other in self.site.languages if other != lang)
        days = [
            day
            for path, day in self.changed.items()
            if any(not s or path == s or path.startswith(f"{s}/") for s in sources)
            and not path.endswith(others)
        ]
        return max(days, key=lambda day: day.sort_key) if days else None

    def group(self, key: str) -> Group:
        return next(group for group in self.groups if group.key == key)
