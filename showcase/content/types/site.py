"""The site (content/site.yaml): title, languages, address, contact, menu, footer and the
privacy allow-list. Read first: it sets the languages every other file is read in."""

from __future__ import annotations

import re

from ...common.errors import ErrorLog, Position, relative
from ...common.folders import Folders
from ..declaration import ContentType, Field
from ..declared import read_declared
from ..fields import Fields
from ..load import read_yaml_file, single_file
from ..model import Contact, Site, allow_key
from ..reader import DESCRIPTION_MAX, TITLE_MAX
from ..weblinks import CONTACT
from .shared import t

LANGUAGE_CODES = ("nb", "nn", "en", "se")


def _text(name: str, nb: str, en: str, help_nb: str, help_en: str, max_length: int = 0) -> Field:
    return Field(
        name, "text", t(nb, en), t(help_nb, help_en), translated=True, max_length=max_length or None
    )


DECLARATION = ContentType(
    name="site",
    storage="yaml-file",
    path="site.yaml",
    label=t("Nettstedet", "The site"),
    label_singular=t("Nettstedet", "The site"),
    help=t(
        "Tittel, adresse, språk, meny, kontakt og bunntekst.",
        "Title, address, languages, menu, contact and footer.",
    ),
    creatable=False,
    fields=(
        _text(
            "title",
            "Tittel",
            "Title",
            "Navnet på nettstedet, høyst 60 tegn.",
            "The site's name, at most 60 characters.",
            60,
        ),
        _text(
            "tagline",
            "Undertittel",
            "Tagline",
            "Én kort linje under navnet.",
            "One short line under the name.",
            TITLE_MAX,
        ),
        _text(
            "description",
            "Beskrivelse",
            "Description",
            "Én setning om nettstedet, høyst 200 tegn.",
            "One sentence about the site, at most 200 characters.",
            DESCRIPTION_MAX,
        ),
        Field(
            "base_url",
            "text",
            t("Adresse", "Address"),
            t(
                "Adressen nettstedet publiseres på, https://… med eller uten sti. Endres før "
                "publisering.",
                "The address the site is published at, https://… with or without a path.",
            ),
        ),
        Field(
            "languages",
            "choices",
            t("Språk", "Languages"),
            t("Det første språket er standard.", "The first language is the default."),
            choices=LANGUAGE_CODES,
        ),
        _text(
            "organisation",
            "Organisasjon",
            "Organisation",
            "Hvem som står bak, høyst 60 tegn.",
            "Who is behind the site, at most 60 characters.",
            60,
        ),
        Field(
            "contact",
            "group",
            t("Kontakt", "Contact"),
            t("Hvem leserne kan kontakte.", "Whom readers can contact."),
            fields=(
                _text(
                    "name",
                    "Navn",
                    "Name",
                    "Navn eller rolle, høyst 40 tegn.",
                    "Name or role, at most 40 characters.",
                    40,
                ),
                Field(
                    "url",
                    "url",
                    t("Adresse", "Address"),
                    t("https://…, mailto:… eller tel:…", "https://…, mailto:… or tel:…"),
                    schemes=CONTACT,
                ),
            ),
        ),
        Field(
            "nav",
            "choices",
            t("Meny", "Menu"),
            t("Sidene i hovedmenyen, i rekkefølge.", "The pages in the main menu, in order."),
            choices_from="pages",
        ),
        Field(
            "footer",
            "paragraph",
            t("Bunntekst", "Footer"),
            t("Teksten nederst på hver side.", "The text at the foot of every page."),
            translated=True,
        ),
        Field(
            "privacy",
            "group",
            t("Personvern", "Privacy"),
            t(
                "Offentlige kontaktopplysninger som personvernsjekken skal slippe gjennom.",
                "Public contact details the privacy check lets through.",
            ),
            required=False,
            fields=(
                Field(
                    "allow",
                    "list",
                    t("Tillatt", "Allowed"),
                    t("Én opplysning per linje.", "One detail per line."),
                    required=False,
                ),
            ),
        ),
    ),
)
# https, a host, maybe a port, maybe a path of plain segments (no '.', '..' or '%'): the site
# may live under a path of a larger domain (content/urls.py adds it to every address).
_BASE_URL = re.compile(r"^https://[a-z0-9.-]+(:\d+)?(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$")


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
    v = read_declared(f, DECLARATION.fields, lambda _source: None)  # the menu is checked later
    f.done("site.yaml")
    langs = v.texts("languages")
    where = f.items["languages"][1].where if "languages" in f.items else f.where
    if not langs or len(set(langs)) != len(langs):
        log.error(where, "'languages' must list each language once", "e.g. [nb, en]")
    base_url = v.text("base_url").rstrip("/")
    if base_url and not _BASE_URL.match(base_url):
        log.error(
            f.items["base_url"][1].where,
            f"'base_url' must be an https address, with a path or without, not '{base_url}'",
            "e.g. https://velferdslab.example.org or https://www.example.no/velferdslab/",
        )
    contact = v.group("contact")
    site = Site(
        title=v.translated("title"),
        tagline=v.translated("tagline"),
        description=v.translated("description"),
        base_url=base_url,
        languages=langs,
        organisation=v.translated("organisation"),
        contact=Contact(contact.translated("name"), contact.text("url")),
        nav=v.texts("nav"),
        footer=v.translated("footer"),
        privacy_allow=tuple(
            sorted({allow_key(value) for value in v.group("privacy").texts("allow")})
        ),
    )
    return None if log.errors else site
