"""The printed handouts: two A4 pages per language, accessible, made from published content only.

What is checked is what a reader of the PDF gets: the page count and size, the fonts inside the
file, the title and language a screen reader announces, the text, the links and the QR code (read
back from a picture of the page, as a phone would), and that growing content cannot push the
sheet onto a third page.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT, folders_for
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from showcase import pipeline
from showcase.commands.cli import main
from showcase.common.errors import BuildError
from showcase.handouts import printer as handout_pdf
from showcase.handouts import selection as handout_content
from showcase.handouts import sheets as handouts

BASE = "https://velferdslab.example.org"
A4 = (595.28, 841.89)  # points
BLEED = 3 / 25.4 * 72  # 3 mm in points
LANGS = ("nb", "en")
NAMES = {
    ("nb", False): "asker-velferdslab-nb.pdf",
    ("en", False): "asker-velferdslab-en.pdf",
    ("nb", True): "asker-velferdslab-nb-print.pdf",
    ("en", True): "asker-velferdslab-en-print.pdf",
}
TITLES = {"nb": "Asker velferdslab – informasjonsark", "en": "Asker Welfare Lab – fact sheet"}


def pdf_at(site: Path, lang: str, print_shop: bool = False) -> PdfReader:
    return PdfReader(site / "handouts" / NAMES[(lang, print_shop)])


def text_of(reader: PdfReader) -> str:
    """The PDF's text with all spacing (line breaks, thin and no-break spaces) made one space."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


# -- the published handouts of the real content ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_two_page_a4_sheet_and_a_print_shop_version_with_bleed(
    real_site: Path, lang: str
) -> None:
    office = pdf_at(real_site, lang)
    assert len(office.pages) == 2
    for page in office.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
    shop = pdf_at(real_site, lang, print_shop=True)
    assert len(shop.pages) == 2
    for page in shop.pages:
        trim = (float(page.trimbox.width), float(page.trimbox.height))
        media = (float(page.mediabox.width), float(page.mediabox.height))
        assert (round(trim[0], 1), round(trim[1], 1)) == (round(A4[0], 1), round(A4[1], 1))
        assert media[0] == pytest.approx(A4[0] + 2 * BLEED, abs=0.1)
        assert media[1] == pytest.approx(A4[1] + 2 * BLEED, abs=0.1)


def fonts_of(reader: PdfReader) -> Iterator[tuple[str, DictionaryObject]]:
    """(font name, font descriptor) for every font a page uses."""
    for page in reader.pages:
        for font in resolve(page["/Resources"]).get("/Font", {}).values():
            font = resolve(font)
            for part in [font, *(resolve(d) for d in font.get("/DescendantFonts", []))]:
                if "/FontDescriptor" in part:
                    yield str(part["/BaseFont"]), resolve(part["/FontDescriptor"])


@pytest.mark.parametrize("print_shop", [False, True])
def test_every_font_is_embedded_and_is_the_projects_font(real_site: Path, print_shop: bool) -> None:
    for lang in LANGS:
        found = list(fonts_of(pdf_at(real_site, lang, print_shop)))
        assert found, "no fonts found"
        for name, descriptor in found:
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), (
                f"{name} not embedded"
            )
            assert "Inter" in name, f"{name} is not the handout font"


@pytest.mark.parametrize("lang", LANGS)
def test_title_language_and_tags_are_set_for_screen_readers(real_site: Path, lang: str) -> None:
    reader = pdf_at(real_site, lang)
    assert reader.metadata is not None and reader.metadata.title == TITLES[lang]
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == lang
    assert bool(resolve(catalog["/MarkInfo"])["/Marked"])
    assert bool(resolve(catalog["/ViewerPreferences"])["/DisplayDocTitle"])
    assert "/StructTreeRoot" in catalog
    xmp = resolve(catalog["/Metadata"]).get_data().decode()
    assert "pdfuaid:part" in xmp and re.search(r"pdfuaid:part[^1]{0,3}1", xmp)


