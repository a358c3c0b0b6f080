"""Pictures in a text with their credit shown: a picture the item's `images` field credits
(content/types/credits.py) gets a caption line, "Foto: … · Lisens: …".

Markdown puts a picture that stands alone in a paragraph, as pictures in a story do, in `<p>`;
it becomes a `<figure>` with the credit in its `<figcaption>`. A picture inside a sentence keeps
its place, the credit in a small note after it. The page writer later swaps each `<img>` for its
responsive `<picture>` (images.py), inside the figure as anywhere else.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import jinja2
from markupsafe import Markup

from ..content.model import ImageCredit
from .filters import gettext

# A picture from /images/ (whatever path the site lives under), and the paragraph around it
# when it stands alone in one.
_PICTURE = re.compile(r'(<p>)?(<img\b[^>]*\bsrc="[^"]*/images/([^"/]+)"[^>]*>)(</p>)?')


def caption(credit: ImageCredit, words: tuple[str, str]) -> str:
    """The caption line as HTML: 'Foto: Asker kommune · Lisens: CC BY 4.0'."""
    parts = [f"{words[0]}: {credit.credit}"]
    if credit.licence:
        parts.append(f"{words[1]}: {credit.licence}")
    return html.escape(" · ".join(parts), quote=False)


def credited(text: str, credits: tuple[ImageCredit, ...], words: tuple[str, str]) -> str:
    """Rendered HTML with each credited picture captioned; `words` are 'Foto' and 'Lisens' in
    the page's language."""
    by_file = {credit.file: credit for credit in credits}

    def swap(match: re.Match[str]) -> str:
        opening, picture, name, closing = match.groups()
        credit = by_file.get(unquote(name))
        if credit is None:
            return match.group(0)
        line = caption(credit, words)
        if opening and closing:
            return (
                f'<figure class="content-figure">{picture}'
                f'<figcaption class="image-credit">{line}</figcaption></figure>'
            )
        note = f' <small class="image-credit">({line})</small>'
        return f"{opening or ''}{picture}{note}{closing or ''}"

    return _PICTURE.sub(swap, text)


@jinja2.pass_context
def figures(context: jinja2.runtime.Context, text: str, credits: tuple[ImageCredit, ...]) -> Markup:
    """`{{ prose.body|markdown|figures(details.images) }}`: the text with its pictures'
    credits, in the page's language."""
    if not credits:
        return Markup(text)  # the Markdown filter's output: already safe
    words = (gettext(context, "image_credit"), gettext(context, "image_licence"))
    return Markup(credited(str(text), credits, words))
