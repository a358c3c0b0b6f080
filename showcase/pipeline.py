"""The build, top to bottom: load → validate → render → check → write.

Each step hands the next a plain value; nothing reaches back. Content errors from any step are
collected and raised together as one `BuildError`, before anything touches site/.

A run that finds content errors still renders what could be read (the readers skip broken
items) into a temporary folder, or into the preview itself, and checks the links of those pages,
so one run reports the errors of independent files and the broken links together (`Unfinished`).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import denylist, language, leftovers, links, privacy
from .common import parallel
from .common.atomic import write_atomic
from .common.errors import BuildError, ContentError, ErrorLog, Position
from .common.folders import Folders
from .content.edition import PUBLIC, Edition
from .content.model import Content
from .content.schema import load_content, load_site
from .content.urls import Urls, output_path, url_for_output
from .handouts import sheets
from .output import compress, incremental
from .output.staging import InPlace, Patch, Staging, check_output_folder
from .render import assets, feeds, icons, images, review, search, share
from .render.page_writer import PageWriter
from .render.pages import PageSpec, Renderer, plan_pages

CACHE = ".cache"  # inside the project (git-ignored): share images and resized content images


@dataclass(frozen=True)
class Made:
    """What rendering wrote into the new site: every file's digest, and for each page what the
    next build and the link check need (so nothing has to be read back)."""

    digests: dict[str, str]  # path inside site/ -> digest
    pages: dict[str, incremental.PageRecord]  # path inside site/ of each page -> its record
    search: dict[str, tuple[str, list[str]]]  # search shard -> its fingerprint and files
    specs: list[PageSpec]
    redone: frozenset[str] = frozenset()  # pages rendered this time; the rest are as last time
    prefix: str = ""  # the path the site is published under, which its links carry (Urls)
    failed: frozenset[str] = frozenset()  # pages a partial model could not fill (left out)


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
    content: Content | None = None  # the model rendered (None when nothing was done)


class Unfinished(BuildError):
    """Content errors, with what the preview shows beside them: the warnings, and the model
    that could still be read (None when not even site.yaml or the method could)."""

    def __init__(
        self, errors: list[ContentError], warnings: list[ContentError], content: Content | None
    ) -> None:
        super().__init__(errors)
        self.warnings = warnings
        self.content = content


def validate(
    folders: Folders, include_drafts: bool = False, jobs: int = 1
) -> tuple[Content, ErrorLog]:
    """Load, validate and privacy-scan all content (on `jobs` processes where that helps);
    raises BuildError listing every problem."""
    content, log = survey(folders, include_drafts, jobs)
    if content is None or log.errors:
        raise BuildError(log.errors)
    return content, log


def survey(
    folders: Folders, include_drafts: bool = False, jobs: int = 1, edition: Edition = PUBLIC
) -> tuple[Content | None, ErrorLog]:
    """Load, validate and privacy-scan all content: every problem found, and what could be read
    (with errors, the model without the broken items; None when site.yaml cannot be read)."""
    log = ErrorLog()
    site = load_site(folders, log)
    if site is not None:  # a review build's own address, or the preview's 127.0.0.1
        site = edition.place(site, include_drafts)
    content = load_content(folders, site, log, include_drafts, partial=True) if site else None
    if content is not None:
        language.check(content, folders, log)  # translation, klarspråk
    allowed = frozenset(site.privacy_allow if site else ())
    names = denylist.load(denylist.path_for(folders.root))
    scanned = ErrorLog()  # every finding, also in a file whose fields could not be read
    privacy.scan(
        folders.content,
        folders.root,
        allowed,
        names,
        scanned,
        folders.root / CACHE / "privacy.json",
        jobs,
    )
    log.extend(scanned)
    leftovers.scan(folders.content, folders.root, log)
    return content, log


def render_site(
    content: Content,
    folders: Folders,
    stage: Staging,
    drafts: bool = False,
    jobs: int = 1,
    previous: Previous | None = None,
    generator: str = "",
    broken: frozenset[str] | None = None,
    edition: Edition = PUBLIC,
) -> Made:
    """Every file of the site, written into `stage` as it is made, pages on `jobs` processes.

    A preview with drafts gets no search index, no handouts and no compressed copies. Pages whose
    inputs are unchanged since `previous` are linked from the last build instead of rendered;
    `generator` is the fingerprint of the code and templates, when the caller has it already.
    `broken`: the files with errors, in a run despite them: no search index, and the pages of
    those files or that the model without them cannot fill are left out (`Made.failed`).
    `edition`: the public site, or a review build (content/edition.py)."""
    urls = Urls(content)
    cache = folders.root / CACHE
    copies = not drafts  # a preview is never deployed: it needs no .gz/.br copies
    digests: dict[str, str] = {}

    def put(path: str, data: bytes) -> None:
        digests.update(compress.put(stage, path, data, copies))

    css = assets.stylesheet(folders.templates)
    script = assets.script(folders.templates, "search.js")
    renderer = Renderer(folders.templates, content, urls, css, "/" + script.path, cache / "jinja")
    printed = sheets.for_site(content, folders, cache / "handouts", drafts or edition.review, jobs)
    renderer.env.globals["handouts"] = printed.links()  # rendered first: the pages show their sizes
    marked = review.mark(renderer, folders.templates, edition)  # the banner's stylesheet
    pictures = images.pictures(folders, content.images, cache / "images")
    specs = plan_pages(content, urls)
    specs, share_files = share.share_images(specs, content.site, cache / "share", jobs)
    shards = search.shards((output_path(spec.url), spec.lang) for spec in specs)
    bundles = {lang: search.addresses(shards, lang) for lang in content.site.languages}
    renderer.env.globals["search_bundles"] = bundles
    base = incremental.fingerprint(
        [
            generator or incremental.generator_fingerprint(folders.templates),
            drafts,
            edition.key(),
            [css.path, script.path],
            [(item.path, len(item.data)) for pair in printed.links() for item in pair],
            sorted((name, picture.files()[0][0]) for name, picture in pictures.items()),
            content.site,
            {key: page.slug for key, page in content.pages.items()},
            bundles,
        ]
    )
    pages = PageWriter(renderer, pictures, stage, copies, folders.root, broken)
    old = previous.manifest.pages if previous else {}
    records, redone = pages.make(specs, base, content, jobs, old)
    digests.update(pages.digests)
    for path, data in [
        *css.files(),
        *icons.files(folders.templates / "assets"),
        (script.path, script.data),
        *(file for picture in pictures.values() for file in picture.files()),
        *((image.path, image.data) for image in assets.images(content, folders.content)),
        *printed.files,
        *marked,
        *feeds.machine_files(content, urls, specs, renderer.markdown, edition),
    ]:
        put(path, data)
    for path, source in share_files:  # named by what is drawn on them: same name, same bytes
        kept = stage.reuse(path)
        digests[path] = kept if kept is not None else stage.put(path, source.read_bytes())
    indexed = {}
    if not drafts and edition.listed and broken is None:  # a preview, or a run with errors
        last = previous.manifest.search if previous else {}
        indexed = search.publish(shards, stage, digests, last, jobs)
    return Made(digests, records, indexed, specs, redone, urls.prefix, frozenset(pages.failed))


def check_links(
    made: Made, log: ErrorLog, previous: Previous | None = None, lost: frozenset[str] = frozenset()
) -> None:
    """Every internal link and anchor must resolve; errors name the source file and line.

    Pages not rendered again passed this check in the `previous` build. While no file and no
    anchor has gone since (the usual edit), their links still resolve: only the pages
    rendered this time are checked. `lost`: keys of items left out for their errors; a link to
    an address with one of them in it only echoes that error, and is left out."""
    sources = {spec.url: spec.values.get("prose") for spec in made.specs}
    pages = {
        url_for_output(path): links.Attributes(record.links, record.loads, record.ids)
        for path, record in made.pages.items()
    }
    only = None
    if previous is not None and not _anything_gone(made, previous.manifest):
        only = [url_for_output(path) for path in made.redone]
    files = [*made.digests, *made.failed]  # a page left out is not a broken link's fault
    for broken in links.broken_links(files, pages, only, made.prefix):
        target = links.resolve(broken.href, broken.page)
        if target and lost.intersection(target[0].split("/")):
            continue
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


def _anything_gone(made: Made, last: incremental.Manifest) -> bool:
    """Whether a file or a page's anchor the last build had is missing from this one."""
    if not last.outputs.keys() <= made.digests.keys():
        return True
    for path in made.redone:
        old = last.pages.get(path)
        if old is not None and not set(old.ids) <= set(made.pages[path].ids):
            return True
    return False


