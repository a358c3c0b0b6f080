"""Klarspråk: a Norwegian sentence of more than 25 words, and a Norwegian text with a LIX over
40, are warnings at their line, quoting the sentence; the build still succeeds. English and
drafts are never judged. Sentences split where a reader's would, not at "bl.a." or "20."."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, folders_for
from hypothesis import given
from hypothesis import strategies as st

from showcase import pipeline
from showcase.checks.plainlanguage import (
    MAX_WORDS,
    Sentence,
    judge,
    lix,
    sentences,
    words,
)
from showcase.commands.preview_problems import verdict
from showcase.common.errors import ErrorLog
from showcase.content.plaintext import blocks

FRONT = "---\ntitle: Om oss\ndescription: Hvem vi er.\nslug: om\nstatus: {status}\n---\n"
SHORT = "Velferdslaben er for familier som trenger hjelp fra flere tjenester."


def sentence_of(count: int) -> str:
    """A Norwegian sentence of exactly `count` words, none of them long."""
    pool = ["familien", "fikk", "hjelp", "fra", "NAV", "og", "skolen", "i", "samme", "møte"]
    return "Da " + " ".join(pool[i % len(pool)] for i in range(count - 1)) + "."


def write_page(content: Path, body: str, lang: str = "nb", status: str = "published") -> None:
    path = content / "pages" / f"about.{lang}.md"
    path.write_text(FRONT.format(status=status) + body + "\n", encoding="utf-8")


def warnings(content: Path, drafts: bool = False) -> list[str]:
    """The klarspråk warnings of a content folder, in Norwegian; fails on any error."""
    found, log = pipeline.validate(folders_for(content), include_drafts=drafts)
    assert found is not None and not log.errors
    texts = [warning.render("nb") for warning in sorted(log.warnings)]
    return [text for text in texts if "klarspråk" in text]


# --- sentences and words


def test_a_sentence_of_26_words_warns_at_its_line_and_25_does_not(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    write_page(content, f"{SHORT}\n\n{sentence_of(25)}\n\n{SHORT} {sentence_of(26)}")
    assert len(words(sentence_of(26))) == 26
    assert warnings(content) == [
        "content/pages/about.nb.md:11: setningen har 26 ord; klarspråk-grensen er 25 — del den "
        "i to, eller stryk ord: «Da familien fikk hjelp fra NAV og skolen i samme møte familien "
        "fikk hjelp fra …»"
    ]


def test_a_long_sentence_in_a_yaml_text_warns_at_the_line_it_starts_on(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    path = content / "groups" / "unge.yaml"
    long = sentence_of(30)
    body = f"body:\n  nb: >\n    {SHORT}\n    {long[:40]}\n    {long[40:]}\n  en: |\n    Young.\n"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("body:")] + body, encoding="utf-8")
    line = body.count("\n", 0, body.index(long[:40])) + text[: text.index("body:")].count("\n")
    found = warnings(content)
    assert len(found) == 1 and found[0].startswith(
        f"content/groups/unge.yaml:{line + 1}: setningen har 30 ord;"
    ), found


def test_a_sentence_in_a_paragraph_over_lines_warns_at_the_line_it_starts_on(
    copy_site,
) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    long = sentence_of(27)
    write_page(content, f"## Planen\n\n{SHORT} Den\nvar god. {long[:30]}\n{long[30:]}")
    found = warnings(content)
    assert len(found) == 1 and found[0].startswith("content/pages/about.nb.md:10: setningen har 27")


def test_what_a_file_gave_is_remembered_until_it_changes(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    write_page(content, sentence_of(26))
    first = warnings(content)
    memo = content.parent / ".cache" / "plainlanguage.json"
    assert memo.is_file() and "the sentence has 26 words" in memo.read_text("utf-8")
    assert warnings(content) == first
    write_page(content, f"{SHORT}\n\n{sentence_of(28)}")
    assert [text[:54] for text in warnings(content)] == [
        "content/pages/about.nb.md:9: setningen har 28 ord; kla"
    ]
    assert "26 words" not in memo.read_text("utf-8")  # what no file gives any more is dropped
    memo.write_text("{damaged", "utf-8")
    assert len(warnings(content)) == 1


def test_abbreviations_dates_and_initials_do_not_split_sentences() -> None:
    text = (
        "Vi møtte bl.a. NAV og f.eks. Skolen. Det kom ca. 20 familier. Prisen ble delt ut "
        "20. november 2017. 34 av 150 søknader fikk den. John F. Kennedy kom ikke. Dubai "
        "11.–13. februar 2018. Skole, bolig osv. Neste setning."
    )
    assert sentences(text) == [
        "Vi møtte bl.a. NAV og f.eks. Skolen.",
        "Det kom ca. 20 familier.",
        "Prisen ble delt ut 20. november 2017.",
        "34 av 150 søknader fikk den.",
        "John F. Kennedy kom ikke.",
        "Dubai 11.–13. februar 2018.",
        "Skole, bolig osv.",
        "Neste setning.",
    ]


def test_colons_end_a_sentence_only_before_a_capital_letter() -> None:
    assert sentences("Tre målgrupper: unge voksne og barnefamilier. Målet: En plan!") == [
        "Tre målgrupper: unge voksne og barnefamilier.",
        "Målet:",
        "En plan!",
    ]


def test_headings_list_items_and_table_cells_are_sentences_of_their_own() -> None:
    markdown = (
        "## Planen\nFørste linje\nfortsetter her.\n\n- ett punkt\n- et annet\n\n"
        "| Mål | Tiltak |\n|---|---|\n| Bolig | Plan |\n\n```\nkode. Ikke tekst\n```\n"
        "1. først\n\nEn lang\n20. november er ingen liste.\n"
    )
    assert [(block.line, block.text) for block in blocks(markdown)] == [
        (0, "Planen"),
        (1, "Første linje fortsetter her."),
        (4, "ett punkt"),
        (5, "et annet"),
        (7, "Mål"),
        (7, "Tiltak"),
        (9, "Bolig"),
        (9, "Plan"),
        (14, "først"),
        (16, "En lang 20. november er ingen liste."),
    ]


def test_link_targets_addresses_and_code_are_not_words_but_link_text_is() -> None:
    text = (
        "Les [mer om laben](https://www.asker.kommune.no/velferdslab) på `kode` eller "
        "https://example.org, skriv til post@example.org, se ![bildet](/images/x.jpg)."
    )
    assert words(sentences(text)[0]) == [
        "Les", "mer", "om", "laben", "på", "eller", "skriv", "til", "se",
    ]  # fmt: skip
    assert words("over 1 000 eksempler, 18–25 år, «Asker» –") == [
        "over", "1 000", "eksempler", "18–25", "år", "Asker",
    ]  # fmt: skip


# --- LIX


def test_lix_of_a_known_text_by_hand() -> None:
    # 2 sentences; 9 words; long (more than 6 letters): "Familien", "familien" = 2
    text = "Familien fikk hjelp. Planen ble laget sammen med familien."
    assert lix(text) == pytest.approx(9 / 2 + 100 * 2 / 9)
    assert lix("Over 1 000 familier i alderen 18–25.") == pytest.approx(6 + 100 * 2 / 6)
    assert lix("") == 0


def test_a_page_with_a_lix_over_40_warns_naming_the_file(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    heavy = "Velferdslaben samordner kommunale tjenester effektivt."  # 5 long words
    write_page(content, "\n".join([heavy] * 11))
    assert warnings(content) == [
        "content/pages/about.nb.md:2: den norske teksten har LIX 96 (13 setninger, 60 ord, 55 "
        "av dem lange); klarspråk-grensen er 40 — skriv kortere setninger og bruk færre ord på "
        "mer enn 6 bokstaver; begynn med linje 7 (5 ord, 5 lange): «Velferdslaben samordner "
        "kommunale tjenester effektivt.»"
    ]


def test_a_short_text_is_not_judged_by_its_lix() -> None:
    log = ErrorLog()
    judge("content/x.yaml", [Sentence("Velferdslaben samordnet.", ("a" * 9, "b" * 9), 1, 2)], log)
    assert log.warnings == []


# --- what is read


def test_english_is_never_judged(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    english = "The welfare lab brings every relevant municipal service to the same table " * 5
    write_page(content, english.strip() + ".", lang="en")
    path = content / "groups" / "unge.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Young people who need several services.", english.strip()), "utf-8"
    )
    assert warnings(content) == []


def test_drafts_are_not_judged_even_in_the_preview(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    for lang in ("nb", "en"):
        (content / "news" / f"2018-03-01-utkast.{lang}.md").write_text(
            "---\ntitle: Utkast\ndescription: Et utkast.\nstatus: draft\nillustrative: false\n"
            f"---\n{sentence_of(40)}\n",
            encoding="utf-8",
        )
    path = content / "groups" / "utkast.yaml"
    path.write_text(path.read_text("utf-8").replace("Nei.", sentence_of(40)), "utf-8")
    assert warnings(content) == []
    assert warnings(content, drafts=True) == []
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: published"), "utf-8")
    assert [text[:50] for text in warnings(content)] == [
        "content/groups/utkast.yaml:5: setningen har 40 ord"
    ]


def test_the_warning_is_a_warning_and_the_check_and_the_build_succeed(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    write_page(content, sentence_of(30))
    done = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(content), "--lang", "nb"],
        cwd=PROJECT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "advarsel: " in done.stdout + done.stderr
    assert "pages/about.nb.md:7: setningen har 30 ord;" in done.stdout + done.stderr
    report = pipeline.build(folders_for(content), content.parent / "site", jobs=1)
    assert any("setningen har 30 ord" in warning.render("nb") for warning in report.warnings)
    assert (content.parent / "site" / "om" / "index.html").is_file()
    preview = pipeline.build(folders_for(content), content.parent / "preview", True, 1)
    problems = verdict([], preview.warnings, "nb")  # the preview's list, and the editor's
    assert problems["ok"] and {
        "path": "content/pages/about.nb.md", "line": 7, "severity": "warning",
        "message": "setningen har 30 ord; klarspråk-grensen er 25",
    }.items() <= problems["problems"][0].items()  # fmt: skip


# --- properties

WORDS = ["familien", "NAV", "fikk", "hjelp", "velferdslaben", "bl.a.", "ca.", "f.eks.", "20."]
WORDS += ["1 000", "18–25", "og", "tjenestedesign", "«plan»", "(EPSA)", "å", "Asker", "2017,"]
LOWER = st.sampled_from([word for word in WORDS if word == word.lower() and word != "20."])


@st.composite
def short_sentence(draw: st.DrawFn) -> str:
    """A sentence of at most MAX_WORDS words: a capital first word, lower-case words after."""
    first = draw(st.sampled_from(["Familien", "Velferdslaben", "NAV", "Planen", "Hun"]))
    rest = draw(st.lists(LOWER, max_size=MAX_WORDS - 5))
    return " ".join([first, *rest]) + draw(st.sampled_from([".", "!", "?", "…"]))


@given(st.lists(st.sampled_from([*WORDS, "Det.", "Nå!", "Så:", "Hvem?"]), max_size=80))
def test_splitting_never_loses_or_moves_a_word(tokens: list[str]) -> None:
    text = " ".join(["Start", *tokens])
    assert [word for sentence in sentences(text) for word in words(sentence)] == words(text)


@given(st.lists(short_sentence(), min_size=1, max_size=12), st.sampled_from([" ", "\n", "\n\n"]))
def test_joining_short_sentences_never_warns(parts: list[str], gap: str) -> None:
    text = gap.join(parts)
    assert all(len(words(sentence)) <= MAX_WORDS for sentence in sentences(text))
    assert len(sentences(text)) == len(parts)


@given(
    st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=10),
    st.data(),
)
def test_lix_grows_with_the_share_of_long_words(lengths: list[int], data: st.DataObject) -> None:
    total = sum(lengths)
    long = data.draw(st.integers(min_value=0, max_value=total - 1))

    def text(long_words: int) -> str:
        made, count = [], 0
        for length in lengths:
            sentence = ["tjenestene" if count + i < long_words else "hun" for i in range(length)]
            made.append(" ".join(sentence).capitalize() + ".")
            count += length
        return " ".join(made)

    assert lix(text(long)) < lix(text(long + 1))


@given(st.text(max_size=400))
def test_no_text_crashes_the_check(text: str) -> None:
    from showcase.checks.plainlanguage import _Source

    for sentence in sentences(text):
        assert words(sentence)
    assert lix(text) >= 0
    found = list(_Source("---\ntitle: x\n---\n" + text).sentences(text, 4, exact=True))
    judge("content/x.nb.md", found, ErrorLog())
    assert all(1 <= sentence.line <= 4 + text.count("\n") for sentence in found)
