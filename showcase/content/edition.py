"""Which site a build makes: the public one, or a review build of a branch under review.

A review build (`build.py review`, `make review`) is the site as it would be with the entry under
review merged, drafts included, put where a reviewer can open it: not the public site, so it must
not be mistaken for it, found by search engines, followed in a feed or printed as a handout. This
is the one switch that says so; the pipeline passes it to everything that makes the site.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Site
from .urls import at_root


@dataclass(frozen=True)
class Edition:
    """`review`: every page says it is a preview and asks not to be indexed (meta robots, a
    robots.txt that disallows everything, `X-Robots-Tag` in _headers), and there is no search
    index, feed, sitemap or handout, nor a link to one. `base_url`: the address the build is
    published at instead of site.yaml's (a preview lives elsewhere); empty: site.yaml's."""

    review: bool = False
    base_url: str = ""

    @property
    def listed(self) -> bool:
        """Whether the site is there to be found: feeds, sitemap, search index, handouts."""
        return not self.review

    def place(self, site: Site, drafts: bool) -> Site:
        """The site at the address this build is for: its own for a review build, the root of
        127.0.0.1 for the live preview (with drafts), else site.yaml's."""
        if self.base_url:
            return replace(site, base_url=self.base_url)
        return at_root(site) if drafts and not self.review else site

    def key(self) -> str:
        """What the build cache must tell apart: a review build is never reused as public."""
        return f"review={self.review} base_url={self.base_url}" if self.review else ""


PUBLIC = Edition()
