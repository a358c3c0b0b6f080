"""`make bench`: our build against Hugo, Pelican and MkDocs on one generated corpus.

    python -m bench.run --n 1000 --reps 3

In one invocation: generate the corpus (bench/corpus.py) outside the project, run every build in
rounds with the tools taking turns (bench/tools.py), profile one clean build of ours
(bench/profile_build.py), measure preview latency against `hugo server` (bench/preview.py), then
print a table and write bench/out/results.json. Build output and logs go to bench/out/logs/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpus, measure, preview, tools
from .measure import Run, Summary

PROJECT = corpus.PROJECT
OUT = PROJECT / "bench" / "out"
ROW_ORDER = (
    "ours-full",
    "ours-full-serial",
    "ours-noop",
    "ours-one-edit",
    "before-full",
    "before-noop",
    "before-one-edit",
    "hugo",
    "pelican",
    "mkdocs",
    "ours-preview-edit",
    "hugo-server-edit",
)
PREVIEW_ROWS = ("ours-preview-edit", "hugo-server-edit")
BASELINE_ROWS = ("before-full", "before-noop", "before-one-edit")  # --baseline REV


def rows_json(summaries: dict[str, Summary]) -> dict[str, list[dict[str, Any]]]:
    """The builds under "results" (the tools the issue names, nothing else, so a reader of
    that list meets no surprise) and the preview latencies beside them under "preview"."""
    ordered = [name for name in ROW_ORDER if name in summaries]
    rows = {
        "results": [
            summaries[n].as_json()
            for n in ordered
            if n not in PREVIEW_ROWS and n not in BASELINE_ROWS
        ],
        "preview": [summaries[n].as_json() for n in ordered if n in PREVIEW_ROWS],
    }
    if any(n in BASELINE_ROWS for n in ordered):
        rows["baseline"] = [summaries[n].as_json() for n in ordered if n in BASELINE_ROWS]
    return rows


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--n", type=int, default=1000, help="item pages (default 1000)")
    parser.add_argument("--reps", type=int, default=3, help="rounds of builds (default 3)")
    parser.add_argument("--edits", type=int, default=5, help="timed preview saves (default 5)")
    parser.add_argument("--work", type=Path, help="corpus folder (default: a temp folder)")
    parser.add_argument("--peers-bin", type=Path, default=PROJECT / "bench" / ".venv" / "bin")
    parser.add_argument("--no-profile", action="store_true", help="skip the stage profile")
    parser.add_argument("--no-preview", action="store_true", help="skip preview latency")
    parser.add_argument(
        "--hugo-full-render",
        action="store_true",
        help="run hugo server with --disableFastRender (default: Hugo's default, fast render)",
    )
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also build with this git commit of ours (e.g. HEAD~1), side by side in each round",
    )
    parser.add_argument("--edit-timeout", type=float, default=900.0, help="seconds per save")
    parser.add_argument("--ready-timeout", type=float, default=3600.0, help="server start-up")
    return parser.parse_args(argv)


def builds(
    setup: tools.Setup, reps: int, logs: Path, baseline: Path | None = None
) -> dict[str, list[Run]]:
    """`reps` rounds of every build, interleaved (see tools.round_order); with `baseline`, the
    tree of an earlier commit of ours, its builds too."""
    found = tools.ours(setup) + tools.peers(setup)
    found += tools.baseline(setup, baseline) if baseline else []
    catalogue = {tool.name: tool for tool in found}
    runs: dict[str, list[Run]] = {}
    for round_ in range(reps):
        for tool in tools.round_order(catalogue, round_):
            tool.prepare(round_)
            result = measure.run(
                tool.name, tool.command, tool.cwd, logs / f"{tool.name}.log", tool.env
            )
            tool.verify(round_)
            runs.setdefault(tool.name, []).append(result)
            print(
                f"  round {round_ + 1}/{reps}  {tool.name:<17}{result.seconds:9.2f} s"
                f"{result.peak_mib:8.0f} MiB",
                flush=True,
            )
    return runs


def profile(setup: tools.Setup, logs: Path) -> dict[str, Any]:
    target = logs / "profile.json"
    command = [
        sys.executable,
        "-m",
        "bench.profile_build",
        "--content",
        str(setup.ours / "content"),
    ]
    command += ["--out", str(setup.ours / "site"), "--json", str(target)]
    subprocess.run(command, cwd=PROJECT, check=True)
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def previews(setup: tools.Setup, args: argparse.Namespace, logs: Path) -> dict[str, list[Run]]:
    item = setup.edited
    page = "/" + corpus.our_item_paths([item])[0].removesuffix("index.html")
    port = preview.free_port()
    serve = [sys.executable, str(PROJECT / "build.py"), "serve"]
    serve += ["--content", str(setup.ours / "content")]
    ours = preview.Server(
        "ours-preview-edit",
        [*serve, "--port", str(port), "--no-browser"],
        PROJECT,
        port,
        page,
        setup.our_source(item),
    )
    port = preview.free_port()
    hugo = [str(tools.hugo_binary(setup.peers_bin)), "server", "--bind", "127.0.0.1"]
    hugo += ["--port", str(port), "--destination", "server-public"]
    hugo += ["--disableFastRender"] if args.hugo_full_render else []
    peer = preview.Server(
        "hugo-server-edit",
        hugo,
        setup.work / "hugo",
        port,
        f"/items/{item.name('nb')}/",
        setup.peer_source("hugo", item),
    )
    return preview.measure((ours, peer), args.edits, logs, args.ready_timeout, args.edit_timeout)


def table(summaries: dict[str, Summary]) -> str:
    """Median and fastest time, the ratio to our matching row, and peak memory."""
    lines = [
        f"{'tool':<19}{'median s':>10}{'min s':>10}{'runs':>6}{'vs ours':>10}{'peak MiB':>10}",
    ]
    for name in ROW_ORDER:
        if name not in summaries:
            continue
        row = summaries[name]
        if name in BASELINE_ROWS:  # the earlier commit against the same build of this one
            reference = summaries.get(name.replace("before-", "ours-"))
        else:
            reference = summaries.get("ours-preview-edit" if name in PREVIEW_ROWS else "ours-full")
        ratio = f"{row.median_s / reference.median_s:.3f}" if reference else "-"
        lines.append(
            f"{name:<19}{row.median_s:10.3f}{row.min_s:10.3f}{row.runs:6d}{ratio:>10}"
            f"{row.peak_mib:10.0f}"
        )
    return "\n".join(lines)


def code_fingerprint() -> str:
    """A hash of the generator's code and templates: if it changes during a run (the working
    tree is shared), the rows were measured on different code, and the results say so."""
    digest = hashlib.sha256()
    files = [PROJECT / "build.py", *(PROJECT / "showcase").rglob("*.py")]
    files += [p for p in (PROJECT / "templates").rglob("*") if p.is_file()]
    for path in sorted(files):
        digest.update(path.relative_to(PROJECT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def export_commit(rev: str, target: Path) -> Path:
    """The tree of commit `rev` in `target` (git archive: no checkout, the repository's own
    worktree untouched). Its build.py imports its own showcase/, which sits beside it."""
    measure.remove(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev], cwd=PROJECT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def git_head() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def versions(peers_bin: Path) -> dict[str, str]:
    pins = (PROJECT / "bench" / "requirements.txt").read_text(encoding="utf-8")
    found = dict(re.findall(r"^(hugo|pelican|mkdocs|markdown)==(\S+)", pins, re.MULTILINE))
    return {"python": platform.python_version(), **found}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    cpus = len(os.sched_getaffinity(0))
    work = args.work or Path(tempfile.gettempdir()) / "showcase-bench" / f"n{args.n}"
    logs = OUT / "logs"
    measure.remove(logs)
    logs.mkdir(parents=True)
    notes: list[str] = []
    code, head = code_fingerprint(), git_head()
    print(f"bench: N={args.n} item pages, {args.reps} rounds, {cpus} CPUs, corpus in {work}")

    t = time.perf_counter()
    items = corpus.generate(args.n, work)
    pages = len(items) * len(corpus.LANGS)
    print(f"corpus: {pages} item pages for each tool in {time.perf_counter() - t:.1f} s")
    if pages != args.n:
        notes.append(f"N={args.n} rounded up to {pages}: items come in nb/en pairs")

    jobs = tools.has_jobs_option()
    if not jobs:
        notes.append("build.py has no --jobs option yet: ours-full is the only full build")
    setup = tools.Setup(work, items, args.peers_bin.absolute(), jobs)
    for note in notes:
        print(f"note: {note}")

    result: dict[str, Any] = {"n": pages, "cpus": cpus, "results": []}
    errors: list[str] = []
    runs: dict[str, list[Run]] = {}
    try:
        baseline = None
        if args.baseline:
            baseline = export_commit(args.baseline, work / "baseline-src")
            head_of = subprocess.run(
                ["git", "rev-parse", "--short", args.baseline],
                cwd=PROJECT,
                capture_output=True,
                text=True,
                check=True,
            )
            result["baseline_commit"] = {"rev": args.baseline, "commit": head_of.stdout.strip()}
            print(f"baseline: the 'before-' rows are commit {head_of.stdout.strip()}")
        print("builds (each in a fresh process):")
        runs |= builds(setup, args.reps, logs, baseline)
        if not args.no_profile:
            result["profile"] = profile(setup, logs)
        if not args.no_preview:
            mode = "full render" if args.hugo_full_render else "fast render (Hugo's default)"
            print(f"preview latency (save → new text served; hugo server with {mode}):")
            runs |= previews(setup, args, logs)
    except Exception as exc:  # report what was measured so far, then fail
        errors.append(f"{type(exc).__name__}: {exc}")
        print(f"bench: {errors[-1]}", file=sys.stderr)

    if code_fingerprint() != code:
        notes.append("the generator's code or templates changed during this run")
        print(f"note: {notes[-1]}")
    summaries = {name: measure.summarise(name, rs) for name, rs in runs.items()}
    result |= rows_json(summaries)
    wall = time.perf_counter() - started
    result |= {
        "reps": args.reps,
        "wall_s": round(wall, 1),
        "versions": versions(setup.peers_bin),
        "code": {"git_head": head, "fingerprint": code},
        "hugo_server": "full render" if args.hugo_full_render else "fast render",
        "notes": notes,
        "errors": errors,
    }
    text = table(summaries)
    print(f"\nN={pages} item pages, {cpus} CPUs, {args.reps} rounds\n{text}")
    if any(name in summaries for name in BASELINE_ROWS):
        print("before-* rows: 'vs ours' is the earlier commit's time over this one's (>1: faster)")
    print(f"total wall time: {wall / 60:.1f} min")
    serialised = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (OUT / "results.json").write_text(serialised, encoding="utf-8")
    (OUT / f"results-n{pages}.json").write_text(serialised, encoding="utf-8")
    print(f"wrote {OUT / 'results.json'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
