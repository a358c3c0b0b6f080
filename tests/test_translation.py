"""English that is really Norwegian: a published English text left in Norwegian, or the same as
the Norwegian, stops the build at its line; names, drafts and real English pass."""

from __future__ import annotations

from pathlib import Path

from conftest import folders_for
from hypothesis import given
from hypothesis import strategies as st

from showcase import pipeline
from showcase.checks.translation import MIN_SIGNALS, looks_norwegian
from showcase.common.errors import BuildError

NORWEGIAN_TEXT = (
    "Familien fikk hjelp fra mange tjenester, og det var ikke lett for dem å vite hvem som "
    "hadde ansvaret. Nå har de én plan som alle er enige om."
)
ENGLISH_TEXT = (
    "The family got help from many services, and it was not easy for them to know who was "
    "responsible. Now they have one plan that everyone agrees on."
)
HINT = "oversett den, eller sett 'status: draft' på begge språk til den er oversatt"


def errors(content: Path, drafts: bool = False) -> list[str]:
    try:
        pipeline.validate(folders_for(content), include_drafts=drafts)
    except BuildError as failed:
        return [error.render("nb") for error in failed.errors]
    return []


def write_about(content: Path, lang: str, body: str) -> None:
    (content / "pages" / f"about.{lang}.md").write_text(
        "---\ntitle: About\ndescription: Who we are.\nslug: about\nstatus: published\n---\n"
        f"{body}\n",
        encoding="utf-8",
    )


def test_an_english_page_left_in_norwegian_is_an_error_at_its_body(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    write_about(content, "en", NORWEGIAN_TEXT)
    found = errors(content)
    assert len(found) == 1, found
    assert found[0].startswith("content/pages/about.en.md:7:1: den engelske teksten er norsk (")
    assert found[0].endswith(HINT)


def test_an_english_text_the_same_as_the_norwegian_is_an_error(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    write_about(content, "nb", ENGLISH_TEXT)
    write_about(content, "en", ENGLISH_TEXT)
    assert errors(content) == [
        "content/pages/about.en.md:7:1: den engelske teksten er den samme som den norske — " + HINT
    ]


def test_a_long_yaml_value_in_norwegian_is_an_error_at_its_line(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    path = content / "partners" / "kommunen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "role: {nb: Eier prosjektet., en: Owns the project.}",
            f"role:\n  nb: {NORWEGIAN_TEXT}\n  en: {NORWEGIAN_TEXT.replace('Nå', 'Naa')}",
        ),
        encoding="utf-8",
    )
    found = errors(content)
    assert len(found) == 1 and found[0].startswith("content/partners/kommunen.yaml:6:7: "), found


def test_drafts_names_and_real_english_pass(copy_site) -> None:  # type: ignore[no-untyped-def]
    content = copy_site()
    for lang in ("nb", "en"):  # a draft, half done: allowed
        (content / "news" / f"2018-03-01-utkast.{lang}.md").write_text(
            "---\ntitle: Utkast\ndescription: Et utkast.\nstatus: draft\nillustrative: false\n"
            f"---\n{NORWEGIAN_TEXT}\n",
            encoding="utf-8",
        )
    for lang in ("nb", "en"):
        write_about(content, lang, "European Public Sector Award, Maastricht")
    path = content / "pages" / "index.en.md"
    path.write_text(path.read_text(encoding="utf-8") + ENGLISH_TEXT + "\n", encoding="utf-8")
    assert errors(content) == []
    assert errors(content, drafts=True) == []  # the preview shows the draft, and lets it be


# Sentences as a person writes them: every content word comes with a function word or more.
ENGLISH_FUNCTION = ["the", "and", "of", "to", "is", "in", "that", "with", "was", "from"]
ENGLISH_CONTENT = ["family", "services", "help", "plan", "meeting", "school", "housing"]
ENGLISH_CONTENT += ["Asker", "Bjørnbakk", "NAV", "Brukertorget", "Maastricht", "Tønsberg"]
NORWEGIAN_FUNCTION = ["og", "ikke", "det", "som", "er", "på", "med", "til", "av", "har", "vi"]
NORWEGIAN_CONTENT = ["familien", "tjenester", "hjelp", "plan", "møte", "skole", "bolig"]
NORWEGIAN_CONTENT += ["Asker", "NAV", "velferdslab", "unge", "voksne", "Maastricht"]


def sentences(function: list[str], content: list[str], least: int) -> st.SearchStrategy[str]:
    pair = st.tuples(st.sampled_from(function), st.sampled_from(content))
    return st.lists(pair, min_size=least, max_size=120).map(
        lambda pairs: " ".join(f"{a} {b}" for a, b in pairs) + "."
    )


@given(sentences(ENGLISH_FUNCTION, ENGLISH_CONTENT, 1))
def test_english_from_english_words_is_never_taken_for_norwegian(text: str) -> None:
    assert not looks_norwegian(text)


@given(sentences(NORWEGIAN_FUNCTION, NORWEGIAN_CONTENT, MIN_SIGNALS))
def test_norwegian_from_norwegian_words_is_always_found_beyond_the_minimum(text: str) -> None:
    assert looks_norwegian(text)


def test_short_names_the_same_in_both_languages_are_never_judged() -> None:
    for name in ("Maastricht", "European Public Sector Award", "Asker velferdslab", "Tønsberg"):
        assert not looks_norwegian(name)
