"""The site (content/site.yaml): title, languages, address, contact, menu, footer and the
privacy allow-list. Read first: it sets the languages every other file is read in."""

from __future__ import annotations

import re

from ...common.errors import ErrorLog, Position, relative
from ...common.folders import Folders
from ..declaration import ContentType, Field
from ..declared import Values, read_declared
from ..fields import Fields
from ..load import read_yaml_file, single_file
from ..model import Contact, Site, allow_key
from ..reader import DESCRIPTION_MAX, TITLE_MAX
from ..yamlread import Mapping
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
            "Hvem velferdslaben hører til, høyst 60 tegn.",
            "Whom the welfare lab belongs to, at most 60 characters.",
            60,
        ),
        Field(
            "contact",
            "group",
            t("Kontakt", "Contact"),
            t(
                "Hvem leserne kan kontakte. Alt er valgfritt, men skriv minst én vei: e-post, "
                "telefon eller nettside. Skriv bare opplysninger som er ekte og offentlige.",
                "Whom readers can contact. All optional, but give at least one way: e-mail, "
                "phone or web page. Write only details that are real and public.",
            ),
            required=False,
            fields=(
                Field(
                    "name",
                    "text",
                    t("Navn eller rolle", "Name or role"),
                    t(
                        "Valgfritt: en enhet eller en rolle, f.eks. «Asker kommune», høyst 40 "
                        "tegn.",
                        "Optional: a unit or a role, e.g. “Asker Municipality”, at most 40 "
                        "characters.",
                    ),
                    translated=True,
                    required=False,
                    max_length=40,
                ),
                Field(
                    "email",
                    "text",
                    t("E-post", "E-mail"),
                    t(
                        "Valgfritt: en offentlig e-postadresse. Legg den også til under "
                        "«Personvern».",
                        "Optional: a public e-mail address. Add it under “Privacy” too.",
                    ),
                    required=False,
                    max_length=80,
                ),
                Field(
                    "phone",
                    "text",
                    t("Telefon", "Phone"),
                    t(
                        "Valgfritt: et offentlig telefonnummer, f.eks. +47 12 34 56 78. Legg det "
                        "også til under «Personvern».",
                        "Optional: a public phone number, e.g. +47 12 34 56 78. Add it under "
                        "“Privacy” too.",
                    ),
                    required=False,
                    max_length=20,
                ),
                Field(
                    "url",
                    "url",
                    t("Nettside", "Web page"),
                    t(
                        "Valgfritt: en nettside der leserne finner kontaktinformasjon, https://….",
                        "Optional: a web page where readers find contact details, https://….",
                    ),
                    required=False,
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
    allow = tuple(sorted({allow_key(value) for value in v.group("privacy").texts("allow")}))
    unusable = bool(log.errors)  # a wrong contact detail stops the build, but the rest of the
    contact = _contact(v.group("contact"), f, allow)  # site, and its allow-list, still apply
    site = Site(
        title=v.translated("title"),
        tagline=v.translated("tagline"),
        description=v.translated("description"),
        base_url=base_url,
        languages=langs,
        organisation=v.translated("organisation"),
        contact=contact,
        nav=v.texts("nav"),
        footer=v.translated("footer"),
        privacy_allow=allow,
    )
    return None if unusable else site


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[0-9][0-9 ]{6,18}[0-9]$")


def _phone_digits(text: str) -> str:
    """A phone number's digits without Norway's +47, to compare two spellings of one number."""
    digits = "".join(c for c in text if c.isdigit())
    return digits[2:] if len(digits) == 10 and digits.startswith("47") else digits


def _contact(v: Values, f: Fields, allow: tuple[str, ...]) -> Contact:
    """The contact block. Its e-mail and phone must be on the privacy allow-list, so only a
    detail someone declared public is shown (the privacy gate cannot tell a public number from
    a private one); a site with no way to reach anyone gets a warning, not an error."""
    entry = f.items.get("contact")
    inner = entry[1] if entry is not None and isinstance(entry[1], Mapping) else None
    contact = Contact(
        name=v.translated("name"),
        email=v.optional_text("email") or None,
        phone=v.optional_text("phone") or None,
        url=v.optional_text("url") or None,
    )
    problems = {  # the value is not printed: it may be personal
        "email": (
            "the contact's e-mail address is not valid",
            "write the address like post@kommune.example.org",
        ),
        "phone": (
            "the contact's phone number is not valid",
            "write the number like +47 12 34 56 78",
        ),
    }
    allowed = {
        "email": contact.email is not None and allow_key(contact.email) in allow,
        "phone": contact.phone is not None
        and _phone_digits(contact.phone) in {_phone_digits(entry) for entry in allow},
    }
    for name, pattern in (("email", _EMAIL), ("phone", _PHONE)):
        value = getattr(contact, name)
        where = inner.items[name][1].where if inner and name in inner.items else f.where
        if value and not pattern.match(value):
            f.log.error(where, *problems[name])
        elif value and not allowed[name]:
            f.log.error(
                where,
                f"the contact's '{name}' is not on the privacy allow-list",
                "add it under 'privacy: allow' in site.yaml if it is public, or remove it",
            )
    if not contact.reachable:
        f.log.warn(
            entry[0].where if entry is not None else f.where,
            "the site gives no way to contact anyone",
            "add 'email', 'phone' or 'url' under 'contact' in site.yaml",
        )
    return contact
