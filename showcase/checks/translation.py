"""English that is really Norwegian: a published English text that was never translated.

Editors copy the Norwegian file to make the English one and sometimes publish it before it is
translated; the English site then shows Norwegian (or the same text twice) without a word. This
check reads every published English text, the Markdown pages, stories and news (title,
description, body) and the longer translated values of the YAML files, and stops the build when
one is the Norwegian text or mostly Norwegian. Drafts are not checked: they may be half done.

The scorer (`looks_norwegian`) counts words that only one of the languages uses all the time
(og, ikke, det, som … against the, and, of, to …): every running text has many of them, and
names and titles have few, so "European Public Sector Award" or "Maastricht", the same in both
languages, are never judged. Words with æ, ø or å count half as Norwegian: an English text may
name a person or place spelt with them. A text is judged only with MIN_SIGNALS such words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative
from ..common.folders import Folders
from ..content.load import list_files, read_text
from ..content.model import Case, Content, News, Page, Prose
from ..content.yamlread import Mapping, Node, Scalar, Sequence, read_yaml


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words each language uses in almost every sentence and the other hardly ever. Words both use
# ('for', 'i'/'I', 'a') are left out: they tell nothing.
NORWEGIAN = _words(
    "og ikke det som er på med til av har vi de å en et jeg seg også kan skal ble blir var "
    "den fra om eller men når hva hvor etter hun han mot sammen før nå bare mange"
)
ENGLISH = _words(
    "the and of to is in that with are was it as on by this an or from have has not were can "
    "which their they who we be will would been into its when what after about"
)
MIN_SIGNALS = 6  # words from either list before a text is judged at all
MIN_WORDS = 8  # a text shorter than this is a name or a label, judged by nobody
YAML_FOLDERS = ("groups", "awards", "partners")  # besides the files directly in content/
_WORD = re.compile(r"[^\W\d_]+")
_NORWEGIAN_LETTERS = frozenset("æøå")
_HINT = "translate it, or set 'status: draft' in both languages until it is translated"


def signals(text: str) -> tuple[float, int]:
    """(Norwegian signal, English signal) in `text`: its function words of each language, and
    half a point for each other word spelt with æ, ø or å."""
    norwegian, english = 0.0, 0
    for word in _WORD.findall(text.lower()):
        if word in NORWEGIAN:
            norwegian += 1
        elif word in ENGLISH:
            english += 1
        elif _NORWEGIAN_LETTERS.intersection(word):
            norwegian += 0.5
    return norwegian, english


def looks_norwegian(text: str) -> bool:
    """Whether `text` is mostly Norwegian: enough signal to judge, and more than twice as much
    of it Norwegian as English (a Norwegian name or quotation in English text stays English)."""
    norwegian, english = signals(text)
    return norwegian + english >= MIN_SIGNALS and norwegian > 2 * english


def judge(english: str, norwegian: str, where: Position, log: ErrorLog) -> None:
    """An error at `where` when the English text of at least MIN_WORDS words is the Norwegian
    one, or mostly Norwegian."""
    if len(_WORD.findall(english)) < MIN_WORDS:
        return
    if " ".join(english.split()) == " ".join(norwegian.split()):
        log.error(where, "the English text is the same as the Norwegian", _HINT)
    elif looks_norwegian(english):
        nb, en = signals(english)
        log.error(
            where,
            f"the English text is Norwegian ({nb:g} Norwegian and {en} English signal words)",
            _HINT,
        )


def check(content: Content, folders: Folders, log: ErrorLog) -> None:
    """Every published English text of `content` and of its YAML files, judged."""
    if not {"nb", "en"} <= set(content.site.languages):
        return
    root = folders.root
    items: list[Page | Case | News] = [*content.pages.values(), *content.cases, *content.news]
    for item in items:
        if not item.draft:
            _check_prose(item.prose["en"], item.prose["nb"], root, log)
    for folder in (folders.content, *(folders.content / name for name in YAML_FOLDERS)):
        for path in list_files(folder, ".yaml", root, ErrorLog()):
            _check_yaml(path, root, log)


def _check_prose(english: Prose, norwegian: Prose, root: Path, log: ErrorLog) -> None:
    front = _front_matter(root / english.where.path, english.where.path)
    for field in ("title", "description"):
        entry = front.items.get(field) if front else None
        where = entry[1].where if entry else english.where
        judge(getattr(english, field), getattr(norwegian, field), where, log)
    judge(english.body, norwegian.body, english.where, log)


def _front_matter(path: Path, rel: str) -> Mapping | None:
    """The front matter of a file read cleanly before, for the lines of its fields."""
    text = read_text(path, rel, ErrorLog())  # read cleanly before: from memory, as then
    if text is None:
        return None
    head = text.removeprefix("---\n").partition("\n---")[0]
    node = read_yaml(head, rel, ErrorLog(), line_offset=1)
    return node if isinstance(node, Mapping) else None


def _check_yaml(path: Path, root: Path, log: ErrorLog) -> None:
    rel = relative(path, root)
    text = read_text(path, rel, ErrorLog())
    if text is None:
        return
    node = read_yaml(text, rel, ErrorLog())
    if not isinstance(node, Mapping):
        return
    status = node.items.get("status")
    if status and isinstance(status[1], Scalar) and status[1].text != "published":
        return  # a draft: it may be half translated
    for english, norwegian in _translations(node):
        judge(english.text, norwegian.text, english.where, log)


def _translations(node: Node) -> Iterator[tuple[Scalar, Scalar]]:
    """Every {nb: …, en: …} pair of texts in a YAML tree, English first."""
    if isinstance(node, Sequence):
        for item in node.items:
            yield from _translations(item)
    elif isinstance(node, Mapping):
        english, norwegian = node.items.get("en"), node.items.get("nb")
        pair = (english[1], norwegian[1]) if english and norwegian else None
        if pair and isinstance(pair[0], Scalar) and isinstance(pair[1], Scalar):
            yield pair[0], pair[1]
        for _key, value in node.items.values():
            yield from _translations(value)
