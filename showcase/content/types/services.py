"""The services a case can name (content/services.yaml): a list of keys and translated names."""

from __future__ import annotations

from ...common.errors import Position
from ..declaration import ContentType, Field
from ..load import KEY_HINT, KEY_PATTERN, read_yaml_file, single_file
from ..model import Translated
from ..reader import Reader
from .shared import t

DECLARATION = ContentType(
    name="services",
    storage="yaml-file",
    path="services.yaml",
    label=t("Tjenester", "Services"),
    label_singular=t("Tjenester", "Services"),
    help=t("Tjenestene en historie kan nevne.", "The services a story can name."),
    creatable=False,
    fields=(
        Field(
            "services",
            "items",
            t("Tjenester", "Services"),
            t("Én tjeneste per rad.", "One service per row."),
            fields=(
                Field(
                    "key",
                    "text",
                    t("Nøkkel", "Key"),
                    t(
                        "Kort navn som historiene bruker: små bokstaver og bindestrek.",
                        "Short name the stories use: lower case and hyphens.",
                    ),
                ),
                Field(
                    "name",
                    "text",
                    t("Navn", "Name"),
                    t("Navnet på tjenesten.", "The service's name."),
                    translated=True,
                ),
            ),
        ),
    ),
)


def read_services(reader: Reader) -> dict[str, Translated]:
    path = reader.folders.content / "services.yaml"
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return {}
    node = read_yaml_file(source, reader.log)
    f = reader.fields(node, Position(source.rel, 1, 1))
    services: dict[str, Translated] = {}
    for values, item in reader.declared_items(f, DECLARATION.field("services")):
        key, where = values["key"], item.where
        if not isinstance(key, str):
            continue
        if not KEY_PATTERN.match(key):
            reader.log.error(where, f"'{key}' is not a valid key", KEY_HINT)
        elif key in services:
            reader.log.error(where, f"the service '{key}' is listed twice", "remove one of them")
        services[key] = values["name"] or {}  # type: ignore[assignment]
    f.done("services.yaml")
    return services
