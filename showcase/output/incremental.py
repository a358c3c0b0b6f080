"""What the last build made, so the next one can skip what did not change.

Three levels, each checked before the next:
1. Nothing changed (same generator, same input files by name, size and time, and site/ exactly
   as we left it): the build stops at once and touches nothing.
2. Pages whose inputs did not change are not rendered again. A page's fingerprint covers the
   generator, the templates, its own spec (the item it shows) and the parts of the content its
   templates actually read during the last render (recorded by `Tracked`), so editing one story
   re-renders that story, the lists that show it and nothing else.
3. Files whose bytes did not change are hard-linked from the old site/ into the new one instead
   of being written again.
The manifest is two files in .cache/build/; a missing, corrupt or outdated one is ignored with a
one-line notice and the build simply does all the work.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks import denylist
from ..common.atomic import write_atomic
from ..common.folders import Folders
from ..common.parallel import all_of, default_jobs

if TYPE_CHECKING:  # the quick look at the last build must not import the content model
    from ..content.model import Content

VERSION = 3
PACKAGE = Path(__file__).resolve().parent.parent  # the whole generator, every subpackage


@dataclass(frozen=True)
class PageRecord:
    """One page as the last build made it: what it was made from, and what the link check
    needs to know about it without reading it again."""

    print: str  # fingerprint of everything the page was made from
    deps: list[str]  # the parts of the content its templates read
    links: list[str]
    loads: list[str]
    ids: list[str]


@dataclass
class Manifest:
    version: int = VERSION
    generator: str = ""
    inputs: str = ""
    drafts: bool = False
    pages: dict[str, PageRecord] = field(default_factory=dict)  # by path inside site/
    outputs: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # size, mtime, digest
    search: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # shard: print, files


def manifest_path(root: Path, out: Path) -> Path:
    """One manifest per output folder, so building elsewhere never confuses two sites."""
    name = hashlib.sha256(str(out.absolute()).encode()).hexdigest()[:16]
    return root / ".cache" / "build" / f"{name}.stamp"


def pages_path(path: Path) -> Path:
    """The manifest's second file, with every page's record."""
    return path.with_suffix(".pages")


# Both files are marshal data (dicts, lists, text, numbers: nothing that runs when read), which
# Python reads many times faster than JSON: at 10 000 pages the manifest is 18 MB. The format
# tag holds marshal's version, so a file from another Python is ignored, never misread.
FORMAT = f"showcase-manifest {VERSION} marshal {marshal.version}"

# The manifest this process saved last, by file, with the file's size and time: the live
# preview builds again and again in one process and need not parse what it just wrote.
_SAVED: dict[Path, tuple[tuple[int, int], tuple[int, int], Manifest]] = {}


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _read(path: Path) -> dict[str, Any]:
    data = marshal.loads(path.read_bytes())
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} holds no manifest")
    return data


def load(path: Path, pages: bool = True) -> tuple[Manifest | None, str]:
    """The manifest at `path` and a notice when it could not be used (never an exception).

    The pages' records live in a second file beside it, read only when `pages` is on: a build
    that finds nothing changed needs just the first, small one."""
    saved = _SAVED.get(path)
    try:
        if (
            saved is not None
            and saved[0] == _signature(path)
            and (not pages or saved[1] == _signature(pages_path(path)))
        ):
            return saved[2], ""
    except OSError:
        pass
    if not path.is_file():
        return None, ""
    try:
        data = _read(path)
        if data.get("format") != FORMAT:
            return None, f"build cache {path.name} is from another version; building everything"
        manifest = Manifest(
            version=VERSION,
            generator=str(data["generator"]),
            inputs=str(data["inputs"]),
            drafts=bool(data["drafts"]),
            outputs=data["outputs"],
        )
        if pages:
            more = _read(pages_path(path))
            if (more.get("format"), more.get("inputs")) != (FORMAT, manifest.inputs):
                raise ValueError("the two files of the manifest are from different builds")
            manifest.pages = {key: PageRecord(*value) for key, value in more["pages"].items()}
            manifest.search = more["search"]
    except (ValueError, EOFError, KeyError, TypeError, IndexError, OSError):
        return None, f"build cache {path.name} is damaged; ignoring it and building everything"
    return manifest, ""


def shared(values: Iterable[Any]) -> list[str]:
    """Strings held once however many pages name them (every page links to the same menu):
    tens of megabytes fewer for a site of thousands of pages. Marshal keeps them shared."""
    return [sys.intern(str(value)) for value in values]


def save(path: Path, manifest: Manifest) -> None:
    """Both files of the manifest; the small one last, as it vouches for the other."""
    pages = {
        "format": FORMAT,
        "inputs": manifest.inputs,
        "pages": {
            page: (record.print, record.deps, record.links, record.loads, record.ids)
            for page, record in manifest.pages.items()
        },
        "search": manifest.search,
    }
    write_atomic(pages_path(path), marshal.dumps(pages))
    stamp = {
        "format": FORMAT,
        "generator": manifest.generator,
        "inputs": manifest.inputs,
        "drafts": manifest.drafts,
        "outputs": manifest.outputs,
    }
    write_atomic(path, marshal.dumps(stamp))
    _SAVED[path] = (_signature(path), _signature(pages_path(path)), manifest)


def _files(folders: Iterable[Path]) -> Iterable[str]:
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                yield f"{dirpath}/{name}"  # strings: pathlib's cost shows at 10 000 files


def generator_fingerprint(templates: Path) -> str:
    """The generator's own code and the templates: a change to either rebuilds everything."""
    digest = hashlib.sha256(str(VERSION).encode())
    for path in map(Path, _files([PACKAGE, templates])):
        if path.suffix in (".py", ".html", ".css", ".js", ".yaml", ".ttf", ".otf", ".woff2"):
            digest.update(os.fsencode(path.relative_to(path.anchor)))  # any name, even not UTF-8
            digest.update(path.read_bytes())
    return digest.hexdigest()


