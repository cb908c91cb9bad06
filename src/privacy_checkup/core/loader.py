"""Loading and validating checklist files into the frozen model."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privacy_checkup.core import checklist_format as fmt
from privacy_checkup.core.errors import ChecklistError, Diagnostic, InvalidFileError
from privacy_checkup.core.jsontext import JsonTextError, locate, offset_to_position, parse_fast
from privacy_checkup.core.model import Checklist, Item, Persona, Risk, Section, Source, Surface
from privacy_checkup.core.pack_names import PACK_MANIFEST_NAME
from privacy_checkup.core.spec import Obj, Problem, check_surrogates, format_json_path


def read_json_document(path: Path, spec: Obj, max_bytes: int, max_depth: int,
                       error_type: type[InvalidFileError] = ChecklistError) -> dict[str, Any]:
    """Read `path` as strict JSON checked against `spec`; raise `error_type` naming every problem."""
    label = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error_type([Diagnostic(label, 1, 1, f"cannot read the file: {exc.strerror or exc}")]) from exc
    return parse_document(data, label, spec, max_bytes, max_depth, error_type)


def parse_document(data: bytes, label: str, spec: Obj, max_bytes: int, max_depth: int,
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


def load_checklist(path: Path) -> Checklist:
    """Load one checklist file; raise ChecklistError listing every problem with its position."""
    return build_checklist(read_json_document(path, fmt.CHECKLIST, fmt.MAX_FILE_BYTES, fmt.MAX_DEPTH))


def parse_checklist(data: bytes, label: str) -> Checklist:
    return build_checklist(parse_document(data, label, fmt.CHECKLIST, fmt.MAX_FILE_BYTES, fmt.MAX_DEPTH))


_SURFACES = {s.value: s for s in Surface}
_PERSONAS = {p.value: p for p in Persona}
_RISKS = {r.value: r for r in Risk}


def _sources(raw: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(title=s["title"], url=s["url"]) for s in raw)


def _item(raw: dict[str, Any]) -> Item:
    return Item(
        id=raw["id"],
        revision=int(raw["revision"]),
        title=raw["title"],
        why=raw["why"],
        recommended=raw["recommended"],
        steps={_SURFACES[key]: tuple(steps) for key, steps in raw["steps"].items()},
        risk=_RISKS[raw["risk"]],
        personas=frozenset(_PERSONAS[p] for p in raw["personas"]),
        sources=_sources(raw["sources"]),
        last_verified=dt.date.fromisoformat(raw["last_verified"]),
        persona_notes={_PERSONAS[key]: note for key, note in raw.get("persona_notes", {}).items()},
        maintainer_note=raw.get("maintainer_note", ""),
    )


def build_checklist(raw: dict[str, Any]) -> Checklist:
    """Turn a validated document into the model (call only after validation)."""
    return Checklist(
        id=raw["id"],
        title=raw["title"],
        version=int(raw["version"]),
        last_verified=dt.date.fromisoformat(raw["last_verified"]),
        review_interval_days=int(raw["review_interval_days"]),
        sources=_sources(raw["sources"]),
        sections=tuple(
            Section(id=s["id"], title=s["title"], description=s.get("description", ""),
                    items=tuple(_item(i) for i in s["items"]))
            for s in raw["sections"]
        ),
        description=raw.get("description", ""),
        maintainer_note=raw.get("maintainer_note", ""),
        schema_version=int(raw["schema_version"]),
    )


@dataclass(frozen=True)
class LoadResult:
    """What a folder gave: the good checklists and the errors of the bad files."""

    checklists: tuple[tuple[Path, Checklist], ...]
    errors: tuple[ChecklistError, ...]


def is_checklist_file_name(name: str) -> bool:
    """Schemas (checklist, policy) and a signed pack's manifest share the folder but are not checklists."""
    return name.endswith(".json") and not name.endswith(".schema.json") and name != PACK_MANIFEST_NAME


def checklist_files(folder: Path) -> list[Path]:
    """The checklist files in `folder`, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if is_checklist_file_name(p.name) and p.is_file())


def load_files(paths: Iterable[Path]) -> LoadResult:
    """Load each file on its own: one bad file never stops the others."""
    return _load_each((path, load_checklist) for path in paths)


def parse_files(documents: Iterable[tuple[Path, bytes]]) -> LoadResult:
    """Like `load_files` for contents already read (and checked, as a signed pack's are)."""
    contents = dict(documents)
    return _load_each((path, lambda p: parse_checklist(contents[p], str(p))) for path in contents)


def _load_each(jobs: Iterable[tuple[Path, Callable[[Path], Checklist]]]) -> LoadResult:
    good: list[tuple[Path, Checklist]] = []
    bad: list[ChecklistError] = []
    # The model has no reference cycles; without this, the cyclic collector rescans every
    # checklist already loaded and loading 10x the files takes ~13x the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path, load in jobs:
            try:
                good.append((path, load(path)))
            except ChecklistError as exc:
                bad.append(exc)
    finally:
        if collecting:
            gc.enable()
    return LoadResult(tuple(good), tuple(bad))
