"""What every screen shares: the catalog and office policy, the progress store, the notes vault, the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.errors import PrivacyCheckupError
from privacy_checkup.core.model import Checklist, Surface
from privacy_checkup.core.policy import Policy, PolicyResult
from privacy_checkup.core.review import ChecklistStatus, ReviewRules, review_status
from privacy_checkup.core.schedule import DueState, Zone
from privacy_checkup.session.app_catalog import review_rules
from privacy_checkup.session.overview import history_of, overview
from privacy_checkup.storage.keystore import KeyStore
from privacy_checkup.storage.progress import ProgressStore

if TYPE_CHECKING:
    from privacy_checkup.storage.vault import NotesVault


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Overdue first, then what needs attention soonest; ties keep the person's own order.
STATE_ORDER = {DueState.OVERDUE: 0, DueState.INCOMPLETE: 1, DueState.DUE_SOON: 2, DueState.IN_PROGRESS: 3,
               DueState.NEVER_REVIEWED: 4, DueState.UP_TO_DATE: 5}


class AppState:
    def __init__(self, catalog: Catalog, store: ProgressStore, keys: KeyStore, *,
                 clock: Callable[[], dt.datetime] = utc_now, tz: Zone = None,
                 policy_result: PolicyResult | None = None, verified_by: str | None = None) -> None:
        self.catalog = catalog
        self.store = store
        self.keys = keys  # where the notes key lives (the OS keyring in the app)
        self.clock = clock
        self.tz = tz  # None: dates are the machine's local dates (core/schedule.py's Zone)
        self.policy_result = policy_result if policy_result is not None else PolicyResult(Policy())
        self.verified_by = verified_by  # the organisation whose signed checklist pack was verified
        self._vault: NotesVault | None = None

    @property
    def vault(self) -> NotesVault:
        """The notes vault, opened when notes are first needed: the dashboard never needs the crypto code."""
        if self._vault is None:
            from privacy_checkup.storage.vault import NotesVault

            self._vault = NotesVault(self.store, self.keys)
        return self._vault

    @property
    def policy(self) -> Policy:
        return self.policy_result.policy

    @property
    def rules(self) -> ReviewRules:
        return review_rules(self.policy)

    @property
    def help_link(self) -> str | None:
        """The office's help contact (mailto: or https:), when its policy names one."""
        return self.policy.help_link

    def reopen_store(self, path: Path) -> None:
        """Open the store at `path` again (after it was replaced); the vault follows it on the same key store."""
        self.store = ProgressStore.open(path)
        self._vault = None

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()

    def surface_for(self, checklist: Checklist) -> Surface:
        chosen = self.store.profile().surfaces.get(checklist.id)
        if chosen is not None:
            return chosen
        return next((s for s in Surface if any(s in item.steps for item in checklist.items)), Surface.WEB)

    def interval_days(self, checklist: Checklist) -> int:
        return self.policy.review_interval_days(checklist)

    def status(self, checklist: Checklist) -> ChecklistStatus:
        store = self.store
        profile = store.profile()
        history = history_of(store.summaries().get(checklist.id), profile.chosen_at.get(checklist.id))
        return review_status(checklist, profile.persona, history, store.latest_answers(checklist.id), self.now(),
                             self.tz, self.rules)

    def chosen_checklists(self) -> list[tuple[Checklist, ChecklistStatus]]:
        """The person's platforms that the catalog has, most urgent first (the same numbers as `status`)."""
        view = overview(self.store, self.catalog, self.now(), self.tz, self.rules)
        rows = sorted(enumerate(view.entries), key=lambda row: (STATE_ORDER[row[1][1].state], row[0]))
        return [entry for _, entry in rows]

    def missing_platforms(self) -> list[str]:
        """Chosen platform ids whose checklist is not in the catalog (removed, or its file is broken)."""
        return [cid for cid in self.store.profile().platforms if self.catalog.get(cid) is None]

    def problems(self) -> list[PrivacyCheckupError]:
        """Files the app could not use: checklists, a rejected office pack, the office policy."""
        return [*self.catalog.errors, *self.catalog.rejected_packs, *self.policy_result.errors]
