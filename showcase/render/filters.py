"""Language-aware Jinja filters shared by the site's pages and the printed handout.

Each reads the page's language from the template context, so one template serves every
language: `{{ award.name|t }}`, `{{ _('skip_link') }}`, `{{ figure.value|number }}`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
import pyphen

from ..checks.suppress import Cell, shown
from ..content.model import Translated
from .i18n import format_date, format_number, format_range


@jinja2.pass_context
def translate(context: jinja2.runtime.Context, value: Translated) -> str:
    return value[context["lang"]]


@jinja2.pass_context
def gettext(context: jinja2.runtime.Context, key: str) -> str:
    """An interface text from templates/strings.yaml in the page's language."""
    strings: dict[str, Translated] = context["content"].strings
    if key not in strings:
        raise KeyError(f"templates/strings.yaml has no text '{key}'")
    return strings[key][context["lang"]]


@jinja2.pass_context
def shown_count(context: jinja2.runtime.Context, cell: Cell | int | None) -> str:
    """A result count as readers may see it: the number, 'under 5' or 'hidden'."""
    return shown(cell, gettext(context, "under_5"), gettext(context, "hidden_mark"))


@jinja2.pass_context
def date(context: jinja2.runtime.Context, value: Any) -> str:
    return format_date(value, context["lang"])


@jinja2.pass_context
def daterange(context: jinja2.runtime.Context, start: Any, end: Any) -> str:
    return format_range(start, end, context["lang"])


@jinja2.pass_context
def number(context: jinja2.runtime.Context, value: int) -> str:
    return format_number(value, context["lang"])


# Words at least this long get soft hyphens: shorter ones fit a 360 px line even in a heading.
LONG_WORD = 14
_WORD = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")


@functools.cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang={"nb": "nb_NO", "en": "en_GB"}.get(lang, lang))


@jinja2.pass_context
def hyphenate(context: jinja2.runtime.Context, text: str) -> str:
    """Soft hyphens (U+00AD) in long words, for headings and narrow columns: Chromium on Linux
    has no hyphenation dictionary for CSS `hyphens: auto`, and a word like
    «Tilgjengelighetserklæring» would otherwise break at 360 px without a hyphen."""
    words = _dictionary(context["lang"])
    return _WORD.sub(lambda found: words.inserted(found.group(0), hyphen="\u00ad"), text)
