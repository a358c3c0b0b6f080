"""The build, top to bottom: load → validate → render → check → write.

Each step hands the next a plain value; nothing reaches back. Content errors from any step are
collected and raised together as one `BuildError`, before anything touches site/.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import (
    assets,
    compress,
    denylist,
    feeds,
    handouts,
    headers,
    images,
    links,
    privacy,
    search,
    share,
)
from .errors import BuildError, ContentError, ErrorLog
from .model import Content
from .render import PageSpec, Renderer, plan_pages
from .schema import Folders, load_content, load_site
from .urls import Urls, output_path

CACHE = ".cache"  # inside the project (git-ignored): share images and resized content images


@dataclass(frozen=True)
class SiteFiles:
    """A complete rendered site in memory: (path inside site/, bytes), plus its pages."""

    files: list[tuple[str, bytes]]
    pages: list[PageSpec]


@dataclass(frozen=True)
class BuildReport:
    pages: int
    files: int
    seconds: float
    warnings: list[ContentError] = field(default_factory=list)


def validate(folders: Folders, include_drafts: bool = False) -> tuple[Content, ErrorLog]:
    """Load, validate and privacy-scan all content; raises BuildError listing every problem."""
    log = ErrorLog()
    site = load_site(folders, log)
    content = load_content(folders, site, log, include_drafts) if site else None
    allowed = site.privacy_allow if site else frozenset()
    names = denylist.load(denylist.path_for(folders.root))
    privacy.scan(folders.content, folders.root, allowed, names, log)
    if content is None or log.errors:
        raise BuildError(log.errors)
    return content, log


def render_site(content: Content, folders: Folders, drafts: bool = False) -> SiteFiles:
    """Every file of the site, rendered in memory. A preview with drafts gets no search index."""
    urls = Urls(content)
    cache = folders.root / CACHE
    css = assets.stylesheet(folders.templates)
    script = assets.script(folders.templates, "search.js")
    renderer = Renderer(folders.templates, content, urls, "/" + css.path, "/" + script.path)
    sheets = handouts.for_site(content, folders, cache / "handouts", drafts)
    renderer.env.globals["handouts"] = sheets.links()  # rendered first: the pages show their sizes
    pictures = images.pictures(folders, content.images, cache / "images")
    specs = plan_pages(content, urls)
    specs, share_files = share.share_images(specs, content.site, cache / "share")
    files = [
        (output_path(spec.url), images.rewrite(renderer.render(spec), pictures)) for spec in specs
    ]
    files += [(css.path, css.data), (script.path, script.data)]
    files += [file for picture in pictures.values() for file in picture.files()]
    files += [(image.path, image.data) for image in assets.images(content, folders.content)]
    files += share_files
    files += sheets.files
    for lang in content.site.languages:
        feed = feeds.atom_feed(content, urls, lang, renderer.markdown)
        files.append((output_path(urls.feed(lang)), feed))
    files.append(("sitemap.xml", feeds.sitemap(specs, urls)))
    files.append(("robots.txt", feeds.robots(urls)))
    files.append(("_headers", headers.headers_file()))
    if not drafts:
        files += search.index(files)
    files += compress.precompressed(files, cache / "compress")
    return SiteFiles(files, specs)


def check_links(site: SiteFiles, log: ErrorLog) -> None:
    """Every internal link and anchor must resolve; errors name the source file and line."""
    sources = {spec.url: spec.values.get("prose") for spec in site.pages}
    for broken in links.find_broken(site.files):
        prose = sources.get(broken.page)
        if prose is not None and broken.href in prose.body:
            where = links.locate(broken.href, prose.body, prose.where)
            log.error(
                where,
                f"the link '{broken.href}' is broken: {broken.reason}",
                "check the address; internal links look like /metoden/ or /en/method/",
            )
        else:
            from .errors import Position

            log.error(
                Position(f"templates (page {broken.page})"),
                f"the link '{broken.href}' is broken: {broken.reason}",
                "fix the template or the content that makes this link",
            )


def build(folders: Folders, out: Path, include_drafts: bool = False) -> BuildReport:
    """Build the site into `out`, replacing it only when everything succeeded."""
    from .output import check_output_folder, write_site

    started = time.perf_counter()
    check_output_folder(out, folders.root, [folders.content, folders.templates])
    content, log = validate(folders, include_drafts)
    site = render_site(content, folders, drafts=include_drafts)
    check_links(site, log)
    if log.errors:
        raise BuildError(log.errors)
    count = write_site(out, site.files)
    return BuildReport(len(site.pages), count, time.perf_counter() - started, log.warnings)


def check(folders: Folders) -> BuildReport:
    """Everything a build does except writing: for editors and CI."""
    started = time.perf_counter()
    content, log = validate(folders)
    site = render_site(content, folders)
    check_links(site, log)
    if log.errors:
        raise BuildError(log.errors)
    return BuildReport(
        len(site.pages), len(site.files), time.perf_counter() - started, log.warnings
    )
