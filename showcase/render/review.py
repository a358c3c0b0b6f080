"""The marks of a review build on its pages: the banner and what tells robots to stay away.

The banner has a stylesheet of its own, linked only from review builds, so the public site's
pages and stylesheet are byte for byte what they are without this (base.html shows the rest).
"""

from __future__ import annotations

from pathlib import Path

from ..content.edition import Edition
from . import assets
from .pages import Renderer

STYLESHEET = "review.css"  # templates/assets/review.css


def mark(renderer: Renderer, templates: Path, edition: Edition) -> list[tuple[str, bytes]]:
    """Tell the templates this is a review build; the files that takes (none for the public
    site)."""
    if edition.listed:
        return []
    banner = assets.stylesheet(templates, STYLESHEET)
    renderer.env.globals.update(review=True, review_css_url=renderer.urls.link("/" + banner.path))
    return [(banner.path, banner.data)]
