"""A deterministic benchmark corpus: the same N pages for us, Hugo, Pelican and MkDocs.

N counts item pages. Items are stories (our `cases`) and news, each written in bokmål and
English, so N pages are N/2 translation pairs (an odd N is rounded up). Every page has realistic
front matter and 500-800 words of Markdown with headings, lists, emphasis, internal links and an
image. The text is filler made from a small vocabulary (no digits, names or places, so our
privacy gate has nothing to find); it states no facts and is never published.

For us the corpus is a complete content folder: the site settings, pages, groups, awards and
results are copied from the project's own content/, the real stories and news are left out, and
the generated ones take their place. The peers get one page per item plus one index listing all,
in their own formats, with the theme files from bench/peers/<tool>/.

    python -m bench.corpus --n 1000 --out /tmp/showcase-bench/n1000
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import io
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

PROJECT = Path(__file__).resolve().parent.parent
PEERS = Path(__file__).resolve().parent / "peers"
TOOLS = ("ours", "hugo", "pelican", "mkdocs")
LANGS = ("nb", "en")
SEED = "asker-velferdslab-bench-1"
IMAGES = tuple(f"bench-{i}.jpg" for i in range(6))
FIRST_DATE = datetime.date(2012, 1, 2)
LEFT_OUT = ("cases", "news", "images")  # content/ folders replaced by generated ones
REVISION = re.compile(r"^(Revisjon|Revision): [a-z]+\.$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"@(item|section|image):([^)\s]+)")

# -- vocabulary ----------------------------------------------------------------------------------

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        "subject": (
            "Familien", "De ansatte", "Kommunen", "Veilederen", "Teamet", "Forelderen",
            "Den unge", "Lederen", "Alle i møtet", "Hjelperen", "Laget", "NAV",
        ),
        "verb": (
            "ser på", "følger opp", "lager", "deler", "tenker på", "styrker", "ordner",
            "skriver ned", "velger", "gjør enklere", "endrer", "går gjennom",
        ),
        "object": (
            "en felles plan", "hverdagen", "målene", "tiltakene", "hjelpen", "avtalene",
            "pengene", "dagene", "arbeidet", "neste steg", "ansvaret", "møtene",
        ),
        "adverbial": (
            "sammen med familien", "hver uke", "på kort sikt", "på lang sikt", "i møtet",
            "uten nye skjemaer", "med én kontakt", "før sommeren", "etter hvert",
            "på en enkel måte", "rundt samme bord", "i godt samspill",
        ),
        "adjective": (
            "trygg", "tydelig", "felles", "stabil", "enkel", "konkret", "realistisk", "ny",
        ),
        "noun": ("plan", "hverdag", "start", "retning", "rutine", "oppfølging", "løsning"),
        "heading": (
            "Situasjonen", "Møtet", "Planen", "Slik går det nå", "Hva vi lærte", "Neste steg",
            "Tiltakene", "Samarbeidet", "Erfaringene", "Veien videre",
        ),
        "link": ("les mer her", "en lignende historie", "en annen sak", "flere eksempler"),
        "section": ("alle historiene", "alle nyhetene"),
        "alt": ("Illustrasjon av et møte", "Illustrasjon av en plan", "Illustrasjon av et team"),
        "lead": ("Kort fortalt", "Viktigst av alt", "Det som hjalp"),
        "family": ("Familie", "Ung voksen", "Forelder"),
        "see": ("Se også",),
        "find": ("Her finner du",),
    },
    "en": {
        "subject": (
            "The family", "The services", "The municipality", "The adviser", "The team",
            "The parent", "The young adult", "The coordinator", "The professionals",
            "The contact person", "The group", "The NAV adviser",
        ),
        "verb": (
            "plans", "follows up", "makes", "shares", "assesses", "strengthens", "coordinates",
            "describes", "prioritises", "simplifies", "adjusts", "reviews",
        ),
        "object": (
            "a shared plan", "everyday life", "the goals", "the measures", "the follow-up",
            "the appointments", "the finances", "the routines", "the cooperation",
            "the next step", "the responsibility", "the meetings",
        ),
        "adverbial": (
            "together with the family", "every week", "in the short term", "in the long term",
            "in the meeting", "without extra forms", "with one contact person",
            "before the summer", "over time", "in a simple way", "around the same table",
            "in close dialogue",
        ),
        "adjective": (
            "safe", "clear", "shared", "stable", "simple", "concrete", "realistic", "new",
        ),
        "noun": ("plan", "everyday life", "start", "direction", "routine", "follow-up", "way"),
        "heading": (
            "The situation", "The meeting", "The plan", "How it is going", "What we learned",
            "Next steps", "The measures", "Working together", "Experience", "The way ahead",
        ),
        "link": ("read more here", "a similar story", "another case", "more examples"),
        "section": ("all the stories", "all the news"),
        "alt": ("Illustration of a meeting", "Illustration of a plan", "Illustration of a team"),
        "lead": ("In short", "Most of all", "What helped"),
        "family": ("Family", "Young adult", "Parent"),
        "see": ("See also",),
        "find": ("Here you find",),
    },
}  # fmt: skip
REVISION_WORD = {"nb": "Revisjon", "en": "Revision"}


@dataclass(frozen=True)
class Item:
    """One story or news item; it has a page in each language."""

    index: int
    kind: str  # "case" or "news"
    date: datetime.date

    @property
    def key(self) -> str:
        """Our file name without language: news keys start with their date."""
        if self.kind == "case":
            return f"historie-{self.index:05d}"
        return f"{self.date.isoformat()}-nyhet-{self.index:05d}"

    @property
    def slug(self) -> str:
        return self.key if self.kind == "case" else self.key[11:]

    def name(self, lang: str) -> str:
        """The peers' page name: one flat page per item and language."""
        kind = "story" if self.kind == "case" else "news"
        return f"{kind}-{self.index:05d}-{lang}"


