"""Every message an editor can see exists in Norwegian, and translations keep their values."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import PROJECT

from showcase.common.errors import ContentError, Position
from showcase.common.messages import choose_language, is_translated, translate

MESSAGE_CALLS = {"error", "warn", "ContentError", "UnsafeOutput", "translate", "Finding", "Slip"}
MESSAGE_CALLS |= {"SettingsError", "ReviewRepoError"}  # the browser editor's, shown translated


def template(node: ast.expr) -> str | None:
    """The shape of a message argument: literal text with X for each inserted value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "X" for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        return (left or "X") + (right or "X") if left or right else None
    return None


def messages_in_code() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((PROJECT / "showcase").rglob("*.py")):
        if path.name == "messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in MESSAGE_CALLS:
                continue
            args = node.args[1:] if name in ("error", "warn", "ContentError") else node.args
            for arg in args:
                text = template(arg)
                if text and len(text) > 3 and " " in text.strip():
                    found.append((path.name, arg.lineno, text))
    return found


@pytest.mark.parametrize(("file", "line", "text"), messages_in_code())
def test_every_message_has_a_norwegian_translation(file: str, line: int, text: str) -> None:
    assert is_translated(text), f"{file}:{line}: add a Norwegian entry for {text!r}"


def test_translation_keeps_values_and_translates_known_phrases() -> None:
    assert translate("missing field 'title'", "nb") == "feltet 'title' mangler"
    assert translate("this looks like a national ID number (01******480)", "nb") == (
        "dette ser ut som et fødselsnummer (01******480)"
    )
    assert translate("this looks like an e-mail address (k***@e***)", "nb") == (
        "dette ser ut som en e-postadresse (k***@e***)"
    )
    assert translate("missing field 'title'", "en") == "missing field 'title'"


def test_error_renders_in_either_language() -> None:
    error = ContentError(Position("content/a.yaml", 3, 1), "'order' is empty", "shorten it")
    assert error.render("nb") == "content/a.yaml:3:1: 'order' er tomt — gjør teksten kortere"
    assert str(error) == "content/a.yaml:3:1: 'order' is empty — shorten it"


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert choose_language() == "en"
    assert choose_language("nb") == "nb"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert choose_language() == "nb"


def test_catalogue_has_no_duplicate_shapes() -> None:
    from showcase.common.messages import CATALOGUE

    shapes = [english for english, _ in CATALOGUE]
    assert len(shapes) == len(set(shapes))
    assert all(Path(__file__).exists() for _ in shapes[:1])
