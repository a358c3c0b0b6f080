"""Static files: the fingerprinted stylesheet (with its fonts) and script, and the content's
vector images.

Raster images (JPEG, PNG, WebP) are not copied as they are: images.py strips and resizes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.model import Content

# A file the stylesheet loads, e.g. url("fonts/inter-regular.woff2"): relative to assets/.
LOADED = re.compile(rb"""url\(\s*["']?(fonts/[a-z0-9-]+)\.(woff2)["']?\s*\)""")


@dataclass(frozen=True)
class Asset:
    path: str  # inside site/
    data: bytes
    loads: tuple[Asset, ...] = ()  # what a stylesheet pulls in: its fonts

    def files(self) -> list[tuple[str, bytes]]:
        """This file and what it loads, as (path inside site/, bytes)."""
        return [(self.path, self.data), *((part.path, part.data) for part in self.loads)]


def fingerprinted(path: str, data: bytes) -> str:
    """'assets/x.css' → 'assets/x.<hash>.css': a new name whenever the bytes change, so the file
    can be cached for a year."""
    stem, _, suffix = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"


def stylesheet(templates: Path, name: str = "site.css") -> Asset:
    """templates/assets/site.css as /assets/site.<hash>.css, with the fonts it names under their
    own fingerprinted names (the stylesheet's links rewritten to them)."""
    folder = templates / "assets"
    loads: dict[bytes, Asset] = {}

    def rewrite(found: re.Match[bytes]) -> bytes:
        stem, suffix = found.group(1), found.group(2)
        relative = (stem + b"." + suffix).decode()
        if stem not in loads:
            data = (folder / relative).read_bytes()
            loads[stem] = Asset(fingerprinted(f"assets/{relative}", data), data)
        return b'url("' + loads[stem].path.removeprefix("assets/").encode() + b'")'

    data = LOADED.sub(rewrite, (folder / name).read_bytes())
    return Asset(fingerprinted(f"assets/{name}", data), data, tuple(loads.values()))


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