def inputs_fingerprint(content: Path, extra: Iterable[Path] = ()) -> str:
    """Every content file by name, size and modification time: cheap, and what make trusts."""
    digest = hashlib.sha256()
    for path in [*_files([content]), *map(str, extra)]:
        try:
            stat = os.stat(path)  # noqa: PTH116 - see _files
        except OSError:
            continue
        # fsencode: a name that is not UTF-8 (the loader reports it) must not crash the look
        digest.update(os.fsencode(path) + f"\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def untouched(out: Path, relative: str, outputs: dict[str, tuple[int, int, str]]) -> bool:
    """True when a file in site/ is still the one the last build wrote (same size and time)."""
    recorded = outputs.get(relative)
    try:
        stat = os.stat(f"{out}/{relative}")  # noqa: PTH116 - a string is faster: every file
    except OSError:
        return False
    return recorded is not None and (stat.st_size, stat.st_mtime_ns) == recorded[:2]


def outputs_intact(out: Path, outputs: dict[str, tuple[int, int, str]], jobs: int = 1) -> bool:
    """True when site/ holds exactly the files we wrote last time, untouched (checked on up to
    `jobs` processes: at 10 000 pages that is 48 000 files)."""
    folder = str(out)

    def intact(part: Sequence[tuple[str, tuple[int, int, str]]]) -> bool:
        for relative, (size, mtime, _digest) in part:  # inline: no call per file
            try:
                stat = os.stat(f"{folder}/{relative}")  # noqa: PTH116 - see untouched
            except OSError:
                return False
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return False
        return True

    return bool(outputs) and all_of(intact, list(outputs.items()), jobs)


@dataclass(frozen=True)
class Look:
    """What a quick look at the last build of `out` found, before any content is read: when
    nothing changed, that is all a build does (and `python build.py` imports nothing more)."""

    manifest: Manifest | None  # without the pages' records
    notice: str
    generator: str
    inputs: str
    fresh: bool  # nothing changed since, and site/ is exactly as that build left it


def look(folders: Folders, out: Path, drafts: bool, jobs: int = 0, edition: str = "") -> Look:
    """`edition`: what else the build depends on (a review build's address), as a key."""
    manifest, notice = load(manifest_path(folders.root, out), pages=False)
    generator = generator_fingerprint(folders.templates)
    inputs = inputs_fingerprint(folders.content, [denylist.path_for(folders.root)])
    if edition:
        inputs = fingerprint([inputs, edition])
    fresh = (
        manifest is not None
        and (manifest.generator, manifest.inputs, manifest.drafts) == (generator, inputs, drafts)
        and outputs_intact(out, manifest.outputs, jobs or default_jobs())
    )
    return Look(manifest, notice, generator, inputs, fresh)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def record_outputs(
    out: Path,
    digests: dict[str, str],
    unchanged: dict[str, str] | None = None,
    last: dict[str, tuple[int, int, str]] | None = None,
) -> dict[str, tuple[int, int, str]]:
    """Size, time and digest of each file now in site/, to recognise it next time. A file left
    as it was (`unchanged`, with the same digest) keeps its record from `last`: left in place or
    hard-linked, it is the same file, and not asking the disk saves a second at 10 000 pages."""
    unchanged, last = unchanged or {}, last or {}
    recorded = {}
    for relative, value in digests.items():
        if unchanged.get(relative) == value and relative in last:
            recorded[relative] = last[relative]
            continue
        stat = os.stat(f"{out}/{relative}")  # noqa: PTH116 - a string is faster: every file
        recorded[relative] = (stat.st_size, stat.st_mtime_ns, value)
    return recorded


# -- what a page depends on --------------------------------------------------------------------

ATTRIBUTE_FIELDS = {"group": "groups"}  # Content methods and the field they read


class Tracked:
    """Content as templates see it, noting which of its parts a page reads."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(ATTRIBUTE_FIELDS.get(name, name))
        return getattr(self._content, name)


def fingerprint(value: Any) -> str:
    """A digest of a value made of dataclasses, dicts, tuples and text. Pickle is fast and gives
    the same bytes for the same content in every run; where it might not (a set's order), the
    only cost is a page rendered again, never a stale one."""
    return digest(pickle.dumps(value, protocol=5))


class Parts:
    """Fingerprints of the content's parts, each computed once per build when first needed, and
    of the items pages show. An item's print is made from its fields' prints, and each object's
    print is made once: a story's texts are in its item, in the page of each language and in
    the lists, and are hashed once (the print is kept while the object is, so its `id` stays
    its own)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.prints: dict[str, str] = {}
        self._objects: dict[int, tuple[Any, str]] = {}

    def __call__(self, name: str) -> str:
        if name not in self.prints:
            self.prints[name] = fingerprint(self.stand_in(getattr(self.content, name, None)))
        return self.prints[name]

    def stand_in(self, value: Any) -> Any:
        """`value` with every dataclass in it replaced by its print: what to fingerprint."""
        if type(value) is str:
            # Pickle would leave a UTF-8 copy inside every non-ASCII text it reads (CPython
            # keeps it with the string): 20 MB more at 10 000 pages. `encode` keeps none.
            return value if value.isascii() else ("utf-8", value.encode())
        if isinstance(value, tuple | list):
            return type(value)(map(self.stand_in, value)) if type(value) in (tuple, list) else value
        if isinstance(value, dict):
            return {key: self.stand_in(item) for key, item in value.items()}
        names = _field_names(type(value))
        if names is None:
            return value
        known = self._objects.get(id(value))
        if known is None or known[0] is not value:
            inner = [type(value).__qualname__, [self.stand_in(getattr(value, n)) for n in names]]
            known = self._objects[id(value)] = (value, fingerprint(inner))
        return known[1]


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for other types), looked up once per type."""
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None
    return _FIELDS[kind]


def spec_fingerprint(spec: Any, parts: Parts) -> str:
    """A page spec's fingerprint: its fields, with the items it shows by their prints."""
    return fingerprint(parts.stand_in(spec))


def page_fingerprint(base: str, spec: Any, deps: Iterable[str], parts: Parts) -> str:
    """Everything a page was made from: generator and globals (`base`), its spec, its reads."""
    return digest(
        json.dumps(
            [base, spec_fingerprint(spec, parts), [[d, parts(d)] for d in sorted(deps)]]
        ).encode()
    )
