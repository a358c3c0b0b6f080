"""The method (content/method.yaml): its ordered steps and the four-level stability scale."""

from __future__ import annotations

from ...common.errors import Position
from ..declaration import ContentType, Field
from ..load import read_yaml_file, single_file
from ..model import STABILITY_LEVELS, Level, Method, MethodStep
from ..reader import Reader
from .shared import t


def _text(name: str, nb: str, en: str, max_length: int) -> Field:
    help = t(f"Høyst {max_length} tegn.", f"At most {max_length} characters.")
    return Field(name, "text", t(nb, en), help, translated=True, max_length=max_length)


DECLARATION = ContentType(
    name="method",
    storage="yaml-file",
    path="method.yaml",
    label=t("Metoden", "The method"),
    label_singular=t("Metoden", "The method"),
    help=t(
        "Stegene i metoden og skalaen med fire nivåer.",
        "The method's steps and the four-level scale.",
    ),
    creatable=False,
    fields=(
        Field(
            "steps",
            "items",
            t("Steg", "Steps"),
            t("Stegene i rekkefølge.", "The steps in order."),
            fields=(_text("title", "Tittel", "Title", 40), _text("text", "Tekst", "Text", 150)),
        ),
        Field(
            "scale",
            "items",
            t("Skala", "Scale"),
            t("De fire nivåene, fra verst til best.", "The four levels, from worst to best."),
            fields=(
                Field(
                    "key",
                    "choice",
                    t("Nivå", "Level"),
                    t("Nøkkelen til nivået.", "The level's key."),
                    choices=STABILITY_LEVELS,
                ),
                _text("name", "Navn", "Name", 16),
                _text("text", "Forklaring", "Explanation", 100),
            ),
        ),
    ),
)


def read_method(reader: Reader) -> Method | None:
    path = reader.folders.content / DECLARATION.path
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return None
    node = read_yaml_file(source, reader.log)
    if node is None:
        return None
    f = reader.fields(node, Position(source.rel, 1, 1))
    v = reader.values(f, DECLARATION)
    f.done(DECLARATION.path)
    steps = tuple(MethodStep(s.translated("title"), s.translated("text")) for s in v.rows("steps"))
    scale = tuple(
        Level(item.text("key"), item.translated("name"), item.translated("text"))
        for item in v.rows("scale")
    )
    keys = [level.key for level in scale]
    if keys and keys != list(STABILITY_LEVELS):
        reader.log.error(
            f.items["scale"][1].where,
            "the scale must list the four levels once each, from worst to best",
            "order them: " + ", ".join(STABILITY_LEVELS),
        )
    return Method(steps, scale)
