"""Every path into a JSON document, for tests that put a wrong value at each one."""

from __future__ import annotations

from typing import Any


def json_paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += json_paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            out += json_paths(value, (*prefix, index))
    return out
