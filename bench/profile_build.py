"""Where a clean build of ours spends its time, per stage, from cProfile over one build call.

Run in its own process by the benchmark (`python -m bench.profile_build --content DIR --out DIR`).
It deletes the build's cache first, calls `showcase.pipeline.build` once in-process (serially,
when the build has a `jobs` parameter: cProfile sees one process only), and attributes cumulative
time to the pipeline's stages and to the Markdown and Jinja work inside them. Stages that no
longer exist under the same name show as '-'. Times under cProfile are inflated; the shares are
what matter.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import pstats
import re
import shutil
import time
from pathlib import Path
from typing import Any

from showcase import pipeline
from showcase.commands import cli

PROJECT = Path(__file__).resolve().parent.parent

# (label, depth, functions whose cumulative times are added: (file in showcase/, function))
STAGES: tuple[tuple[str, int, tuple[tuple[str, str], ...]], ...] = (
    ("validate", 1, (("pipeline.py", "validate"),)),
    (
        "load and check content",
        2,
        (("content/schema.py", "load_site"), ("content/schema.py", "load_content")),
    ),
    ("privacy scan", 2, (("checks/privacy.py", "scan"),)),
    ("render_site", 1, (("pipeline.py", "render_site"),)),
    ("page templates (Jinja, without Markdown)", 2, ()),  # computed
    ("Markdown to HTML in pages (with nh3)", 2, ()),  # computed
    ("picture markup", 2, (("render/images.py", "rewrite"),)),
    ("content images", 2, (("render/images.py", "pictures"),)),
    ("share images", 2, (("render/share.py", "share_images"),)),
    ("handouts (PDF)", 2, (("handouts/sheets.py", "for_site"),)),
    (
        "assets (CSS, JS, SVG)",
        2,
        (
            ("render/assets.py", "stylesheet"),
            ("render/assets.py", "script"),
            ("render/assets.py", "images"),
        ),
    ),
    (
        "feeds, sitemap, robots",
        2,
        (
            ("render/feeds.py", "atom_feed"),
            ("render/feeds.py", "sitemap"),
            ("render/feeds.py", "robots"),
        ),
    ),
    ("search index (Pagefind, in shards)", 2, (("render/search.py", "publish"),)),
    (".gz and .br copies", 2, (("output/compress.py", "_gzip"), ("output/compress.py", "_brotli"))),
    (
        "writing files (or linking unchanged ones)",
        2,
        (("output/staging.py", "put"), ("output/staging.py", "reuse")),
    ),
    ("link data of each page", 2, (("checks/links.py", "attributes"),)),
    (
        "build cache (fingerprints, manifest)",
        2,
        tuple(
            ("output/incremental.py", name)
            for name in (
                "generator_fingerprint",
                "inputs_fingerprint",
                "page_fingerprint",
                "untouched",
                "record_outputs",
                "load",
                "save",
            )
        ),
    ),
    ("check links", 1, (("pipeline.py", "check_links"),)),
    ("swap the new site in", 1, (("output/staging.py", "publish"),)),
    ("Markdown anywhere (pages, feeds, handouts)", 1, (("render/markup.py", "render"),)),
)
Key = tuple[str, int, str]


def showcase_module(filename: str) -> str | None:
    """The file's path inside the package (e.g. 'render/pages.py'), or None outside it."""
    parts = Path(filename).parts
    if "showcase" not in parts:
        return None
    return "/".join(parts[len(parts) - parts[::-1].index("showcase") :])


def in_showcase(key: Key, module: str, name: str) -> bool:
    filename, _line, function = key
    return function == name and showcase_module(filename) == module


def cumulative(stats: dict[Key, Any], module: str, name: str) -> float | None:
    found = [value[3] for key, value in stats.items() if in_showcase(key, module, name)]
    return sum(found) if found else None


def markdown_in_pages(stats: dict[Key, Any]) -> float | None:
    """Markdown time reached from the page templates' `markdown` and `inline` filters."""
    total, seen = 0.0, False
    for key, value in stats.items():
        if any(in_showcase(key, "render/markup.py", name) for name in ("render", "inline")):
            for caller, edge in value[4].items():
                if showcase_module(caller[0]) == "render/pages.py":
                    total, seen = total + edge[3], True
    return total if seen else None