@dataclass(frozen=True)
class Page:
    item: Item
    lang: str
    title: str
    description: str
    body: str  # Markdown with @item:/@section:/@image: placeholders for addresses
    extra: dict[str, object] = field(default_factory=dict)  # our stories' front matter


# -- text ----------------------------------------------------------------------------------------


class Writer:
    """Sentences, paragraphs and lists from one page's random stream."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.words = WORDS[lang]

    def pick(self, kind: str) -> str:
        return self.rng.choice(self.words[kind])

    def sentence(self, emphasis: bool = False) -> str:
        obj = self.pick("object")
        if emphasis:
            obj = self.rng.choice(("*{}*", "**{}**")).format(obj)
        return f"{self.pick('subject')} {self.pick('verb')} {obj} {self.pick('adverbial')}."

    def paragraph(self, sentences: int | None = None) -> str:
        n = sentences or self.rng.randint(3, 6)
        return " ".join(self.sentence(emphasis=self.rng.random() < 0.25) for _ in range(n))

    def bullets(self, ordered: bool = False) -> str:
        lines = []
        for number in range(1, self.rng.randint(3, 5) + 1):
            text = f"{self.pick('verb')} {self.pick('object')} {self.pick('adverbial')}"
            lines.append(f"{number}. {text.capitalize()}" if ordered else f"- {text.capitalize()}")
        return "\n".join(lines)

    def phrase(self) -> str:
        text = f"{self.pick('adjective')} {self.pick('noun')} {self.pick('adverbial')}"
        return text[0].upper() + text[1:]


def page_text(item: Item, lang: str, others: list[Item]) -> Page:
    """One page: title, description and a 500-800 word body, the same for every tool."""
    rng = random.Random(f"{SEED}:{item.index}:{lang}")
    w = Writer(rng, lang)
    section = 0 if item.kind == "case" else 1
    title = f"{w.phrase()} – {w.pick('heading').lower()}"
    description = w.sentence()
    headings = rng.sample(w.words["heading"], 4)
    target = rng.randint(500, 740)  # the last paragraph adds at most ~60 words
    links = " ".join(
        f"{w.words['see'][0]} [{w.pick('link')}](@item:{other.index}:{lang})." for other in others
    )
    parts = [
        f"**{w.pick('lead')}:** {w.paragraph()}",
        f"## {headings[0]}",
        w.paragraph(),
        w.paragraph(),
        w.bullets(),
        f"## {headings[1]}",
        f"{w.paragraph(2)} {links} "
        f"{w.words['find'][0]} [{w.words['section'][section]}](@section:{item.kind}:{lang}).",
        f"![{w.pick('alt')}](@image:{IMAGES[item.index % len(IMAGES)]})",
        f"### {headings[2]}",
        w.bullets(ordered=True),
        w.paragraph(),
        f"## {headings[3]}",
    ]
    while len(" ".join(parts).split()) < target:
        parts.append(w.paragraph())
    parts.append(f"{REVISION_WORD[lang]}: grunnversjon.")
    return Page(item, lang, title, description, "\n\n".join(parts) + "\n")


def story_fields(
    item: Item, groups: list[str], services: list[str]
) -> dict[str, dict[str, object]]:
    """Our stories' front matter: the neutral fields agree between languages, as required."""
    rng = random.Random(f"{SEED}:{item.index}:fields")
    levels = ("uholdbar", "ustabil", "stabil", "baerekraftig")
    before = rng.randrange(0, 3)
    neutral: dict[str, object] = {
        "group": rng.choice(groups),
        "services": sorted(rng.sample(services, rng.randint(2, 4))),
        "stability": {"before": levels[before], "after": levels[rng.randint(before + 1, 3)]},
        "consent": f"ILLUSTRASJON-{item.index:05d}",
    }
    letter = chr(ord("A") + item.index % 26)
    out = {}
    for lang in LANGS:
        w = Writer(random.Random(f"{SEED}:{item.index}:{lang}:fields"), lang)
        out[lang] = {
            "pseudonym": f"{w.pick('family')} {letter}",
            **neutral,
            "goals": {
                "short": [w.phrase() for _ in range(2)],
                "long": [w.phrase() for _ in range(2)],
            },
            "measures": [w.phrase() for _ in range(3)],
        }
    return out


