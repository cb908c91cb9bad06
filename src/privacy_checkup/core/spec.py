"""A small declarative description of a JSON file format.

One description drives both the validator (`validate`) and the published JSON
Schema (`to_json_schema`), so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

JsonPath = tuple[str | int, ...]
Problem = tuple[JsonPath, str, bool]  # (where, message, points at the key rather than the value)

_SURROGATES = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_PATTERN = r"^https://[^\s/?#]+\.[^\s/?#]+([/?#][^\s]*)?$"
_DATE_RE = re.compile(DATE_PATTERN)


class Node:
    """A description of one JSON value."""

    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Node):
    max_len: int
    min_len: int = 1
    pattern: str | None = None
    pattern_message: str = ""
    is_date: bool = False
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not str:
            problems.append((path, f"expected a string, found {json_type(value)}", False))
            return
        length = len(value)
        if length < self.min_len:
            problems.append((path, "must not be empty" if self.min_len == 1 else
                             f"must be at least {self.min_len} characters", False))
        elif length > self.max_len:
            problems.append((path, f"is {length} characters long; the limit is {self.max_len}", False))
        elif self.pattern is not None and not _compiled(self.pattern).fullmatch(value):
            problems.append((path, self.pattern_message or f"must match {self.pattern}", False))
        elif self.is_date:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                problems.append((path, f"{value!r} is not a real calendar date", False))

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": self.min_len, "maxLength": self.max_len}
        if self.pattern:
            out["pattern"] = self.pattern
        if self.is_date:
            out["format"] = "date"
        return _described(out, self.description)


@dataclass(frozen=True)
class Int(Node):
    minimum: int
    maximum: int
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        # JSON Schema counts 1.0 as an integer, so the loader does too (and stores int(value)).
        if type(value) is not int and not (type(value) is float and value.is_integer()):
            problems.append((path, f"expected a whole number, found {json_type(value)}", False))
        elif not self.minimum <= value <= self.maximum:
            problems.append((path, f"must be between {self.minimum} and {self.maximum}, found {value}", False))

    def schema(self) -> dict[str, Any]:
        return _described({"type": "integer", "minimum": self.minimum, "maximum": self.maximum},
                          self.description)


@dataclass(frozen=True)
class Bool(Node):
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not bool:
            problems.append((path, f"expected true or false, found {json_type(value)}", False))

    def schema(self) -> dict[str, Any]:
        return _described({"type": "boolean"}, self.description)


@dataclass(frozen=True)
class Const(Node):
    value: int
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) not in (int, float) or value != self.value:
            problems.append((path, f"must be {self.value!r}; this app reads version {self.value} files", False))

    def schema(self) -> dict[str, Any]:
        return _described({"const": self.value}, self.description)


@dataclass(frozen=True)
class OneOf(Node):
    values: tuple[str, ...]
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not str or value not in self.values:
            found = repr(value) if type(value) is str else json_type(value)
            problems.append((path, f"must be one of {', '.join(self.values)}; found {found}", False))

    def schema(self) -> dict[str, Any]:
        return _described({"type": "string", "enum": list(self.values)}, self.description)


@dataclass(frozen=True)
class Array(Node):
    of: Node
    min_items: int
    max_items: int
    unique: bool = False
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not list:
            problems.append((path, f"expected a list, found {json_type(value)}", False))
            return
        if len(value) < self.min_items:
            problems.append((path, f"needs at least {self.min_items} entr{'y' if self.min_items == 1 else 'ies'}",
                             False))
        elif len(value) > self.max_items:
            problems.append((path, f"has {len(value)} entries; the limit is {self.max_items}", False))
            return
        seen: set[Any] = set()
        check = self.of.check
        for index, element in enumerate(value):
            here = (*path, index)
            check(element, here, problems)
            if self.unique and isinstance(element, str | int):
                if element in seen:
                    problems.append((here, f"{element!r} is listed twice", False))
                seen.add(element)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.of.schema(),
                               "minItems": self.min_items, "maxItems": self.max_items}
        if self.unique:
            out["uniqueItems"] = True
        return _described(out, self.description)


@dataclass(frozen=True)
class Field:
    node: Node
    required: bool = True


@dataclass(frozen=True)
class Obj(Node):
    fields: Mapping[str, Field]
    min_properties: int = 0
    description: str = ""
    extra_check: Callable[[dict[str, Any], JsonPath, list[Problem]], None] | None = field(
        default=None, compare=False)
    extra_schema: Mapping[str, Any] | None = field(default=None, compare=False)  # what extra_check says, as schema

    @functools.cached_property
    def required_names(self) -> frozenset[str]:
        return frozenset(key for key, spec in self.fields.items() if spec.required)

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not dict:
            problems.append((path, f"expected an object, found {json_type(value)}", False))
            return
        fields = self.fields
        for key, element in value.items():
            spec = fields.get(key)
            if spec is None:
                known = ", ".join(sorted(fields))
                problems.append(((*path, key), f"unknown field {key!r}; known fields: {known}", True))
            else:
                spec.node.check(element, (*path, key), problems)
        if not self.required_names <= value.keys():
            for key in self.fields:
                if key in self.required_names and key not in value:
                    problems.append((path, f"missing required field {key!r}", False))
        if len(value) < self.min_properties:
            problems.append((path, f"needs at least {self.min_properties} of: {', '.join(fields)}", False))
        if self.extra_check is not None:
            self.extra_check(value, path, problems)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {key: spec.node.schema() for key, spec in self.fields.items()},
            "additionalProperties": False,
        }
        required = [key for key, spec in self.fields.items() if spec.required]
        if required:
            out["required"] = required
        if self.min_properties:
            out["minProperties"] = self.min_properties
        if self.extra_schema:
            out.update(self.extra_schema)
        return _described(out, self.description)


@dataclass(frozen=True)
class ByVersion(Node):
    """An object whose shape depends on its format version: `versions` maps each version number the app
    reads to the object description for it."""

    key: str
    versions: Mapping[int, Obj]
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not dict:
            problems.append((path, f"expected an object, found {json_type(value)}", False))
            return
        if self.key not in value:
            problems.append((path, f"missing required field {self.key!r}", False))
            return
        version = value[self.key]
        spec = self.versions.get(version) if type(version) in (int, float) else None
        if spec is None:
            readable = " or ".join(str(v) for v in self.versions)
            problems.append(((*path, self.key), f"must be {readable}; this app reads version {readable} files",
                             False))
            return
        spec.check(value, path, problems)

    def schema(self) -> dict[str, Any]:
        return _described({
            "type": "object",
            "required": [self.key],
            "properties": {self.key: {"enum": list(self.versions)}},
            "allOf": [{"if": {"properties": {self.key: {"const": version}}}, "then": spec.schema()}
                      for version, spec in self.versions.items()],
        }, self.description)


@dataclass(frozen=True)
class Map(Node):
    """An object whose field names the author chooses (ids, file names); every value has one description."""

    keys: Str
    values: Node
    max_items: int
    description: str = ""

    def check(self, value: Any, path: JsonPath, problems: list[Problem]) -> None:
        if type(value) is not dict:
            problems.append((path, f"expected an object, found {json_type(value)}", False))
            return
        if len(value) > self.max_items:
            problems.append((path, f"has {len(value)} entries; the limit is {self.max_items}", False))
            return
        for key, element in value.items():
            here = (*path, key)
            key_problems: list[Problem] = []
            self.keys.check(key, here, key_problems)
            # A bad name is the key's fault, so point at the key rather than at its value.
            problems.extend((where, f"the name {key!r} {message}", True) for where, message, _ in key_problems)
            self.values.check(element, here, problems)

    def schema(self) -> dict[str, Any]:
        return _described({"type": "object", "propertyNames": self.keys.schema(),
                           "additionalProperties": self.values.schema(), "maxProperties": self.max_items},
                          self.description)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_surrogates(text: str, value: Any, problems: list[Problem]) -> None:
    """Strings must be valid Unicode; only a \\uD800-style escape in the raw text can break that."""
    if not _SURROGATE_ESCAPE.search(text):
        return

    def walk(node: Any, path: JsonPath) -> None:
        if isinstance(node, str):
            if _SURROGATES.search(node):
                problems.append((path, "contains an invalid \\u escape (an unpaired surrogate)", False))
        elif isinstance(node, dict):
            for key, child in node.items():
                if _SURROGATES.search(key):
                    problems.append(((*path, key), "the field name contains an unpaired surrogate", True))
                walk(child, (*path, key))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, (*path, index))

    walk(value, ())


def _described(out: dict[str, Any], description: str) -> dict[str, Any]:
    if description:
        out["description"] = description
    return out


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def format_json_path(path: JsonPath) -> str:
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", part):
            out.append(f".{part}")
        else:
            out.append("[" + json.dumps(part) + "]")
    return "".join(out)
