"""Placeholders left in a published item: `build.py new` fills every text field with an
instruction ("Skriv et kort sammendrag.", "Write the title in English"), and an item set to
published while one of them is still there would put the instruction on the site.

Each file of a type `new` makes is searched for the instructions (content/starters.py); only a
file that holds one is parsed, to name the field and to see whether the file is published.
Drafts may hold them: that is what a draft is for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative
from ..content.contenttypes import CONTENT_TYPES
from ..content.load import list_files, read_text
from ..content.model import PUBLISHED
from ..content.starters import creatable, placeholder_sentences
from ..content.yamlread import Mapping, Node, Scalar, read_yaml


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, placeholder_sentences())))


def scan(content: Path, root: Path, log: ErrorLog) -> None:
    """An error at each placeholder in a published file, naming its field."""
    pattern = _pattern()
    for declared in filter(creatable, CONTENT_TYPES):
        suffix = ".md" if declared.storage == "markdown-folder" else ".yaml"
        for path in list_files(content / declared.path, suffix, root, ErrorLog()):
            rel = relative(path, root)
            text = read_text(path, rel, ErrorLog())  # the readers report what cannot be read
            if text is not None and pattern.search(text):
                _scan_file(text, rel, suffix == ".md", pattern, log)


def _scan_file(
    text: str, rel: str, markdown: bool, pattern: re.Pattern[str], log: ErrorLog
) -> None:
    front, body_start = text, 0
    if markdown:
        lines = text.split("\n")
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        if lines[0].strip() != "---" or not end:
            return  # the readers report front matter they cannot find
        front, body_start = "\n".join(lines[1:end]), end + 1
    node = read_yaml(front, rel, ErrorLog(), line_offset=1 if markdown else 0)
    if not isinstance(node, Mapping):
        return
    status = node.items.get("status", (None, None))[1]
    if not isinstance(status, Scalar) or status.text != PUBLISHED:
        return
    for field, scalar in _scalars(node, ""):
        found = pattern.search(scalar.text)
        if found:
            _report(log, scalar.where, field, found.group(0))
    if markdown:
        for number, line in enumerate(text.split("\n")[body_start:], start=body_start + 1):
            found = pattern.search(line)
            if found:
                _report(log, Position(rel, number, found.start() + 1), "body", found.group(0))


def _scalars(node: Node, path: str) -> Iterator[tuple[str, Scalar]]:
    """Every text in `node` with the field it is in, as 'goals.short' or 'name.en'."""
    if isinstance(node, Scalar):
        yield path, node
    elif isinstance(node, Mapping):
        for name, (_key, value) in node.items.items():
            yield from _scalars(value, f"{path}.{name}" if path else name)
    else:
        for item in node.items:
            yield from _scalars(item, path)


def _report(log: ErrorLog, where: Position, field: str, sentence: str) -> None:
    log.error(
        where,
        f"'{field}' still holds the placeholder '{sentence}'",
        "write the real text, or set 'status: draft' until it is written",
    )
