"""Klarspråk: Norwegian sentences too long to read at once, and pages too heavy to read easily.

The public sector writes plain Norwegian (klarspråk, språklova § 9), and this site is read by
people with a lot on their minds. Two measures an editor can act on are warned about, never
stopped on: a sentence of more than MAX_WORDS words, and a text whose LIX is above MAX_LIX. A
warning names the line and quotes the sentence, so it can be found and rewritten.

LIX = words / sentences + 100 × long words / words (Björnsson's readability index; under 30 is
very easy, 30–40 easy, 40–50 the level of ordinary newspaper text, above that hard).

What is read: only Norwegian (nb) text, never English, and never a draft (it may be half done).
From the Markdown files (pages, stories, news) the title, the description and the body; from
the YAML files the `nb` value of each translated field of free prose, as the content types
declare it: the kinds "paragraph" and "markdown", and one-line "text" fields named in
PROSE_FIELDS (summaries, descriptions, the method's step texts, the findings). Names, titles of
YAML items, labels, places, sources and a story's lists of goals and measures are not prose,
and not read. The LIX of each file is judged on all its prose together (a page, a group, an
award) once it has MIN_LIX_WORDS words (on fewer, one long word moves it by several points),
rounded to a whole number.

Markdown is read as a reader sees it (content/plaintext.py): code, HTML, images, link targets
and bare web and e-mail addresses are left out; the text of a link is kept.

Sentences. Every heading, list item, table cell and paragraph is a sentence of its own, or
several. Inside one, a sentence ends at '.', '!', '?' or '…' (after any closing quote or
bracket) followed by a space and a capital letter or a digit ("… i 2017. 34 av 150 …"), and at
':' followed by a space and a capital letter (LIX counts colons; a colon before lower case, as
in "tre målgrupper: unge voksne …", goes on). So "20. november" never ends a sentence (a month
is lower case), nor does a run of initials ("John F. Kennedy"), nor an abbreviation in
NEVER_ENDS ("bl.a.", "f.eks.", "ca. 20"); one in MAY_END ("osv.", "m.m.") ends its sentence
only before a capital letter.

Words. A word is a run of characters between spaces (or slashes, "og/eller") with a letter or
a digit in it, its punctuation around it dropped: "«Asker", "velferdslab," and "f.eks." are
words, "–" is not. A number is a word, and a number written in groups ("1 000") is one word.
A long word has more than LONG_WORD letters: digits and hyphens do not count, so "18–25" and
"1 000" are never long, and "NAV-kontoret" is (11 letters).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from ..common.errors import ErrorLog, Position, relative
from ..common.folders import Folders
from ..content import plaintext
from ..content.contenttypes import CONTENT_TYPES
from ..content.declaration import ContentType, Field
from ..content.load import list_files, read_text
from ..content.model import PUBLISHED, Case, Content, News, Page, Prose
from ..content.plaintext import blocks
from ..content.yamlread import Mapping, Node, Scalar, read_yaml
from ..content.yamlread import Sequence as YamlList
from .memo import Memo

MAX_WORDS = 25  # a sentence over this many words is hard to take in at one reading
MAX_LIX = 40  # above this, a text is as hard as a newspaper's: too hard for a public service
MIN_LIX_WORDS = 50  # LIX of a shorter text says little
LONG_WORD = 6  # a word of more letters than this is long
QUOTE = 80  # characters of a sentence a warning quotes
PROSE_KINDS = frozenset({"paragraph", "markdown"})
PROSE_FIELDS = frozenset({"summary", "description", "tagline", "text"})  # one-line "text"
NB = "nb"
MEMO = Path(".cache") / "plainlanguage.json"  # what each file gave, inside the project


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations, lower case: those never at the end of a sentence, and those that may be.
NEVER_ENDS = _listed(
    "bl.a. f.eks. feks. ca. jf. jfr. dvs. d.v.s. pga. p.g.a. kl. nr. inkl. ekskl. evt. ev. "
    "iht. i.h.t. mht. m.h.t. vha. v.h.a. ifm. i.f.m. ift. i.f.t. hhv. tlf. ref. st. dr. "
    "prof. avd. adm. fhv. ang. vedr. m.a.o. mao. sml. pr. iflg. red. tidl. tilsv. bla. "
    "e.l. el. t.o.m. f.o.m. ff. s. jan. feb. aug. sep. sept. okt. nov. des."
)
MAY_END = _listed("osv. mv. m.v. m.m. mm. o.l. ol. etc. m.fl. mfl. o.a. kr. mill. mrd.")

# Sentences and words
_END = re.compile(r"([.!?…:]+)[»\"”’')\]]*\s+")
_OPENING = "«\"“‘'([–—-"
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
_WORD = re.compile(r"[^\W_](?:[^\s/]*[^\W_])?")  # from its first letter or digit to its last
_HAS_WORD = re.compile(r"[^\W_]")
_NUMBER_GROUPS = re.compile(r"\d\s+\d")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a file: its text, its words, the line it starts on."""

    text: str
    words: tuple[str, ...]
    line: int
    long: int  # how many of the words are long


