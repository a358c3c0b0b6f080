"""The site (content/site.yaml): title, languages, address, contact, menu, footer and the
privacy allow-list. Read first: it sets the languages every other file is read in."""

from __future__ import annotations

import re

from ...common.errors import ErrorLog, Position, did_you_mean, relative
from ...common.folders import Folders
from ..fields import Fields
from ..load import read_yaml_file, single_file
from ..model import Contact, Site, allow_key
from ..reader import DESCRIPTION_MAX, TITLE_MAX
from ..weblinks import CONTACT

LANGUAGE_CODES = ("nb", "nn", "en", "se")
_BASE_URL = re.compile(r"^https://[a-z0-9.-]+(:\d+)?$")


def read_site(folders: Folders, log: ErrorLog) -> Site | None:
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
        contact=Contact(
            contact.translated("name", max_length=40) or {},
            contact.url("url", schemes=CONTACT) or "",
        ),
        nav=f.text_list("nav"),
        footer=f.translated("footer") or {},
        privacy_allow=tuple(sorted({allow_key(value) for value in allow})),
    )
    contact.done("'contact'")
    f.done("site.yaml")
    return None if log.errors else site
