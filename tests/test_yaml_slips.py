"""One slip, one error: a YAML syntax slip is reported once, at its line, in plain Norwegian,
and nothing that only follows from it (in the file, its translation or files naming it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import SITES, folders_for
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from showcase import pipeline
from showcase.common.errors import BuildError
from showcase.content.yamlslips import parses

# What the parser says in English; none of it may reach an editor, in either language.
PARSER_ENGLISH = (
    "did not find expected",
    "could not find expected",
    "mapping values",
    "while scanning",
    "while parsing",
    "found unexpected",
    "YAML syntax error",
)


def errors(content: Path) -> list[str]:
    """Every error of a check of `content`, in Norwegian."""
    try:
        pipeline.validate(folders_for(content))
    except BuildError as failed:
        found = [error.render("nb") for error in failed.errors]
    else:
        found = []
    for text in found:
        assert not any(english in text for english in PARSER_ENGLISH), text
    return found


def change(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "groups/unge.yaml",
            "order: 1\n",
            "order 1\n",
            "content/groups/unge.yaml:2:6: linje 2 mangler kolon etter feltnavnet 'order' — "
            "skriv 'order: 1'",
        ),
        (
            "cases/nytt-hjem.nb.md",
            "title: Et nytt hjem\n",
            "title Et nytt hjem\n",
            "content/cases/nytt-hjem.nb.md:2:6: linje 2 mangler kolon etter feltnavnet 'title' — "
            "skriv 'title: Et nytt hjem'",
        ),
        (
            "groups/unge.yaml",
            "  nb: |\n",
            "\tnb: |\n",
            "content/groups/unge.yaml:6:1: tabulator brukt som innrykk — YAML trenger mellomrom: "
            "bytt tabulatoren med to mellomrom",
        ),
        (
            "cases/nytt-hjem.nb.md",
            "description: Om et nytt hjem.\n",
            'description: "Om et nytt hjem.\n',
            'content/cases/nytt-hjem.nb.md:3:14: anførselstegnet (") som begynner teksten, blir '
            'aldri avsluttet — avslutt teksten med "',
        ),
        (
            "cases/nytt-hjem.nb.md",
            "services: [nav, skole]\n",
            "services: [nav, skole\n",
            "content/cases/nytt-hjem.nb.md:6:11: '[' på denne linjen blir aldri lukket — "
            "avslutt linjen med ']', f.eks. 'services: [nav, skole]'",
        ),
        (
            "cases/nytt-hjem.nb.md",
            "measures: [Møte med NAV]\n",
            "measures:\n  - Møte med NAV\n - Ny bolig\n",
            "content/cases/nytt-hjem.nb.md:15:1: listepunktet har ikke samme innrykk som linjene "
            "rundt — rykk inn 2 mellomrom, som linje 14",
        ),
        (
            "groups/unge.yaml",
            "order: 1\n",
            "order: 1\nname: {nb: Unge, en: Young}\n",
            "content/groups/unge.yaml:4:1: feltet 'name' står to ganger (første gang på linje 3) "
            "— fjern ett av dem; YAML ville i stillhet bare beholdt det siste",
        ),
        (
            "cases/nytt-hjem.nb.md",
            "illustrative: true\n---\n",
            "illustrative: true\n",
            "content/cases/nytt-hjem.nb.md:17:1: innledningsfeltene mangler avsluttende '---' — "
            "sett inn en linje med bare '---' her, etter det siste feltet",
        ),
        (
            "groups/unge.yaml",
            "order: 1\n",
            "order: 1\nnotes: Se også: NAV\n",
            "content/groups/unge.yaml:3:8: teksten etter 'notes:' har et kolon, som YAML leser "
            "som starten på et nytt felt — sett hele teksten i doble anførselstegn: "
            'notes: "Se også: NAV"',
        ),
    ],
    ids=[
        "missing-colon-yaml",
        "missing-colon-front-matter",
        "tab",
        "unclosed-quote",
        "unclosed-bracket",
        "list-item-indentation",
        "duplicate-key",
        "front-matter-not-closed",
        "colon-in-text",
    ],
)
def test_a_slip_is_one_error_at_its_line_in_norwegian(
    copy_site, name: str, old: str, new: str, expected: str
) -> None:
    content = copy_site()
    change(content, name, old, new)
    assert errors(content) == [expected]


def test_tabs_on_many_lines_are_one_error_that_counts_them(copy_site) -> None:
    content = copy_site()
    change(content, "groups/unge.yaml", "  nb: |\n", "\tnb: |\n")
    change(content, "groups/unge.yaml", "  en: |\n", "\ten: |\n")
    assert errors(content) == [
        "content/groups/unge.yaml:6:1: tabulator brukt som innrykk — YAML trenger mellomrom: "
        "bytt tabulatoren med to mellomrom, her og på 1 linjer til"
    ]


def test_a_broken_translation_silences_its_pair_but_not_other_files(copy_site) -> None:
    """nytt-hjem.nb.md cannot be read: nothing about nytt-hjem.en.md (fields, 'published in
    one language only'), but a slip in an unrelated file is still reported in the same run."""
    content = copy_site()
    change(content, "cases/nytt-hjem.nb.md", "title: Et nytt hjem\n", "title Et nytt hjem\n")
    change(content, "partners/kommunen.yaml", "status: published", "status publisert")
    found = errors(content)
    assert [text.split(":")[0] for text in found] == [
        "content/cases/nytt-hjem.nb.md",
        "content/partners/kommunen.yaml",
    ]


def test_unreadable_services_do_not_make_every_story_name_an_unknown_service(copy_site) -> None:
    content = copy_site()
    text = (content / "services.yaml").read_text(encoding="utf-8")
    (content / "services.yaml").write_text(text.replace("key:", "key", 1), encoding="utf-8")
    found = errors(content)
    assert len(found) == 1 and found[0].startswith("content/services.yaml:"), found


# The files a corruption is tried on, and the lines of each that hold YAML.
TARGETS = {"groups/unge.yaml": (0, 9), "cases/nytt-hjem.nb.md": (1, 16)}
SLIPS = st.sampled_from(["drop-colon", "tab", "quote", "bracket", "shift", "character"])


def corrupt(line: str, slip: str, position: int, character: str) -> str:
    if slip == "drop-colon":
        return line.replace(": ", " ", 1) if ": " in line else line.replace(":", "", 1)
    if slip == "tab":
        return "\t" + line.lstrip(" ")
    if slip == "quote":
        return line.replace(": ", ': "', 1)
    if slip == "bracket":
        return line.replace(": ", ": [", 1)
    if slip == "shift":
        return " " + line
    at = position % (len(line) + 1)
    return line[:at] + character + line[at:]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(sorted(TARGETS)),
    line=st.integers(min_value=0, max_value=20),
    slip=SLIPS,
    position=st.integers(min_value=0, max_value=80),
    character=st.sampled_from(list(":\"'[]{}#-|>\t")),
)
def test_any_single_line_slip_is_at_most_one_error_for_its_file(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    line: int,
    slip: str,
    position: int,
    character: str,
) -> None:
    """Whatever one line's slip, a file whose YAML can no longer be read gets exactly one
    error, without a traceback or the parser's English; nothing else is said about it or
    its translation."""
    content = tmp_path_factory.mktemp("slip") / "content"
    shutil.copytree(SITES / "basic" / "content", content)
    path = content / name
    lines = path.read_text(encoding="utf-8").split("\n")
    first, last = TARGETS[name]
    index = first + line % (last - first)
    lines[index] = corrupt(lines[index], slip, position, character)
    path.write_text("\n".join(lines), encoding="utf-8")
    yaml_text = "\n".join(lines[first:last])
    tab_indented = re.search(r"^ *\t", yaml_text, re.MULTILINE) is not None
    assume(not parses(yaml_text) or tab_indented)  # a slip that makes the YAML unreadable
    family = f"content/{name.split('.')[0]}."
    about_it = [text for text in errors(content) if text.startswith(family)]
    assert len(about_it) == 1, about_it
