"""Loading checklist files into the frozen model: validated, or recalled as validated before.

The validator is imported only when a file is new or has changed since its last good copy, so a
start-up with nothing changed never loads it (see bench/startup.py).
"""

import datetime as dt
import functools
import gc
import importlib.util
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from privacy_checkup.core.checklist_limits import MAX_FILE_BYTES
from privacy_checkup.core.errors import ChecklistError, read_limited
from privacy_checkup.core.model import (
    Checklist,
    HelpLink,
    Item,
    Persona,
    Priority,
    Risk,
    Section,
    Source,
    Surface,
    Verification,
)
from privacy_checkup.core.pack_names import PACK_MANIFEST_NAME


def validated_document(data: bytes, label: str) -> dict[str, Any]:
    """`data` checked against the checklist format; raises ChecklistError naming every problem."""
    from privacy_checkup.core import checklist_format as fmt
    from privacy_checkup.core.documents import parse_document

    return parse_document(data, label, fmt.CHECKLIST, fmt.MAX_FILE_BYTES, fmt.MAX_DEPTH)


def load_checklist(path: Path) -> Checklist:
    """Load one checklist file; raise ChecklistError listing every problem with its position."""
    return parse_checklist(read_limited(path, MAX_FILE_BYTES), str(path))


def parse_checklist(data: bytes, label: str) -> Checklist:
    return build_checklist(validated_document(data, label))


def fingerprint(data: bytes) -> str:
    """Names exactly these bytes, as Python's hash-based .pyc files name their source (PEP 552).
    A match only ever brings back a document that passed validation, so it needs no cryptography."""
    return importlib.util.source_hash(data).hex()


class KnownCopy(NamedTuple):
    """A checklist file's document as it last passed validation."""

    fingerprint: str
    document: dict[str, Any]
    validated_at: dt.datetime


class KnownGood(Protocol):
    """Where the last good copy of each checklist file is kept (storage keeps them on disk)."""

    def recall(self, path: Path) -> KnownCopy | None: ...

    def remember(self, path: Path, copy_fingerprint: str, document: dict[str, Any]) -> None: ...


_SURFACES = {s.value: s for s in Surface}
_PERSONAS = {p.value: p for p in Persona}
_RISKS = {r.value: r for r in Risk}
_PRIORITIES = {p.value: p for p in Priority}
_VERIFICATIONS = {v.value: v for v in Verification}
# A version 1 file says neither how soon an item matters nor how long it takes: high-risk items are
# taken as essential, and the minutes are estimated from the steps (docs/checklists.md).
_V1_PRIORITY = {Risk.HIGH: Priority.ESSENTIAL, Risk.MEDIUM: Priority.RECOMMENDED, Risk.LOW: Priority.EXTRA}


def _sources(raw: list[dict[str, Any]]) -> tuple[Source, ...]:
    return tuple(Source(title=s["title"], url=s["url"], official=bool(s.get("official", False)),
                        surfaces=_surfaces(tuple(s.get("surfaces", ())))) for s in raw)


@functools.lru_cache(maxsize=16)
def _surfaces(values: tuple[str, ...]) -> frozenset[Surface]:
    return frozenset(_SURFACES[v] for v in values)


