"""Static files: the fingerprinted stylesheet and script, and the content's vector images.

Raster images (JPEG, PNG, WebP) are not copied as they are: images.py strips and resizes them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..content.model import Content


@dataclass(frozen=True)
class Asset:
    path: str  # inside site/
    data: bytes


def stylesheet(templates: Path, name: str = "site.css") -> Asset:
    """templates/assets/site.css as /assets/site.<hash>.css, so it can be cached for a year."""
    data = (templates / "assets" / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    return Asset(f"assets/{name.removesuffix('.css')}.{digest}.css", data)


def script(templates: Path, name: str) -> Asset:
    """templates/assets/<name>.js as /assets/<name>.<hash>.js, cached for a year like the CSS."""
    data = (templates / "assets" / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem = name.removesuffix(".js")
    return Asset(f"assets/{stem}.{digest}.js", data)


def images(content: Content, content_dir: Path) -> list[Asset]:
    """The SVG images published pages use, served at /images/<name> as they are: reading the
    content refused any that holds more than drawing (content/svg.py)."""
    folder = content_dir / "images"
    return [
        Asset(f"images/{name}", (folder / name).read_bytes())
        for name in content.images
        if name.lower().endswith(".svg")
    ]
