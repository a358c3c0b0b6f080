"""What every content type's reader shares: the folders, languages, error log and draft setting,
and the rules common to all (status and drafts, translations of one item agreeing, addresses,
references to other items, images in Markdown)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from ..common.errors import ErrorLog, Position, did_you_mean, relative
from ..common.folders import Folders
from .declaration import ContentType, Field
from .declared import Values, complete, each_item, read_declared
from .fields import Fields
from .load import (
    KEY_HINT,
    KEY_PATTERN,
    MarkdownFile,
    SourceFile,
    markdown_sources,
    name_allowed,
    read_markdown,
    read_yaml_file,
    yaml_sources,
)
from .model import PUBLISHED, STATUSES, Case, News, Prose
from .weblinks import check_links
from .yamlread import Mapping, excerpt

TITLE_MAX = 120
DESCRIPTION_MAX = 200
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass
class Reader:
    """Reads each content type; shares the folders, languages, log and draft setting."""

    folders: Folders
    languages: tuple[str, ...]
    log: ErrorLog
    include_drafts: bool
    images: tuple[str, ...]
    services: tuple[str, ...] = ()  # the keys in services.yaml, once it has been read

    def options(self, source: str) -> tuple[str, ...] | None:
        """The keys a `choices_from` field may take: every item of that kind, whatever its
        status (a reference to a draft or a broken item is right; the item is judged itself)."""
        if source == "services":  # unknown when services.yaml cannot be read: no echoes
            services = relative(self.folders.content / "services.yaml", self.folders.root)
            return None if self.log.echoes(services) else self.services
        if source == "pages":
            found = markdown_sources(
                self.folders.content / source, self.folders.root, self.languages, ErrorLog()
            )
            return tuple(sorted(found))
        return tuple(self.existing(source))

    def values(self, f: Fields, declared: ContentType | tuple[Field, ...]) -> Values:
        """The declared fields of `f`; a Markdown type's fields are read one file at a time."""
        if isinstance(declared, ContentType):
            per_file = declared.storage == "markdown-folder"
            return read_declared(f, declared.fields, self.options, per_file)
        return read_declared(f, declared, self.options)

    def declared_items(self, f: Fields, field: Field) -> Iterator[tuple[Values, Fields]]:
        return each_item(f, field, self.options)

    def fields(self, node: object, where: Position) -> Fields:
        return Fields(node if isinstance(node, Mapping) else None, self.log, where, self.languages)

    def yaml_items(self, declared: ContentType) -> Iterator[tuple[SourceFile, Fields, Values]]:
        """Each item of a YAML-folder type to include (see `published`), its declared fields
        read and every other key reported."""
        folder = self.folders.content / declared.path
        for source in yaml_sources(folder, self.folders.root, self.log):
            node = read_yaml_file(source, self.log)
            if node is None:
                continue
            f = Fields(node, self.log, Position(source.rel, 1, 1), self.languages)
            values = self.values(f, declared)
            f.done(source.rel)
            if self.published(values["status"]):
                yield source, f, values

    def published(self, status: object) -> bool:
        """Whether to include the item: published, or any valid status in the preview."""
        return status == PUBLISHED or (status in STATUSES and self.include_drafts)

    @staticmethod
    def draft(*fields: Fields) -> bool:
        """True when any language of the item is not marked published (preview only)."""
        return any(getattr(f.items.get("status", (None, None))[1], "text", "") != PUBLISHED
                   for f in fields)  # fmt: skip

    def bilingual(
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

    def bilingual_values(
        self, declared: ContentType
    ) -> Iterator[tuple[str, dict[str, tuple[MarkdownFile, Fields]], dict[str, Values]]]:
        """Each Markdown item with its declared fields read in every language; the fields
        that are not translated must agree between the languages."""
        for key, files in self.bilingual(declared.path):
            values = {lang: self.values(f, declared) for lang, (_md, f) in files.items()}
            for field in declared.fields:
                if not field.translated:
                    by_lang = {lang: v[field.name] for lang, v in values.items()}
                    if all(map(complete, by_lang.values())):  # else reported where unreadable
                        self.same_everywhere(files, field.name, by_lang)
            yield key, files, values

    def prose(self, md: MarkdownFile, values: Values) -> Prose:
        self.check_images(md)
        check_links(md.body, md.body_where, self.log)
        return Prose(
            title=str(values.get("title") or ""),
            description=str(values.get("description") or ""),
            body=md.body,
            where=md.body_where,
        )

    def slug(self, f: Fields, slug: object, default: str) -> str:
        if not isinstance(slug, str):
            return default
        where = f.items["slug"][1].where
        if not KEY_PATTERN.match(slug):
            self.log.error(where, f"'{excerpt(slug)}' cannot be used in an address", KEY_HINT)
        else:
            name_allowed(slug, where, self.log)
        return slug

    def all_published(
        self, key: str, files: dict[str, tuple[MarkdownFile, Fields]], values: dict[str, Values]
    ) -> bool:
        states = {lang: self.published(values[lang]["status"]) for lang in files}
        if len(set(states.values())) > 1:
            md = next(md for lang, (md, _f) in files.items() if not states[lang])
            self.log.warn(
                md.front_where,
                f"'{key}' is published in one language only, so it is published in none",
                "set 'status: published' in every language when the translation is ready",
            )
        return all(states.values())

    def same_everywhere(
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

    def unique_slugs(self, items: list[Case] | list[News], kind: str) -> None:
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

    def existing(self, folder: str) -> list[str]:
        """Keys of every item file in a folder, whatever its status or state: references to
        them are right even when the item itself has an error or is a draft."""
        return sorted(
            path.stem
            for path in (self.folders.content / folder).glob("*.yaml")
            if KEY_PATTERN.match(path.stem)
        )

    def check_images(self, md: MarkdownFile) -> None:
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
                if url.startswith("/images/") and unquote(name) not in self.images:
                    hint = did_you_mean(name, self.images) or "put the file in content/images/"
                    self.log.error(where, f"there is no image '{name}' in content/images/", hint)
