"""The layered catalog: bundled checklists, then the office's, then the user's own.

Later layers win by checklist id. One bad file never stops the others, and
the catalog remembers which layer each checklist came from.
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from privacy_checkup.core.errors import ChecklistError, Diagnostic, PackError
from privacy_checkup.core.loader import KnownGood, checklist_files, load_files, parse_files
from privacy_checkup.core.model import Checklist


class Layer(StrEnum):
    BUNDLED = "bundled"
    OFFICE = "office"
    USER = "user"


class LayerSource(NamedTuple):
    layer: Layer
    folder: Path
    signature: str | None = None  # "verified by <organisation>" when the folder is a verified signed pack
    # A verified pack's file contents: loading these bytes, not the folder again, means a file
    # swapped after verification is never the one loaded.
    files: tuple[tuple[Path, bytes], ...] | None = None


class Entry(NamedTuple):
    checklist: Checklist
    layer: Layer
    path: Path
    overrides: tuple[Layer, ...] = ()  # lower layers this entry replaced
    signature: str | None = None  # "verified by <organisation>", or None when not from a verified pack
    last_good_from: dt.datetime | None = None  # the file is bad: this is its last good copy, validated then


class Catalog:
    """The merged checklists, the files that could not be used, and the office packs refused (their
    checklists were not loaded)."""

    def __init__(self, entries: dict[str, Entry] | None = None, errors: list[ChecklistError] | None = None,
                 rejected_packs: list[PackError] | None = None) -> None:
        self.entries: dict[str, Entry] = {} if entries is None else entries
        self.errors: list[ChecklistError] = [] if errors is None else errors
        self.rejected_packs: list[PackError] = [] if rejected_packs is None else rejected_packs

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.entries.values(), key=lambda e: e.checklist.title.casefold()))

    def get(self, checklist_id: str) -> Checklist | None:
        entry = self.entries.get(checklist_id)
        return entry.checklist if entry else None

    @property
    def checklists(self) -> list[Checklist]:
        return [entry.checklist for entry in self]


def build_catalog(layers: list[LayerSource], locked_layers: frozenset[Layer] = frozenset(),
                  closed_layers: frozenset[Layer] = frozenset(), known: KnownGood | None = None) -> Catalog:
    """Merge `layers` in order. A checklist in a layer listed in `locked_layers`
    cannot be replaced by a later layer (an office forbidding user overrides), and a
    layer in `closed_layers` cannot add ids no earlier layer has. Each ignored file is reported.
    `known` holds the last good copy of each file (see `loader.load_files`)."""
    catalog = Catalog()
    for source in layers:
        result = (load_files(checklist_files(source.folder), known) if source.files is None
                  else parse_files(source.files, known))
        catalog.errors.extend(result.errors)
        seen_here: dict[str, Path] = {}
        for path, checklist in result.checklists:
            if checklist.id in seen_here:
                catalog.errors.append(ChecklistError([Diagnostic(
                    str(path), 1, 1,
                    f"checklist id {checklist.id!r} is already used by {seen_here[checklist.id]}", "$.id")]))
                continue
            seen_here[checklist.id] = path
            previous = catalog.entries.get(checklist.id)
            if previous is not None and previous.layer in locked_layers:
                catalog.errors.append(ChecklistError([Diagnostic(
                    str(path), 1, 1,
                    f"the {previous.layer.value} checklist {checklist.id!r} may not be replaced; "
                    f"this copy is ignored", "$.id")]))
                continue
            if previous is None and source.layer in closed_layers:
                catalog.errors.append(ChecklistError([Diagnostic(
                    str(path), 1, 1,
                    f"the office policy does not allow adding {source.layer.value} checklists; "
                    f"{checklist.id!r} is ignored", "$.id")]))
                continue
            overrides = (*previous.overrides, previous.layer) if previous else ()
            catalog.entries[checklist.id] = Entry(checklist, source.layer, path, overrides, source.signature,
                                                  result.last_good.get(path))
    return catalog
