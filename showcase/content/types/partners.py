"""Partners (content/partners/<key>.yaml): name, role and an address (https or a site path)."""

from __future__ import annotations

from ..declaration import ContentType, Field
from ..model import Partner
from ..reader import Reader
from .shared import ORDER, STATUS, t

DECLARATION = ContentType(
    name="partners",
    storage="yaml-folder",
    path="partners",
    label=t("Partnere", "Partners"),
    label_singular=t("Partner", "Partner"),
    help=t("Dem velferdslaben samarbeider med.", "Those the welfare lab works with."),
    fields=(
        STATUS,
        ORDER,
        Field(
            "name",
            "text",
            t("Navn", "Name"),
            t("Navnet, høyst 30 tegn.", "The name, at most 30 characters."),
            translated=True,
            max_length=30,
            example={"en": "Write the name in English"},
        ),
        Field(
            "role",
            "paragraph",
            t("Rolle", "Role"),
            t(
                "Hva partneren bidrar med, slik kildene sier det.",
                "What the partner contributes, as the sources say.",
            ),
            translated=True,
            example=t("Skriv hva partneren bidrar med.", "Write what the partner contributes."),
        ),
        Field(
            "url",
            "url",
            t("Nettadresse", "Web address"),
            t(
                "Valgfritt: https://… eller en side på nettstedet.",
                "Optional: https://… or a page of this site.",
            ),
            required=False,
        ),
    ),
)


def read_partners(reader: Reader) -> tuple[Partner, ...]:
    partners = []
    for source, _f, v in reader.yaml_items(DECLARATION):
        partners.append(
            Partner(
                key=source.key,
                order=v.integer("order"),
                name=v.translated("name"),
                role=v.translated("role"),
                url=v.optional_text("url"),
            )
        )
    return tuple(sorted(partners, key=lambda p: (p.order, p.key)))
