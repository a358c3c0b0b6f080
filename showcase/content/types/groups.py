"""Target groups (content/groups/<key>.yaml): name, summary, text, order and address."""

from __future__ import annotations

from ..declaration import ContentType, Field
from ..model import Group
from ..reader import Reader
from .shared import ORDER, SLUG, STATUS, t

DECLARATION = ContentType(
    name="groups",
    storage="yaml-folder",
    path="groups",
    label=t("Målgrupper", "Target groups"),
    label_singular=t("Målgruppe", "Target group"),
    help=t("Gruppene velferdslaben arbeider med.", "The groups the welfare lab works with."),
    fields=(
        STATUS,
        ORDER,
        Field(
            "name",
            "text",
            t("Navn", "Name"),
            t("Navnet på målgruppen, høyst 70 tegn.", "The group's name, at most 70 characters."),
            translated=True,
            max_length=70,
            example={"en": "Write the name in English"},
        ),
        Field(
            "summary",
            "text",
            t("Kort beskrivelse", "Summary"),
            t("Én setning, høyst 160 tegn.", "One sentence, at most 160 characters."),
            translated=True,
            max_length=160,
            example=t("Skriv én setning om målgruppen.", "Write one sentence about the group."),
        ),
        Field(
            "body",
            "markdown",
            t("Tekst", "Text"),
            t("Teksten på målgruppens side.", "The text of the group's page."),
            translated=True,
            example=t("Skriv teksten om målgruppen her.", "Write the text about the group here."),
        ),
        SLUG,
    ),
)


def read_groups(reader: Reader) -> tuple[Group, ...]:
    groups = []
    for source, f, v in reader.yaml_items(DECLARATION):
        slug = v.translated("slug") or dict.fromkeys(reader.languages, source.key)
        groups.append(
            Group(
                key=source.key,
                order=v.integer("order"),
                name=v.translated("name"),
                summary=v.translated("summary"),
                body=v.translated("body"),
                slug=slug,
                draft=reader.draft(f),
            )
        )
    return tuple(sorted(groups, key=lambda g: (g.order, g.key)))
