"""Who made each picture in a text, and its licence: an optional list in a Markdown item's front
matter, one per language file, shown under the picture as "Foto: … · Lisens: …"
(render/figures.py).

A picture's alt text stays in the Markdown where the picture is used (`![what it shows](…)`);
these fields hold what the text cannot. The list names pictures the text of the same file shows,
and every language credits the same pictures: a credit missing in one language would publish
that picture there without it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ...common.errors import did_you_mean
from ..declaration import Field
from ..declared import Values
from ..fields import Fields
from ..load import MarkdownFile
from ..model import ImageCredit
from ..reader import Reader
from ..yamlread import Sequence
from .shared import t

CREDIT_MAX = 80  # characters of a credit or a licence: one caption line
_PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?/images/([^)\s>]+)")

IMAGES = Field(
    "images",
    "items",
    t("Bilder i teksten", "Pictures in the text"),
    t(
        "Valgfritt: hvem som tok hvert bilde i teksten, og lisensen. Vises under bildet.",
        "Optional: who took each picture in the text, and its licence. Shown under it.",
    ),
    required=False,
    translated=True,
    fields=(
        Field(
            "file",
            "text",
            t("Bildefil", "Picture file"),
            t(
                "Filnavnet i content/images/, slik teksten lenker til det, f.eks. mote.jpg.",
                "The file name in content/images/, as the text links to it, e.g. meeting.jpg.",
            ),
            max_length=CREDIT_MAX,
        ),
        Field(
            "credit",
            "text",
            t("Foto", "Photo"),
            t(
                "Hvem som tok eller laget bildet, f.eks. «Asker kommune». Høyst 80 tegn.",
                "Who took or made the picture, e.g. “Asker Municipality”. At most 80 characters.",
            ),
            translated=True,
            max_length=CREDIT_MAX,
        ),
        Field(
            "licence",
            "text",
            t("Lisens", "Licence"),
            t(
                "Valgfritt: lisensen, f.eks. «CC BY 4.0» eller «Brukt med tillatelse». "
                "Høyst 80 tegn.",
                "Optional: the licence, e.g. “CC BY 4.0” or “Used with permission”. "
                "At most 80 characters.",
            ),
            required=False,
            translated=True,
            max_length=CREDIT_MAX,
        ),
    ),
)


def read_credits(
    reader: Reader, files: dict[str, tuple[MarkdownFile, Fields]], values: dict[str, Values]
) -> dict[str, tuple[ImageCredit, ...]]:
    """Each language file's credits, checked against its text and against the other files."""
    found = {lang: _credits(reader, md, f, values[lang]) for lang, (md, f) in files.items()}
    named = {lang: {credit.file for credit in credits} for lang, credits in found.items()}
    for lang, own in named.items():
        f = files[lang][1]
        where = f.items["images"][0].where if "images" in f.items else f.where
        for name in sorted(set().union(*named.values()) - own):
            other = next(files[o][0].source.rel for o in named if name in named[o])
            reader.log.error(
                where,
                f"the picture '{name}' has a credit in {other} but not here",
                "give it its credit in this language too, or remove it from both files",
            )
    return found


def _credits(reader: Reader, md: MarkdownFile, f: Fields, v: Values) -> tuple[ImageCredit, ...]:
    """The credits in one language file: each for a picture in content/images/ that this file's
    text shows, and each picture once."""
    node = f.items.get("images", (None, None))[1]
    places = [item.where for item in node.items] if isinstance(node, Sequence) else []
    credits: list[ImageCredit] = []
    shown = _shown(md.body)
    for row, where in zip(v.rows("images"), places, strict=False):
        name = row.text("file").removeprefix("/images/")
        if not name:
            continue  # reported where it was read, as is a missing credit
        if name not in reader.images:
            hint = did_you_mean(name, reader.images) or "put the file in content/images/"
            reader.log.error(where, f"there is no image '{name}' in content/images/", hint)
        elif name not in shown:
            reader.log.error(
                where,
                f"the picture '{name}' is not in the text",
                f"show it in the text with ![what it shows](/images/{name}), or remove its credit",
            )
        if any(credit.file == name for credit in credits):
            reader.log.error(where, f"the picture '{name}' is listed twice", "remove one of them")
            continue
        credits.append(ImageCredit(name, row.text("credit"), row.text("licence")))
    return tuple(credits)


def _shown(body: str) -> set[str]:
    """The names of the pictures a Markdown text shows from /images/, as files are named."""
    return {unquote(name) for name in _PICTURE.findall(body)}
