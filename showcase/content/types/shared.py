"""Fields several content types share, declared once: title, description, address, status."""

from __future__ import annotations

from dataclasses import replace

from ..declaration import Field
from ..model import STATUSES, Translated
from ..reader import DESCRIPTION_MAX, TITLE_MAX


def t(nb: str, en: str) -> Translated:
    """A text in both languages, for labels and help."""
    return {"nb": nb, "en": en}


STATUS = Field(
    "status",
    "choice",
    t("Status", "Status"),
    t(
        "draft = utkast, vises bare i forhåndsvisningen; published = publisert.",
        "draft shows only in the preview; published goes on the site.",
    ),
    choices=STATUSES,
    default="draft",
)
# In a Markdown type each language file has its own status: an item is published when all are.
STATUS_PER_FILE = replace(STATUS, translated=True)
TITLE = Field(
    "title",
    "text",
    t("Tittel", "Title"),
    t("Overskriften, høyst 120 tegn.", "The heading, at most 120 characters."),
    translated=True,
    max_length=TITLE_MAX,
    example={"en": "Write the title in English"},  # `new` writes the given title in Norwegian
)
DESCRIPTION = Field(
    "description",
    "text",
    t("Beskrivelse", "Description"),
    t(
        "Én setning, høyst 200 tegn. Vises i lister, søk og når siden deles.",
        "One sentence, at most 200 characters, shown in lists, search and when shared.",
    ),
    translated=True,
    max_length=DESCRIPTION_MAX,
    example=t(
        "Skriv én setning om hva dette handler om.", "Write one sentence about what this is about."
    ),
)
SLUG = Field(
    "slug",
    "text",
    t("Adresse", "Address"),
    t(
        "Valgfritt: siste del av adressen, små bokstaver og bindestrek.",
        "Optional: the last part of the address, lower case and hyphens.",
    ),
    required=False,
    translated=True,
)
ILLUSTRATIVE = Field(
    "illustrative",
    "boolean",
    t("Illustrerende eksempel", "Illustrative example"),
    t(
        "På når teksten er et oppdiktet eksempel; siden merkes da tydelig.",
        "On when the text is a made-up example; the page then says so clearly.",
    ),
    required=False,
    default=False,
)
ORDER = Field(
    "order",
    "integer",
    t("Rekkefølge", "Order"),
    t("Et tall: lavest vises først.", "A number: the lowest is shown first."),
)


def body(help_nb: str, help_en: str, example_nb: str, example_en: str) -> Field:
    """The Markdown text of a Markdown type, below its front matter."""
    return Field(
        "body",
        "markdown",
        t("Tekst", "Text"),
        t(help_nb, help_en),
        translated=True,
        example=t(example_nb, example_en),
    )
