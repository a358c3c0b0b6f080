"""Full-text search: a Pagefind index of the pages this build writes.

Pagefind runs on a temporary copy of the rendered HTML, so the index always matches the pages
that are published, and its files join the site's file list (and so the atomic write). Only the
part of a page marked `data-pagefind-body` is indexed: headers, menus and footers are not.

Pagefind picks its stemmer from `<html lang>` and knows Norwegian only as `no`, while our pages
say `nb` (bokmål). So the copy it indexes is relabelled `no`, and the finished index is filed
back under `nb` in pagefind-entry.json, where the browser looks for the page's own language.

Pagefind holds a whole index in memory while it builds it (some 180 kB per page) and cannot
update one in place. So a large site is indexed in shards of at most SHARD_PAGES pages per
language: a page's shard follows from a hash of its path, so it never moves while the site grows
within the same power of two. The first shard of every language lives in /pagefind/ (for a small
site that is the whole index); further shards in /pagefind/<lang>-<k>/, which the search page
merges into its results (Pagefind's `mergeIndex`). A shard whose pages have the same bytes as in
the last build keeps its files; only shards with a changed page are indexed again, several at a
time.

Pagefind separates the text of only some elements (headings, p, li, td, div, section…) and takes
the rest as inline: a label and its value, `<dt>Situasjonen nå</dt><dd>Stabil</dd>`, would read
"Situasjonen nåStabil" in a result, and so would table headers and captions. The copy it indexes
ends each term with a colon and each such element with a space (and a full stop after a word),
as a reader sees them: "Situasjonen nå: Stabil." (Pagefind's issue #736).

The index records each page's address inside the site ('/om/'). The search page gives Pagefind
the bundles' addresses with the path a site may be published under ('/velferdslab/pagefind/',
content/urls.py), and Pagefind puts the folder above a bundle in front of its results.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..common.errors import BuildError, ContentError, Position
from ..output import compress
from ..output.staging import Staging

BUNDLE = "pagefind"  # folder inside site/, served at /pagefind/
PAGEFIND_LANGUAGE = {"nb": "no"}  # site language -> the code Pagefind stems it under
# Pagefind also writes UIs this site does not load; leaving them out keeps the site small.
UNUSED = (
    "pagefind-component-ui.",
    "pagefind-modular-ui.",
    "pagefind-highlight.js",
    "wasm.unknown.",  # for pages without a language; every page here has one
)
_HTML_LANG = re.compile(rb'<html lang="([a-z]{2,3})"')
# Block elements Pagefind 1.x runs into the next one, and terms, which end with a colon.
_RUN_ON = "dt|dd|th|caption|figcaption|blockquote|dl|table|tr|figure|summary|address|pre|ol"
_INLINE_ENDS = r"(?:</(?:a|abbr|b|code|em|i|small|span|strong|time)>)*"
_TERM_END = re.compile(rf"(?<=[^:.?!\s>])({_INLINE_ENDS})\s*(?=</dt>)")
_SENTENCE_END = re.compile(
    rf"(?<=[\w)'\"»”])({_INLINE_ENDS})\s*(?=</(?:dd|th|caption|figcaption)>)"
)
_BLOCK_END = re.compile(f"</(?:{_RUN_ON})>")
SEPARATION = "1"  # bump after changing what Pagefind is given, so every shard is indexed again
TIMEOUT = 600  # seconds for one shard; indexing SHARD_PAGES pages takes about one
SHARD_PAGES = 500  # pages per shard and language: about 100 MB for Pagefind, about a second


@dataclass(frozen=True)
class Shard:
    """One Pagefind index: the folder inside site/ it is written to, and its pages."""

    bundle: str
    pages: tuple[str, ...]  # HTML files inside site/


def _shard_count(pages: int) -> int:
    count = 1
    while count * SHARD_PAGES < pages:
        count *= 2
    return count


def _bundle(lang: str, number: int) -> str:
    return BUNDLE if number == 0 else f"{BUNDLE}/{lang}-{number}"


def shards(pages: Iterable[tuple[str, str]]) -> list[Shard]:
    """The shards for (HTML file inside site/, language) pairs; the first shard of every
    language shares /pagefind/."""
    by_lang: dict[str, list[str]] = {}
    for path, lang in pages:
        by_lang.setdefault(lang, []).append(path)
    found: dict[str, list[str]] = {BUNDLE: []}
    for lang, paths in by_lang.items():
        count = _shard_count(len(paths))
        for path in paths:
            number = int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest()) % count
            found.setdefault(_bundle(lang, number), []).append(path)
    return [Shard(bundle, tuple(sorted(paths))) for bundle, paths in sorted(found.items())]


def addresses(found: list[Shard], lang: str) -> list[str]:
    """The bundles the search page of `lang` loads: /pagefind/ first, then its other shards."""
    own = [s.bundle for s in found if s.bundle.startswith(f"{BUNDLE}/{lang}-")]
    return [f"/{BUNDLE}/", *(f"/{bundle}/" for bundle in own)]


def _fingerprint(shard: Shard, digests: dict[str, str], tool: str) -> str:
    text = json.dumps([tool, SEPARATION, [(path, digests[path]) for path in shard.pages]])
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def publish(
    found: list[Shard],
    stage: Staging,
    digests: dict[str, str],
    last: dict[str, tuple[str, list[str]]],
    jobs: int = 1,
) -> dict[str, tuple[str, list[str]]]:
    """Write every shard's files (with compressed copies) into the new site; shards whose pages
    are unchanged since `last` are linked from the last build, the others are indexed on up to
    `jobs` Pagefind processes at once. `digests` gets the new files; returns, per shard, its
    fingerprint and files, for the next build."""
    made: dict[str, tuple[str, list[str]]] = {}
    todo = []
    tool = version("pagefind_bin")  # a new Pagefind indexes every shard again
    for shard in found:
        value = _fingerprint(shard, digests, tool)
        old = last.get(shard.bundle)
        linked = {}
        if old and old[0] == value and all(path in stage.unchanged for path in old[1]):
            linked = {path: stage.reuse(path) for path in old[1]}
        if old and linked and None not in linked.values():
            digests.update({path: kept for path, kept in linked.items() if kept is not None})
            made[shard.bundle] = old
        else:  # changed, or its old files are gone: index it again (which rewrites them all)
            todo.append((shard, value))
    pending = [shard for shard, _value in todo]
    for (shard, value), files in zip(todo, _index(pending, stage.read, jobs), strict=True):
        written: dict[str, str] = {}
        for path, data in files:
            written.update(compress.put(stage, path, data))
        digests.update(written)
        made[shard.bundle] = (value, sorted(written))
    return made


def _index(
    todo: list[Shard], read: Callable[[str], bytes], jobs: int
) -> Iterator[list[tuple[str, bytes]]]:
    """Each shard's bundle files, in order, built on up to `jobs` Pagefind processes at once.
    At most `jobs` shards are indexed ahead of the one handed on: the caller compresses each
    shard's files, which is slower, and the rest would pile up in memory meanwhile."""
    jobs = max(1, jobs)
    with ThreadPoolExecutor(jobs) as pool:
        ahead: deque[Future[list[tuple[str, bytes]]]] = deque()
        for shard in todo:
            ahead.append(pool.submit(index, shard, read))
            if len(ahead) > jobs:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()


