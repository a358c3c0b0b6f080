"""The personal-data gate: nothing that identifies a person gets past the build.

Every content file is scanned line by line, drafts included (a draft is one status change away
from the web). National ID numbers, D- and H-numbers with valid check digits, phone numbers,
e-mail and street addresses are errors unless `site.yaml` allows them as the programme's public
contact details; names on the private deny-list are errors; and in case stories, details that
together could point at a family (exact age, a named school, a small place, a rare diagnosis,
an exact date) are warnings. Values are always printed masked. What each kind of data looks like
is in `personal`; this module runs it over the files, with a cache of what it found.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..common.atomic import write_atomic
from ..common.errors import ErrorLog, Position, relative
from ..common.parallel import pmap
from ..content.load import is_editor_litter, text_of
from .denylist import DenyList
from .personal import contact_findings, mask, name_findings, quasi_findings
from .scanning import PreparedText


def content_files(content: Path) -> list[Path]:
    """Every text file editors write, drafts and all, without editor litter."""
    return sorted(
        path
        for path in content.rglob("*")
        if path.suffix in (".md", ".yaml", ".yml") and path.is_file() and not is_editor_litter(path)
    )


SCANNER_VERSION = "2"  # bump when a pattern changes, so cached results are not trusted


def _findings(text: str, allowed: frozenset[str], is_case: bool) -> list[list[Any]]:
    """[kind, line, col, message, hint] for one file: what `scan` reports, ready to cache."""
    scanned = PreparedText(text)
    found: list[list[Any]] = [
        ["error", f.line, f.col, f.message, f.hint] for f in contact_findings(scanned, 1, allowed)
    ]
    if is_case:
        found += [
            [
                "warning",
                f.line,
                f.col,
                f"the story mentions {f.message} ({mask(f.value)}), which together with other "
                "details could identify the family",
                f.hint,
            ]
            for f in quasi_findings(scanned, 1)
        ]
    return found


CACHE_FORMAT = 2


@dataclass
class _Cache:
    """What earlier scans found: findings by the digest of a file's text (with the allow-list
    and the scanner's version), and each file's text digest by its size and time, so a file
    that did not change is not even read again."""

    findings: dict[str, list[list[Any]]]
    files: dict[str, tuple[int, int, str]]  # rel -> size, mtime, digest of its text


def _load_cache(path: Path | None) -> _Cache:
    empty = _Cache({}, {})
    if path is None or not path.is_file():
        return empty
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != CACHE_FORMAT:
            return empty
        files = {rel: (int(v[0]), int(v[1]), str(v[2])) for rel, v in data["files"].items()}
        return _Cache(dict(data["findings"]), files)
    except (ValueError, OSError, KeyError, TypeError, IndexError, AttributeError):
        return empty  # a damaged cache is only a slower scan


@dataclass(frozen=True)
class _File:
    rel: str
    path: Path  # read again where its text is needed: a large site's texts take a lot of memory
    key: str
    is_case: bool


def _text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _text(path: Path) -> str:
    """A file's text, read again; empty if it vanished since (the loader reports that)."""
    try:
        return text_of(path)
    except (UnicodeDecodeError, OSError):
        return ""


def scan(
    content: Path,
    root: Path,
    allowed: frozenset[str],
    deny: DenyList,
    log: ErrorLog,
    cache: Path | None = None,
    jobs: int = 1,
) -> int:
    """Scan all content; errors and warnings go to `log`. Returns the number of files read.

    Findings are kept in `cache` by the digest of each file's text (with the allow-list and the
    scanner's version), so only changed files are scanned again; those are spread over `jobs`
    processes. A file with the size and time it had last time is not read at all. The deny-list
    is never cached: it is private, and a name added to it must be found in files that did not
    change, so while it has names every file is read."""
    files = content_files(content)
    last = _load_cache(cache)
    salt = f"{SCANNER_VERSION}\0{sorted(allowed)}\0"
    read: list[_File] = []
    signatures: dict[str, tuple[int, int, str]] = {}
    for path in files:
        is_case = path.parent.name == "cases"
        rel = relative(path, root)
        try:
            stat = path.stat()
            size_time = (stat.st_size, stat.st_mtime_ns)
            seen = last.files.get(rel)
            unread = seen is not None and seen[:2] == size_time
            text = "" if unread else text_of(path)
            digest = seen[2] if seen is not None and unread else _text_digest(text)
            key = _text_digest(f"{salt}{is_case}\0{digest}")
        except (UnicodeDecodeError, OSError):
            continue  # the loader reports unreadable files
        signatures[rel] = (*size_time, digest)
        read.append(_File(rel, path, key, is_case))
        # A news file's name is its page's address, and names are in listings and links too.
        name = path.relative_to(content).as_posix()
        for masked, message, hint in name_findings(name, allowed):
            log.error(Position(rel[: len(rel) - len(name)] + masked), message, hint)
    cold = list({f.key: f for f in read if f.key not in last.findings}.values())

    def scan_file(file: _File) -> tuple[str, list[list[Any]]]:
        """Findings in the file as read now, and the key of that text: a file saved again
        while the build runs gets other findings, which must not be kept under the old key."""
        text = _text(file.path)
        key = _text_digest(f"{salt}{file.is_case}\0{_text_digest(text)}")
        return key, _findings(text, allowed, file.is_case)

    fresh = dict(zip((f.rel for f in cold), pmap(scan_file, cold, jobs), strict=True))
    found = {**last.findings, **dict(fresh.values())}
    kept: dict[str, list[list[Any]]] = {}
    for file in read:
        if file.key in found:
            findings = kept[file.key] = found[file.key]
        else:  # changed while the build ran: report what is there now, keep nothing
            findings = (fresh.get(file.rel) or scan_file(file))[1]
        for kind, line, col, message, hint in findings:
            report = log.error if kind == "error" else log.warn
            report(Position(file.rel, line, col), message, hint)
        if deny.hashes:
            for number, line_text in enumerate(_text(file.path).split("\n"), start=1):
                for col, words in deny.find(line_text):
                    log.error(
                        Position(file.rel, number, col),
                        f"this name is on the private deny-list ({mask(words)})",
                        "remove the name; use a made-up first name or 'the family' instead",
                    )
    if cache is not None and (kept, signatures) != (last.findings, last.files):
        data = {"format": CACHE_FORMAT, "findings": kept, "files": signatures}
        write_atomic(cache, json.dumps(data).encode("utf-8"))
    return len(files)
