"""Reading JSON text strictly, with the line and column of every value.

The fast path is the standard library's C parser; when it reports anything
wrong, this slower parser runs to say exactly where, and it also maps every
value of a valid document to its position for validation messages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from privacy_checkup.core.spec import JsonPath, format_json_path

Position = tuple[int, int]  # 1-based line and column (in characters)

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_STRING_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class JsonTextError(Exception):
    """Malformed JSON text; `offset` is a character offset into the text."""

    def __init__(self, offset: int, message: str, path: JsonPath = ()) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message
        self.path = path


@dataclass
class Located:
    value: Any
    values: dict[JsonPath, int]  # path -> offset of the value
    keys: dict[JsonPath, int]  # path -> offset of the key naming it

    def position(self, text: str, path: JsonPath, at_key: bool = False) -> Position:
        table = self.keys if at_key and path in self.keys else self.values
        while path not in table and path:
            path = path[:-1]
        return offset_to_position(text, table.get(path, 0))


def offset_to_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class _Parser:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.values: dict[JsonPath, int] = {}
        self.keys: dict[JsonPath, int] = {}

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        assert match is not None
        return match.end()

    def parse(self) -> Located:
        pos = self.skip(0)
        if pos >= len(self.text):
            raise JsonTextError(pos, "the file is empty; expected a JSON object")
        value, pos = self.value(pos, (), 1)
        pos = self.skip(pos)
        if pos != len(self.text):
            raise JsonTextError(pos, "unexpected text after the end of the JSON value")
        return Located(value, self.values, self.keys)

    def value(self, pos: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        text = self.text
        self.values[path] = pos
        if pos >= len(text):
            raise JsonTextError(pos, "unexpected end of file; the file looks truncated", path)
        char = text[pos]
        if char == "{" or char == "[":
            if depth > self.max_depth:
                raise JsonTextError(pos, f"nested deeper than {self.max_depth} levels", path)
            return (self.obj if char == "{" else self.array)(pos, path, depth)
        if char == '"':
            return self.string(pos, path)
        for word, constant in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                return constant, pos + len(word)
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, pos):
                raise JsonTextError(pos, f"{word} is not allowed; JSON numbers must be finite", path)
        match = _NUMBER.match(text, pos)
        if match and match.end() > pos:
            token = match.group()
            if any(c in token for c in ".eE"):
                number: Any = float(token)
                if number in (float("inf"), float("-inf")):
                    raise JsonTextError(pos, f"the number {token} is too large", path)
            else:
                if len(token) > 40:
                    raise JsonTextError(pos, "the number has too many digits", path)
                number = int(token)
            return number, match.end()
        snippet = text[pos:pos + 12].split("\n")[0]
        raise JsonTextError(pos, f"expected a JSON value, found {snippet!r}", path)

    def obj(self, pos: int, path: JsonPath, depth: int) -> tuple[dict[str, Any], int]:
        text = self.text
        out: dict[str, Any] = {}
        pos = self.skip(pos + 1)
        if pos < len(text) and text[pos] == "}":
            return out, pos + 1
        while True:
            if pos >= len(text):
                raise JsonTextError(pos, "unexpected end of file inside an object; the file looks truncated", path)
            if text[pos] != '"':
                raise JsonTextError(pos, "expected a field name in double quotes", path)
            key_pos = pos
            key, pos = self.string(pos, path)
            child = (*path, key)
            if key in out:
                first = offset_to_position(text, self.keys[child])
                raise JsonTextError(key_pos, f"duplicate field {key!r} (first at line {first[0]}, "
                                             f"column {first[1]})", child)
            self.keys[child] = key_pos
            pos = self.skip(pos)
            if pos >= len(text) or text[pos] != ":":
                raise JsonTextError(pos, f"expected ':' after the field name {key!r}", child)
            pos = self.skip(pos + 1)
            out[key], pos = self.value(pos, child, depth + 1)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos = self.skip(pos + 1)
                if pos < len(text) and text[pos] == "}":
                    raise JsonTextError(pos, "trailing comma before '}'", path)
                continue
            if pos < len(text) and text[pos] == "}":
                return out, pos + 1
            if pos >= len(text):
                raise JsonTextError(pos, "unexpected end of file inside an object; the file looks truncated", path)
            raise JsonTextError(pos, "expected ',' or '}' after a field", child)

    def array(self, pos: int, path: JsonPath, depth: int) -> tuple[list[Any], int]:
        text = self.text
        out: list[Any] = []
        pos = self.skip(pos + 1)
        if pos < len(text) and text[pos] == "]":
            return out, pos + 1
        while True:
            child = (*path, len(out))
            value, pos = self.value(pos, child, depth + 1)
            out.append(value)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos = self.skip(pos + 1)
                if pos < len(text) and text[pos] == "]":
                    raise JsonTextError(pos, "trailing comma before ']'", path)
                continue
            if pos < len(text) and text[pos] == "]":
                return out, pos + 1
            if pos >= len(text):
                raise JsonTextError(pos, "unexpected end of file inside a list; the file looks truncated", path)
            raise JsonTextError(pos, "expected ',' or ']' after a list entry", child)

    def string(self, pos: int, path: JsonPath) -> tuple[str, int]:
        text = self.text
        parts: list[str] = []
        pos += 1
        while True:
            match = _STRING_CHUNK.match(text, pos)
            assert match is not None
            parts.append(match.group())
            pos = match.end()
            if pos >= len(text):
                raise JsonTextError(pos, "unexpected end of file inside a string; a closing quote is missing", path)
            char = text[pos]
            if char == '"':
                return "".join(parts), pos + 1
            if char == "\\":
                escape = text[pos + 1:pos + 2]
                if escape in _ESCAPES:
                    parts.append(_ESCAPES[escape])
                    pos += 2
                elif escape == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[pos + 2:pos + 6]):
                    parts.append(chr(int(text[pos + 2:pos + 6], 16)))
                    pos += 6
                else:
                    raise JsonTextError(pos, "invalid escape sequence in a string", path)
            else:
                name = "a line break" if char in "\r\n" else f"the control character U+{ord(char):04X}"
                raise JsonTextError(pos, f"{name} inside a string must be escaped", path)


def locate(text: str, max_depth: int) -> Located:
    """Parse `text` strictly, recording where every value and key starts."""
    return _Parser(text, max_depth).parse()


class _Rejected(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Rejected
    return out


def _no_constants(name: str) -> Any:
    raise _Rejected


def parse_fast(text: str, max_depth: int) -> Any:
    """Parse with the C parser; on any problem, re-parse slowly to say where."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except (ValueError, _Rejected, RecursionError):  # ValueError: also numbers longer than int() accepts
        pass
    located = locate(text, max_depth)  # raises JsonTextError with the position
    return located.value  # pragma: no cover - the two parsers disagreed; trust the strict one


def describe(error: JsonTextError) -> str:
    return f"{error.message} (at {format_json_path(error.path)})"