def structure_tags(reader: PdfReader) -> list[str]:
    """The structure tree's element types in reading order (depth first)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        node = resolve(node)
        if isinstance(node, DictionaryObject):
            if "/S" in node:
                found.append(str(node["/S"]))
            kids = node.get("/K", [])
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_reading_order_follows_the_sheet_front_to_back(real_site: Path) -> None:
    reader = pdf_at(real_site, "nb")
    tags = structure_tags(reader)
    headings = [tag for tag in tags if tag in ("/H1", "/H2")]
    assert headings[0] == "/H1" and headings.count("/H1") == 1
    assert "/Table" in tags and "/L" in tags
    text = text_of(reader)
    order = [
        "Asker velferdslab",
        "Hva det første året viste",
        "Slik foregår arbeidet",
        "Fra uholdbar til bærekraftig",
        "Målgrupper",
        "Priser og utmerkelser",
        "Eksempel: slik kan endring vises",
        "En historie",
        "Kontakt",
    ]
    places = [text.find(heading) for heading in order]
    assert -1 not in places, dict(zip(order, places, strict=True))
    assert places == sorted(places)


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_has_every_award_and_its_figures(real_site: Path, lang: str) -> None:
    content, _ = pipeline.validate(folders_for(PROJECT / "content"))
    text = text_of(pdf_at(real_site, lang))
    assert len(content.awards) == 3
    of = {"nb": "av", "en": "of"}[lang]
    qualifier = {"nb": {"about": "om lag", "more_than": "mer enn"}, "en": {}}
    qualifier["en"] = {"about": "about", "more_than": "more than"}
    for award in content.awards:
        assert " ".join(award.outcome[lang].split()) in text
        assert " ".join(award.name[lang].split()) in text
        for figure in award.figures:
            number = f"{figure.value:,}".replace(",", " " if lang == "nb" else ",")
            value = f"{qualifier[lang][figure.qualifier]} {number}" if figure.qualifier else number
            if figure.of:
                value += f" {of} {figure.of}"
            assert f"{value} {' '.join(figure.label[lang].split())}" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_story_is_labelled_illustrative_and_the_results_follow_suppression(
    real_site: Path, lang: str
) -> None:
    text = text_of(pdf_at(real_site, lang))
    label = {"nb": "Illustrerende eksempel", "en": "Illustrative example"}[lang]
    assert text.count(label.upper()) + text.count(label) >= 2  # the story and the numbers
    too_small = {
        "nb": "For hver målgruppe er tallene for små til å vises uten å kunne kjenne igjen noen.",
        "en": "For each target group, the numbers are too small to show without someone being "
        "recognisable.",
    }[lang]
    assert too_small in text  # every count per group is below 5 or would give one back
    back = " ".join(pdf_at(real_site, lang).pages[1].extract_text().split())
    table = back[back.index(TABLE_START[lang]) : back.index(too_small)]
    group = {"nb": "Utsatte unge mellom 18 og 25 år", "en": "Vulnerable young people"}[lang]
    assert group not in table  # all groups together only: no row per group
    hidden = {"nb": ("skjult", "under 5"), "en": ("hidden", "fewer than 5")}[lang]
    assert not any(word in table for word in hidden)  # every count of the cohort is shown


TABLE_START = {
    "nb": "Alle målgruppene samlet, før og etter det første året",
    "en": "All target groups together, before and after the first year",
}
AS_OF = {"nb": "Per februar 2018", "en": "As of February 2018"}
SOURCE = {
    "nb": "Kilde: Asker kommune, nyhetssaker november 2017 og februar 2018",
    "en": "Source: Asker Municipality, news stories November 2017 and February 2018",
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_says_the_findings_in_words_with_their_date_and_source(
    real_site: Path, lang: str
) -> None:
    content, _ = pipeline.validate(folders_for(PROJECT / "content"))
    assert content.results is not None and content.results.findings
    front = " ".join(pdf_at(real_site, lang).pages[0].extract_text().split())
    for finding in content.results.findings:
        assert " ".join(finding[lang].split()) in front
    assert AS_OF[lang] in front and SOURCE[lang] in front


@pytest.mark.parametrize("lang", LANGS)
def test_both_pages_are_well_filled(real_site: Path, lang: str, tmp_path: Path) -> None:
    """No near-empty page: each page has ink in its bottom quarter, above the foot line."""
    from PIL import Image

    pdftoppm = require("pdftoppm")
    pdf = real_site / "handouts" / NAMES[(lang, False)]
    subprocess.run([pdftoppm, "-r", "30", "-gray", "-png", pdf, tmp_path / "p"], check=True)
    for picture in sorted(tmp_path.glob("p*.png")):
        image = Image.open(picture).convert("L")
        width, height = image.size
        rows = [image.crop((0, y, width, y + 1)) for y in range(int(height * 0.9))]
        lowest = max(y for y, row in enumerate(rows) if row.getextrema()[0] < 200)
        assert lowest > height * 0.75, (picture.name, round(lowest / height, 2))


def test_counts_are_written_by_one_function_that_follows_the_shared_rule() -> None:
    content, _ = pipeline.validate(folders_for(PROJECT / "content"))
    strings = content.strings
    assert handout_content.shown_count(12, "nb", strings) == "12"
    from showcase.checks.suppress import Cell

    assert handout_content.shown_count(Cell(None, "small"), "en", strings) == "fewer than 5"
    assert handout_content.shown_count(Cell(7), "nb", strings) == "7"


@pytest.mark.parametrize("lang", LANGS)
def test_links_are_clickable_and_point_at_the_site(real_site: Path, lang: str) -> None:
    reader = pdf_at(real_site, lang)
    home = BASE + ("/" if lang == "nb" else "/en/")
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            action = resolve(annotation).get("/A")
            if action is not None and "/URI" in resolve(action):
                uris.append(str(resolve(action)["/URI"]))
    assert home in uris
    assert "https://www.asker.kommune.no" in uris
    assert all(uri.startswith("https://") for uri in uris), uris


def require(tool: str) -> str:
    """A command-line tool, or a skip here and a failure on CI (where it must be installed)."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (apt-get install poppler-utils; `make test` does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


