"""The strict YAML reader: positions kept, traps refused, never any Python objects."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from showcase.common.errors import ErrorLog
from showcase.content.yamlread import Mapping, Scalar, Sequence, read_yaml


def read(text: str, offset: int = 0) -> tuple[object, list[str]]:
    log = ErrorLog()
    node = read_yaml(text, "content/x.yaml", log, line_offset=offset)
    return node, [str(e) for e in log.errors]


def test_lines_and_columns_are_kept() -> None:
    node, errors = read("title: Hei\nitems:\n  - one\n  - two\n")
    assert errors == []
    assert isinstance(node, Mapping)
    key, value = node.items["title"]
    assert (key.where.line, key.where.col, value.where.col) == (1, 1, 8)
    items = node.items["items"][1]
    assert isinstance(items, Sequence)
    assert [i.where.line for i in items.items] == [3, 4]


def test_line_offset_shifts_positions_for_front_matter() -> None:
    node, _ = read("title: Hei\n", offset=1)
    assert isinstance(node, Mapping)
    assert node.items["title"][0].where.line == 2


def test_values_stay_the_text_the_editor_wrote() -> None:
    node, errors = read("lang: no\ntime: 12:30\ndate: 2017-11-20\nflag: on\n")
    assert errors == []
    assert isinstance(node, Mapping)
    texts = {k: v.text for k, (_, v) in node.items.items() if isinstance(v, Scalar)}
    assert texts == {"lang": "no", "time": "12:30", "date": "2017-11-20", "flag": "on"}


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    _, errors = read("title: A\nslug: a\ntitle: B\n")
    assert errors == [
        "content/x.yaml:3:1: duplicate key 'title' (first used on line 1) — "
        "remove one of them; YAML would silently keep only the last"
    ]


def test_tab_indentation_is_an_error_with_its_line() -> None:
    _, errors = read("goals:\n\t- one\n")
    assert errors == [
        "content/x.yaml:2:1: tab character used for indentation — "
        "YAML needs spaces: replace the tab with two spaces"
    ]


def test_tags_and_aliases_are_refused() -> None:
    _, errors = read("a: !!python/object:os.system x\nb: &anchor 1\nc: *anchor\n")
    assert any("YAML tag 'tag:yaml.org,2002:python/object:os.system'" in e for e in errors)
    assert any("anchor '&anchor'" in e for e in errors)
    assert any("alias '*anchor'" in e for e in errors)


def test_syntax_error_names_the_line_of_the_slip() -> None:
    _, errors = read("title: A\nslug: [unclosed\n")
    assert errors == [
        "content/x.yaml:2:7: the '[' on this line is never closed — "
        "end the line with ']', e.g. 'slug: [unclosed]'"
    ]


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@given(st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True), texts, max_size=8))
def test_any_mapping_of_texts_reads_back_as_the_same_texts(data: dict[str, str]) -> None:
    """Whatever text an editor writes, quoted as YAML would, it comes back unchanged."""
    node, errors = read(yaml.safe_dump(data, allow_unicode=True))
    assert errors == []
    assert isinstance(node, Mapping)
    assert {k: v.text for k, (_, v) in node.items.items() if isinstance(v, Scalar)} == data