def plan(n: int) -> list[Item]:
    """N pages as ceil(N/2) items, stories and news taking turns, one day apart."""
    pairs = (max(n, 2) + 1) // 2
    return [
        Item(i, "case" if i % 2 == 0 else "news", FIRST_DATE + datetime.timedelta(days=i))
        for i in range(pairs)
    ]


def pages_for(items: list[Item], groups: list[str], services: list[str]) -> list[Page]:
    pages = []
    for item in items:
        others = [items[(item.index * 7 + 3) % len(items)], items[(item.index + 1) % len(items)]]
        fields = story_fields(item, groups, services) if item.kind == "case" else {}
        for lang in LANGS:
            page = page_text(item, lang, others)
            pages.append(dataclasses.replace(page, extra=fields.get(lang, {})))
    return pages


# -- addresses per tool --------------------------------------------------------------------------

Resolver = Callable[[str, str, Page], str]


def our_address(items: list[Item], section_slugs: dict[tuple[str, str], str]) -> Resolver:
    def section(kind: str, lang: str) -> str:
        home = "/" if lang == LANGS[0] else f"/{lang}/"
        return f"{home}{section_slugs[(kind, lang)]}/"

    def resolve(kind: str, value: str, page: Page) -> str:
        if kind == "image":
            return f"/images/{value}"
        if kind == "section":
            item_kind, lang = value.split(":")
            return section(item_kind, lang)
        index, lang = value.split(":")
        item = items[int(index)]
        return f"{section(item.kind, lang)}{item.slug}/"

    return resolve


def peer_address(tool: str, items: list[Item]) -> Resolver:
    """Each peer's own way of linking: Pelican's {filename}, MkDocs' relative .md links."""

    def resolve(kind: str, value: str, page: Page) -> str:
        if kind == "image":
            return {"pelican": "{static}/images/", "mkdocs": "../images/"}.get(
                tool, "/images/"
            ) + value
        if kind == "section":
            return {"mkdocs": "../index.md", "pelican": "/"}.get(tool, "/")
        index, lang = value.split(":")
        name = items[int(index)].name(lang)
        if tool == "pelican":
            return f"{{filename}}/items/{name}.md"
        if tool == "mkdocs":
            return f"{name}.md"
        return f"/items/{name}/"

    return resolve


def resolved(page: Page, resolve: Resolver) -> str:
    def swap(match: re.Match[str]) -> str:
        return resolve(match.group(1), match.group(2), page)

    return _PLACEHOLDER.sub(swap, page.body)


# -- writing -------------------------------------------------------------------------------------


def front_matter(fields: dict[str, object]) -> str:
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def image_bytes(index: int) -> bytes:
    """A 1200×675 JPEG drawn from its index alone: same bytes on every run."""
    image = Image.new("RGB", (1200, 675), (0, 90 + index * 20, 91))
    draw = ImageDraw.Draw(image)
    for step in range(12):
        shade = (40 + step * 15, 120 + index * 10, 160 - step * 8)
        draw.rectangle((step * 100, 675 - step * 50, step * 100 + 90, 675), fill=shade)
    draw.ellipse((100 + index * 120, 80, 380 + index * 120, 360), fill=(255, 214, 102))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def write_ours(target: Path, source: Path, items: list[Item], pages: list[Page]) -> None:
    content = target / "content"
    for entry in sorted(source.iterdir()):
        if entry.name in LEFT_OUT or entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, content / entry.name)
        else:
            write(content / entry.name, entry.read_bytes())
    for i, name in enumerate(IMAGES):
        write(content / "images" / name, image_bytes(i))
    resolve = our_address(items, section_slugs(source))
    for page in pages:
        item = page.item
        fields: dict[str, object] = {"title": page.title, "description": page.description}
        if item.kind == "case":
            fields |= page.extra
        fields |= {"status": "published", "illustrative": True}
        folder = "cases" if item.kind == "case" else "news"
        path = content / folder / f"{item.key}.{page.lang}.md"
        write(path, front_matter(fields) + resolved(page, resolve))


