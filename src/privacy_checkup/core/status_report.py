"""Checklist statuses as JSON-ready rows, and whether any needs attention, for `privacy-checkup status`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from privacy_checkup.core.model import Checklist
from privacy_checkup.core.schedule import ChecklistStatus, DueState


class StatusRow(TypedDict):
    """One checklist's status in plain JSON types (dates as ISO `YYYY-MM-DD` strings)."""

    id: str
    title: str
    state: str
    last_reviewed: str | None
    next_due: str | None
    days_until_due: int | None
    answered: int
    total: int
    changed_items: int
    stale: bool


def status_row(checklist: Checklist, status: ChecklistStatus) -> StatusRow:
    if status.checklist_id != checklist.id:
        raise ValueError(f"the status of {status.checklist_id!r} was paired with checklist {checklist.id!r}")
    return StatusRow(
        id=checklist.id,
        title=checklist.title,
        state=status.state.value,
        last_reviewed=None if status.last_reviewed is None else status.last_reviewed.isoformat(),
        next_due=None if status.next_due is None else status.next_due.isoformat(),
        days_until_due=status.days_until_due,
        answered=status.answered,
        total=status.total,
        changed_items=len(status.changed_items),
        stale=status.stale,
    )


def status_rows(entries: Iterable[tuple[Checklist, ChecklistStatus]]) -> list[StatusRow]:
    """One row per (checklist, its status), in the order given (the caller chooses the user's order)."""
    return [status_row(checklist, status) for checklist, status in entries]


def needs_attention(statuses: Iterable[ChecklistStatus]) -> bool:
    """True when at least one checklist is overdue."""
    return any(status.state is DueState.OVERDUE for status in statuses)
