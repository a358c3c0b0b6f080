"""Writing YAML exactly as Decap CMS writes it, so that a file `new` made and an editor later
saves in the browser differ only where the editor changed something.

Decap serialises with the JavaScript library yaml 1.x (decap-cms-core/src/formats/yaml.ts): block
style, 2-space indents, lists indented under their key, plain text where YAML allows it, else
double quotes (single quotes when the text holds a double quote and no single one), `|-` blocks
for text over several lines, long lines folded at 80 characters, and a comment above each
top-level field that has one. This is a port of that library's choices for the values content
holds (text, whole numbers, true/false, lists and mappings); tests/test_scaffold.py compares it
with Decap's own writer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
MIN_MULTILINE_LENGTH = 40  # shorter double-quoted texts keep their \n escapes on one line
STEP = "  "

# Text YAML would not read back as the same plain text (yaml 1.x's plainString).
_NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z"
)
# Plain text the YAML 1.2 core schema reads as something else: null, true/false, a number.
_NOT_TEXT = re.compile(
    r"(?:~|[Nn]ull|NULL)?|(?:[Tt]rue|TRUE|[Ff]alse|FALSE)|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SHORT_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N"}
_SHORT_ESCAPES |= {"00a0": "\\_", "2028": "\\L", "2029": "\\P"}

Value = str | int | bool | Sequence["Value"] | Mapping[str, "Value"]


def dump(data: Mapping[str, Value], comments: Mapping[str, str] | None = None) -> str:
    """A mapping as the text of a YAML file, each key with its comment (if any) above it."""
    out = []
    for key, value in data.items():
        comment = (comments or {}).get(key)
        if comment:
            out.append("\n".join(f"#{line}" for line in f" {comment}".split("\n")))
        out.append(_pair(key, value, ""))
    return "\n".join(out) + "\n"


def _pair(key: str, value: Value, indent: str) -> str:
    head = f"{key}:"
    inner = indent + STEP
    if isinstance(value, Mapping | list | tuple):
        body = _collection(value, inner)
        flow = body.startswith(("[", "{"))
        return f"{head} {body}" if flow else f"{head}\n{inner}{body}"
    body = _scalar(value, inner, len(head) + 1)
    return head + ("" if body.startswith("\n") else " ") + body


def _collection(value: Mapping[str, Value] | Sequence[Value], indent: str) -> str:
    """A mapping or list whose first line starts at `indent` (already written)."""
    if not value:
        return "{}" if isinstance(value, Mapping) else "[]"
    if isinstance(value, Mapping):
        return f"\n{indent}".join(_pair(k, v, indent) for k, v in value.items())
    return f"\n{indent}".join("- " + _item(item, indent + STEP) for item in value)


def _item(value: Value, indent: str) -> str:
    if isinstance(value, Mapping | list | tuple):
        return _collection(value, indent)
    return _scalar(value, indent, None)


def _scalar(value: Value, indent: str, indent_at_start: int | None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    assert isinstance(value, str), f"no YAML form for {value!r}"
    if _CONTROL.search(value):
        return _double_quoted(value, indent, indent_at_start)
    return _plain(value, indent, indent_at_start)


def _plain(value: str, indent: str, indent_at_start: int | None) -> str:
    if not value or _NOT_PLAIN.search(value):
        if "\n" in value:
            return _block(value, indent, indent_at_start)
        if '"' in value and "'" not in value:
            return _single_quoted(value, indent, indent_at_start)
        return _double_quoted(value, indent, indent_at_start)
    if "\n" in value:
        return _block(value, indent, indent_at_start)
    if _NOT_TEXT.fullmatch(value):
        return _double_quoted(value, indent, indent_at_start)
    return _fold(value, indent, "flow", indent_at_start)


def _single_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    if re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, indent, indent_at_start)
    quoted = "'" + re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value.replace("'", "''"))
    return _fold(quoted + "'", indent, "flow", indent_at_start)


def _double_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    """JSON's escapes, YAML's shorter ones where it has them, and line breaks as folds."""
    js = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    out, start, i = "", 0, 0
    while i < len(js):
        ch = js[i]
        if ch == " " and js[i + 1 : i + 3] == "\\n":
            out += js[start:i] + "\\ "  # a space before a line break is kept by escaping it
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = js[i + 1]
            if following == "u":
                code = js[i + 2 : i + 6]
                out += js[start:i]
                out += _SHORT_ESCAPES.get(
                    code, "\\x" + code[2:] if code.startswith("00") else js[i : i + 6]
                )
                i += 5
                start = i + 1
            elif following == "n" and js[i + 2] != '"' and len(js) >= MIN_MULTILINE_LENGTH:
                out += js[start:i] + "\n\n"
                while js[i + 2 : i + 4] == "\\n" and js[i + 4] != '"':
                    out += "\n"
                    i += 2
                out += indent + ("\\" if js[i + 2] == " " else "")
                i += 1
                start = i + 1
            else:
                i += 1
        i += 1
    out = out + js[start:] if start else js
    return _fold(out, indent, "quoted", indent_at_start)


def _block(value: str, indent: str, indent_at_start: int | None) -> str:
    """Text over several lines as a `|` block (`>` when a line is too long to keep whole)."""
    if re.search(r"\n[\t ]+\Z", value) or not value.strip():
        return _double_quoted(value, indent, indent_at_start)
    literal = not _line_over_limit(value, len(indent))
    header = "|" if literal else ">"
    trailing = re.search(r"[\n\t ]*\Z", value)
    assert trailing is not None
    ws = trailing.group(0)
    if "\n" not in ws:
        header += "-"
    elif value == ws or ws.index("\n") != len(ws) - 1:
        header += "+"
    ws_end = re.sub(r"\n\Z", "", ws)
    value = value[: len(value) - len(ws)]
    leading = re.match(r"^[\n ]*", value)
    assert leading is not None
    ws_start = leading.group(0)
    if " " in ws_start:
        header += "2"
    spaces = re.search(r" +\Z", ws_start)
    if spaces:
        value = value[len(ws_start) - len(spaces.group(0)) :]
        ws_start = ws_start[: -len(spaces.group(0))]
    else:
        value = value[len(ws_start) :]
    ws_end = re.sub(r"\n+(?!\n|\Z)", lambda m: m.group(0) + indent, ws_end)
    ws_start = re.sub(r"\n+", lambda m: m.group(0) + indent, ws_start)
    if literal:
        value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
        return f"{header}\n{indent}{ws_start}{value}{ws_end}"
    value = re.sub(r"\n+", lambda m: "\n" + m.group(0), value)
    value = re.sub(
        r"(?:^|\n)([\t ][^\n\r\u2028\u2029]*)(?:([\n\t ]*)\n(?![\n\t ]))?",
        lambda m: m.group(1) + (m.group(2) or ""),
        value,
    )
    value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    return f"{header}\n{indent}" + _fold(f"{ws_start}{value}{ws_end}", indent, "block", None)


def _line_over_limit(text: str, indent_length: int) -> bool:
    limit = LINE_WIDTH - indent_length
    return any(len(line) > limit for line in text.split("\n"))


def _more_indented_end(text: str, i: int) -> int:
    """Where a run of more-indented lines starting after `i` ends (they are never folded)."""
    while text[i + 1 : i + 2] in (" ", "\t") and i + 1 < len(text):
        i += 1
        while i < len(text) and text[i] != "\n":
            i += 1
        if i >= len(text):
            return i
    return i


def _fold(text: str, indent: str, mode: str, indent_at_start: int | None) -> str:
    """Long lines broken at a space, each new line starting at `indent` (foldFlowLines)."""
    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if indent_at_start is not None:
        if indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            folds.append(0)
        else:
            end = LINE_WIDTH - indent_at_start
    split: int | None = None
    prev = ""
    i = -1
    esc_start = esc_end = -1
    if mode == "block":
        i = _more_indented_end(text, i)
        if i != -1:
            end = i + end_step
    while True:
        i += 1
        if i >= len(text):
            break
        ch = text[i]
        if mode == "quoted" and ch == "\\":
            esc_start = i
            i += {"x": 3, "u": 5, "U": 9}.get(text[i + 1 : i + 2], 1)
            esc_end = i
        if ch == "\n":
            if mode == "block":
                i = _more_indented_end(text, i)
            end = i + end_step
            split = None
        else:
            if ch == " " and prev and prev not in " \n\t":
                following = text[i + 1 : i + 2]
                if following and following not in " \n\t":
                    split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif mode == "quoted":
                    while prev in (" ", "\t"):
                        prev = ch
                        i += 1
                        ch = text[i] if i < len(text) else ""
                    j = i - 2 if i > esc_end + 1 else esc_start - 1
                    if j in escaped:
                        return text
                    folds.append(j)
                    escaped.add(j)
                    end = j + end_step
                    split = None
        prev = ch
    if not folds:
        return text
    result = text[: folds[0]]
    for n, fold in enumerate(folds):
        stop = folds[n + 1] if n + 1 < len(folds) else len(text)
        if fold == 0:
            result = f"\n{indent}{text[:stop]}"
        else:
            if mode == "quoted" and fold in escaped:
                result += f"{text[fold]}\\"
            result += f"\n{indent}{text[fold + 1 : stop]}"
    return result
