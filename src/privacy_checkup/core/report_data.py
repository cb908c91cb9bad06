"""What a report says, built from checklists, answers and statuses (no files, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from privacy_checkup.core.model import Checklist, Persona
from privacy_checkup.core.review import AnsweredItem, ChecklistStatus, ItemState

UNANSWERED = "unanswered"


@dataclass(frozen=True)
class ItemRecord:
    item_id: str
    item_revision: int
    title: str
    section: str
    risk: str
    state: str                       # done / skipped / not_applicable / unanswered (changed ones included)
    answered_at: datetime | None
    answered_revision: int | None    # the revision the answer was given for
    changed: bool                    # answered at another revision: "changed since your last review"
    stale: bool
    note: str | None = None          # only when the person opted in and the vault was unlocked


@dataclass(frozen=True)
class ChecklistRecord:
    checklist_id: str
    title: str
    version: int
    last_verified: str
    status: ChecklistStatus
    items: tuple[ItemRecord, ...]


@dataclass(frozen=True)
class ReportData:
    app_version: str
    generated_at: datetime
    persona: Persona
    checklists: tuple[ChecklistRecord, ...]
    includes_notes: bool = False


def build_report(checklists: Sequence[tuple[Checklist, ChecklistStatus]], persona: Persona,
                 answers: Mapping[str, Mapping[str, AnsweredItem]], generated_at: datetime, app_version: str,
                 notes: Mapping[tuple[str, str], str] | None = None) -> ReportData:
    """One record per item that applies to `persona`, in the order the wizard shows them.

    `notes` is None unless the person explicitly chose to include them; the
    report never reads the vault itself.
    """
    records = []
    for checklist, status in checklists:
        given = answers.get(checklist.id, {})
        section_of = {item.id: section.title for section in checklist.sections for item in section.items}
        stale = set(status.stale_items)
        items = []
        for item in checklist.items_for(persona):
            answer = given.get(item.id)
            item_state = status.item_states.get(item.id, ItemState.UNANSWERED)
            changed = item_state is ItemState.CHANGED
            items.append(ItemRecord(
                item_id=item.id, item_revision=item.revision, title=item.title, section=section_of[item.id],
                risk=item.risk.value,
                state=UNANSWERED if changed else item_state.value,
                answered_at=None if answer is None or item_state is ItemState.UNANSWERED else answer.answered_at,
                answered_revision=None if answer is None else answer.item_revision,
                changed=changed, stale=item.id in stale,
                note=None if notes is None else notes.get((checklist.id, item.id)),
            ))
        records.append(ChecklistRecord(checklist.id, checklist.title, checklist.version,
                                       checklist.last_verified.isoformat(), status, tuple(items)))
    return ReportData(app_version, generated_at, persona, tuple(records), includes_notes=notes is not None)