def split(text: str) -> list[str]:
    """One block of plain text (a paragraph, a heading) cut into its sentences."""
    return [sentence for _offset, sentence in _split(text)]


def _split(text: str) -> list[tuple[int, str]]:
    """The sentences of a block, each with the offset in it where it starts."""
    found, start = [], 0
    for end in _END.finditer(text):
        if _ends(text, end):
            found.append((start, text[start : end.start()] + end.group().rstrip()))
            start = end.end()
    found.append((start, text[start:]))
    return [
        (offset + len(sentence) - len(sentence.lstrip()), sentence.strip())
        for offset, sentence in found
        if _HAS_WORD.search(sentence)
    ]


def _ends(text: str, end: re.Match[str]) -> bool:
    """Whether the punctuation `end` ends a sentence, judging by the text around it."""
    after = text[end.end() :].lstrip(_OPENING)
    upper, digit = after[:1].isupper(), after[:1].isdigit()
    marks = end.group(1)
    if marks[-1] == ":":
        return upper
    if not (upper or digit):
        return False
    if marks != ".":
        return True
    token = text[: end.start() + 1].rsplit(None, 1)[-1].lstrip(_OPENING)
    if _INITIALS.match(token) and token.isupper() and len(token) <= 4:
        return False  # "John F. Kennedy"; a word of one small letter ("å.") ends a sentence
    token = token.lower()
    if token in NEVER_ENDS:
        return False
    return upper or token not in MAY_END


def sentences(text: str) -> list[str]:
    """Every sentence of `text` (Markdown or plain), in order."""
    return [sentence for block in blocks(text) for sentence in split(block.text)]


def words(sentence: str) -> list[str]:
    """The words of `sentence`, without the punctuation around them; a number written in groups
    of three digits ("1 000", "12 500") is one word."""
    if not _NUMBER_GROUPS.search(sentence):
        return _WORD.findall(sentence)
    found: list[str] = []
    grouped, end = False, 0  # whether the last word is a number a group of three digits goes on
    for match in _WORD.finditer(sentence):
        word, start = match.group(), match.start()
        if grouped and len(word) == 3 and word.isdecimal() and sentence[end:start].isspace():
            found[-1] += " " + word
        else:
            found.append(word)
        end = match.end()
        grouped = len(word) <= 3 and word.isdecimal() and sentence[start - 1 : start].strip() == ""
        grouped = grouped and sentence[end : end + 1].strip() == ""
    return found


def lix(text: str) -> float:
    """The LIX of `text`: words per sentence, plus the share of long words in per cent."""
    found = [words(sentence) for sentence in sentences(text)]
    return lix_of(sum(map(len, found)), len(found), sum(map(long_words, found)))


def lix_of(count: int, sentences: int, long: int) -> float:
    """The LIX of `count` words in `sentences` sentences, `long` of them long."""
    return count / sentences + 100 * long / count if count else 0.0


def long_words(found: Sequence[str]) -> int:
    """How many of `found` are long (most words are shorter than that: told by their length)."""
    return sum(
        1
        for word in found
        if len(word) > LONG_WORD and (word.isalpha() or sum(map(str.isalpha, word)) > LONG_WORD)
    )


def check(content: Content, folders: Folders, log: ErrorLog) -> None:
    """A warning at each too long Norwegian sentence, and at each file whose Norwegian prose
    has a LIX over MAX_LIX. What files that did not change gave is remembered (memo.py)."""
    if NB not in content.site.languages:
        return
    root = folders.root
    memo = Memo(root / MEMO, _salt())
    items: list[Page | Case | News] = [*content.pages.values(), *content.cases, *content.news]
    for item in items:
        prose = item.prose.get(NB)
        if prose is None or item.draft:
            continue
        rel = prose.where.path
        text = read_text(root / rel, rel, ErrorLog())  # read cleanly before: from memory
        if text is not None:
            _judged(memo, rel, text, partial(_markdown_sentences, prose, text), log)
    for declared in CONTENT_TYPES:
        if declared.storage == "markdown-folder":
            continue
        if declared.storage == "yaml-file":
            paths = [folders.content / declared.path]
        else:
            paths = list_files(folders.content / declared.path, ".yaml", root, ErrorLog())
        for path in paths:
            rel = relative(path, root)
            text = read_text(path, rel, ErrorLog()) if path.is_file() else None
            if text is not None:
                read = partial(_yaml_sentences, text, rel, declared)
                _judged(memo, rel, f"{declared.name}\0{text}", read, log)
    memo.save()


def _judged(
    memo: Memo, rel: str, text: str, read: Callable[[], Iterator[Sentence]], log: ErrorLog
) -> None:
    """The warnings for one file: remembered from a run that saw the same `text`, or judged."""
    key = memo.key(rel, text)
    found = memo.get(key)
    if found is None:
        scratch = ErrorLog()
        judge(rel, list(read()), scratch)
        found = [
            [warning.where.line, warning.message, warning.hint] for warning in scratch.warnings
        ]
        memo.put(key, found)
    for line, message, hint in found:
        log.warn(Position(rel, int(line)), str(message), str(hint))


