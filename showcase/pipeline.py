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
    incremental,
    links,
    parallel,
    privacy,
    search,
    share,
)
from .errors import BuildError, ContentError, ErrorLog, Position
from .model import Content
from .output import check_output_folder, write_site
from .render import PageSpec, Renderer, plan_pages
from .schema import Folders, load_content, load_site
from .urls import Urls, output_path

CACHE = ".cache"  # inside the project (git-ignored): share images and resized content images


@dataclass(frozen=True)
class SiteFiles:
    """A complete rendered site in memory: (path inside site/, bytes), plus its pages and what
    each page was made from (for the next build's cache)."""

    files: list[tuple[str, bytes]]
    pages: list[PageSpec]
    prints: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    rendered: int = 0  # pages rendered this time (the rest came unchanged from the last build)


@dataclass(frozen=True)
class Previous:
    """The last build of the same output folder, for pages and files that did not change."""

    manifest: incremental.Manifest
    out: Path


@dataclass(frozen=True)
class BuildReport:
    pages: int
    files: int
    seconds: float
    warnings: list[ContentError] = field(default_factory=list)
    notice: str = ""  # e.g. a damaged build cache that was ignored
    up_to_date: bool = False  # nothing changed since the last build: nothing was done
    rendered: int = -1  # pages rendered this time; the others were unchanged


def validate(folders: Folders, include_drafts: bool = False) -> tuple[Content, ErrorLog]:
    """Load, validate and privacy-scan all content; raises BuildError listing every problem."""
    log = ErrorLog()
    site = load_site(folders, log)
    content = load_content(folders, site, log, include_drafts) if site else None
    allowed = frozenset(site.privacy_allow if site else ())
    names = denylist.load(denylist.path_for(folders.root))
    privacy.scan(
        folders.content, folders.root, allowed, names, log, folders.root / CACHE / "privacy.json"
    )
    if content is None or log.errors:
        raise BuildError(log.errors)
    return content, log


def render_site(
    content: Content,
    folders: Folders,
    drafts: bool = False,
    jobs: int = 1,
    previous: Previous | None = None,
    generator: str = "",
) -> SiteFiles:
    """Every file of the site, rendered in memory on `jobs` processes. A preview with drafts
    gets no search index, no handouts and no compressed copies. Pages whose inputs are
    unchanged since `previous` are taken from the last build instead of being rendered again;
    `generator` is the fingerprint of the code and templates, when the caller has it already."""
    urls = Urls(content)
    cache = folders.root / CACHE
    css = assets.stylesheet(folders.templates)
    script = assets.script(folders.templates, "search.js")
    renderer = Renderer(folders.templates, content, urls, "/" + css.path, "/" + script.path)
    sheets = handouts.for_site(content, folders, cache / "handouts", drafts)
    renderer.env.globals["handouts"] = sheets.links()  # rendered first: the pages show their sizes
    pictures = images.pictures(folders, content.images, cache / "images")
    specs = plan_pages(content, urls)
    specs, share_files = share.share_images(specs, content.site, cache / "share", jobs)
    base = incremental.fingerprint(
        [
            generator or incremental.generator_fingerprint(folders.templates),
            drafts,
            [css.path, script.path],
            [(item.path, len(item.data)) for pair in sheets.links() for item in pair],
            sorted((name, picture.files()[0][0]) for name, picture in pictures.items()),
            content.site,
            {key: page.slug for key, page in content.pages.items()},
        ]
    )
    pages, prints, rendered = _pages(specs, renderer, pictures, base, content, jobs, previous)
    files = [(output_path(spec.url), page) for spec, page in zip(specs, pages, strict=True)]
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
    if not drafts:  # a preview is never deployed: it needs no search index or .gz/.br copies
        files += search.index(files)
        files += compress.precompressed(files, cache / "compress", jobs)
    return SiteFiles(files, specs, prints, rendered)


def _pages(
    specs: list[PageSpec],
    renderer: Renderer,
    pictures: dict[str, images.Picture],
    base: str,
    content: Content,
    jobs: int,
    previous: Previous | None,
) -> tuple[list[bytes], dict[str, tuple[str, list[str]]], int]:
    """The HTML of every page: unchanged ones read from the last build, the rest rendered."""
    parts = incremental.Parts(content)
    old = previous.manifest.pages if previous else {}

    def reusable(spec: PageSpec) -> bool:
        path = output_path(spec.url)
        entry = old.get(path)
        return (
            previous is not None
            and entry is not None
            and entry[0] == incremental.page_fingerprint(base, spec, entry[1], parts)
            and incremental.untouched(previous.out, path, previous.manifest.outputs)
        )

    keep = [reusable(spec) for spec in specs]
    todo = [spec for spec, kept in zip(specs, keep, strict=True) if not kept]

    def render(spec: PageSpec) -> tuple[bytes, frozenset[str]]:
        html, read = renderer.render_tracked(spec)
        return images.rewrite(html, pictures), read

    made = iter(parallel.pmap(render, todo, jobs))
    pages, prints = [], {}
    for spec, kept in zip(specs, keep, strict=True):
        path = output_path(spec.url)
        if kept and previous is not None:
            pages.append((previous.out / path).read_bytes())
            prints[path] = old[path]
        else:
            html, read = next(made)
            pages.append(html)
            prints[path] = (incremental.page_fingerprint(base, spec, read, parts), sorted(read))
    return pages, prints, len(todo)


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
            log.error(
                Position(f"templates (page {broken.page})"),
                f"the link '{broken.href}' is broken: {broken.reason}",
                "fix the template or the content that makes this link",
            )


def build(folders: Folders, out: Path, include_drafts: bool = False, jobs: int = 0) -> BuildReport:
    """Build the site into `out`, replacing it only when everything succeeded.

    `jobs` is the number of processes rendering pages (0: one per core). Work the last build of
    the same folder already did is reused (see incremental.py)."""
    started = time.perf_counter()
    check_output_folder(out, folders.root, [folders.content, folders.templates])
    manifest_file = incremental.manifest_path(folders.root, out)
    manifest, notice = incremental.load(manifest_file)
    generator = incremental.generator_fingerprint(folders.templates)
    inputs = incremental.inputs_fingerprint(folders.content, [denylist.path_for(folders.root)])
    if (
        manifest is not None
        and (manifest.generator, manifest.inputs, manifest.drafts)
        == (generator, inputs, include_drafts)
        and incremental.outputs_intact(out, manifest.outputs)
    ):
        seconds = time.perf_counter() - started
        return BuildReport(len(manifest.pages), 0, seconds, notice=notice, up_to_date=True)
    content, log = validate(folders, include_drafts)
    usable = manifest if manifest and manifest.generator == generator else None
    previous = Previous(usable, out) if usable and out.is_dir() else None
    jobs = jobs or parallel.default_jobs()
    site = render_site(content, folders, include_drafts, jobs, previous, generator)
    check_links(site, log)
    if log.errors:
        raise BuildError(log.errors)
    recorded = usable.outputs if usable else {}
    old_outputs = {  # files still as the last build wrote them, safe to link instead of write
        path: entry[2]
        for path, entry in recorded.items()
        if incremental.untouched(out, path, recorded)
    }
    digests = write_site(out, site.files, old_outputs)
    incremental.save(
        manifest_file,
        incremental.Manifest(
            generator=generator,
            inputs=inputs,
            drafts=include_drafts,
            pages=site.prints,
            outputs=incremental.record_outputs(out, digests),
        ),
    )
    seconds = time.perf_counter() - started
    return BuildReport(
        len(site.pages), len(digests), seconds, log.warnings, notice, rendered=site.rendered
    )


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
