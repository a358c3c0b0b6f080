"""The services a case can name (content/services.yaml): key and translated name."""

from __future__ import annotations

from ...common.errors import Position
from ..load import KEY_HINT, KEY_PATTERN, read_yaml_file, single_file
from ..model import Translated
from ..reader import Reader


def read_services(reader: Reader) -> dict[str, Translated]:
    path = reader.folders.content / "services.yaml"
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return {}
    node = read_yaml_file(source, reader.log)
    f = reader.fields(node, Position(source.rel, 1, 1))
    inner = f.fields("services")
    services: dict[str, Translated] = {}
    for key in list(inner.items):
        if not KEY_PATTERN.match(key):
            reader.log.error(inner.items[key][0].where, f"'{key}' is not a valid key", KEY_HINT)
        services[key] = inner.translated(key) or {}
    f.done("services.yaml")
    return services
