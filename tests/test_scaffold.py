"""`new KIND "Title"`: complete draft files that pass check and stay unpublished."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, folders_for

from showcase import pipeline
from showcase.commands import scaffold
from showcase.commands.cli import main

TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_new_item_passes_check_and_is_published_only_in_preview(
    copy_site: Callable[[], Path], kind: str
) -> None:
    content = copy_site()
    paths = scaffold.create(kind, "Ny sak om åpne møter", folders_for(content), TODAY)
    assert paths
    pipeline.check(folders_for(content))
    out = content.parent / "site"
    pipeline.build(folders_for(content), out)
    published = "".join(p.read_text() for p in out.rglob("*.html"))
    assert "Ny sak om åpne møter" not in published
    pipeline.build(folders_for(content), out, include_drafts=True)
    shown = "".join(p.read_text() for p in out.rglob("*.html"))
    assert "Ny sak om åpne møter" in shown


def test_every_field_of_a_case_is_present_with_a_comment(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    nb, en = scaffold.create("case", "Nytt hjem", folders_for(content), TODAY)
    assert (nb.name, en.name) == ("nytt-hjem-2.nb.md", "nytt-hjem-2.en.md")
    text = nb.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert set(front) == {
        "title", "description", "pseudonym", "group", "services", "stability", "goals",
        "measures", "status", "consent", "illustrative",
    }  # fmt: skip
    assert front["status"] == "draft" and front["illustrative"] is True
    lines = text.split("---\n")[1].splitlines()
    for i, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):
            assert lines[i - 1].startswith("#"), f"no comment above {line!r}"


def test_news_gets_the_date_and_a_free_key(copy_site: Callable[[], Path]) -> None:
    content = copy_site()
    first = scaffold.create("news", "Dubai", folders_for(content), TODAY)
    second = scaffold.create("news", "Dubai", folders_for(content), TODAY)
    assert [p.name for p in first + second] == [
        "2026-11-23-dubai-2.nb.md", "2026-11-23-dubai-2.en.md",
        "2026-11-23-dubai-3.nb.md", "2026-11-23-dubai-3.en.md",
    ]  # fmt: skip
    pipeline.check(folders_for(content))


def test_publishing_a_new_case_needs_its_consent_reference(copy_site: Callable[[], Path]) -> None:
    from showcase.common.errors import BuildError

    content = copy_site()
    for path in scaffold.create("case", "Ny historie", folders_for(content), TODAY):
        path.write_text(path.read_text().replace("status: draft", "status: published"))
    with pytest.raises(BuildError) as caught:
        pipeline.check(folders_for(content))
    assert [str(e) for e in caught.value.errors] == [
        f"content/cases/ny-historie.{lang}.md:28:10: a published story needs the reference of "
        "its signed consent form — replace SAMTYKKE-MANGLER with the reference from the consent "
        "form"
        for lang in ("en", "nb")
    ]


def test_cli_new_prints_what_it_made(
    copy_site: Callable[[], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = copy_site()
    assert (
        main(PROJECT, ["new", "page", "Kontakt oss", "--content", str(content), "--lang", "nb"])
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "lagde content/pages/kontakt-oss.nb.md",
        "lagde content/pages/kontakt-oss.en.md",
        "det er et utkast: sett 'status: published' når det er klart",
    ]
    assert main(PROJECT, ["new", "recipe", "X", "--content", str(content)]) == 2
