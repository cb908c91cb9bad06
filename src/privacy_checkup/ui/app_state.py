"""What every screen shares: the catalog, the progress store, the notes vault and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.model import Checklist, Surface
from privacy_checkup.core.schedule import ChecklistStatus, DueState, checklist_status
from privacy_checkup.storage.keystore import KeyStore
from privacy_checkup.storage.progress import ProgressStore
from privacy_checkup.storage.vault import NotesVault
from privacy_checkup.ui.problem_report import ReportDestination


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_tz() -> dt.tzinfo:
    return dt.datetime.now().astimezone().tzinfo or dt.UTC


# Overdue first, then what needs attention soonest; ties keep the person's own order.
STATE_ORDER = {DueState.OVERDUE: 0, DueState.DUE_SOON: 1, DueState.IN_PROGRESS: 2,
               DueState.NEVER_REVIEWED: 3, DueState.UP_TO_DATE: 4}


@dataclass
class AppState:
    catalog: Catalog
    store: ProgressStore
    vault: NotesVault
    keys: KeyStore | None = None  # lets the vault be reopened with the store (after a backup import)
    clock: Callable[[], dt.datetime] = utc_now
    tz: dt.tzinfo = field(default_factory=local_tz)
    report_destination: ReportDestination = field(default_factory=ReportDestination)

    def reopen_store(self, path: Path) -> None:
        """Open the store at `path` again (after it was replaced) with a vault on the same key store."""
        self.store = ProgressStore.open(path)
        if self.keys is not None:
            self.vault = NotesVault(self.store, self.keys)

    def now(self) -> dt.datetime:
        return self.clock()

    def surface_for(self, checklist: Checklist) -> Surface:
        chosen = self.store.profile().surfaces.get(checklist.id)
        if chosen is not None:
            return chosen
        first = next((s for s in Surface if any(s in item.steps for item in checklist.items)), Surface.WEB)
        return first

    def status(self, checklist: Checklist) -> ChecklistStatus:
        store = self.store
        last = store.last_completed_review(checklist.id)
        open_review = store.open_review(checklist.id)
        return checklist_status(
            checklist, store.profile().persona,
            last.completed_at if last else None,
            open_review.started_at if open_review else None,
            store.latest_answers(checklist.id), self.now(), self.tz)

    def chosen_checklists(self) -> list[tuple[Checklist, ChecklistStatus]]:
        """The person's platforms that the catalog has, most urgent first."""
        rows = []
        for position, checklist_id in enumerate(self.store.profile().platforms):
            checklist = self.catalog.get(checklist_id)
            if checklist is not None:
                rows.append((position, checklist, self.status(checklist)))
        rows.sort(key=lambda row: (STATE_ORDER[row[2].state], row[0]))
        return [(checklist, status) for _, checklist, status in rows]

    def missing_platforms(self) -> list[str]:
        """Chosen platform ids whose checklist is not in the catalog (removed, or its file is broken)."""
        return [cid for cid in self.store.profile().platforms if self.catalog.get(cid) is None]
