"""The interface texts in templates/strings.yaml: every key translated into every language."""

from __future__ import annotations

from ...common.errors import Position
from ..load import read_yaml_file, single_file
from ..model import Translated
from ..reader import Reader


def read_strings(reader: Reader) -> dict[str, Translated]:
    path = reader.folders.templates / "strings.yaml"
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return {}
    f = reader.fields(read_yaml_file(source, reader.log), Position(source.rel, 1, 1))
    strings = {key: f.translated(key) or {} for key in list(f.items)}
    f.done()
    return strings
