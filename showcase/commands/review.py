"""`review` and `publish-review`: the site as a branch under review would make it, for reviewers.

Decap CMS keeps each entry under review on a branch of its own (`cms/<collection>/<slug>`). CI
builds that branch with `review` (drafts included, every page marked as a preview and kept out
of search engines: content/edition.py) and `publish-review` puts it on the preview server at
`<TARGET>/previews/<branch slug>/`, with the releases and the one-step switch a publish uses
(output/releases.py), so a reviewer never sees half of an upload. The address it is served at
goes into .cache/preview.env, where CI reads it to link the preview (docs/publishing-it.md).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from ..common.atomic import write_atomic
from ..common.folders import Folders
from ..content.edition import Edition
from ..output import releases
from ..output.releases import PublishError, Target
from . import publish
from .publish import EXIT_OK, EXIT_USAGE, say

OUT = Path(".cache") / "review"  # under the project: a review build never goes into site/
ADDRESS_FILE = Path(".cache") / "preview.env"  # PREVIEW_URL=<address>, for CI
PREVIEWS = "previews"  # <TARGET>/previews/<branch slug>/


def branch_slug(branch: str) -> str:
    """The branch as one folder name, made as GitLab makes $CI_COMMIT_REF_SLUG (lower case,
    every character but a-z and 0-9 a '-', at most 63, no '-' at either end), so GitLab's
    environment link and the folder agree: 'cms/news/ny-side' -> 'cms-news-ny-side'."""
    return re.sub(r"[^a-z0-9]", "-", branch.lower())[:63].strip("-")


def address_problem(base_url: str) -> str | None:
    """Why an address cannot be a review build's base URL, or None when it can."""
    parts = urlsplit(base_url)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        return (
            f"the preview address '{base_url}' must be an https address, with a path or "
            "without, e.g. https://preview.example.no"
        )
    return None


def edition_for(base_url: str | None, lang: str) -> Edition | None:
    """The review build at `base_url` (site.yaml's when None), or None after saying why not."""
    problem = address_problem(base_url) if base_url else None
    if problem:
        say(problem, lang, error=True)
        return None
    return Edition(review=True, base_url=(base_url or "").rstrip("/"))


def publish_review(
    folders: Folders,
    out: Path,
    wanted: tuple[str | None, str | None, str | None],
    build: Callable[[Edition], int],
    lang: str,
) -> int:
    """`wanted`: TARGET, BRANCH and BASE_URL. Build the review build for the preview's address,
    upload it as a new release of <TARGET>/previews/<slug>/, make it live, record the address."""
    text, branch, base_url = wanted
    target = publish.target_of(text, lang)
    if target is None:
        return EXIT_USAGE
    slug = branch_slug(branch or "")
    if not slug:
        say("BRANCH is missing: give the branch under review, e.g. BRANCH=cms/news/ny", lang, True)
        return EXIT_USAGE
    if not base_url:
        say(
            "BASE_URL is missing: give the address the previews are served at, "
            "e.g. BASE_URL=https://preview.example.no",
            lang,
            error=True,
        )
        return EXIT_USAGE
    if shutil.which("rsync") is None:
        say("rsync is not installed: apt-get install rsync", lang, error=True)
        return EXIT_USAGE
    address = f"{base_url.rstrip('/')}/{PREVIEWS}/{slug}"
    edition = edition_for(address, lang)
    if edition is None:
        return EXIT_USAGE
    code = build(edition)  # content errors raise BuildError: nothing is sent
    if code != EXIT_OK:
        return code
    previews = Target(target.host, f"{target.path}/{PREVIEWS}/{slug}")
    try:
        if target.host is None:
            Path(target.path).mkdir(parents=True, exist_ok=True)
        releases.run_script(target, f"mkdir -p {PREVIEWS}/{slug}")  # the slug is [a-z0-9-]
        code = publish.upload(out, previews, publish.commit_id(folders), lang)
    except PublishError as exc:
        say(f"publishing the preview failed, the last one is unchanged: {exc}", lang, error=True)
        return EXIT_USAGE
    write_atomic(folders.root / ADDRESS_FILE, f"PREVIEW_URL={address}/\n".encode())
    say(f"preview: {address}/", lang)
    return code
