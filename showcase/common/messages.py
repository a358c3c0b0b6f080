"""Error messages in the editor's language: Norwegian by default, English on request.

The code writes its messages in English, as plain f-strings, which keeps call sites readable.
The catalogue (`norwegian_content`, `norwegian_files`, `norwegian_build`, ...) gives the Norwegian
for each message shape; `translate` matches a finished message against the English shapes and
fills the Norwegian one with the same values (values that are themselves catalogue phrases, like
'national ID number', are translated too). A test checks that every message the code can
produce has an entry.

Why not gettext: messages are built from parts that are messages themselves, hints are chosen at
run time, and the shapes need no `_()` at some 300 call sites, no compiled .mo files in the build
and no extraction step; the test above does what extraction would. Two languages, translated by
the developers who write the messages, gain little from translators' tools.
"""

from __future__ import annotations

import os
import re
from functools import cache

from .norwegian_build import BUILD
from .norwegian_content import CONTENT
from .norwegian_editor import EDITOR
from .norwegian_facts import FACTS
from .norwegian_files import FILES
from .norwegian_images import IMAGES
from .norwegian_language import LANGUAGE
from .norwegian_review import REVIEW

LANGUAGES = ("nb", "en")

# The catalogue: (English shape, Norwegian shape), for content and for the build.
CATALOGUE: tuple[tuple[str, str], ...] = (
    CONTENT + FILES + BUILD + REVIEW + EDITOR + FACTS + IMAGES + LANGUAGE
)


@cache
def _shapes() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Each message's literal pieces, its regex and its Norwegian, most specific (most literal
    text) first, so 'name it like X' wins over 'name it {names}'."""
    shapes = []
    by_specificity = sorted(CATALOGUE, key=lambda pair: -len(re.sub(r"\{\w+\}", "", pair[0])))
    for english, norwegian in by_specificity:
        parts = re.split(r"(\{\w+\})", english)
        regex = "".join(
            f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part) for part in parts
        )
        literal = tuple(part for part in parts if part and not part.startswith("{"))
        shapes.append((literal, regex, norwegian))
    return tuple(shapes)


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.DOTALL)


def _match(text: str) -> tuple[re.Match[str], str] | None:
    """The catalogue entry `text` is an instance of. A regex is compiled only for entries whose
    literal pieces all occur in the text: compiling all of them costs more than a quick build."""
    for literal, regex, norwegian in _shapes():
        if all(piece in text for piece in literal):
            match = _compiled(regex).fullmatch(text)
            if match:
                return match, norwegian
    return None


def translate(text: str, lang: str) -> str:
    """The message in `lang`; English is the source, so it comes back as it is."""
    if lang == "en" or not text:
        return text
    found = _match(text)
    if found is None:
        return text
    match, norwegian = found
    values = {name: translate(value, lang) for name, value in match.groupdict().items()}
    return norwegian.format(**values)


def is_translated(text: str) -> bool:
    return _match(text) is not None


def choose_language(requested: str | None = None) -> str:
    """--lang wins; else English when $LANG (or $LC_ALL) starts with 'en'; else Norwegian."""
    if requested in LANGUAGES:
        return requested
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "nb"