REAL_ADDRESS = "https://velferdslab.asker.kommune.no"
PROOF = {"nb": "Prøveutgave – ikke til utdeling", "en": "Proof copy — not for distribution"}


def codes_on(pdf: Path, page: int, tmp_path: Path) -> list[Any]:
    """The QR codes a phone would read from one page of a PDF."""
    import zxingcpp
    from PIL import Image

    pdftoppm = require("pdftoppm")
    prefix = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(
        [pdftoppm, "-f", str(page), "-l", str(page), "-r", "150", "-gray", "-png", pdf, prefix],
        check=True,
    )
    (picture,) = tmp_path.glob(f"{prefix.name}*.png")
    return list(zxingcpp.read_barcodes(Image.open(picture)))


@pytest.fixture(scope="module", params=["", "/velferdslab"], ids=["at-root", "under-a-path"])
def real_address_handouts(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The real content's handouts with a real address in place of the placeholder, at a
    domain's root or under a path of it: (folder, the site's address without a slash)."""
    address = REAL_ADDRESS + request.param
    folder = tmp_path_factory.mktemp("real-address")
    content = folder / "content"
    shutil.copytree(PROJECT / "content", content)
    edit(content / "site.yaml", BASE, address + ("/" if request.param else ""))
    for item in render(content).items:
        (folder / item.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / item.path).write_bytes(item.data)
    return folder, address


@pytest.mark.parametrize("lang", LANGS)
def test_qr_code_on_the_back_opens_the_site_in_the_same_language(
    real_address_handouts: tuple[Path, str], lang: str, tmp_path: Path
) -> None:
    import zxingcpp

    folder, address = real_address_handouts
    pdf = folder / "handouts" / NAMES[(lang, False)]
    codes = codes_on(pdf, 2, tmp_path)
    assert [code.text for code in codes] == [address + ("/" if lang == "nb" else "/en/")]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    reader = PdfReader(pdf)
    assert "/Figure" in structure_tags(reader)  # the QR code, described for screen readers
    typed = address.removeprefix("https://") + ("" if lang == "nb" else "/en")
    lines = reader.pages[1].extract_text().splitlines()
    assert typed in [line.strip() for line in lines], "the address under the QR code is broken"
    assert all(PROOF[lang] not in page.extract_text() for page in reader.pages)
    uris = [
        str(resolve(resolve(annotation)["/A"])["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in resolve(annotation)
    ]
    ours = [uri for uri in uris if uri.startswith(REAL_ADDRESS)]
    assert len(ours) >= 2 and all(uri.startswith(address + "/") for uri in ours), ours


@pytest.mark.parametrize("lang", LANGS)
def test_a_placeholder_address_prints_a_proof_copy_without_a_qr_code(
    real_site: Path, lang: str, tmp_path: Path
) -> None:
    """content/site.yaml's address is a placeholder: a QR code would lead nowhere."""
    pdf = real_site / "handouts" / NAMES[(lang, False)]
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        assert PROOF[lang] in " ".join(page.extract_text().split()), number
        assert codes_on(pdf, number, tmp_path) == [], number


