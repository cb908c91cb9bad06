"""Reading a strict JSON document against a declarative spec, with every problem's exact position."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from privacy_checkup.core.errors import ChecklistError, Diagnostic, InvalidFileError, read_limited
from privacy_checkup.core.jsontext import JsonTextError, locate, offset_to_position, parse_fast
from privacy_checkup.core.spec import Node, Problem, check_surrogates, format_json_path


def read_json_document(path: Path, spec: Node, max_bytes: int, max_depth: int,
                       error_type: type[InvalidFileError] = ChecklistError) -> dict[str, Any]:
    """Read `path` as strict JSON checked against `spec`; raise `error_type` naming every problem."""
    data = read_limited(path, max_bytes, error_type)
    return parse_document(data, str(path), spec, max_bytes, max_depth, error_type)


def parse_document(data: bytes, label: str, spec: Node, max_bytes: int, max_depth: int,
                   error_type: type[InvalidFileError] = ChecklistError) -> dict[str, Any]:
    if len(data) > max_bytes:
        raise error_type([Diagnostic(label, 1, 1, f"the file is larger than the {max_bytes // 1024} KiB limit")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte order mark, as some Windows editors write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        message = f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise error_type([Diagnostic(label, line, column, message)]) from None
    try:
        value = parse_fast(text, max_depth)
    except JsonTextError as exc:
        line, column = offset_to_position(text, exc.offset)
        raise error_type([Diagnostic(label, line, column, exc.message, format_json_path(exc.path))]) from None
    problems: list[Problem] = []
    spec.check(value, (), problems)
    check_surrogates(text, value, problems)
    if problems:
        raise error_type(_locate_problems(text, label, problems, max_depth))
    return value  # type: ignore[no-any-return]


def _locate_problems(text: str, label: str, problems: list[Problem], max_depth: int) -> list[Diagnostic]:
    try:
        located = locate(text, max_depth)
    except JsonTextError as exc:  # e.g. nesting the C parser accepted but our limit does not
        line, column = offset_to_position(text, exc.offset)
        return [Diagnostic(label, line, column, exc.message, format_json_path(exc.path))]
    out = []
    for path, message, at_key in problems:
        line, column = located.position(text, path, at_key)
        out.append(Diagnostic(label, line, column, message, format_json_path(path)))
    return out
