"""Hostile corpus, family 'files': content that is not what it seems (folders named like files,
links, special files, huge files), names and numbers no computer should take, two pages with one
address, and inputs that used to crash the build with a traceback. Every case must end in
`path:line` errors and exit 1, with the last good site untouched."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import Case, run_case

GROUP = "groups/unge.yaml"  # a published group, shown on pages and used by a published story
STORY = "cases/nytt-hjem.nb.md"
# A file outside the project, shaped like /etc/passwd (YAML reads it as one long text); only a
# short excerpt of it may ever be printed.
OUTSIDE_TEXT = "".join(
    f"bruker{n}:x:{n}:{n}:hemmelig-tekst-{n}:/home/b{n}:/bin/sh\n" for n in range(300)
)


def _edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        with (content / rel).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _rename(rel: str, name: str) -> Callable[[Path], object]:
    return lambda content: (content / rel).rename((content / rel).with_name(name))


def _folder_instead_of_file(content: Path) -> None:
    (content / GROUP).unlink()
    (content / GROUP).mkdir()
    (content / GROUP / "notat.txt").write_text("flyttet hit\n")


def _fifo(rel: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        (content / rel).unlink(missing_ok=True)
        os.mkfifo(content / rel)

    return change


def _link(rel: str, target: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).symlink_to(target)


def _outside(content: Path) -> Path:
    outside = content.parent / "utenfor.txt"
    outside.write_text(OUTSIDE_TEXT, encoding="utf-8")
    return outside


def _hard_link_outside(content: Path) -> None:
    os.link(_outside(content), content / "groups" / "lenke.yaml")


def _symlink_outside(content: Path) -> None:
    (content / "groups" / "lenke.yaml").symlink_to(_outside(content))


def _name_not_utf8(content: Path) -> None:
    text = (content / GROUP).read_bytes()
    with open(os.fsencode(content / "groups") + b"/caf\xe9.yaml", "wb") as handle:  # noqa: PTH123
        handle.write(text)


def _second_group_with_slug(content: Path) -> None:
    text = (content / GROUP).read_text(encoding="utf-8")
    (content / "groups" / "andre.yaml").write_text(text + "slug: {nb: unge, en: unge}\n")


def _page(slug: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        for lang in ("nb", "en"):
            (content / "pages" / f"ekstra.{lang}.md").write_text(
                f"---\ntitle: Ekstra\ndescription: Ekstra.\nslug: {slug}\nstatus: published\n"
                "---\nTekst.\n"
            )

    return change


def _huge(rel: str, megabytes: int, head: str) -> Callable[[Path], None]:
    def change(content: Path) -> None:
        (content / rel).write_text(head + "x" * (megabytes * 1_000_000) + "\n")

    return change


def _deep_block(content: Path) -> None:
    lines = "".join(f"{' ' * level}k{level}:\n" for level in range(1, 400))
    (content / GROUP).write_text((content / GROUP).read_text(encoding="utf-8") + "extra:\n" + lines)


def _case(
    name: str, breaks: Callable[[Path], object], says: str, secret: str | None = None
) -> Case:
    return Case("files", name, breaks, says=says, secret=secret)


CASES = [
    _case(
        "a YAML tag that would run code",
        lambda c: (c / "groups" / "ny.yaml").write_text("name: !!python/object:os.system x\n"),
        "ny.yaml",
    ),
    # not a file, though named like one
    _case("a content file replaced by a folder", _folder_instead_of_file, "unge.yaml"),
    _case("a dangling symlink", _link("groups/borte.yaml", "finnes-ikke.yaml"), "borte.yaml"),
    _case("a symlink loop", _link("groups/sirkel.yaml", "sirkel.yaml"), "sirkel.yaml"),
    _case("a FIFO named like a group", _fifo("groups/ror.yaml"), "ror.yaml"),
    _case("a FIFO in place of method.yaml", _fifo("method.yaml"), "method.yaml"),
    _case("a FIFO named like a story", _fifo("cases/ror.nb.md"), "ror.nb.md"),
    # names the build would not see
    _case("a trailing space in a file name", _rename(GROUP, "unge.yaml "), "'unge.yaml '"),
    _case("a leading space in a file name", _rename(GROUP, " unge.yaml"), "' unge.yaml'"),
    _case("a hidden group file", _rename(GROUP, ".unge.yaml"), ".unge.yaml"),
    _case("a hidden story file", _rename(STORY, ".nytt-hjem.nb.md"), ".nytt-hjem.nb.md"),
    _case("a file name that is not UTF-8", _name_not_utf8, "caf\\xe9.yaml"),
    _case("a 200-character file name", _rename(GROUP, "u" * 200 + ".yaml"), "200 characters"),
    _case("a group file named con.yaml", _rename(GROUP, "con.yaml"), "con.yaml"),
    _case("a group file named nul.yaml", _rename(GROUP, "nul.yaml"), "nul.yaml"),
    _case("a story file named lpt1", _rename(STORY, "lpt1.nb.md"), "lpt1.nb.md"),
    # folders the site needs
    _case("a deleted cases/ folder", lambda c: shutil.rmtree(c / "cases"), "cases/ is missing"),
    _case("a deleted news/ folder", lambda c: shutil.rmtree(c / "news"), "news/ is missing"),
    _case("a deleted partners/ folder", lambda c: shutil.rmtree(c / "partners"), "partners/"),
    # one address, one page
    _case("a page with the slug 'en'", _page("en"), "ekstra.nb.md"),
    _case("a page with a section's slug", _page("om"), "ekstra.nb.md"),
    _case("two groups with one slug", _second_group_with_slug, "andre.yaml"),
    _case("a page with the slug 'con'", _page("con"), "ekstra.nb.md"),
    _case("a page with the slug 'nul'", _page("nul"), "ekstra.nb.md"),
    _case(
        "a story with the slug 'nul'",
        _edit(STORY, "group: unge", "slug: nul\ngroup: unge"),
        "nytt-hjem.nb.md:",
    ),
    _case(
        "a 300-character story slug",
        _edit(STORY, "group: unge", "slug: " + "a" * 300 + "\ngroup: unge"),
        "nytt-hjem.nb.md:",
    ),
    _case(
        "a 300-character group slug",
        _append(GROUP, f"slug: {{nb: {'b' * 300}, en: unge}}\n"),
        "unge.yaml",
    ),
    # YAML that used to end in a traceback
    _case("a NUL character in YAML", _edit(GROUP, "Unge voksne", "Unge\x00voksne"), "unge.yaml:3"),
    _case("a NUL character in front matter", _edit(STORY, "Et nytt", "Et\x00nytt"), "hjem.nb.md:2"),
    _case(
        "a noncharacter YAML refuses (U+FFFF)",
        _edit(GROUP, "Unge voksne", "Unge\uffff"),
        "unge.yaml:3",
    ),
    _case(
        "lists nested 1 000 deep",
        _append(GROUP, "extra: " + "[" * 1000 + "]" * 1000 + "\n"),
        "unge.yaml",
    ),
    _case(
        "lists nested 200 000 deep (crashed libyaml)",
        _append(GROUP, "extra: " + "[" * 200_000 + "]" * 200_000 + "\n"),
        "unge.yaml",
    ),
    _case("fields nested 400 deep by indentation", _deep_block, "unge.yaml"),
    # too large to read
    _case("a 2 MB YAML file", _huge("groups/stor.yaml", 2, "name: "), "stor.yaml"),
    _case("a 6 MB Markdown file", _huge(STORY, 6, "---\ntitle: x\n---\n"), "nytt-hjem.nb.md"),
    # numbers
    _case(
        "a huge order",
        _edit(GROUP, "order: 1", "order: 99999999999999999999999999999"),
        "unge.yaml",
    ),
    _case(
        "an order of 5 000 digits (past int())",
        _edit(GROUP, "order: 1", "order: " + "9" * 5000),
        "unge.yaml:2",
    ),
    # files from outside the project
    _case(
        "a hard link to a long file outside",
        _hard_link_outside,
        "lenke.yaml",
        secret="hemmelig-tekst-12",
    ),
    _case(
        "a symlink to a long file outside",
        _symlink_outside,
        "lenke.yaml",
        secret="hemmelig-tekst-1",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    outcome = run_case(case, tmp_path)
    assert outcome.clean, outcome.explain()
