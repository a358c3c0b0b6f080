"""From files to validated content: every content type's fields, types and references.

`load_content` reads the whole `content/` folder and returns a `Content` with only what may be
published, or None when any error was logged. Publishing fails closed: an item appears only with
`status: published` in every language, and anything unclear stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..common.errors import ErrorLog, Position, did_you_mean, relative
from ..common.folders import Folders
from .fields import Fields, parse_date
from .load import (
    KEY_HINT,
    KEY_PATTERN,
    MarkdownFile,
    SourceFile,
    list_files,
    markdown_sources,
    read_markdown,
    read_yaml_file,
    single_file,
    yaml_sources,
)
from .model import (
    PUBLISHED,
    STABILITY_LEVELS,
    STATUSES,
    Award,
    Case,
    CaseText,
    Contact,
    Content,
    Figure,
    Group,
    GroupResult,
    Level,
    Method,
    MethodStep,
    Milestone,
    News,
    Page,
    PartialDate,
    Partner,
    Prose,
    Results,
    Site,
    Translated,
    allow_key,
)
from .yamlread import Mapping

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
LANGUAGE_CODES = ("nb", "nn", "en", "se")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".svg")
CONSENT_PLACEHOLDER = "SAMTYKKE-MANGLER"  # what `new case` writes until consent is recorded
FIGURE_QUALIFIERS = ("about", "more_than")
TITLE_MAX = 120
DESCRIPTION_MAX = 200
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_BASE_URL = re.compile(r"^https://[a-z0-9.-]+(:\d+)?$")


def load_content(
    folders: Folders, site: Site, log: ErrorLog, include_drafts: bool = False
) -> Content | None:
    """Read and validate all content; None when anything is wrong (see `log`)."""
    images = image_names(folders, log)
    reader = _Reader(folders, site.languages, log, include_drafts, images)
    strings = reader.strings()
    pages = reader.pages()
    method = reader.method()
    services = reader.services()
    groups = reader.groups()
    awards = reader.awards()
    partners = reader.partners()
    results = reader.results(groups, method)
    cases = reader.cases(groups, services, method)
    news = reader.news()
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


def load_site(folders: Folders, log: ErrorLog) -> Site | None:
    """content/site.yaml, which every other file depends on (it sets the languages)."""
    path = folders.content / "site.yaml"
    rel = relative(path, folders.root)
    if not path.is_file():
        log.error(
            Position(rel), "site.yaml is missing", "create content/site.yaml with the site's title"
        )
        return None
    node = read_yaml_file(single_file(path, folders.root, log), log)
    probe = Fields(node, ErrorLog(), Position(rel, 1, 1), ())
    languages = probe.text_list("languages") if probe.has("languages") else ()
    f = Fields(node, log, Position(rel, 1, 1), languages)
    langs = f.text_list("languages")
    where = f.items["languages"][1].where if "languages" in f.items else f.where
    for lang in langs:
        if lang not in LANGUAGE_CODES:
            log.error(where, f"unknown language '{lang}'", did_you_mean(lang, LANGUAGE_CODES))
    if not langs or len(set(langs)) != len(langs):
        log.error(where, "'languages' must list each language once", "e.g. [nb, en]")
    base_url = (f.text("base_url") or "").rstrip("/")
    if base_url and not _BASE_URL.match(base_url):
        log.error(
            f.items["base_url"][1].where,
            f"'base_url' must be an https address without a path, not '{base_url}'",
            "e.g. https://velferdslab.example.org",
        )
    contact = f.fields("contact")
    privacy = f.fields("privacy", required=False)
    allow = privacy.text_list("allow", required=False)
    privacy.done("'privacy'")
    site = Site(
        title=f.translated("title", max_length=60) or {},
        tagline=f.translated("tagline", max_length=TITLE_MAX) or {},
        description=f.translated("description", max_length=DESCRIPTION_MAX) or {},
        base_url=base_url,
        languages=tuple(langs),
        organisation=f.translated("organisation", max_length=60) or {},
        contact=Contact(contact.translated("name", max_length=40) or {}, contact.text("url") or ""),
        nav=f.text_list("nav"),
        footer=f.translated("footer") or {},
        privacy_allow=tuple(sorted({allow_key(value) for value in allow})),
    )
    contact.done("'contact'")
    f.done("site.yaml")
    return None if log.errors else site


def _check_nav(site: Site, pages: dict[str, Page], folders: Folders, log: ErrorLog) -> None:
    where = Position(relative(folders.content / "site.yaml", folders.root))
    for key in site.nav:
        if key not in pages:
            hint = did_you_mean(key, pages) or "use the key of a page in content/pages/"
            log.error(where, f"'nav' names the page '{key}', which does not exist", hint)


@dataclass
class _Reader:
    """Reads each content type; shares the folders, languages, log and draft setting."""

    folders: Folders
    languages: tuple[str, ...]
    log: ErrorLog
    include_drafts: bool
    images: tuple[str, ...]

    # -- helpers ------------------------------------------------------------------------------

    def _fields(self, node: object, where: Position) -> Fields:
        return Fields(node if isinstance(node, Mapping) else None, self.log, where, self.languages)

    def _yaml_items(self, folder: str) -> Iterator[tuple[SourceFile, Fields]]:
        for source in yaml_sources(self.folders.content / folder, self.folders.root, self.log):
            node = read_yaml_file(source, self.log)
            if node is None:
                continue
            yield source, Fields(node, self.log, Position(source.rel, 1, 1), self.languages)

    def _published(self, f: Fields) -> bool:
        """Whether to include the item: published, or any valid status in the preview."""
        status = f.choice("status", STATUSES)
        return status == PUBLISHED or (status is not None and self.include_drafts)

    @staticmethod
    def _draft(*fields: Fields) -> bool:
        """True when any language of the item is not marked published (preview only)."""
        return any(getattr(f.items.get("status", (None, None))[1], "text", "") != PUBLISHED
                   for f in fields)  # fmt: skip

    def _bilingual(
        self, folder: str
    ) -> Iterator[tuple[str, dict[str, tuple[MarkdownFile, Fields]]]]:
        """Markdown items with a file per language, each file's front matter ready to read."""
        found = markdown_sources(
            self.folders.content / folder, self.folders.root, self.languages, self.log
        )
        for key, by_lang in sorted(found.items()):
            files: dict[str, tuple[MarkdownFile, Fields]] = {}
            for lang, source in by_lang.items():
                md = read_markdown(source, self.log)
                if md is not None:
                    files[lang] = (md, Fields(md.front, self.log, md.front_where, self.languages))
            if len(files) == len(self.languages):
                yield key, files

    def _prose(self, md: MarkdownFile, f: Fields) -> Prose:
        self._check_images(md)
        return Prose(
            title=f.text("title", max_length=TITLE_MAX) or "",
            description=f.text("description", max_length=DESCRIPTION_MAX) or "",
            body=md.body,
            where=md.body_where,
        )

    def _slug(self, f: Fields, default: str) -> str:
        slug = f.text("slug", required=False)
        if slug is None:
            return default
        if not KEY_PATTERN.match(slug):
            self.log.error(
                f.items["slug"][1].where, f"'{slug}' cannot be used in an address", KEY_HINT
            )
        return slug

    def _all_published(self, key: str, files: dict[str, tuple[MarkdownFile, Fields]]) -> bool:
        states = {lang: self._published(f) for lang, (_md, f) in files.items()}
        if len(set(states.values())) > 1:
            md = next(md for lang, (md, _f) in files.items() if not states[lang])
            self.log.warn(
                md.front_where,
                f"'{key}' is published in one language only, so it is published in none",
                "set 'status: published' in every language when the translation is ready",
            )
        return all(states.values())

    def _same_everywhere(
        self, files: dict[str, tuple[MarkdownFile, Fields]], field: str, values: dict[str, object]
    ) -> None:
        """Language-neutral fields must agree between the translations of one item."""
        first_lang = self.languages[0]
        if any(value is None for value in values.values()):
            return  # already reported where it could not be read
        for lang, value in values.items():
            if value != values[first_lang]:
                f = files[lang][1]
                where = f.items[field][0].where if field in f.items else f.where
                other = files[first_lang][0].source.rel
                self.log.error(
                    where,
                    f"'{field}' differs from {other}",
                    f"'{field}' is the same in every language: copy it from {other}",
                )

    # -- content types ------------------------------------------------------------------------

    def strings(self) -> dict[str, Translated]:
        path = self.folders.templates / "strings.yaml"
        source = single_file(path, self.folders.root, self.log)
        if source is None:
            return {}
        f = self._fields(read_yaml_file(source, self.log), Position(source.rel, 1, 1))
        strings = {key: f.translated(key) or {} for key in list(f.items)}
        f.done()
        return strings

    def pages(self) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        slugs: dict[tuple[str, str], str] = {}
        for key, files in self._bilingual("pages"):
            prose = {lang: self._prose(md, f) for lang, (md, f) in files.items()}
            slug: Translated = {}
            for lang, (_md, f) in files.items():
                if key in UNSLUGGED_PAGES:
                    slug[lang] = ""
                else:
                    slug[lang] = f.text("slug") or key
                    if not KEY_PATTERN.match(slug[lang]):
                        self.log.error(
                            f.items["slug"][1].where,
                            f"'{slug[lang]}' cannot be used in an address",
                            KEY_HINT,
                        )
                    taken = slugs.setdefault((lang, slug[lang]), key)
                    if taken != key:
                        self.log.error(
                            f.items["slug"][1].where,
                            f"the page '{taken}' already uses the address '/{slug[lang]}/'",
                            "choose another slug",
                        )
            published = self._all_published(key, files)
            for _md, f in files.values():
                f.done("the front matter")
            if published:
                pages[key] = Page(key, slug, prose, self._draft(*(f for _, f in files.values())))
        for key in SECTION_PAGES:
            if key not in pages:
                folder = relative(self.folders.content / "pages", self.folders.root)
                self.log.error(
                    Position(folder),
                    f"the page '{key}' is missing or not published",
                    f"create {folder}/{key}.<language>.md for every language",
                )
        return pages

    def method(self) -> Method | None:
        path = self.folders.content / "method.yaml"
        source = single_file(path, self.folders.root, self.log)
        if source is None:
            return None
        node = read_yaml_file(source, self.log)
        if node is None:
            return None
        f = self._fields(node, Position(source.rel, 1, 1))
        steps = []
        for step in f.each("steps"):
            steps.append(
                MethodStep(
                    step.translated("title", max_length=40) or {},
                    step.translated("text", max_length=150) or {},
                )
            )
            step.done("a step")
        scale = []
        for item in f.each("scale"):
            key = item.choice("key", STABILITY_LEVELS)
            scale.append(
                Level(
                    key or "",
                    item.translated("name", max_length=16) or {},
                    item.translated("text", max_length=100) or {},
                )
            )
            item.done("a level")
        keys = [level.key for level in scale]
        if keys and keys != list(STABILITY_LEVELS):
            self.log.error(
                f.items["scale"][1].where,
                "the scale must list the four levels once each, from worst to best",
                "order them: " + ", ".join(STABILITY_LEVELS),
            )
        f.done("method.yaml")
        return Method(tuple(steps), tuple(scale))

    def services(self) -> dict[str, Translated]:
        path = self.folders.content / "services.yaml"
        source = single_file(path, self.folders.root, self.log)
        if source is None:
            return {}
        node = read_yaml_file(source, self.log)
        f = self._fields(node, Position(source.rel, 1, 1))
        inner = f.fields("services")
        services: dict[str, Translated] = {}
        for key in list(inner.items):
            if not KEY_PATTERN.match(key):
                self.log.error(inner.items[key][0].where, f"'{key}' is not a valid key", KEY_HINT)
            services[key] = inner.translated(key) or {}
        f.done("services.yaml")
        return services

    def groups(self) -> tuple[Group, ...]:
        groups = []
        for source, f in self._yaml_items("groups"):
            published = self._published(f)
            slug = f.translated("slug", required=False) or dict.fromkeys(self.languages, source.key)
            group = Group(
                key=source.key,
                order=f.integer("order") or 0,
                name=f.translated("name", max_length=70) or {},
                summary=f.translated("summary", max_length=160) or {},
                body=f.translated("body") or {},
                slug=slug,
                draft=self._draft(f),
            )
            f.done(source.rel)
            if published:
                groups.append(group)
        return tuple(sorted(groups, key=lambda g: (g.order, g.key)))

    def awards(self) -> tuple[Award, ...]:
        awards = []
        for source, f in self._yaml_items("awards"):
            published = self._published(f)
            figures = []
            for item in f.each("figures"):
                figures.append(
                    Figure(
                        value=item.integer("value") or 0,
                        of=item.integer("of", required=False),
                        qualifier=item.choice("qualifier", FIGURE_QUALIFIERS, required=False),
                        label=item.translated("label", max_length=90) or {},
                    )
                )
                item.done("a figure")
            milestones = []
            for item in f.each("milestones", required=False):
                date = item.date("date")
                if date is not None:
                    milestones.append(
                        Milestone(
                            date,
                            item.translated("place", required=False),
                            item.translated("text") or {},
                        )
                    )
                item.done("a milestone")
            date = f.date("date")
            award = Award(
                key=source.key,
                name=f.translated("name", max_length=80) or {},
                awarded_by=f.translated("awarded_by") or {},
                date=date or PartialDate(1900),  # only used when valid: the error stops the build
                end_date=f.date("end_date", required=False),
                place=f.translated("place", required=False, max_length=30),
                result=f.translated("result", max_length=50) or {},
                summary=f.translated("summary") or {},
                figures=tuple(figures),
                milestones=tuple(sorted(milestones, key=lambda m: m.date.sort_key)),
                source=f.translated("source") or {},
                draft=self._draft(f),
            )
            f.done(source.rel)
            if published:
                awards.append(award)
        return tuple(sorted(awards, key=lambda a: (a.date.sort_key, a.key)))

    def partners(self) -> tuple[Partner, ...]:
        partners = []
        for source, f in self._yaml_items("partners"):
            published = self._published(f)
            url = f.text("url", required=False)
            if url and not url.startswith("https://"):
                self.log.error(f.items["url"][1].where, "'url' must start with https://", "")
            partner = Partner(
                key=source.key,
                order=f.integer("order") or 0,
                name=f.translated("name", max_length=30) or {},
                role=f.translated("role") or {},
                url=url,
            )
            f.done(source.rel)
            if published:
                partners.append(partner)
        return tuple(sorted(partners, key=lambda p: (p.order, p.key)))

    def results(self, groups: tuple[Group, ...], method: Method | None) -> Results | None:
        path = self.folders.content / "results.yaml"
        if not path.exists():
            return None
        source = single_file(path, self.folders.root, self.log)
        if source is None:
            return None
        node = read_yaml_file(source, self.log)
        f = self._fields(node, Position(source.rel, 1, 1))
        illustrative = f.boolean("illustrative", default=True)
        note = f.translated("note") or {}
        per_group = f.fields("groups")
        group_keys = self._existing("groups")
        rows = []
        for key in list(per_group.items):
            where = per_group.items[key][0].where
            counts = per_group.fields(key)
            if key not in group_keys:
                hint = did_you_mean(key, group_keys) or "use a key from content/groups/"
                self.log.error(where, f"unknown target group '{key}'", hint)
            before = self._counts(counts, "before")
            after = self._counts(counts, "after")
            counts.done(f"'{key}'")
            if sum(before.values()) != sum(after.values()):
                self.log.warn(
                    where,
                    f"'{key}' counts {sum(before.values())} before and {sum(after.values())} after",
                    "check the numbers: each family is usually counted once before and once after",
                )
            if any(group.key == key for group in groups):  # unpublished groups show nowhere
                rows.append(GroupResult(key, before, after))
        f.done("results.yaml")
        order = {group.key: i for i, group in enumerate(groups)}  # as the groups are shown
        rows.sort(key=lambda r: order[r.group])
        return Results(illustrative, note, tuple(rows))

    def _counts(self, f: Fields, key: str) -> dict[str, int]:
        inner = f.fields(key)
        counts = {level: inner.integer(level) or 0 for level in STABILITY_LEVELS}
        inner.done(f"'{key}'")
        return counts

    def cases(
        self, groups: tuple[Group, ...], services: dict[str, Translated], method: Method | None
    ) -> tuple[Case, ...]:
        cases = []
        group_keys = self._existing("groups")
        published_groups = {group.key for group in groups}
        for key, files in self._bilingual("cases"):
            neutral: dict[str, dict[str, object]] = {}
            details: dict[str, CaseText] = {}
            slug: Translated = {}
            for lang, (_md, f) in files.items():
                record = {
                    "group": f.choice("group", group_keys),
                    "services": self._references(f, "services", services),
                    "stability": self._stability(f),
                    "consent": self._consent(f),
                    "illustrative": f.boolean("illustrative", default=False),
                }
                for name, value in record.items():
                    neutral.setdefault(name, {})[lang] = value
                goals = f.fields("goals")
                details[lang] = CaseText(
                    pseudonym=f.text("pseudonym", max_length=60) or "",
                    goals_short=goals.text_list("short"),
                    goals_long=goals.text_list("long"),
                    measures=f.text_list("measures"),
                )
                goals.done("'goals'")
                slug[lang] = self._slug(f, key)
            for name, values in neutral.items():
                self._same_everywhere(files, name, values)
            prose = {lang: self._prose(md, f) for lang, (md, f) in files.items()}
            published = self._all_published(key, files)
            for _md, f in files.values():
                f.done("the front matter")
            first = {name: values[self.languages[0]] for name, values in neutral.items()}
            stability = first["stability"]
            if published and first["group"] and first["group"] not in published_groups:
                published = False
                self.log.warn(
                    files[self.languages[0]][0].front_where,
                    f"not published: its target group '{first['group']}' is not published",
                    "publish the target group, or choose another one",
                )
            if published and isinstance(stability, tuple) and first["group"]:
                cases.append(
                    Case(
                        key=key,
                        slug=slug,
                        group=str(first["group"]),
                        services=first["services"],  # type: ignore[arg-type]
                        before=stability[0],
                        after=stability[1],
                        illustrative=bool(first["illustrative"]),
                        prose=prose,
                        details=details,
                        draft=self._draft(*(f for _, f in files.values())),
                    )
                )
        self._unique_slugs(cases, "stories")
        return tuple(cases)

    def _unique_slugs(self, items: list[Case] | list[News], kind: str) -> None:
        """Two items of one kind may not share an address in any language."""
        taken: dict[tuple[str, str], str] = {}
        for item in items:
            for lang in self.languages:
                other = taken.setdefault((lang, item.slug[lang]), item.key)
                if other != item.key:
                    self.log.error(
                        Position(item.prose[lang].where.path),
                        f"the {kind} '{item.key}' and '{other}' share the address "
                        f"'{item.slug[lang]}'",
                        "give one of them its own slug in the front matter",
                    )

    def _references(
        self, f: Fields, key: str, known: dict[str, Translated]
    ) -> tuple[str, ...] | None:
        """Keys that must exist in `known`; None (already reported) when one does not."""
        refs = []
        for node in f.sequence(key):
            value = getattr(node, "text", "")
            if value not in known:
                hint = did_you_mean(value, known) or f"use a key from content/{key}.yaml"
                self.log.error(node.where, f"unknown {key[:-1]} '{value}'", hint)
                return None
            refs.append(value)
        return tuple(refs)

    def _existing(self, folder: str) -> list[str]:
        """Keys of every item file in a folder, whatever its status or state: references to
        them are right even when the item itself has an error or is a draft."""
        return sorted(
            path.stem
            for path in (self.folders.content / folder).glob("*.yaml")
            if KEY_PATTERN.match(path.stem)
        )

    def _stability(self, f: Fields) -> tuple[str, str] | None:
        inner = f.fields("stability")
        before = inner.choice("before", STABILITY_LEVELS)
        after = inner.choice("after", STABILITY_LEVELS)
        inner.done("'stability'")
        return (before, after) if before and after else None

    def _consent(self, f: Fields) -> str | None:
        consent = f.text("consent")
        if consent == CONSENT_PLACEHOLDER and f.has("status") and not self._draft(f):
            self.log.error(
                f.items["consent"][1].where,
                "a published story needs the reference of its signed consent form",
                f"replace {CONSENT_PLACEHOLDER} with the reference from the consent form",
            )
        if consent is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{2,39}", consent):
            self.log.error(
                f.items["consent"][1].where,
                "'consent' must be the reference of a signed consent form",
                "write its reference, e.g. SAMTYKKE-2018-004 (letters, digits and hyphens)",
            )
        return consent

    def news(self) -> tuple[News, ...]:
        items = []
        for key, files in self._bilingual("news"):
            md = files[self.languages[0]][0]
            if not re.match(r"^\d{4}-\d{2}-\d{2}-", key):
                self.log.error(
                    Position(md.source.rel),
                    "a news file name must start with its date",
                    "name it like 2018-02-13-world-government-summit.nb.md",
                )
                continue
            date = parse_date(key[:10])
            if date is None:
                self.log.error(
                    Position(md.source.rel),
                    f"the date {key[:10]} in the file name is not a real date",
                    "correct the date in the file name (YYYY-MM-DD)",
                )
                continue
            prose = {lang: self._prose(md, f) for lang, (md, f) in files.items()}
            slug = {lang: self._slug(f, key[11:]) for lang, (_md, f) in files.items()}
            flags = {lang: f.boolean("illustrative") for lang, (_md, f) in files.items()}
            self._same_everywhere(files, "illustrative", dict(flags))
            published = self._all_published(key, files)
            for _md, f in files.values():
                f.done("the front matter")
            if published:
                draft = self._draft(*(f for _, f in files.values()))
                items.append(News(key, slug, date, flags[self.languages[0]], prose, draft))
        self._unique_slugs(items, "news items")
        return tuple(sorted(items, key=lambda n: (n.date.sort_key, n.key), reverse=True))

    def _check_images(self, md: MarkdownFile) -> None:
        """Every Markdown image needs alt text and a file in content/images/."""
        if "![" not in md.body:
            return
        for offset, line in enumerate(md.body.split("\n")):
            if "![" not in line:  # most lines; a search for the pattern would cost more
                continue
            for match in _MARKDOWN_IMAGE.finditer(line):
                where = Position(md.source.rel, md.body_where.line + offset, match.start() + 1)
                alt, url = match.group(1).strip(), match.group(2)
                name = url.removeprefix("/images/")
                if not alt:
                    self.log.error(
                        where,
                        f"image '{name}' has no alt text",
                        f"describe the image in the brackets: ![what the image shows]({url})",
                    )
                if url.startswith("/images/") and name not in self.images:
                    hint = did_you_mean(name, self.images) or "put the file in content/images/"
                    self.log.error(where, f"there is no image '{name}' in content/images/", hint)


def image_names(folders: Folders, log: ErrorLog) -> tuple[str, ...]:
    """The picture files editors put in content/images/."""
    folder = folders.content / "images"
    names = []
    for suffix in IMAGE_SUFFIXES:
        names += [p.name for p in list_files(folder, suffix, folders.root, log)]
    return tuple(sorted(names))