def stage_times(stats: dict[Key, Any]) -> list[tuple[str, int, float | None]]:
    pages_md = markdown_in_pages(stats)
    templates = cumulative(stats, "render/pages.py", "render_tracked")
    if templates is None:  # before the build cache, pages were rendered by Renderer.render
        templates = cumulative(stats, "render/pages.py", "render")
    rows: list[tuple[str, int, float | None]] = []
    for label, depth, functions in STAGES:
        if label.startswith("page templates"):
            value = None if templates is None else templates - (pages_md or 0.0)
        elif label.startswith("Markdown to HTML in pages"):
            value = pages_md
        else:
            parts = [cumulative(stats, module, name) for module, name in functions]
            known = [part for part in parts if part is not None]
            value = sum(known) if known else None
        rows.append((label, depth, value))
    return rows


def package_of(filename: str, name: str, templates: Path) -> str:
    """Who owns a function, for the self-time table."""
    if filename == "~":  # C functions: name them by their module or class
        module = re.match(r"<built-in method (\w+)\.", name)
        method = re.match(r"<method '\w+' of '([\w.]+)' objects>", name)
        if module:
            return f"built-in {module.group(1)}"
        if method:
            owner = method.group(1).split(".")[0]
            return (
                "built-in PIL"
                if owner.startswith("Imaging") or owner == "Font"
                else f"built-in {owner}"
            )
        return "built-in (other)"
    path = Path(filename)
    if path.is_relative_to(templates):
        return "jinja templates (compiled)"
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1].removesuffix(".py")
    module = showcase_module(filename)
    if module is not None:
        return "showcase." + module.removesuffix(".py").replace("/", ".")
    return f"stdlib {path.stem}" if "python3" in filename else path.name


def self_time_by_package(stats: dict[Key, Any], templates: Path) -> list[tuple[str, float]]:
    totals: dict[str, float] = {}
    for (filename, _line, name), value in stats.items():
        owner = package_of(filename, name, templates)
        totals[owner] = totals.get(owner, 0.0) + value[2]
    return sorted(totals.items(), key=lambda item: -item[1])


def profile(content: Path, out: Path) -> dict[str, Any]:
    folders = cli.folders_for(PROJECT, content)
    shutil.rmtree(folders.root / pipeline.CACHE, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    options: dict[str, Any] = (
        {"jobs": 1} if "jobs" in inspect.signature(pipeline.build).parameters else {}
    )
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    pipeline.build(folders, out, **options)
    profiler.disable()
    seconds = time.perf_counter() - started
    stats: dict[Key, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    return {
        "seconds": round(seconds, 3),
        "serial": bool(options),
        "stages": [
            {"stage": label, "depth": depth, "seconds": None if v is None else round(v, 3)}
            for label, depth, v in stage_times(stats)
        ],
        "self_time": [
            {"owner": owner, "seconds": round(v, 3)}
            for owner, v in self_time_by_package(stats, folders.templates)[:12]
        ],
    }


def table(result: dict[str, Any]) -> str:
    total = result["seconds"]
    lines = [
        f"Profile of one clean build of ours, in-process under cProfile ({total:.1f} s"
        + (", serial)" if result["serial"] else ")"),
        f"{'stage (cumulative)':<48}{'seconds':>9}{'share':>8}",
    ]
    for row in result["stages"]:
        label = "  " * (row["depth"] - 1) + row["stage"]
        value = row["seconds"]
        shown = "-" if value is None else f"{value:9.2f}{100 * value / total:7.0f}%"
        lines.append(f"{label:<48}{shown:>17}")
    lines += ["", f"{'self time by owner':<48}{'seconds':>9}{'share':>8}"]
    for row in result["self_time"]:
        lines.append(f"{row['owner']:<48}{row['seconds']:9.2f}{100 * row['seconds'] / total:7.0f}%")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()
    result = profile(args.content.absolute(), args.out.absolute())
    print(table(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
