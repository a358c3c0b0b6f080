"""Running one command in a fresh process and measuring it: wall time and peak memory.

Peak memory is the child's maximum resident set size as the kernel reports it to `wait4` for
that one child: the largest of the process and the children it waited for (Pagefind, for us). It
is the peak of the largest single process, not a sum over processes running at once.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


class BenchError(Exception):
    """The benchmark cannot go on: a build failed or made the wrong pages."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Summary:
    tool: str
    median_s: float
    min_s: float
    runs: int
    peak_mib: float

    def as_json(self) -> dict[str, object]:
        return {
            "tool": self.tool,
            "median_s": round(self.median_s, 4),
            "min_s": round(self.min_s, 4),
            "runs": self.runs,
            "peak_mib": round(self.peak_mib, 1),
        }


def wait_measured(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Reap `process` with wait4: its exit code and its peak resident memory in MiB."""
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024  # Linux reports KiB


def run(
    name: str, command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None
) -> Run:
    """Run `command` to the end in a new process; its output goes to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as sink:
        sink.write(f"\n$ {' '.join(command)}\n".encode())
        sink.flush()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=sink, env=env)
        code, peak = wait_measured(process)
        seconds = time.perf_counter() - started
    if code != 0:
        raise BenchError(f"{name} failed with exit code {code}; its output is in {log}")
    return Run(seconds, peak)


def summarise(tool: str, runs: list[Run]) -> Summary:
    times = [r.seconds for r in runs]
    return Summary(
        tool, statistics.median(times), min(times), len(runs), max(r.peak_mib for r in runs)
    )


def remove(*paths: Path) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
