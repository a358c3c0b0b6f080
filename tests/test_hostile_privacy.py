"""Hostile corpus, family 'privacy': personal data spelt so that a reader sees it but a naive
scan does not (invisible characters, entities, other digits, separators, obfuscated e-mail,
street addresses in any case or abbreviation, an identity number as a file name). Every case
must stop the build with exit 1 and the value printed masked, never reaching the output."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import Case, run_case

from showcase.checks.numbers import check_digits

DATE = "150385"
FNR = DATE + "101" + (check_digits(DATE + "101") or "")
assert FNR == "15038510190"

STORY = ("cases", "nytt-hjem.nb.md")
NEWS = ("news", "2018-02-13-dubai.nb.md")


YAML = ("groups", "unge.yaml")


def write(where: tuple[str, str], text: str) -> Callable[[Path], None]:
    """Adds a paragraph to a Markdown file's body, or puts it in a group's Norwegian body (YAML)."""

    def breaks(content: Path) -> None:
        path = content.joinpath(*where)
        old = path.read_text(encoding="utf-8")
        if where == YAML:
            new = old.replace("Unge som trenger flere tjenester.", text)
        else:
            new = old + f"\n{text}\n"
        path.write_text(new, encoding="utf-8")

    return breaks


def news_named_by_number(content: Path) -> None:
    """A news item in both languages whose file name, and so address, is an identity number."""
    news = content / "news"
    for lang in ("nb", "en"):
        shutil.copy(news / f"2018-02-13-dubai.{lang}.md", news / f"2019-01-01-{FNR}.{lang}.md")


FULLWIDTH = str.maketrans("0123456789@", "０１２３４５６７８９＠")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ENTITIES = "".join(f"&#{ord(c)};" for c in FNR)

# (what the case is, where the text goes, the text, the value as a reader sees it)
ROWS = [
    # national identity numbers
    ("ID number with a zero-width space", STORY, f"Nr {DATE}\u200b10190.", FNR),
    ("ID number with a zero-width joiner", NEWS, "Nr 1503\u200d8510190.", FNR),
    ("ID number with a soft hyphen", YAML, f"Nr {DATE}\u00ad10190.", FNR),
    ("ID number over a line break", STORY, f"Nummeret er {DATE}\n10190.", FNR),
    ("ID number as 150385-10190", NEWS, f"Nr {DATE}-10190.", FNR),
    ("ID number as 15.03.85 10190", STORY, "Født 15.03.85 10190.", FNR),
    ("ID number as HTML entities", STORY, f"Nr {ENTITIES}.", FNR),
    ("ID number in fullwidth digits", YAML, f"Nr {FNR.translate(FULLWIDTH)}.", FNR),
    ("ID number in Arabic-Indic digits", NEWS, f"Nr {FNR.translate(ARABIC_INDIC)}.", FNR),
    # phone numbers
    ("phone with word joiners", STORY, "Ring 912\u206034\u2060567.", "91234567"),
    ("phone with a zero-width space", YAML, "Ring 91234\u200b568.", "91234568"),
    ("phone as 912-34-567", NEWS, "Ring 912-34-567.", "912-34-567"),
    ("phone as +47 9123 4569", STORY, "Ring +47 9123 4569.", "+47 9123 4569"),
    ("phone as 912.34.570", YAML, "Ring 912.34.570.", "912.34.570"),
    ("phone as +47-912-34-571", NEWS, "Ring +47-912-34-571.", "+47-912-34-571"),
    # e-mail addresses
    (
        "e-mail with (at)",
        STORY,
        "Skriv til kari (at) asker.kommune.no.",
        "kari (at) asker.kommune.no",
    ),
    ("e-mail with [at]", YAML, "Skriv til kari[at]asker.kommune.no.", "kari[at]asker.kommune.no"),
    (
        "e-mail with at and dot",
        NEWS,
        "Skriv til kari at asker dot kommune dot no.",
        "kari at asker dot kommune dot no",
    ),
    ("e-mail with &#64;", STORY, "Skriv til kari&#64;asker.kommune.no.", "kari@asker.kommune.no"),
    (
        "e-mail with spaces round @",
        YAML,
        "Skriv til kari @ asker.kommune.no.",
        "kari @ asker.kommune.no",
    ),
    (
        "e-mail with a fullwidth at sign",
        NEWS,
        "Skriv til kari＠asker.kommune.no.",
        "kari＠asker.kommune.no",
    ),
    # street addresses
    ("street address in lower case", STORY, "Familien bor i storgata 14.", "storgata 14"),
    ("street address as Storgt. 16", YAML, "Familien bor i Storgt. 16.", "Storgt. 16"),
    (
        "street name glued to its number",
        NEWS,
        "Kontoret er i Slemmestadveien12.",
        "Slemmestadveien12",
    ),
    ("street address of two words", STORY, "Vi møttes i Asker torg 1.", "Asker torg 1"),
]

CASES = [
    Case("privacy", name, write(where, text), exit_code=1, secret=secret, says=where[1])
    for name, where, text, secret in ROWS
] + [
    Case(
        "privacy",
        "ID number as a news file name",
        news_named_by_number,
        exit_code=1,
        secret=FNR,
        says="content/news/2019-01-01-15******190.nb.md",
    )
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path)
    assert outcome.clean, outcome.explain()
