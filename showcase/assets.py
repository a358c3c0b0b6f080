"""Static files: the fingerprinted stylesheet and the content images."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .model import Content


@dataclass(frozen=True)
class Asset:
    path: str  # inside site/
    data: bytes


def stylesheet(templates: Path) -> Asset:
    """templates/assets/site.css as /assets/site.<hash>.css, so it can be cached for a year."""
    data = (templates / "assets" / "site.css").read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    return Asset(f"assets/site.{digest}.css", data)


def images(content: Content, content_dir: Path) -> list[Asset]:
    """The images in content/images/, served at /images/<name>."""
    folder = content_dir / "images"
    return [Asset(f"images/{name}", (folder / name).read_bytes()) for name in content.images]
