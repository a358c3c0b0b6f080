"""The docs keep up with the code: a field, command or option nobody documented fails here."""

from __future__ import annotations

import re

from conftest import PROJECT

from showcase.commands import cli, scaffold
from showcase.content.contenttypes import CONTENT_TYPES
from showcase.content.declaration import Field

GUIDE = (PROJECT / "docs" / "redigering.md").read_text(encoding="utf-8")
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def schema_fields() -> set[str]:
    """Every field name the content types declare, nested ones included."""

    def names(fields: tuple[Field, ...]) -> set[str]:
        return {f.name for f in fields} | {n for f in fields for n in names(f.fields)}

    return {n for declared in CONTENT_TYPES for n in names(declared.fields)}


def test_the_schema_reads_a_sensible_set_of_fields() -> None:
    assert {"title", "consent", "stability", "figures", "qualifier", "base_url"} <= schema_fields()


def test_every_content_field_is_explained_in_the_guide() -> None:
    missing = sorted(
        name for name in schema_fields() if f"`{name}`" not in GUIDE and f".{name}`" not in GUIDE
    )  # a nested field is shown with its path: `goals.short`
    assert missing == [], f"docs/redigering.md does not mention: {missing}"


def test_every_command_and_option_is_in_the_guide() -> None:
    for command in cli.COMMANDS:
        if command != "build":
            assert f"build.py {command}" in GUIDE, command
    for kind in scaffold.KINDS:
        assert re.search(rf"new (?:\w+\\\|)*{kind}\b", GUIDE), kind
    options = re.findall(
        r'add_argument\(\s*"(--[\w-]+)"', (PROJECT / "showcase/commands/cli.py").read_text()
    )
    assert options
    for option in options:
        assert f"`{option}" in GUIDE or f" {option}" in GUIDE, option


def test_every_make_target_is_in_the_readme() -> None:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^## (\w+):", makefile, flags=re.M)
    assert "serve" in targets and "test" in targets
    for target in targets:
        assert f"make {target}" in README, target


def test_readme_quick_start_is_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make \w+", quick, flags=re.M) == ["make serve", "make test"]
    assert "docs/redigering.md" in README


def test_every_content_type_has_a_field_table_in_the_guide() -> None:
    from showcase.content.fieldtables import documented

    tables = documented(GUIDE)
    assert sorted(tables) == sorted(t.name for t in CONTENT_TYPES)
    assert len(tables) == len(set(tables)), "a content type has two tables"


def test_the_guides_field_tables_are_what_the_declarations_say() -> None:
    from showcase.content.fieldtables import update

    assert update(GUIDE) == GUIDE, (
        "a field table in docs/redigering.md differs from the declarations in "
        "showcase/content/types/: run `.venv/bin/python tools/fieldtables.py`"
    )


def test_a_changed_declaration_makes_the_table_stale() -> None:
    from dataclasses import replace

    from showcase.content import fieldtables

    cases = next(t for t in CONTENT_TYPES if t.name == "cases")
    consent = replace(cases.field("consent"), required=False)
    changed = replace(
        cases, fields=tuple(consent if f.name == "consent" else f for f in cases.fields)
    )
    assert fieldtables.table(changed) != fieldtables.table(cases)
    assert (
        "| `consent` | Referansen til det signerte samtykkeskjemaet. Vises aldri på nettstedet. "
        "| nei |" in fieldtables.table(changed)
    )