@cache
def _salt() -> str:
    """The checking code: findings remembered from other code are not used."""
    code = b"".join(Path(path).read_bytes() for path in (__file__, plaintext.__file__ or ""))
    return hashlib.blake2b(code, digest_size=16).hexdigest()


def judge(rel: str, found: list[Sentence], log: ErrorLog) -> None:
    """The warnings for the sentences of one file."""
    for sentence in found:
        if len(sentence.words) > MAX_WORDS:
            log.warn(
                Position(rel, sentence.line),
                f"the sentence has {len(sentence.words)} words; the plain-language limit is "
                f"{MAX_WORDS}",
                f"split it in two, or leave words out: “{_quote(sentence.text)}”",
            )
    count = sum(len(sentence.words) for sentence in found)
    long = sum(sentence.long for sentence in found)
    value = round(lix_of(count, len(found), long))
    if count < MIN_LIX_WORDS or value <= MAX_LIX:
        return
    heaviest = max(found, key=lambda sentence: (sentence.long, len(sentence.words)))
    log.warn(
        Position(rel, found[0].line),
        f"the Norwegian text has LIX {value} ({len(found)} sentences, {count} words, {long} of "
        f"them long); the plain-language limit is {MAX_LIX}",
        f"write shorter sentences and fewer words of more than {LONG_WORD} letters; start with "
        f"line {heaviest.line} ({len(heaviest.words)} words, {heaviest.long} long): "
        f"“{_quote(heaviest.text)}”",
    )


def _quote(sentence: str) -> str:
    """The start of a sentence, cut after a whole word, enough to find it by."""
    return sentence if len(sentence) <= QUOTE else sentence[:QUOTE].rsplit(" ", 1)[0] + " …"


class _Source:
    """A file's text, to find each sentence's line in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def offset(self, line: int) -> int:
        return self.starts[min(max(line, 1), len(self.starts)) - 1]

    def find(self, word: str, start: int) -> int:
        """Where `word` stands as a word of its own, from `start` (within a window: a word the
        file spells otherwise, as an entity, is not searched for to the end); -1 if nowhere."""
        core = word.split(" ")[0]
        limit = start + 2000 + len(core)
        at = self.text.find(core, start, limit)
        while at >= 0:
            before = self.text[at - 1 : at]
            after = self.text[at + len(core) : at + len(core) + 1]
            if not before.isalnum() and not after.isalnum():
                return at
            at = self.text.find(core, at + 1, limit)
        return -1

    def sentences(self, markdown: str, line: int, exact: bool) -> Iterator[Sentence]:
        """The sentences of `markdown`, which is written from `line` on: line for line when
        `exact` (a body), or folded into other lines (a YAML value)."""
        cursor = self.offset(line)
        for block in blocks(markdown):
            for offset, text in _split(block.text):
                found = tuple(words(text))
                long = long_words(found)
                if exact:  # the block's own lines tell
                    yield Sentence(text, found, line + block.line_at(offset), long)
                    continue
                first = -1
                for word in found:
                    at = self.find(word, cursor)
                    if at >= 0:
                        first = at if first < 0 else first
                        cursor = at + len(word.split(" ")[0])
                yield Sentence(text, found, self.line(first if first >= 0 else cursor), long)


def _markdown_sentences(prose: Prose, text: str) -> Iterator[Sentence]:
    source = _Source(text)
    front = text.split("\n")[: prose.where.line]
    for name in ("title", "description"):
        lines = (i + 1 for i, line in enumerate(front) if line.startswith(name + ":"))
        yield from source.sentences(getattr(prose, name), next(lines, 1), exact=False)
    yield from source.sentences(prose.body, prose.where.line, exact=True)


def _yaml_sentences(text: str, rel: str, declared: ContentType) -> Iterator[Sentence]:
    node = read_yaml(text, rel, ErrorLog())
    if not isinstance(node, Mapping):
        return  # the readers report what cannot be read
    status = node.items.get("status")
    if status and isinstance(status[1], Scalar) and status[1].text != PUBLISHED:
        return
    source = _Source(text)
    for scalar in _prose(declared.fields, node):
        yield from source.sentences(scalar.text, scalar.where.line, exact=False)


def _prose(fields: tuple[Field, ...], node: Node) -> Iterator[Scalar]:
    """The Norwegian value of every field of prose in `node`, as `fields` declare them."""
    if isinstance(node, YamlList):
        for item in node.items:
            yield from _prose(fields, item)
        return
    if not isinstance(node, Mapping):
        return
    for declared in fields:
        value = node.items.get(declared.name, (None, None))[1]
        if declared.kind in ("group", "items") and value is not None:
            yield from _prose(declared.fields, value)
        elif isinstance(value, Mapping) and declared.translated and _is_prose(declared):
            norwegian = value.items.get(NB, (None, None))[1]
            if isinstance(norwegian, Scalar) and not norwegian.is_null:
                yield norwegian


def _is_prose(declared: Field) -> bool:
    return declared.kind in PROSE_KINDS or (
        declared.kind == "text" and declared.name in PROSE_FIELDS
    )
