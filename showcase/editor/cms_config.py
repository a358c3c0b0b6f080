"""Decap CMS's configuration (/admin/config.yml), made from the content types' declaration, so
the editor asks for exactly the fields the build reads, with the same labels, help and choices.

The backend is Decap's local proxy (decap-server) on 127.0.0.1, named directly rather than as a
`local_backend` fallback: with a hosted backend named, Decap would call that host whenever the
proxy was not found. Choices that come from the content (a story's group and services, the
menu's pages) are relation widgets: Decap reads the current groups, pages and services through
the proxy each time the field opens, so a group added a minute ago can be chosen at once. In a
translated (Markdown) collection they are selects of the options content/ holds when the editor
is opened instead: there a relation marks every opened entry as unsaved (choices.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from ..content.declaration import ContentType, Field
from .choices import Choices
from .settings import EditorSettings

Config = dict[str, Any]
LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
LANGUAGE_LABELS = {"nb": "Norsk (bokmål)", "en": "English"}
DECAP_LOCALES = {"nb": "nb_no", "en": "en"}
SETTINGS = "settings"  # the one files collection: every single-file content type
SETTINGS_LABEL = {"nb": "Innstillinger", "en": "Settings"}
CONTENT = "content"
RELATION_ONLY = ("collection", "file", "value_field", "search_fields", "display_fields")
SIMPLE_WIDGETS = {
    "text": "string",
    "paragraph": "text",
    "markdown": "markdown",
    "boolean": "boolean",
    "url": "string",
}


def cms_config(
    types: Sequence[ContentType],
    proxy_port: int,
    lang: str = DEFAULT_LANGUAGE,
    content: str = CONTENT,
    choices: Choices | None = None,
    *,
    workflow: bool = False,
    backend: Config | None = None,
) -> Config:
    """The whole configuration for `types`, labels and help in `lang` (nb or en); `content` is
    the content folder relative to the folder decap-server reads and writes; `choices` the
    current options of the sources a Markdown type's fields choose from (choices.py).
    `workflow`: entries go through review (Decap's editorial workflow) before main. `backend`:
    a hosted git backend from deploy/editor.yaml (settings.py), or the local proxy's settings
    beyond its address (the branch entries are published into); the local proxy when None."""
    proxy = f"http://127.0.0.1:{proxy_port}/api/v1"
    backend = dict(backend or {"name": "proxy"})
    local = backend["name"] == "proxy"
    if local:
        backend = {"name": "proxy", "proxy_url": proxy} | backend
    singles = [t for t in types if t.storage == "yaml-file"]
    collections = [
        folder_collection(t, types, lang, content, choices or {})
        for t in types
        if t.storage != "yaml-file"
    ]
    if singles:
        collections.append(
            {
                "name": SETTINGS,
                "label": SETTINGS_LABEL[lang],
                "files": [settings_file(t, types, lang, content) for t in singles],
            }
        )
    return {
        "locale": DECAP_LOCALES[lang],
        "backend": backend,
        **({"local_backend": {"url": proxy}} if local else {}),
        "publish_mode": "editorial_workflow" if workflow else "simple",
        "media_folder": f"{content}/images",
        "public_folder": "/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {
            "structure": "multiple_files",
            "locales": list(LANGUAGES),
            "default_locale": DEFAULT_LANGUAGE,
        },
        "collections": collections,
    }


def hosted_config(
    types: Sequence[ContentType], settings: EditorSettings, choices: Choices | None = None
) -> Config:
    """The configuration of an editor hosted beside the site, saving to the git host that
    deploy/editor.yaml names (its backend and workflow); labels in Norwegian."""
    return cms_config(
        types, 0, choices=choices, workflow=settings.workflow, backend=settings.backend
    )


def dump(config: Config) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def collection_key(declared: ContentType) -> str:
    """The file stem of a single-file type: its entry's name in the settings collection."""
    return declared.path.rsplit(".", 1)[0]


def folder_collection(
    declared: ContentType,
    types: Sequence[ContentType],
    lang: str,
    content: str = CONTENT,
    choices: Choices | None = None,
) -> Config:
    markdown = declared.storage == "markdown-folder"
    fields = [top_level(f, types, lang, markdown) for f in declared.fields]
    if markdown:
        pairs = zip(fields, declared.fields, strict=True)
        fields = [as_select(config, f, choices or {}) for config, f in pairs]
    if declared.body is not None:
        fields.append(localised(widget(declared.body, types, lang, markdown), declared.body))
    collection: Config = {
        "name": declared.name,
        "label": declared.label[lang],
        "label_singular": declared.label_singular[lang],
        "description": declared.help[lang],
        "folder": f"{content}/{declared.path}",
        "create": declared.creatable,
        "extension": "md" if markdown else "yaml",
        "format": "frontmatter" if markdown else "yaml",
        "identifier_field": identifier(declared),
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}" if declared.dated else "{{slug}}",
        "fields": fields,
    }
    if markdown:
        collection["i18n"] = True
    return collection


def settings_file(
    declared: ContentType, types: Sequence[ContentType], lang: str, content: str = CONTENT
) -> Config:
    return {
        "name": collection_key(declared),
        "label": declared.label[lang],
        "description": declared.help[lang],
        "file": f"{content}/{declared.path}",
        "fields": [top_level(f, types, lang, markdown=False) for f in declared.fields],
    }