def build(
    folders: Folders,
    out: Path,
    include_drafts: bool = False,
    jobs: int = 0,
    in_place: bool = False,
    look: incremental.Look | None = None,
    edition: Edition = PUBLIC,
) -> BuildReport:
    """Build the site into `out`, replacing it only when everything succeeded.

    `jobs` is the number of processes rendering pages (0: one per core). Work the last build of
    the same folder already did is reused (see output/incremental.py); `look` is the quick look
    at it, when the caller took it already. `in_place` updates `out` file by file instead of
    swapping in a whole new folder: for the preview only (see output/staging.InPlace)."""
    started = time.perf_counter()
    check_output_folder(out, folders.root, [folders.content, folders.templates])
    look = look or incremental.look(folders, out, include_drafts, jobs, edition.key())
    manifest, notice, generator, inputs = look.manifest, look.notice, look.generator, look.inputs
    if look.fresh and manifest is not None:
        seconds = time.perf_counter() - started
        pages = sum(1 for path in manifest.outputs if path.endswith(".html"))
        return BuildReport(pages, 0, seconds, notice=notice, up_to_date=True)
    if manifest is not None:
        # now with every page's record
        manifest, notice = incremental.load(incremental.manifest_path(folders.root, out))
    jobs = jobs or parallel.default_jobs()
    content, log = survey(folders, include_drafts, jobs, edition)
    usable = manifest if manifest and manifest.generator == generator else None
    previous = Previous(usable, out) if usable and out.is_dir() else None
    recorded = usable.outputs if usable else {}
    unchanged = {  # files still as the last build wrote them, safe to link instead of write
        path: entry[2]
        for path, entry in recorded.items()
        if incremental.untouched(out, path, recorded)
    }
    if content is None or log.errors:  # before anything is made beside site/
        here = InPlace(out, unchanged) if in_place else None
        raise unfinished(
            content, log, folders, here, previous, include_drafts, jobs, generator, edition
        )
    if in_place:
        stage: Staging = InPlace(out, unchanged)
    elif previous is not None:  # usually a few files changed: move just those in
        stage = Patch(out, unchanged)
    else:
        stage = Staging(out, unchanged)
    try:
        made = render_site(
            content,
            folders,
            stage,
            include_drafts,
            jobs,
            previous,
            generator,
            edition=edition,
        )
        check_links(made, log, previous)
        if log.errors:
            raise Unfinished(log.errors, log.warnings, content)
        cleaner = stage.publish(made.digests)
    except BaseException:
        stage.discard()
        raise
    incremental.save(
        incremental.manifest_path(folders.root, out),
        incremental.Manifest(
            generator=generator,
            inputs=inputs,
            drafts=include_drafts,
            pages=made.pages,
            outputs=incremental.record_outputs(out, made.digests, unchanged, recorded),
            search=made.search,
        ),
    )
    cleaner.join()  # the old site, deleted while the manifest was written
    seconds = time.perf_counter() - started
    counts = len(made.specs), len(made.digests), seconds
    return BuildReport(*counts, log.warnings, notice, rendered=len(made.redone), content=content)