def _relabel(html: bytes) -> bytes:
    """The page as Pagefind should see it: `<html lang="no">` for bokmål."""

    def swap(match: re.Match[bytes]) -> bytes:
        lang = match.group(1).decode()
        return f'<html lang="{PAGEFIND_LANGUAGE.get(lang, lang)}"'.encode()

    return _HTML_LANG.sub(swap, html, count=1)


def separate(html: bytes) -> bytes:
    """The page with its terms, values, table headers and captions kept apart in the text
    Pagefind indexes: 'Situasjonen nå: Stabil.', not 'Situasjonen nåStabil'."""
    text = _TERM_END.sub(r"\1:", html.decode("utf-8"))
    text = _SENTENCE_END.sub(r"\1.", text)
    return _BLOCK_END.sub(lambda found: found.group(0) + " ", text).encode("utf-8")


def _file_back(entry: bytes) -> bytes:
    """pagefind-entry.json with each relabelled index under the site's own language code."""
    data = json.loads(entry)
    back = {code: lang for lang, code in PAGEFIND_LANGUAGE.items()}
    data["languages"] = {back.get(k, k): v for k, v in sorted(data["languages"].items())}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _executable() -> str:
    from pagefind_bin import get_executable  # the binary shipped in the pinned PyPI package

    return str(get_executable())


def index(shard: Shard, read: Callable[[str], bytes]) -> list[tuple[str, bytes]]:
    """One shard's search bundle, from its pages as `read` gives them (from the site being
    built), as files inside site/."""
    with tempfile.TemporaryDirectory(prefix="showcase-search-", dir=_scratch()) as tmp:
        pages, bundle = Path(tmp) / "site", Path(tmp) / BUNDLE
        for path in shard.pages:
            target = pages / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(separate(_relabel(read(path))))
        command = [_executable(), "--site", str(pages), "--output-path", str(bundle), "--silent"]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            output = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip()
            reason = f"{exc} {output}".strip()
            raise BuildError(
                [
                    ContentError(
                        Position("search index"),
                        f"the search index could not be built: {reason}",
                        "run `make build` again; if it still fails, delete .venv and run it again",
                    )
                ]
            ) from exc
        entry = bundle / "pagefind-entry.json"
        entry.write_bytes(_file_back(entry.read_bytes()))
        return [
            (f"{shard.bundle}/{path.relative_to(bundle).as_posix()}", path.read_bytes())
            for path in sorted(bundle.rglob("*"))
            if path.is_file() and _wanted(path.relative_to(bundle), shard.bundle == BUNDLE)
        ]


def _scratch() -> str | None:
    """A folder in memory for the pages Pagefind reads, where the system has one: a folder per
    page is many small writes, slow on a disk busy writing the site itself."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _wanted(path: Path, primary: bool) -> bool:
    """Whether a file Pagefind wrote is published. A merged shard needs only its index: the
    browser runs the primary bundle's script and WebAssembly for all of them."""
    if path.name.startswith(UNUSED):
        return False
    return primary or path.name == "pagefind-entry.json" or path.suffix.startswith(".pf_")