def top_level(field: Field, types: Sequence[ContentType], lang: str, markdown: bool) -> Config:
    """A field of the file itself. Its Norwegian help is the comment Decap writes above it on
    save, as tools/decap_format.py wrote it into the content: a save leaves the file as it was."""
    config = widget(field, types, lang, markdown)
    if markdown:
        localised(config, field)
    return config | {"comment": field.help[DEFAULT_LANGUAGE]}


def as_select(config: Config, field: Field, choices: Choices) -> Config:
    """A relation of a Markdown type as a select of the source's current options, when they
    could be read: see choices.py for the unsaved-changes mark a relation causes there."""
    options = choices.get(field.choices_from or "")
    if config.get("widget") != "relation" or not options:
        return config
    kept = {k: v for k, v in config.items() if k not in RELATION_ONLY}
    return kept | {"widget": "select", "options": options}


def localised(config: Config, field: Field) -> Config:
    """A field of a Markdown type: asked once per language file (`i18n: true`) when
    translated, else once for all files (`duplicate`)."""
    localise(config, field.translated)
    return config


def identifier(declared: ContentType) -> str:
    """The field Decap names entries by and makes a new entry's file name from."""
    name = "title" if "title" in declared.names else "name"
    translated = name in declared.names and declared.field(name).translated
    return (
        f"{name}.{DEFAULT_LANGUAGE}"
        if translated and declared.storage != "markdown-folder"
        else name
    )


def widget(field: Field, types: Sequence[ContentType], lang: str, markdown: bool) -> Config:
    """One field as Decap's widget. In a YAML type a translated field is one object holding a
    value per language; in a Markdown type each language has its own file (see `localised`)."""
    config: Config = {"label": field.label[lang], "name": field.name}
    if field.help.get(lang):
        config["hint"] = field.help[lang]
    if field.translated and not markdown:
        config |= {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {"label": LANGUAGE_LABELS[code], "name": code} | kind_widget(field, types, lang)
                for code in LANGUAGES
            ],
        }
    else:
        config |= kind_widget(field, types, lang, markdown)
        if field.default is not None:
            config["default"] = field.default
    if not field.required:
        config["required"] = False
    return config


def localise(config: Config, translated: bool) -> None:
    """Decap's `i18n` for a field of a Markdown type and the fields inside it. An object or a
    list may only be `true`; one that is the same in every language then has `duplicate` on
    each field inside it, as Decap's documentation shows."""
    inner = config.get("fields", []) + ([config["field"]] if "field" in config else [])
    config["i18n"] = True if translated or inner else "duplicate"
    for part in inner:
        localise(part, translated)


def kind_widget(
    field: Field, types: Sequence[ContentType], lang: str, markdown: bool = False
) -> Config:
    """The widget and its options for the field's kind, without label or help."""
    kind = field.kind
    if kind in ("choice", "choices"):
        return choice_widget(field, types, lang)
    if kind == "integer":
        return {"widget": "number", "value_type": "int"}
    if kind == "date":
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD.MM.YYYY",
            "time_format": False,
        }
    if kind == "list":
        item = {"label": field.label[lang], "name": "item", "widget": "string"}
        return {"widget": "list", "field": item}
    if kind in ("group", "items"):
        inner = [widget(f, types, lang, markdown) for f in field.fields]
        if kind == "group":
            return {"widget": "object", "collapsed": False, "fields": inner}
        return {"widget": "list", "fields": inner}
    config: Config = {"widget": SIMPLE_WIDGETS[kind]}
    if kind == "url":
        schemes = "|".join(("https://", "/", *field.schemes))
        message = {"nb": "Begynn med ", "en": "Start with "}[lang] + ", ".join(
            ("https://", "/", *field.schemes)
        )
        config["pattern"] = [f"^({schemes})", message]
    elif field.max_length is not None:
        at_most = {"nb": "Høyst {} tegn.", "en": "At most {} characters."}[lang]
        config["pattern"] = [
            f"^[\\s\\S]{{0,{field.max_length}}}$",
            at_most.format(field.max_length),
        ]
    return config


def choice_widget(field: Field, types: Sequence[ContentType], lang: str) -> Config:
    """A select of fixed values, or a relation to the content the choices come from."""
    multiple = field.kind == "choices"
    if field.choices_from is None:
        return {"widget": "select", "options": list(field.choices), "multiple": multiple}
    source = next(t for t in types if t.name == field.choices_from)
    return relation(source, lang) | {"multiple": multiple}


def relation(source: ContentType, lang: str) -> Config:
    """Choose among the current items of `source`: the file names of a folder type (what the
    content refers to them by), or the `key` of each row of a single-file type's list."""
    if source.storage == "yaml-file":
        rows = next(f for f in source.fields if f.kind == "items")
        name = rows.inner("name")
        shown = f"{rows.name}.*.name" + (f".{lang}" if name.translated else "")
        return {
            "widget": "relation",
            "collection": SETTINGS,
            "file": collection_key(source),
            "value_field": f"{rows.name}.*.key",
            "search_fields": [shown],
            "display_fields": [shown],
        }
    shown = identifier(source)
    if source.storage == "yaml-folder" and shown.endswith(f".{DEFAULT_LANGUAGE}"):
        shown = shown.removesuffix(DEFAULT_LANGUAGE) + lang
    return {
        "widget": "relation",
        "collection": source.name,
        "value_field": "{{slug}}",
        "search_fields": [shown],
        "display_fields": [shown],
    }