def test_the_site_links_to_the_handouts_with_language_and_size(real_site: Path) -> None:
    from lxml import html

    sizes = {name: (real_site / "handouts" / name).stat().st_size for name in set(NAMES.values())}
    for page in ("index.html", "om/index.html", "en/index.html", "en/about/index.html"):
        doc = html.parse(str(real_site / page)).getroot()
        for (lang, _print_shop), name in NAMES.items():
            (link,) = doc.xpath(f"//a[@href='/handouts/{name}']")
            assert link.get("hreflang") == lang and link.get("type") == "application/pdf"
            item = link.getparent().text_content()
            assert f"{round(sizes[name] / 1000)} kB" in " ".join(item.split()), (page, name)
        names = doc.xpath("//a[@href='/handouts/asker-velferdslab-en.pdf']//*[@lang='en']")
        assert names and names[0].text_content() == "English", page


# -- what may and may not appear ---------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def render(content_dir: Path, cache: Path | None = None) -> handouts.Handouts:
    folders = folders_for(content_dir)
    content, _ = pipeline.validate(folders)
    return handouts.render_handouts(content, folders, cache)


def test_drafts_never_appear_on_a_handout(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    (content / "awards" / "utkast.yaml").write_text(
        (content / "awards" / "pris.yaml")
        .read_text(encoding="utf-8")
        .replace("status: published", "status: draft")
        .replace("Testprisen 2017", "Utkastprisen")
        .replace("The Test Award 2017", "The Draft Award"),
        encoding="utf-8",
    )
    result = render(content)
    for lang in LANGS:
        text = text_of(PdfReader(io.BytesIO(result.get(lang).data)))
        assert {"nb": "Testprisen 2017", "en": "The Test Award 2017"}[lang] in text
        for draft in ("Utkastprisen", "The Draft Award", "Hemmelig gruppe", "Secret group"):
            assert draft not in text


def test_a_preview_with_drafts_makes_no_handouts(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    out = content.parent / "site"
    pipeline.build(folders_for(content), out, include_drafts=True)
    assert not (out / "handouts").exists()
    assert "/handouts/" not in (out / "index.html").read_text(encoding="utf-8")


# -- growing content -------------------------------------------------------------------------

WORDS = [
    "velferdslaben",
    "samordner",
    "tjenestene",
    "rundt",
    "familien",
    "sammen",
    "med",
    "kommunen",
    "og",
    "samarbeidspartnere",
    "tverrfaglig",
    "oppfølging",
    "helsestasjonen",
    "barnevernstjenesten",
    "kvalifiseringsprogrammet",
    "bolig",
]

LIMITS = {  # the schema's length limits for every text the handout shows
    "title": 60,
    "tagline": 120,
    "description": 200,
    "organisation": 60,
    "contact": 40,
    "step_title": 40,
    "step_text": 150,
    "level_name": 16,
    "level_text": 100,
    "group_name": 70,
    "group_summary": 160,
    "award_name": 80,
    "award_outcome": 50,
    "award_place": 30,
    "figure_label": 90,
    "partner_name": 30,
    "case_title": 120,
    "case_description": 200,
    "finding": 100,
    "findings_source": 100,
    "results_note": 200,
}


def filler(length: int, seed: int = 0) -> str:
    """Text of exactly `length` characters, in words of mixed length, ending in a letter."""
    words, i = [], seed
    while len(" ".join(words)) < length:
        words.append(WORDS[i % len(WORDS)])
        i += 1
    text = " ".join(words)[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def both(length: int, seed: int = 0) -> dict[str, str]:
    return {"nb": filler(length, seed), "en": filler(length, seed + 3)}


def rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def rewrite_front_matter(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    change(data)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def grow_to_limits(content: Path, limits: dict[str, int] = LIMITS) -> None:
    """Every text the handout shows at its longest, and every list at the most it shows."""

    def site(data: dict[str, Any]) -> None:
        for key in ("title", "tagline", "description", "organisation"):
            data[key] = both(limits[key])
        data["contact"]["name"] = both(limits["contact"])

    def method(data: dict[str, Any]) -> None:
        data["steps"] = [
            {"title": both(limits["step_title"], i), "text": both(limits["step_text"], i)}
            for i in range(handout_content.MAX_STEPS)
        ]
        for i, level in enumerate(data["scale"]):
            level["name"] = both(limits["level_name"], i)
            level["text"] = both(limits["level_text"], i)

    rewrite(content / "site.yaml", site)
    rewrite(content / "method.yaml", method)
    groups = sorted((content / "groups").glob("*.yaml"))
    for i in range(len(groups), handout_content.MAX_GROUPS):
        shutil.copy(groups[0], content / "groups" / f"ekstra-{i}.yaml")
    for i, path in enumerate(sorted((content / "groups").glob("*.yaml"))):
        rewrite(
            path,
            lambda d, i=i: d.update(
                name=both(limits["group_name"], i), summary=both(limits["group_summary"], i)
            ),
        )

    def results(data: dict[str, Any]) -> None:
        data["findings"] = [
            {"text": both(limits["finding"], i)} for i in range(handout_content.MAX_FINDINGS)
        ]
        data["source"] = both(limits["findings_source"])
        english = ("the numbers were made up to show how change can be measured " * 9).strip()
        data["note"] = {
            "nb": filler(limits["results_note"]),
            "en": english[: limits["results_note"]],
        }
        data["groups"] = [  # every group with something to draw: the longest results table
            {
                "group": path.stem,
                "before": {"uholdbar": 40, "ustabil": 31, "stabil": 12, "baerekraftig": 0},
                "after": {"uholdbar": 0, "ustabil": 9, "stabil": 60, "baerekraftig": 14},
            }
            for path in sorted((content / "groups").glob("*.yaml"))
        ]

    rewrite(content / "results.yaml", results)
    for i, path in enumerate(sorted((content / "awards").glob("*.yaml"))):

        def award(data: dict[str, Any], i: int = i) -> None:
            data["name"] = both(limits["award_name"], i)
            data["outcome"] = both(limits["award_outcome"], i)
            data["place"] = both(limits["award_place"], i)
            data["figures"] = [
                {
                    "value": 12_345,
                    "of": 99_999,
                    "qualifier": "more_than",
                    "label": both(limits["figure_label"], i + j),
                }
                for j in range(handout_content.MAX_FIGURES)
            ]

        rewrite(path, award)
    partners = sorted((content / "partners").glob("*.yaml"))
    for i in range(len(partners), handout_content.MAX_PARTNERS):
        shutil.copy(partners[0], content / "partners" / f"ekstra-{i}.yaml")
    for i, path in enumerate(sorted((content / "partners").glob("*.yaml"))):
        rewrite(path, lambda d, i=i: d.update(name=both(limits["partner_name"], i)))
    for path in sorted((content / "cases").glob("*.md")):
        seed = 3 if path.name.endswith(".en.md") else 0  # no English copy of the Norwegian
        rewrite_front_matter(
            path,
            lambda d, seed=seed: d.update(
                title=filler(limits["case_title"], seed),
                description=filler(limits["case_description"], seed),
            ),
        )


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(PROJECT / "content", target)
    return target


def test_content_at_every_length_limit_still_fits_two_pages(real_copy: Path) -> None:
    grow_to_limits(real_copy)
    result = render(real_copy)  # raises BuildError if a sheet took more than two pages
    for item in result.items:
        assert len(PdfReader(io.BytesIO(item.data)).pages) == 2
    text = text_of(PdfReader(io.BytesIO(result.get("nb").data)))
    assert filler(LIMITS["step_text"], handout_content.MAX_STEPS - 1) in text  # all steps shown


def overflowing(document: Any) -> list[str]:
    """Boxes whose content runs past their parent's bottom or right edge: text over text.

    The page count cannot see this, so the laid-out boxes are checked. (WeasyPrint's box tree is
    internal; the version is pinned in pyproject.toml.)
    """
    from weasyprint.formatting_structure import boxes

    found: list[str] = []

    def check(box: Any, page: int) -> None:
        if not isinstance(box, boxes.ParentBox) or isinstance(box, boxes.InlineBox):
            return
        right = box.content_box_x() + box.width + 1  # one CSS pixel of rounding
        bottom = box.content_box_y() + box.height + 1
        for child in box.children:
            if child.style["position"] in ("absolute", "fixed") or getattr(child, "rowspan", 1) > 1:
                continue  # placed outside on purpose; a cell spanning rows reaches past its row
            tall = not isinstance(box, boxes.LineBox)  # glyphs may stand taller than a line
            if child.position_x + child.margin_width() > right or (
                tall and child.position_y + child.margin_height() > bottom
            ):
                text = " ".join(
                    getattr(b, "text", "") for b in child.descendants() if hasattr(b, "text")
                )
                found.append(f"page {page}: <{box.element_tag}> overflows: {text[:60]!r}")
            check(child, page)

    for number, page in enumerate(document.pages, start=1):
        check(page._page_box, number)
    return found


@pytest.mark.parametrize("grown", [False, True], ids=["real content", "content at its limits"])
def test_no_text_runs_over_other_text_at_any_type_size(real_copy: Path, grown: bool) -> None:
    if grown:
        grow_to_limits(real_copy)
    folders = folders_for(real_copy)
    content, _ = pipeline.validate(folders)
    folder = PROJECT / "templates" / "handout"
    checked = 0
    for lang in LANGS:
        html, stylesheets = handouts.sources(content, folders, lang)
        for scale in handouts.SCALES:
            document = handout_pdf.layout(html, folder, handouts.scaled(stylesheets, scale))
            if len(document.pages) == handouts.PAGES:  # a size the build may choose
                assert overflowing(document) == [], (lang, scale)
                checked += 1
    assert checked >= 2


def test_a_text_over_its_limit_is_a_clear_error(real_copy: Path) -> None:
    too_long = dict(LIMITS, step_text=LIMITS["step_text"] + 1)
    grow_to_limits(real_copy, too_long)
    with pytest.raises(BuildError) as caught:
        pipeline.validate(folders_for(real_copy))
    messages = [str(error) for error in caught.value.errors]
    assert len(messages) == 2 * handout_content.MAX_STEPS
    assert messages[0].startswith("content/method.yaml:")
    assert "is 151 characters long, more than the 150 allowed" in messages[0]


def test_more_steps_than_the_handout_has_room_for_is_a_clear_error(real_copy: Path) -> None:
    def more_steps(data: dict[str, Any]) -> None:
        data["steps"] += copy.deepcopy(data["steps"][:3])

    rewrite(real_copy / "method.yaml", more_steps)
    with pytest.raises(BuildError) as caught:
        render(real_copy)
    assert [str(e) for e in caught.value.errors] == [
        "content/method.yaml: the method has 9 steps, and the printed handout has room for 6 — "
        "describe the method in at most 6 steps"
    ]


# -- caching, the command, and nothing from the network ---------------------------------------


def test_handouts_are_rendered_again_only_when_their_inputs_change(
    copy_site: Callable[[], Path], tmp_path: Path
) -> None:
    content, cache = copy_site(), tmp_path / "cache"
    first = render(content, cache)
    assert first.rendered == 4
    again = render(content, cache)
    assert again.rendered == 0
    assert again.files == first.files
    edit(content / "groups" / "unge.yaml", "en: Young", "en: Younger")  # English text only
    changed = render(content, cache)
    assert changed.rendered == 2
    assert changed.get("nb").data == first.get("nb").data
    assert changed.get("en").data != first.get("en").data


def test_the_handout_command_renders_one_language_into_site_handouts(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    out = content.parent / "site"
    args = ["handout", "--lang", "en", "--content", str(content), "--out", str(out)]
    assert main(PROJECT, args) == 0
    written = sorted(p.name for p in (out / "handouts").iterdir())
    assert written == ["asker-velferdslab-en-print.pdf", "asker-velferdslab-en.pdf"]
    assert "asker-velferdslab-en.pdf" in capsys.readouterr().out


def test_the_renderer_fetches_nothing_but_local_handout_files(tmp_path: Path) -> None:
    folder = PROJECT / "templates" / "handout"
    page = '<html lang="en"><head><title>x</title></head><body><p>{}</p></body></html>'
    for outside in ("https://example.org/logo.png", (tmp_path / "secret.png").as_uri()):
        (tmp_path / "secret.png").write_bytes(b"\x89PNG")
        with pytest.raises(handout_pdf.RenderError, match="may only use files"):
            handout_pdf.render_pdf(page.format(f'<img src="{outside}" alt="logo">'), folder, [])
