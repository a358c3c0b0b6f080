"""Strict, position-keeping YAML reading.

PyYAML composes the document into nodes (safe loader only, never constructs Python objects);
we turn those into our own small node types that remember file, line and column, and keep every
scalar as the text the editor wrote. The schema decides what a value means, so `no` is never
silently a boolean and `12:30` never a number. YAML's traps (duplicate keys, tabs, tags, anchors)
become `ContentError`s with their true line, and so do what no editor means to write: control
characters and nesting deeper than any content file needs (which would crash libyaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..common.errors import ErrorLog, Position
from .yamlslips import find_slip

TAG_BOOL = "tag:yaml.org,2002:bool"
TAG_INT = "tag:yaml.org,2002:int"
TAG_FLOAT = "tag:yaml.org,2002:float"
TAG_NULL = "tag:yaml.org,2002:null"
TAG_STR = "tag:yaml.org,2002:str"
TAG_TIMESTAMP = "tag:yaml.org,2002:timestamp"

MAX_DEPTH = 50  # levels of lists and groups of fields; content files need fewer than ten
EXCERPT = 60  # characters of a value a message may quote

# libyaml's composer recurses in C for every level, without Python's recursion limit: some
# 100 000 levels crash the process. A document nests MAX_DEPTH deep only with brackets nested
# deep or a line that starts far right (each column adds at most two block levels); only then is
# it read by the Python loader, which counts the levels and stops.
_MAYBE_DEEP_BRACKETS = 16
_MAYBE_DEEP_LINE = re.compile(r"^[ ?:-]{12}", re.MULTILINE)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most `limit` characters of a value, for a message: an error never quotes a whole file
    (a file linked from elsewhere could hold anything) and stays readable."""
    text = " ".join(text[: limit * 4].split()) if len(text) > limit else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        untyped: Any = self  # PyYAML's parser methods carry no type hints
        event: Any = untyped.peek_event()
        if self.depth >= MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
            raise _TooDeep(event.start_mark)
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
        self.depth += 1
        try:
            node: yaml.Node | None = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        return node


class _TooDeep(Exception):
    """Nesting deeper than MAX_DEPTH, at `mark`."""

    def __init__(self, mark: Any) -> None:
        super().__init__(mark)
        self.mark = mark


def _position(path: str, mark: Any, line_offset: int) -> Position:
    return Position(path, mark.line + 1 + line_offset, mark.column + 1)


def _tab_errors(text: str, path: str, line_offset: int, log: ErrorLog) -> bool:
    """One error, at the first line indented with a tab: a tab is one slip however often an
    editor's settings repeated it, and the hint says how many more lines have one."""
    tabbed = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            tabbed.append((number, indent.index("\t") + 1))
    if not tabbed:
        return False
    number, col = tabbed[0]
    hint = "YAML needs spaces: replace the tab with two spaces"
    if len(tabbed) > 1:
        hint += f", here and on {len(tabbed) - 1} more lines"
    log.cannot_read(
        Position(path, number + line_offset, col), "tab character used for indentation", hint
    )
    return True


def _convert(node: yaml.Node, path: str, line_offset: int, log: ErrorLog, depth: int = 0) -> Node:
    where = _position(path, node.start_mark, line_offset)
    if isinstance(node, yaml.ScalarNode):
        return Scalar(where, str(node.value), str(node.tag), not node.style)  # C: "", Python: None
    if depth >= MAX_DEPTH:  # the loader stops sooner; this keeps the recursion below bounded
        raise _TooDeep(node.start_mark)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(
            where, tuple(_convert(item, path, line_offset, log, depth + 1) for item in node.value)
        )
    if isinstance(node, yaml.MappingNode):
        items: dict[str, tuple[Scalar, Node]] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, line_offset, log, depth + 1)
            if not isinstance(key, Scalar):
                log.error(key.where, "a key must be a plain word", "write the key as simple text")
                continue
            if key.text in items:
                first = items[key.text][0].where
                log.error(
                    key.where,
                    f"duplicate key '{excerpt(key.text)}' (first used on line {first.line})",
                    "remove one of them; YAML would silently keep only the last",
                )
                continue
            items[key.text] = (key, _convert(value_node, path, line_offset, log, depth + 1))
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
    fast = (
        not any(c in text for c in "!&*") and hasattr(yaml, "CSafeLoader") and not _maybe_deep(text)
    )
    loader: Any = yaml.CSafeLoader(text) if fast else _StrictLoader(text)
    try:
        root = loader.get_single_node()
        node = None if root is None else _convert(root, path, line_offset, log)
    except yaml.reader.ReaderError as exc:
        _character_error(exc, text, path, line_offset, log)
        return None
    except _TooDeep as exc:
        log.cannot_read(
            _position(path, exc.mark, line_offset),
            f"the fields are nested more than {MAX_DEPTH} levels deep",
            "content files need only a few levels of lists and fields: "
            "check the indentation and brackets from this line",
        )
        return None
    except yaml.MarkedYAMLError as exc:  # one slip, named in plain words (yamlslips.py)
        slip = find_slip(text, exc, line_offset)
        log.cannot_read(Position(path, slip.line, slip.col), slip.message, slip.hint)
        return None
    finally:
        loader.dispose()
    for mark, message, hint in getattr(loader, "refused", ()):
        log.error(_position(path, mark, line_offset), message, hint)
    if node is None:
        return Mapping(Position(path, 1 + line_offset, 1), {})
    return node


def _maybe_deep(text: str) -> bool:
    """Whether `text` could nest MAX_DEPTH levels deep (see _MAYBE_DEEP_LINE). Brackets in
    quoted text count too: that only makes a file take the slower, counting loader."""
    if _MAYBE_DEEP_LINE.search(text) is not None:
        return True
    if text.count("[") + text.count("{") <= _MAYBE_DEEP_BRACKETS:
        return False
    depth = 0
    for bracket in _NOT_A_BRACKET.sub("", text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        if depth > _MAYBE_DEEP_BRACKETS:
            return True
    return False


def _character_error(
    exc: yaml.reader.ReaderError, text: str, path: str, line_offset: int, log: ErrorLog
) -> None:
    """A character YAML refuses (control characters, U+FFFE and U+FFFF), at its line and
    column; most are taken out, with a warning, as the file is read (content/invisible.py)."""
    at = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    character = exc.character if isinstance(exc.character, int) else ord(exc.character or "?")
    log.cannot_read(
        Position(path, line + line_offset, col),
        f"the file contains the character U+{character:04X}, which YAML does not allow",
        "delete it (it often comes with text copied from another program) and save the file again",
    )
