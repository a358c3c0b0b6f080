"""Characters nobody can see are taken out of every content file as it is read, with a warning
that names the line and the character (by its code, never the character itself)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from showcase.common.errors import ErrorLog
from showcase.content.invisible import INVISIBLE, strip_invisible


def test_each_kind_is_removed_with_one_warning_per_line() -> None:
    text = "title: Asker\u202e velferdslab\nOK\n\u200bto\x1b\u200b\n\ttab kept\r\n"
    log = ErrorLog()
    assert strip_invisible(text, "content/a.yaml", log) == (
        "title: Asker velferdslab\nOK\nto\n\ttab kept\r\n"
    )
    assert [(str(w.where), w.message) for w in log.warnings] == [
        (
            "content/a.yaml:1:13",
            "removed invisible characters from this line: U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        (
            "content/a.yaml:3:1",
            "removed invisible characters from this line: "
            "U+001B control character, U+200B ZERO WIDTH SPACE",
        ),
    ]
    assert not log.errors


def test_plain_norwegian_text_is_left_alone() -> None:
    text = "Blåbær og «sitat» – æøå ÆØÅ\n\tinnrykk\n"
    log = ErrorLog()
    assert strip_invisible(text, "content/a.md", log) is text
    assert not log.warnings


@given(st.text())
def test_nothing_invisible_survives(text: str) -> None:
    log = ErrorLog()
    cleaned = strip_invisible(text, "content/a.md", log)
    assert INVISIBLE.search(cleaned) is None
    assert bool(log.warnings) == (cleaned != text)
