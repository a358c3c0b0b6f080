"""Markdown as plain text, the way a reader sees the page: one text for each heading, list item,
table cell and paragraph, with the line it starts on, for checks that read the words (klarspråk).

Left out, as no reader reads them as text: code (fenced, indented or `inline`), HTML tags and
comments, images, link targets, bare web and e-mail addresses, and reference definitions. The
text of a link is kept, and the text inside emphasis. This is a reading of the common Markdown
editors write, not a full parser (render/markup.py renders; this only reads), line by line so
each text keeps its place in the file.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import NamedTuple

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)")
_RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)$")
_QUOTE_MARK = re.compile(r"^ {0,3}>\s?")
_ITEM = re.compile(r"^\s*(?:[-*+]|(?P<number>\d{1,9})[.)])(?:\s+|$)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\w+")
_INLINE = (  # each with what it cannot match without, to leave plain lines alone
    (("`",), re.compile(r"`+[^`]*`+"), " "),  # code
    (("![",), re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"), " "),  # images
    (("[",), re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # links: their text
    (("<",), re.compile(r"<[^>\s]*[:@][^>\s]*>|</?[A-Za-z][^>]*>"), " "),  # autolinks, HTML tags
    (("://", "www.", "@", "mailto:"), _ADDRESS, " "),  # bare web and e-mail addresses
    (("*", "_", "~"), re.compile(r"(?<!\w)[*_~]+|[*_~]+(?!\w)"), ""),  # emphasis
    (("\\",), re.compile(r"\\([^\w\s])"), r"\1"),  # escapes
)


class Block(NamedTuple):
    """A heading, list item, table cell or paragraph: the index of the line it starts on, its
    text, and where in the text each of its lines begins (offset, line index)."""

    line: int
    text: str
    lines: tuple[tuple[int, int], ...]

    def line_at(self, offset: int) -> int:
        """The index of the line the character at `offset` of the text is written on."""
        return self.lines[max(bisect.bisect_right(self.lines, (offset, 1 << 62)) - 1, 0)][1]


def blocks(markdown: str) -> list[Block]:
    """The text of each heading, list item, table cell and paragraph of `markdown`, as a reader
    sees it, with the index of the line it starts on."""
    found: list[Block] = []
    current: list[tuple[int, str]] = []  # the lines of the paragraph or list item being read
    fenced, listed = False, False

    def close() -> None:
        """The text read so far, its lines joined with one space, as a block."""
        text, lines = "", []
        for number, line in current:
            piece = " ".join(line.split())
            if piece:
                lines.append((len(text) + bool(text), number))
                text = f"{text} {piece}" if text else piece
        if text:
            found.append(Block(lines[0][1], text, tuple(lines)))
        current.clear()

    markdown = _COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), markdown)
    for number, line in enumerate(markdown.split("\n")):
        if line[:1].isalpha() and not fenced:  # most lines: running text
            listed = listed and bool(current)
            current.append((number, _inline(line)))
            continue
        if _FENCE.match(line):
            fenced = not fenced
        while _QUOTE_MARK.match(line):
            line = _QUOTE_MARK.sub("", line, count=1)
        code = not current and not listed and _INDENTED.match(line)
        if fenced or code or _FENCE.match(line) or _DEFINITION.match(line):
            continue
        item = _ITEM.match(line)
        if item and item["number"] not in (None, "1") and current and not listed:
            item = None  # only "1." starts a list inside a paragraph: "20. november" goes on
        if not line.strip() or _RULE.match(line) or _HEADING.match(line) or item:
            close()  # what came before ends here
        if not line.strip() or _RULE.match(line):  # a blank line, a rule, an underline
            listed = listed and not line.strip()
        elif _HEADING.match(line):
            current.append((number, _inline(_HEADING.sub("", line).rstrip().rstrip("#"))))
            close()
        elif line.lstrip().startswith("|"):  # a table row: each cell a text of its own
            close()
            for cell in [] if _TABLE_RULE.match(line) else line.strip().strip("|").split("|"):
                current.append((number, _inline(cell)))
                close()
        else:
            if item:
                line, listed = line[item.end() :], True
            elif not current and not _INDENTED.match(line):
                listed = False  # a paragraph of its own, after the list
            current.append((number, _inline(line)))
    close()
    return found


def _inline(text: str) -> str:
    for needs, pattern, replacement in _INLINE:
        if any(need in text for need in needs):
            text = pattern.sub(replacement, text)
    return html.unescape(text) if "&" in text else text
