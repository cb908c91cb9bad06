"""The bundle's entry script only names modules that exist (a moved module must fail here, not in a bundle)."""

from __future__ import annotations

import ast
import importlib.util

from tests.packaging.scripts import PACKAGING


def test_every_module_the_entry_script_imports_exists() -> None:
    tree = ast.parse((PACKAGING / "entry.py").read_text(encoding="utf-8"))
    imported = [(node.module, [alias.name for alias in node.names]) for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("privacy_checkup")]
    assert imported
    for module, names in imported:
        assert importlib.util.find_spec(module) is not None, module
        loaded = importlib.import_module(module)
        for name in names:
            assert hasattr(loaded, name), f"{module}.{name}"
