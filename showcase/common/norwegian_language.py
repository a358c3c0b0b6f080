"""The Norwegian of the klarspråk warnings (checks/plainlanguage.py): sentences too long, and
texts whose LIX is too high. Kept apart from `norwegian_content` so neither grows too long.

Each entry is (English shape, Norwegian shape), as in the other catalogues.
"""

from __future__ import annotations

LANGUAGE: tuple[tuple[str, str], ...] = (
    (
        "the sentence has {count} words; the plain-language limit is {limit}",
        "setningen har {count} ord; klarspråk-grensen er {limit}",
    ),
    (
        "split it in two, or leave words out: “{sentence}”",
        "del den i to, eller stryk ord: «{sentence}»",
    ),
    (
        "the Norwegian text has LIX {lix} ({sentences} sentences, {words} words, {long} of them "
        "long); the plain-language limit is {limit}",
        "den norske teksten har LIX {lix} ({sentences} setninger, {words} ord, {long} av dem "
        "lange); klarspråk-grensen er {limit}",
    ),
    (
        "write shorter sentences and fewer words of more than {letters} letters; start with "
        "line {line} ({words} words, {long} long): “{sentence}”",
        "skriv kortere setninger og bruk færre ord på mer enn {letters} bokstaver; begynn med "
        "linje {line} ({words} ord, {long} lange): «{sentence}»",
    ),
)
