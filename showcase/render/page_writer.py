"""The HTML pages of one build, written as they are made.

Each page is rendered on a forked worker, which writes the page and its compressed copies into
the new site itself and hands back only digests and link data; a page whose fingerprint matches
the last build's is linked from that build instead. The page the editor is looking at is made
first.
"""

from __future__ import annotations

from pathlib import Path

from ..checks import links
from ..common import parallel
from ..common.errors import BuildError
from ..content.model import Content
from ..content.urls import output_path
from ..output import compress, incremental
from ..output.staging import Staging
from . import images
from .pages import PageSpec, Renderer


class PageWriter:
    """The HTML pages of one build: rendered (on forked workers, which write their own files)
    or, when nothing they were made from changed, linked from the last build."""

    def __init__(
        self,
        renderer: Renderer,
        pictures: dict[str, images.Picture],
        stage: Staging,
        copies: bool,
        root: Path,
        broken: frozenset[str] | None = None,
    ) -> None:
        """`broken`: the files with errors, in a run despite them (see pipeline.unfinished). The
        pages of those files, and pages the model without them cannot fill, are left out (in
        `failed`) instead of stopping the run: the preview keeps their last version."""
        self.renderer = renderer
        self.broken = broken
        self.failed: set[str] = set()  # pages left out
        self.pictures = pictures
        self.stage = stage
        self.copies = copies
        self.root = root  # positions in the content are relative to it
        self.digests: dict[str, str] = {}

    def render(
        self, spec: PageSpec
    ) -> tuple[dict[str, str], frozenset[str], links.Attributes | None]:
        """One page written into the new site; runs in a worker, so it returns only digests.
        None for a page left out of a partial run."""
        prose = spec.values.get("prose")
        if self.broken is not None and prose is not None and prose.where.path in self.broken:
            return {}, frozenset(), None
        try:
            html, read = self.renderer.render_tracked(spec)
        except BuildError:
            if self.broken is None:
                raise
            return {}, frozenset(), None
        html = images.rewrite(html, self.pictures, self.renderer.urls.prefix)
        written = compress.put(self.stage, output_path(spec.url), html, self.copies)
        return written, read, links.attributes(html)

    def saved_at(self, spec: PageSpec) -> int:
        """When the file whose text the page shows was last saved (0 for lists and the like)."""
        prose = spec.values.get("prose")
        try:
            return (self.root / prose.where.path).stat().st_mtime_ns if prose else 0
        except OSError:
            return 0

    def reuse(self, path: str) -> bool:
        """Link the last build's page and its compressed copies; False if it is not there."""
        linked = compress.reuse(self.stage, path, self.copies)
        self.digests.update(linked)
        return bool(linked)

    def make(
        self,
        specs: list[PageSpec],
        base: str,
        content: Content,
        jobs: int,
        old: dict[str, incremental.PageRecord],
    ) -> tuple[dict[str, incremental.PageRecord], frozenset[str]]:
        """Every page's record, in the order of `specs`, and which pages were rendered. `old` has
        the last build's records: a page whose fingerprint matches is linked, not rendered."""
        parts = incremental.Parts(content)
        kept: dict[str, incremental.PageRecord] = {}
        for spec in specs:
            path = output_path(spec.url)
            entry = old.get(path)
            if (
                entry is not None
                and entry.print == incremental.page_fingerprint(base, spec, entry.deps, parts)
                and self.reuse(path)
            ):
                kept[path] = entry
        todo = [spec for spec in specs if output_path(spec.url) not in kept]
        # The page the editor is looking at first: pages of the files saved last, then those
        # that read least of the content (the long lists that show the item come last). The
        # order changes only when files are written, never what is in them.
        todo.sort(
            key=lambda spec: (
                -self.saved_at(spec),
                len(old[path].deps) if (path := output_path(spec.url)) in old else 0,
            )
        )
        # Records are made as the workers' results arrive, so a large site's raw results
        # (every page's links, before they are shared) are never all in memory at once.
        for spec, (written, read, found) in zip(
            todo, parallel.pmap_lazy(self.render, todo, jobs), strict=True
        ):
            if found is None:
                self.failed.add(output_path(spec.url))
                continue
            self.digests.update(written)
            kept[output_path(spec.url)] = incremental.PageRecord(
                print=incremental.page_fingerprint(base, spec, read, parts),
                deps=incremental.shared(sorted(read)),
                links=incremental.shared(found.links),
                loads=incremental.shared(found.loads),
                ids=incremental.shared(found.ids),
            )
        records = {path: kept[path] for spec in specs if (path := output_path(spec.url)) in kept}
        return records, frozenset(output_path(spec.url) for spec in todo)