def unfinished(
    content: Content | None,
    log: ErrorLog,
    folders: Folders,
    stage: Staging | None,
    previous: Previous | None = None,
    drafts: bool = False,
    jobs: int = 1,
    generator: str = "",
    edition: Edition = PUBLIC,
) -> Unfinished:
    """A run's content errors together with the broken links of the pages that could still be
    rendered: into `stage` (the preview's own folder), or else a temporary folder thrown away.
    A model with parts missing may fail to render (a page every page links to is among them):
    then the content errors alone."""
    if content is not None:
        with tempfile.TemporaryDirectory(prefix="showcase-partial-") as scratch:
            into = stage or Staging(Path(scratch) / "site")
            last = previous if stage else None
            try:
                broken = frozenset(error.where.path for error in log.errors)
                made = render_site(
                    content, folders, into, drafts, jobs, last, generator, broken, edition
                )
            except Exception:  # whatever the missing parts break: their errors are reported
                made = None
            finally:
                into.discard()  # the preview's own folder keeps what was made (InPlace)
        if made is not None:
            check_links(made, log, lost=links.lost_items(log.errors))
    return Unfinished(log.errors, log.warnings, content)


def check(folders: Folders, jobs: int = 0) -> BuildReport:
    """Everything a build does but publish, in a temporary folder thrown away; for editors and
    CI. `jobs`: processes, one per core by default (1 in a server's thread: it must not fork)."""
    started = time.perf_counter()
    found, log = survey(folders)
    if found is None or log.errors:
        raise unfinished(found, log, folders, None, jobs=jobs or parallel.default_jobs())
    content = found
    with tempfile.TemporaryDirectory(prefix="showcase-check-") as scratch:
        stage = Staging(Path(scratch) / "site")
        try:
            made = render_site(content, folders, stage, jobs=jobs or parallel.default_jobs())
        finally:
            stage.discard()
    check_links(made, log)
    if log.errors:
        raise BuildError(log.errors)
    return BuildReport(
        len(made.specs), len(made.digests), time.perf_counter() - started, log.warnings
    )


def handouts_only(
    folders: Folders, out: Path, langs: Iterable[str] | None = None
) -> tuple[sheets.Handouts, float]:
    """`build.py handout`: validate, render only the handouts and write them into out/handouts/.
    Unchanged ones come from the cache, so this is quick while working on the handout template."""
    started = time.perf_counter()
    check_output_folder(out, folders.root, [folders.content, folders.templates])
    content, _log = validate(folders)
    cache = folders.root / CACHE / "handouts"
    result = sheets.render_handouts(content, folders, cache, langs, parallel.default_jobs())
    for relative_path, data in result.files:
        write_atomic(out / relative_path, data)
    return result, time.perf_counter() - started
