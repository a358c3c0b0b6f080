"""The private deny-list of real names that must never appear on the site.

The list lives outside the repository (the file named by $SHOWCASE_DENYLIST, else the git-ignored
`.private/navneliste.txt`) and holds only salted SHA-256 hashes of normalised names, so the list
itself reveals no one. Matching ignores case and diacritics and works on whole words.

File format, one entry per line after the salt:

    salt 3f9c…            (random, made when the file is created)
    2 9a0b…               (number of words, then the hash of the normalised name)
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(".private") / "navneliste.txt"
ENV_VAR = "SHOWCASE_DENYLIST"
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def normalise(text: str) -> str:
    """Lowercase, without diacritics, with Norwegian letters folded: 'Bjørnbakk' -> 'bjornbakk'."""
    folded = text.casefold().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _digest(salt: str, words: list[str]) -> str:
    return hashlib.sha256(f"{salt}\n{' '.join(words)}".encode()).hexdigest()


@dataclass(frozen=True)
class DenyList:
    salt: str
    hashes: frozenset[tuple[int, str]]

    @property
    def lengths(self) -> list[int]:
        return sorted({n for n, _ in self.hashes})

    def find(self, line: str) -> Iterator[tuple[int, str]]:
        """(column, words) for each listed name in a line of text, matched on whole words."""
        if not self.hashes:
            return
        words = list(_WORD.finditer(line))
        normal = [normalise(w.group()) for w in words]
        for n in self.lengths:
            for i in range(len(words) - n + 1):
                if (n, _digest(self.salt, normal[i : i + n])) in self.hashes:
                    start, end = words[i].start(), words[i + n - 1].end()
                    yield start + 1, line[start:end]


def path_for(project: Path) -> Path:
    configured = os.environ.get(ENV_VAR)
    return Path(configured) if configured else project / DEFAULT_PATH


def load(path: Path) -> DenyList:
    """The deny-list at `path`; an empty one when the file does not exist."""
    if not path.is_file():
        return DenyList("", frozenset())
    salt = ""
    hashes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "salt":
            salt = parts[1]
        elif len(parts) == 2 and parts[0].isdigit():
            hashes.add((int(parts[0]), parts[1]))
    return DenyList(salt, frozenset(hashes))


def add_name(path: Path, name: str) -> int:
    """Add a name to the list (creating it with a fresh salt); returns the number of entries."""
    words = [normalise(w) for w in _WORD.findall(name)]
    if not words:
        raise ValueError("the name has no letters")
    current = load(path)
    salt = current.salt or secrets.token_hex(16)
    entry = (len(words), _digest(salt, words))
    hashes = set(current.hashes) | {entry}
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"salt {salt}"] + [f"{n} {h}" for n, h in sorted(hashes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return len(hashes)