def write_peer(tool: str, target: Path, items: list[Item], pages: list[Page]) -> None:
    shutil.copytree(PEERS / tool, target, ignore=shutil.ignore_patterns("__pycache__"))
    docs = target / ("docs" if tool == "mkdocs" else "content")
    static = target / "static" if tool == "hugo" else docs
    for i, name in enumerate(IMAGES):
        write(static / "images" / name, image_bytes(i))
    resolve = peer_address(tool, items)
    for page in pages:
        item, body = page.item, resolved(page, resolve)
        path = docs / "items" / f"{item.name(page.lang)}.md"
        if tool == "pelican":
            head = (
                f"Title: {page.title}\nDate: {item.date.isoformat()}\n"
                f"Slug: {item.name(page.lang)}\nSummary: {page.description}\n"
                f"Pagelang: {page.lang}\n\n"
            )
            write(path, head + body)
            continue
        fields: dict[str, object] = {
            "title": page.title,
            "description": page.description,
            "date": item.date.isoformat(),
        }
        fields |= {"params": {"pagelang": page.lang}} if tool == "hugo" else {"pagelang": page.lang}
        write(path, front_matter(fields) + body)
    if tool == "mkdocs":
        write(docs / "index.md", "---\ntitle: All pages\n---\n")


def section_slugs(source: Path) -> dict[tuple[str, str], str]:
    """The stories and news pages' slugs in each language, from the copied content."""
    slugs = {}
    for kind, key in (("case", "stories"), ("news", "news")):
        for lang in LANGS:
            text = (source / "pages" / f"{key}.{lang}.md").read_text(encoding="utf-8")
            match = re.search(r"^slug: *(\S+)", text, re.MULTILINE)
            slugs[(kind, lang)] = match.group(1) if match else key
    return slugs


def generate(n: int, out: Path, source: Path = PROJECT / "content") -> list[Item]:
    """Write the corpus for every tool into out/<tool>/, replacing what was there."""
    groups = sorted(p.stem for p in (source / "groups").glob("*.yaml"))
    services_file = yaml.safe_load((source / "services.yaml").read_text(encoding="utf-8"))
    services = sorted(row["key"] for row in services_file["services"])
    items = plan(n)
    pages = pages_for(items, groups, services)
    for tool in TOOLS:
        shutil.rmtree(out / tool, ignore_errors=True)
    write_ours(out / "ours", source, items, pages)
    for tool in TOOLS[1:]:
        write_peer(tool, out / tool, items, pages)
    return items


# -- what the runner needs to know -----------------------------------------------------------------


def our_item_paths(items: list[Item], source: Path = PROJECT / "content") -> list[str]:
    """Where our build writes each item's page, inside site/."""
    slugs = section_slugs(source)
    paths = []
    for item in items:
        for lang in LANGS:
            home = "" if lang == LANGS[0] else f"{lang}/"
            paths.append(f"{home}{slugs[(item.kind, lang)]}/{item.slug}/index.html")
    return paths


def revise(path: Path, word: str) -> None:
    """Change one page's body text (its last line) to carry `word`, as an editor's save would."""
    text = path.read_text(encoding="utf-8")
    new, count = REVISION.subn(lambda m: f"{m.group(1)}: {word}.", text)
    if count != 1:
        raise ValueError(f"{path} has no revision line to change")
    path.write_text(new, encoding="utf-8")


def marker(number: int) -> str:
    """A word made of letters only (digits could look like phone numbers to the privacy gate)."""
    letters = ""
    number += 26 * 27  # at least three letters
    while number:
        number, rest = divmod(number, 26)
        letters = chr(ord("a") + rest) + letters
    return "merke" + letters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="item pages (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder for out/<tool>/")
    args = parser.parse_args()
    items = generate(args.n, args.out)
    print(f"wrote {len(items) * len(LANGS)} item pages for {', '.join(TOOLS)} into {args.out}")


if __name__ == "__main__":
    main()
