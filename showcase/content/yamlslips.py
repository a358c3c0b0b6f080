"""Naming the one slip behind a YAML syntax error, in words an editor knows.

The parser's own report is written for programmers ("could not find expected ':'") and points
where it gave up, often a line or more below the slip. Instead we try the usual slips' repairs
on the lines around that point, nearest first (a colon after the field name, a closing quote or
bracket, quotes around a text holding ': ', a line moved into step with its neighbours), and
the first repair that makes the whole document readable names the slip, its line and the fix.
Repairs are only tried here, never applied: the editor makes the fix. Only the parser's events
are run to judge a repair, which nests nothing and stays fast on any file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

# Lines above the parser's mark a slip is looked for on: a plain text the slip ran into can go
# on for a few lines before the parser notices; a file's longest such text is a paragraph.
LOOK_BACK = 25
MAX_TRIES = 120  # repairs tried at most; each is one run of the parser over the file
SHOWN = 60  # characters of a line a message may quote

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_FIELD = re.compile(rf"^(?P<indent> *)(?P<dash>- +)?(?P<key>{_KEY}):(?: +(?P<value>.*))?$")
_NO_COLON = re.compile(rf"^(?P<indent> *)(?P<key>{_KEY})(?: +(?P<value>[^\s#].*))?$")
_ITEM = re.compile(r"^(?P<indent> *)- ")
_CLOSERS = {"[": "]", "{": "}"}
_NOT_A_START = "@`%"  # characters YAML keeps for itself at the start of a plain text


@dataclass(frozen=True)
class Slip:
    """A slip found: its line and column in the file (from 1), and what to tell the editor."""

    line: int
    col: int
    message: str
    hint: str


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def parses(text: str) -> bool:
    """Whether the parser reads `text` to the end (the events only: no nesting, no objects)."""
    loader: Any = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    try:
        for _event in yaml.parse(text, Loader=loader):
            pass
    except yaml.YAMLError:
        return False
    return True


# A repair: given the lines, the index of one and the number of file lines above the text (front
# matter starts on line 2), the line to change, its new text and the slip it names; or None
# when this kind of slip cannot be on that line.
Repair = Callable[[list[str], int, int], tuple[int, str, Slip] | None]


def _value_end(lines: list[str], i: int) -> int:
    """The last line of the value that starts on line `i`: a text may go on over the lines
    below that are indented further than its field."""
    indent = len(lines[i]) - len(lines[i].lstrip(" "))
    end = i
    for j in range(i + 1, len(lines)):
        if not lines[j].strip():
            continue
        if len(lines[j]) - len(lines[j].lstrip(" ")) <= indent:
            break
        end = j
    return end


def _unclosed_quote(lines: list[str], i: int, offset: int) -> tuple[int, str, Slip] | None:
    match = _FIELD.match(lines[i])
    value = (match.group("value") or "") if match else ""
    if not value or value[0] not in "\"'":
        return None
    quote = value[0]
    rest = value[1:].replace("\\\\", "").replace('\\"', "") if quote == '"' else value[1:]
    if quote in rest.replace("''", ""):
        return None
    col = len(lines[i]) - len(value)
    slip = Slip(
        i + 1 + offset,
        col + 1,
        f"the quotation mark ({quote}) that starts the text is never closed",
        f"end the text with {quote}",
    )
    end = _value_end(lines, i)
    return end, lines[end].rstrip() + quote, slip


def _unclosed_bracket(lines: list[str], i: int, offset: int) -> tuple[int, str, Slip] | None:
    match = _FIELD.match(lines[i])
    value = (match.group("value") or "").rstrip() if match else ""
    if not value or value[0] not in _CLOSERS:
        return None
    missing = []
    for char in value:
        if char in _CLOSERS:
            missing.append(_CLOSERS[char])
        elif missing and char == missing[-1]:
            missing.pop()
    if not missing:
        return None
    closers = "".join(reversed(missing))
    opener = value[0]
    slip = Slip(
        i + 1 + offset,
        len(lines[i]) - len(value) + 1,
        f"the '{opener}' on this line is never closed",
        f"end the line with '{closers}', e.g. '{_shown(lines[i].rstrip() + closers)}'",
    )
    return i, lines[i].rstrip() + closers, slip


def _missing_colon(lines: list[str], i: int, offset: int) -> tuple[int, str, Slip] | None:
    line = lines[i].rstrip()
    match = _NO_COLON.match(line)
    if not match or ": " in line:
        return None
    key, value = match.group("key"), match.group("value")
    fixed = f"{match.group('indent')}{key}:" + (f" {value}" if value else "")
    slip = Slip(
        i + 1 + offset,
        len(match.group("indent")) + len(key) + 1,
        f"line {i + 1 + offset} is missing the colon after the field name '{key}'",
        f"write '{_shown(fixed)}'",
    )
    return i, fixed, slip


def _missing_space(lines: list[str], i: int, offset: int) -> tuple[int, str, Slip] | None:
    match = re.match(rf"^(?P<head> *(?:- +)?(?P<key>{_KEY}):)(?P<value>[^\s:].*)$", lines[i])
    if not match:
        return None
    fixed = f"{match.group('head')} {match.group('value').rstrip()}"
    slip = Slip(
        i + 1 + offset,
        len(match.group("head")) + 1,
        f"line {i + 1 + offset} has no space after the colon of the field '{match.group('key')}'",
        f"write '{_shown(fixed)}'",
    )
    return i, fixed, slip


def _text_needing_quotes(lines: list[str], i: int, offset: int) -> tuple[int, str, Slip] | None:
    match = _FIELD.match(lines[i].rstrip())
    value = (match.group("value") or "") if match else ""
    if not match or not value or value[0] in "\"'[{|>":
        return None
    key = match.group("key")
    if ": " in value or value.endswith(":"):
        message = f"the text after '{key}:' holds a colon, which YAML reads as a new field"
    elif value[0] in _NOT_A_START:
        message = f"the text after '{key}:' starts with '{value[0]}', which YAML does not allow"
    else:
        return None
    line = lines[i].rstrip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    slip = Slip(
        i + 1 + offset,
        len(line) - len(value) + 1,
        message,
        f"put the whole text in double quotes: {_shown(key + ': ' + quoted)}",
    )
    fixed = line[: len(line) - len(value)] + quoted
    return i, fixed, slip


def _neighbours(lines: list[str], i: int) -> dict[int, int]:
    """Indentation -> the nearest line within reach, above or below, that has it; only lines
    of the same sort as line `i` count (list items, or fields)."""
    is_item = bool(_ITEM.match(lines[i]))
    found: dict[int, int] = {}
    nearest_first = sorted(range(max(i - LOOK_BACK, 0), min(i + LOOK_BACK, len(lines))),
                           key=lambda j: (abs(j - i), j))  # fmt: skip
    for j in nearest_first:
        other = lines[j]
        if j == i or not other.strip() or other.lstrip().startswith("#"):
            continue
        if is_item == bool(_ITEM.match(other)) and (is_item or _FIELD.match(other)):
            found.setdefault(len(other) - len(other.lstrip(" ")), j)
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _lone(lines: list[str], i: int) -> bool:
    """Whether no line near line `i` is indented like it: the likelier line to be out of step."""
    return len(lines[i]) - len(lines[i].lstrip(" ")) not in _neighbours(lines, i)


def _out_of_step(lines: list[str], i: int, offset: int) -> Iterator[tuple[str, Slip]]:
    """The line moved to the indentation of a line near it, the nearest indentation first."""
    line = lines[i]
    text = line.lstrip(" ")
    indent = len(line) - len(text)
    field = _FIELD.match(line)
    if text.startswith("- "):
        message = "the list item is not indented like the lines next to it"
    elif field:
        message = f"the field '{field.group('key')}' is not indented like the lines next to it"
    else:
        return
    near = _neighbours(lines, i)
    for width in sorted(set(near) - {indent}, key=lambda w: (abs(w - indent), w)):
        like = near[width] + 1 + offset
        hint = (
            f"indent it by {width} spaces, like line {like}"
            if width
            else f"start it at the beginning of the line, like line {like}"
        )
        yield " " * width + text, Slip(i + 1 + offset, 1, message, hint)
    if text.startswith("- "):  # the first item of a list: two spaces in from its field
        parent = next((j for j in range(i - 1, -1, -1) if lines[j].rstrip().endswith(":")), None)
        if parent is not None and _indent(lines[parent]) + 2 != indent:
            width = _indent(lines[parent]) + 2
            hint = f"indent it by {width} spaces, two more than line {parent + 1 + offset}"
            yield " " * width + text, Slip(i + 1 + offset, 1, message, hint)


_SAME_LINE: tuple[Repair, ...] = (
    _unclosed_quote,
    _unclosed_bracket,
    _missing_colon,
    _missing_space,
    _text_needing_quotes,
)


def _repairs(
    lines: list[str], candidates: list[int], offset: int
) -> Iterator[tuple[int, str, Slip]]:
    """Every repair to try, in order: the slips made on one line first, on each candidate
    line; then moving a line into step, the lines out of step with all their neighbours first
    (moving any line a little makes many a file readable, so this guess comes last)."""
    for i in candidates:
        for repair in _SAME_LINE:
            found = repair(lines, i, offset)
            if found is not None:
                yield found

    # A line out of step with all its neighbours, indented by an odd number of spaces, is
    # the likelier one to move; among equals, the upper line (the slip shows below it).
    def likelier(i: int) -> tuple[bool, bool, int]:
        lone = _lone(lines, i)
        return not lone, _indent(lines[i]) % 2 == 0, i if lone else 0

    for i in sorted(candidates, key=likelier):
        for fixed, slip in _out_of_step(lines, i, offset):
            yield i, fixed, slip


def _candidate_lines(count: int, problem: int, context: int | None) -> Iterator[int]:
    """The lines a slip may be on, most likely first: where the parser started the part it
    could not finish, where it stopped, then upwards from there, then the line below."""
    seen: set[int] = set()
    upwards = range(problem, max(problem - LOOK_BACK, 0) - 1, -1)
    order = [*([context] if context is not None else []), *upwards, problem + 1]
    for line in order:
        if line is not None and 0 <= line < count and line not in seen:
            seen.add(line)
            yield line


def find_slip(text: str, error: yaml.MarkedYAMLError, offset: int = 0) -> Slip:
    """The slip behind the parser's `error`, or, when no single repair makes `text` readable,
    a plain message at the line the parser stopped on. `offset`: file lines above the text."""
    lines = text.split("\n")
    if parses(text):  # not a slip in the writing (the composer's complaint): no repair to try
        stop = error.problem_mark.line if error.problem_mark else 0
        return _unknown(stop + 1 + offset)
    problem = error.problem_mark or error.context_mark
    context = error.context_mark.line if error.context_mark else None
    stop = min(problem.line, len(lines) - 1) if problem else 0
    if problem and problem.line >= len(lines) - 1 and context is not None:
        stop = context  # the parser ran to the end of the file: where it began is the clue
    candidates = list(_candidate_lines(len(lines), stop, context))
    # A quote left open may run on far down the file before the parser stumbles.
    candidates += [
        i
        for i in range(stop)
        if i not in candidates and _unclosed_quote(lines, i, offset) is not None
    ]
    for tries, (j, fixed, slip) in enumerate(_repairs(lines, candidates, offset)):
        if tries >= MAX_TRIES:
            break
        if parses("\n".join([*lines[:j], fixed, *lines[j + 1 :]])):
            return slip
    return _unknown(stop + 1 + offset)


def _unknown(line: int) -> Slip:
    return Slip(
        line,
        1,
        "YAML cannot read the fields from this line on",
        "check this line and the one above: write each field as 'name: value' with a space "
        "after the colon, indent with spaces in line with its neighbours, and put a text that "
        "holds ': ' in double quotes",
    )
