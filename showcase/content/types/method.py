"""The method (content/method.yaml): its ordered steps and the four-level stability scale."""

from __future__ import annotations

from ...common.errors import Position
from ..load import read_yaml_file, single_file
from ..model import STABILITY_LEVELS, Level, Method, MethodStep
from ..reader import Reader


def read_method(reader: Reader) -> Method | None:
    path = reader.folders.content / "method.yaml"
    source = single_file(path, reader.folders.root, reader.log)
    if source is None:
        return None
    node = read_yaml_file(source, reader.log)
    if node is None:
        return None
    f = reader.fields(node, Position(source.rel, 1, 1))
    steps = []
    for step in f.each("steps"):
        steps.append(
            MethodStep(
                step.translated("title", max_length=40) or {},
                step.translated("text", max_length=150) or {},
            )
        )
        step.done("a step")
    scale = []
    for item in f.each("scale"):
        key = item.choice("key", STABILITY_LEVELS)
        scale.append(
            Level(
                key or "",
                item.translated("name", max_length=16) or {},
                item.translated("text", max_length=100) or {},
            )
        )
        item.done("a level")
    keys = [level.key for level in scale]
    if keys and keys != list(STABILITY_LEVELS):
        reader.log.error(
            f.items["scale"][1].where,
            "the scale must list the four levels once each, from worst to best",
            "order them: " + ", ".join(STABILITY_LEVELS),
        )
    f.done("method.yaml")
    return Method(tuple(steps), tuple(scale))
