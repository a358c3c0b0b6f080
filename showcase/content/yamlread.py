"""Strict, position-keeping YAML reading.

PyYAML composes the document into nodes (safe loader only, never constructs Python objects);
we turn those into our own small node types that remember file, line and column, and keep every
scalar as the text the editor wrote. The schema decides what a value means, so `no` is never
silently a boolean and `12:30` never a number. YAML's traps (duplicate keys, tabs, tags, anchors)
become `ContentError`s with their true line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..common.errors import ErrorLog, Position

TAG_BOOL = "tag:yaml.org,2002:bool"
TAG_INT = "tag:yaml.org,2002:int"
TAG_FLOAT = "tag:yaml.org,2002:float"
TAG_NULL = "tag:yaml.org,2002:null"
TAG_STR = "tag:yaml.org,2002:str"
TAG_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True)
class Scalar:
    where: Position
    text: str
    tag: str  # what YAML 1.1 would read it as; used to catch traps, never to convert
    plain: bool  # written without quotes or block style

    @property
    def is_null(self) -> bool:
        return self.plain and self.tag == TAG_NULL


@dataclass(frozen=True)
class Mapping:
    where: Position
    items: dict[str, tuple[Scalar, Node]]


@dataclass(frozen=True)
class Sequence:
    where: Position
    items: tuple[Node, ...]


Node = Scalar | Mapping | Sequence


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that records explicit tags and aliases instead of honouring them."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.refused: list[tuple[Any, str, str]] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        untyped: Any = self  # PyYAML's parser methods carry no type hints
        event: Any = untyped.peek_event()
        if isinstance(event, yaml.AliasEvent):
            untyped.get_event()
            self.refused.append(
                (
                    event.start_mark,
                    f"YAML alias '*{event.anchor}' is not allowed",
                    "write the value out in full instead of using anchors (&) and aliases (*)",
                )
            )
            start: Any = event.start_mark
            return yaml.ScalarNode(TAG_NULL, "", start, start)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            self.refused.append(
                (
                    event.start_mark,
                    f"YAML tag '{tag}' is not allowed",
                    "remove the tag; write plain text, and put it in quotes if it must stay text",
                )
            )
        if getattr(event, "anchor", None):
            self.refused.append(
                (
                    event.start_mark,
                    f"YAML anchor '&{event.anchor}' is not allowed",
                    "write the value out in full instead of using anchors (&) and aliases (*)",
                )
            )
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def _position(path: str, mark: Any, line_offset: int) -> Position:
    return Position(path, mark.line + 1 + line_offset, mark.column + 1)


def _tab_errors(text: str, path: str, line_offset: int, log: ErrorLog) -> bool:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            col = indent.index("\t") + 1
            log.error(
                Position(path, number + line_offset, col),
                "tab character used for indentation",
                "YAML needs spaces: replace the tab with two spaces",
            )
            found = True
    return found


def _convert(node: yaml.Node, path: str, line_offset: int, log: ErrorLog) -> Node:
    where = _position(path, node.start_mark, line_offset)
    if isinstance(node, yaml.ScalarNode):
        return Scalar(where, str(node.value), str(node.tag), not node.style)  # C: "", Python: None
    if isinstance(node, yaml.SequenceNode):
        return Sequence(where, tuple(_convert(item, path, line_offset, log) for item in node.value))
    if isinstance(node, yaml.MappingNode):
        items: dict[str, tuple[Scalar, Node]] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, line_offset, log)
            if not isinstance(key, Scalar):
                log.error(key.where, "a key must be a plain word", "write the key as simple text")
                continue
            if key.text in items:
                first = items[key.text][0].where
                log.error(
                    key.where,
                    f"duplicate key '{key.text}' (first used on line {first.line})",
                    "remove one of them; YAML would silently keep only the last",
                )
                continue
            items[key.text] = (key, _convert(value_node, path, line_offset, log))
        return Mapping(where, items)
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - PyYAML has no others


# Documents read cleanly before, by (text, path, line offset): the live preview reads every
# file on every save, and the nodes are immutable, so an unchanged file is not parsed again.
# Off unless the preview turns it on (`load.remember`).
_READ: dict[tuple[str, str, int], Node] = {}
_READ_LIMIT = 100_000  # entries; a larger site just parses again after the memo is cleared
_REMEMBER = [False]


def remember(on: bool = True) -> None:
    _REMEMBER[0] = on
    if not on:
        _READ.clear()


def read_yaml(text: str, path: str, log: ErrorLog, line_offset: int = 0) -> Node | None:
    """Parse one YAML document into position-keeping nodes; problems go to `log`.

    `line_offset` shifts reported lines, for front matter that starts below line 1.
    Returns None when the text cannot be read at all (the error is already logged).
    """
    key = (text, path, line_offset)
    known = _READ.get(key)
    if known is not None:
        return known
    problems = len(log.errors) + len(log.warnings)
    node = _parse(text, path, log, line_offset)
    if _REMEMBER[0] and node is not None and len(log.errors) + len(log.warnings) == problems:
        if len(_READ) >= _READ_LIMIT:
            _READ.clear()
        _READ[key] = node
    return node


def _parse(text: str, path: str, log: ErrorLog, line_offset: int) -> Node | None:
    if _tab_errors(text, path, line_offset, log):
        return None
    # Tags, anchors and aliases need '!', '&' or '*': without them libyaml's C composer is safe
    # to use and many times faster; with them the strict Python loader reports each one.
    fast = not any(c in text for c in "!&*") and hasattr(yaml, "CSafeLoader")
    loader: Any = yaml.CSafeLoader(text) if fast else _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _position(path, mark, line_offset) if mark else Position(path)
        problem = exc.problem or exc.context or "invalid YAML"
        log.error(
            where,
            f"YAML syntax error: {problem}",
            "check indentation and colons on this line and the one above; "
            "put text containing ':' or '#' in quotes",
        )
        return None
    finally:
        loader.dispose()
    for mark, message, hint in getattr(loader, "refused", ()):
        log.error(_position(path, mark, line_offset), message, hint)
    if root is None:
        return Mapping(Position(path, 1 + line_offset, 1), {})
    return _convert(root, path, line_offset, log)