def estimated_minutes(steps: dict[Surface, tuple[str, ...]]) -> int:
    """A version 1 item's minutes: about half a minute a step on its longest device, at least one."""
    return max(1, (max(len(s) for s in steps.values()) + 1) // 2)


# Values many items share are made once and shared (the model is immutable): a catalog of 10,000
# files then needs about half the memory (72 -> 37 MiB per 1,000), and loading stays linear (see bench/loading.py).
_NO_NOTES: Mapping[Persona, str] = MappingProxyType({})


@functools.lru_cache(maxsize=64)
def _personas(values: tuple[str, ...]) -> frozenset[Persona]:
    return frozenset(_PERSONAS[p] for p in values)


@functools.lru_cache(maxsize=1024)
def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _item(raw: dict[str, Any]) -> Item:
    notes = raw.get("persona_notes")
    # Steps recur ("Tap Settings" 71 times in the bundled checklists: 3,013 steps, 1,005 distinct).
    steps = {_SURFACES[key]: tuple(map(sys.intern, steps)) for key, steps in raw["steps"].items()}
    risk = _RISKS[raw["risk"]]
    given = "minutes" in raw
    return Item(
        id=raw["id"],
        revision=int(raw["revision"]),
        title=raw["title"],
        why=raw["why"],
        recommended=raw["recommended"],
        steps=steps,
        risk=risk,
        personas=_personas(tuple(raw["personas"])),
        sources=_sources(raw["sources"]),
        last_verified=_date(raw["last_verified"]),
        persona_notes={_PERSONAS[key]: note for key, note in notes.items()} if notes else _NO_NOTES,
        maintainer_note=raw.get("maintainer_note", ""),
        priority=_PRIORITIES[raw["priority"]] if "priority" in raw else _V1_PRIORITY[risk],
        minutes=int(raw["minutes"]) if given else estimated_minutes(steps),
        verified_by=_VERIFICATIONS[raw.get("verified_by", "unknown")],
        verified_on=raw.get("verified_on", ""),
        no_official_page=raw.get("no_official_page", ""),
        minutes_given=given,
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
        maintainer_contact=raw.get("maintainer_contact", ""),
        help_links=tuple(HelpLink(link["kind"], link["title"], link["url"]) for link in raw.get("help_links", ())),
    )


class LoadResult(NamedTuple):
    """What a folder gave: the good checklists and the errors of the bad files. A bad file whose last
    good copy is used instead is in both, and in `last_good` with when that copy was validated."""

    checklists: tuple[tuple[Path, Checklist], ...]
    errors: tuple[ChecklistError, ...]
    last_good: Mapping[Path, dt.datetime] = MappingProxyType({})


# Files that share the bundled folder with the checklists but are not checklists.
NOT_CHECKLISTS = frozenset({PACK_MANIFEST_NAME, "glossary.json", "emergency.json"})


def is_checklist_file_name(name: str) -> bool:
    """Schemas (checklist, policy, glossary), a signed pack's manifest, the glossary and the emergency guide
    share the folder but are not checklists."""
    return name.endswith(".json") and not name.endswith(".schema.json") and name not in NOT_CHECKLISTS


def checklist_files(folder: Path) -> list[Path]:
    """The checklist files in `folder`, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if is_checklist_file_name(p.name) and p.is_file())


def load_files(paths: Iterable[Path], known: KnownGood | None = None) -> LoadResult:
    """Load each file on its own: one bad file never stops the others. With `known`, a file is
    validated only when it differs from its last good copy, and a bad file's last good copy stays
    in use (and is reported) until the file is fixed."""
    return _load_each(((path, _read) for path in paths), known, keep_last_good=True)


def parse_files(documents: Iterable[tuple[Path, bytes]], known: KnownGood | None = None) -> LoadResult:
    """Like `load_files` for contents already read and checked, as a signed pack's are. A bad file
    in a signed pack is not replaced by an older copy: what the office signed is what counts."""
    contents = dict(documents)
    return _load_each(((path, contents.__getitem__) for path in contents), known, keep_last_good=False)


def _read(path: Path) -> bytes:
    return read_limited(path, MAX_FILE_BYTES)


def _load_each(jobs: Iterable[tuple[Path, Callable[[Path], bytes]]], known: KnownGood | None,
               keep_last_good: bool) -> LoadResult:
    good: list[tuple[Path, Checklist]] = []
    bad: list[ChecklistError] = []
    last_good: dict[Path, dt.datetime] = {}
    # The model has no reference cycles; without this, the cyclic collector rescans every
    # checklist already loaded and loading 10x the files takes ~13x the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path, read in jobs:
            copy = known.recall(path) if known is not None else None
            try:
                good.append((path, _load(path, read(path), copy, known)))
            except ChecklistError as exc:
                bad.append(exc)
                kept = _from_copy(copy) if keep_last_good and copy is not None else None
                if kept is not None and copy is not None:
                    exc.last_good_from = last_good[path] = copy.validated_at
                    good.append((path, kept))
    finally:
        if collecting:
            gc.enable()
    return LoadResult(tuple(good), tuple(bad), last_good)


def _load(path: Path, data: bytes, copy: KnownCopy | None, known: KnownGood | None) -> Checklist:
    if known is None:
        return parse_checklist(data, str(path))
    data_fingerprint = fingerprint(data)
    if copy is not None and copy.fingerprint == data_fingerprint:
        recalled = _from_copy(copy)
        if recalled is not None:
            return recalled
    document = validated_document(data, str(path))
    known.remember(path, data_fingerprint, document)
    return build_checklist(document)


def _from_copy(copy: KnownCopy) -> Checklist | None:
    """The copy's checklist, or None when the copy is damaged: the file itself is then validated
    (and a good file's copy rewritten), so a damaged copy costs time, never content."""
    try:
        return build_checklist(copy.document)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
