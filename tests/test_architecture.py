"""The shape of the code: imports go one way between the layers, and no module imports itself round a cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "privacy_checkup"

# Which layers each layer may import (docs/architecture.md). Imports only for type checking do not count.
ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "session": {"core", "storage", "session"},
    "ui": {"core", "storage", "session", "ui"},
    "cli": {"core", "storage", "session", "ui", "cli"},
    "launch": {"cli", "ui"},
}
QT_MODULES = ("PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk_outside_type_checking(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                yield child
                yield from _walk_outside_type_checking(child)
            continue
        yield node
        yield from _walk_outside_type_checking(node)


def imports_of(name: str) -> set[str]:
    """Every module `name` imports at run time (at its top or inside functions), as dotted names."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _walk_outside_type_checking(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module if node.level == 0 else ".".join(
                [*name.split(".")[: -node.level], node.module])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


GRAPH = {name: {target for target in imports_of(name) if target in MODULES} for name in MODULES}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "root"


def test_the_layers_import_one_way() -> None:
    wrong = []
    for name, targets in GRAPH.items():
        allowed = ALLOWED.get(layer(name))
        if allowed is None:
            continue
        wrong += [f"{name} imports {target}" for target in targets
                  if layer(target) not in allowed and layer(target) != "root"]
    assert wrong == []


def test_only_ui_imports_qt() -> None:
    using_qt = sorted(name for name in MODULES if layer(name) != "ui"
                      and any(t.split(".")[0] in QT_MODULES for t in imports_of(name)))
    assert using_qt == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_no_module_imports_itself_round_a_cycle() -> None:
    assert find_cycle(GRAPH) is None


@pytest.mark.parametrize(("graph", "has_cycle"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, False),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, True),
    ({"cli": {"launch"}, "launch": {"cli"}}, True),
])
def test_the_cycle_finder_finds_cycles(graph: dict[str, set[str]], has_cycle: bool) -> None:
    assert (find_cycle(graph) is not None) is has_cycle


def test_no_folder_of_the_app_layers_holds_more_than_ten_modules() -> None:
    # core/ and storage/ are flat on purpose: each module there is one file format or one store.
    crowded = []
    for folder in sorted({p.parent for p in MODULES.values()}):
        if layer(module_name(folder / "__init__.py")) in ("ui", "session", "cli"):
            modules = [p.name for p in folder.glob("*.py") if p.name != "__init__.py"]
            if len(modules) > 10:
                crowded.append(f"{folder}: {len(modules)}")
    assert crowded == []
