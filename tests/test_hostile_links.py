"""Hostile corpus, family 'links': links, images and text that reach readers.

An address that is not https or a path on the site, an SVG that holds more than drawing and an
image too large to decode end in `path:line` errors and exit 1, with the last good site
untouched. An image only a draft uses, and characters nobody can see (bidi overrides, zero-width
and control characters), build (exit 0, with a warning for the characters) but never reach
any output file.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from hostile import Case, run_case
from PIL import Image


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def contact_url(url: str) -> Case:
    return Case(
        "links",
        f"site contact url {url.split(',')[0]}",
        lambda c: _replace(c / "site.yaml", "url: https://kommune.example.org", f'url: "{url}"'),
        secret=url,
        says="site.yaml:9",
    )


def partner_url(url: str) -> Case:
    return Case(
        "links",
        f"partner url {url.split(',')[0]}",
        lambda c: (c / "partners" / "kommunen.yaml").write_text(
            (c / "partners" / "kommunen.yaml").read_text() + f'url: "{url}"\n'
        ),
        secret=url,
        says="kommunen.yaml:5",
    )


def body_link(markdown: str, secret: str, line: int = 9) -> Case:
    return Case(
        "links",
        f"Markdown body link {markdown}",
        lambda c: _replace(
            c / "news" / "2018-02-13-dubai.nb.md", "«Edge of Government».", markdown
        ),
        secret=secret,
        says=f"2018-02-13-dubai.nb.md:{line}",
    )


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
SVG_PAYLOADS = {
    "script element": f"{SVG_HEAD}<script>alert('svg-xss')</script></svg>",
    "onload handler": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'svg-xss\')"/>',
    "foreignObject iframe": f"{SVG_HEAD}<foreignObject><iframe xmlns='http://www.w3.org/1999/"
    "xhtml' src='https://evil.example/svg-xss'/></foreignObject></svg>",
    "external entity": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY svg-xss SYSTEM '
    f'"file:///etc/passwd">]>{SVG_HEAD}<text>&svg-xss;</text></svg>',
    "billion laughs": '<!DOCTYPE svg [<!ENTITY a "svg-xss"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>' + f"{SVG_HEAD}<text>&c;</text></svg>",
    "javascript link": f'{SVG_HEAD}<a xmlns:xlink="http://www.w3.org/1999/xlink" '
    "xlink:href=\"javascript:alert('svg-xss')\"><rect width='5' height='5'/></a></svg>",
    "use of an outside file": f'{SVG_HEAD}<use href="https://evil.example/svg-xss.svg#a"/></svg>',
    "style url outside": f"{SVG_HEAD}<rect width='5' height='5' "
    "style=\"fill:url('https://evil.example/svg-xss')\"/></svg>",
    "style element import": f"{SVG_HEAD}<style>@import 'https://evil.example/svg-xss.css';"
    "</style></svg>",
    "animation setting a link": f'{SVG_HEAD}<set attributeName="href" '
    "to=\"javascript:alert('svg-xss')\"/></svg>",
    "stylesheet instruction": '<?xml-stylesheet href="https://evil.example/svg-xss.css"?>'
    f"{SVG_HEAD}</svg>",
    "embedded raster": f'{SVG_HEAD}<image href="data:image/png;base64,svg-xss"/></svg>',
}


def svg(name: str, payload: str) -> Case:
    def breaks(content: Path) -> None:
        (content / "images" / "tegning.svg").write_text(payload, encoding="utf-8")

    return Case("links", f"SVG with {name}", breaks, secret="svg-xss", says="tegning.svg")


def _draft_only_image(content: Path) -> None:
    Image.new("RGB", (8, 8), "red").save(content / "images" / "utkast-bilde-77.png")
    for lang in ("nb", "en"):
        (content / "news" / f"2018-03-01-utkast.{lang}.md").write_text(
            "---\ntitle: Utkast\ndescription: Et utkast.\nstatus: draft\nillustrative: false\n"
            "---\n![Et rødt kvadrat](/images/utkast-bilde-77.png)\n",
            encoding="utf-8",
        )


INVISIBLE = {
    "right-to-left override in a body": ("2018-02-13-dubai.nb.md", "\u202e"),
    "left-to-right embedding in a body": ("2018-02-13-dubai.nb.md", "\u202a"),
    "first-strong isolate in a body": ("2018-02-13-dubai.nb.md", "\u2068"),
    "pop directional isolate in a title": ("2018-02-13-dubai.en.md", "\u2069"),
    "zero-width space in a body": ("2018-02-13-dubai.nb.md", "\u200b"),
    "zero-width joiner in a body": ("2018-02-13-dubai.nb.md", "\u200d"),
    "word joiner in a body": ("2018-02-13-dubai.nb.md", "\u2060"),
    "byte order mark inside a body": ("2018-02-13-dubai.nb.md", "\ufeff"),
    "control character U+0001 in a body": ("2018-02-13-dubai.nb.md", "\x01"),
    "escape U+001B in a body": ("2018-02-13-dubai.nb.md", "\x1b"),
    "C1 control U+009B in a body": ("2018-02-13-dubai.nb.md", "\x9b"),
}


def _needle(before: str, char: str) -> str:
    """What must not be in the output: the character, with the text before it when it is a
    single byte (one byte alone turns up in any PNG, PDF or compressed file)."""
    return char if len(char.encode("utf-8")) > 2 else before + char


def invisible(name: str, file: str, char: str) -> Case:
    def breaks(content: Path) -> None:
        path = content / "news" / file
        if "title" in name:
            _replace(path, "title: ", f"title: Edge{char}")
        else:
            _replace(path, "Vi var **finalist**", f"Vi var{char} **finalist**")

    # The character must reach no output file; the warning names the file and line.
    return Case("links", name, breaks, exit_code=0, secret=_needle("var", char), says=file)


def invisible_in_yaml(char: str) -> Case:
    return Case(
        "links",
        f"U+{ord(char):04X} in a YAML text (footer)",
        lambda c: _replace(c / "site.yaml", "Et *testnettsted*", f"Et{char} *testnettsted*"),
        exit_code=0,
        secret=_needle("Et", char),
        says="site.yaml:11",
    )


def _huge_png(content: Path) -> None:
    """A valid PNG of 9000 × 9000 one-bit pixels, every one black: 81 megapixels in 10 kB."""
    row = b"\x00" + bytes(9000 // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(9000)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    png = io.BytesIO()
    png.write(b"\x89PNG\r\n\x1a\n")
    png.write(chunk(b"IHDR", struct.pack(">IIBBBBB", 9000, 9000, 1, 0, 0, 0, 0)))
    png.write(chunk(b"IDAT", data) + chunk(b"IEND", b""))
    (content / "images" / "kjempebilde.png").write_bytes(png.getvalue())
    _replace(
        content / "news" / "2018-02-13-dubai.nb.md",
        "## Hva skjedde",
        "![Et svart kvadrat](/images/kjempebilde.png)\n\n## Hva skjedde",
    )


CASES = [
    contact_url("javascript:alert(1)"),
    contact_url("data:text/html,<script>alert(1)</script>"),
    contact_url("http://kommune.example.org"),
    contact_url("//evil.example.org/"),
    contact_url("JavaScript:alert(1)"),
    partner_url("javascript:alert(2)"),
    partner_url("data:text/html;base64,PHNjcmlwdD4="),
    partner_url("http://partner.example.org"),
    body_link("[klikk](javascript:alert(3))", "javascript:alert(3)"),
    body_link("[klikk](data:text/html,hostile-body-link)", "hostile-body-link"),
    body_link("[klikk](http://hostile-body-link.example.org/)", "hostile-body-link"),
    body_link("[klikk](//hostile-body-link.example.org/)", "hostile-body-link"),
    body_link("[klikk][x]\n\n[x]: vbscript:hostile-body-link", "hostile-body-link", line=11),
    body_link("<vbscript:hostile-body-link>", "hostile-body-link"),
    body_link('<a href="javascript:hostile-body-link()">klikk</a>', "hostile-body-link"),
    *(svg(name, payload) for name, payload in SVG_PAYLOADS.items()),
    Case(
        "links",
        "an image only a draft uses",
        _draft_only_image,
        exit_code=0,
        secret="utkast-bilde-77",
    ),
    *(invisible(name, file, char) for name, (file, char) in INVISIBLE.items()),
    invisible_in_yaml("\u202e"),
    invisible_in_yaml("\x1b"),
    Case("links", "an 81-megapixel PNG", _huge_png, says="kjempebilde.png"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path)
    assert outcome.clean, outcome.explain()
