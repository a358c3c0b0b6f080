"""The package's shape: imports run one way, from the commands down to the content, with no
cycles; no module or class grows past what one person reads in a sitting.

The layers, lowest first. A module may import its own layer and the layers below it, never one
above: the content model knows nothing of pages, the renderer nothing of the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import PROJECT

PACKAGE = PROJECT / "showcase"
LAYERS = (
    "common",
    "content",
    "checks",
    "output",
    "render",
    "handouts",
    "pipeline",
    "editor",
    "commands",
)
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    """'showcase.render.pages' -> 'render'; 'showcase.pipeline' -> 'pipeline'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imported(module: str) -> set[str]:
    """Every module of ours that `module` imports, at the top or inside a function."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("showcase")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("showcase"):
                continue
            for alias in node.names:  # `from . import x` imports the module x, if there is one
                found.add(
                    f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target
                )
    return found & MODULES.keys()


GRAPH = {module: imported(module) for module in MODULES}


def test_the_import_reader_sees_the_package() -> None:
    assert "showcase.content.model" in GRAPH["showcase.render.pages"]
    assert "showcase.pipeline" in GRAPH["showcase.commands.cli"]  # imported inside a function
    assert len(MODULES) > 40


def test_every_subpackage_has_a_layer() -> None:
    assert {layer(module) for module in MODULES} - {""} == set(LAYERS)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_run_down_the_layers(module: str) -> None:
    if not layer(module):
        return  # showcase/__init__.py
    upward = [
        target
        for target in GRAPH[module]
        if layer(target) and LAYERS.index(layer(target)) > LAYERS.index(layer(module))
    ]
    assert upward == [], f"{module} imports a higher layer: {upward}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_and_classes_stay_small(module: str) -> None:
    text = MODULES[module].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{module}: split it by what it does"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{module}.{node.name} is {size} lines"


@pytest.mark.parametrize("module", [m for m, p in MODULES.items() if p.name == "__init__.py"])
def test_package_files_hold_only_their_description(module: str) -> None:
    """Importing a subpackage costs nothing: the quick look of a build with nothing to do
    imports `output.incremental` before Jinja, Markdown or the content model."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module}: say in a few lines what lives here"
    assert len(tree.body) == 1, f"{module}: keep code out of __init__.py"
